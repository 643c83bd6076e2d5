import type { MerchantBindingStore } from './merchant-binding-store';
import type { MerchantStore } from './merchant-store';

/** Xiamen-like demo merchants: some ODR, some with the seven-day return commitment, a rights station. */
export const DEMO_MERCHANTS = [
  {
    name: '厦门鹭岛电器城',
    address: '福建省厦门市思明区湖滨南路88号',
    district: '思明区',
    badges: { odr: true, noReasonReturn: true, rightsStation: true },
  },
  {
    name: '中山路老字号餐厅',
    address: '福建省厦门市思明区中山路120号',
    district: '思明区',
    badges: { odr: false, noReasonReturn: false, rightsStation: false },
  },
  {
    name: '湖里万达数码旗舰店',
    address: '福建省厦门市湖里区仙岳路4666号',
    district: '湖里区',
    badges: { odr: true, noReasonReturn: true, rightsStation: false },
  },
  {
    name: '集美学村培训中心',
    address: '福建省厦门市集美区嘉庚路18号',
    district: '集美区',
    badges: { odr: false, noReasonReturn: false, rightsStation: false },
  },
  {
    name: '鼓浪屿旅游服务公司',
    address: '福建省厦门市思明区鼓浪屿龙头路2号',
    district: '思明区',
    badges: { odr: true, noReasonReturn: false, rightsStation: true },
  },
  {
    name: '海沧家居广场',
    address: '福建省厦门市海沧区滨湖北路99号',
    district: '海沧区',
    badges: { odr: false, noReasonReturn: true, rightsStation: true },
  },
] as const;

export async function seedDemo(merchants: MerchantStore) {
  const created = [];
  for (const m of DEMO_MERCHANTS) created.push(await merchants.create({ ...m, badges: { ...m.badges } }));
  return created;
}

/**
 * The demo merchants already in the store, each with a new binding code: the codes are kept only
 * as hashes, so a restart cannot print the old ones. Bindings made with an old code stay; the old
 * code itself no longer binds.
 */
export async function reissueDemoCodes(merchants: MerchantStore, bindings: MerchantBindingStore) {
  const reissued = [];
  for (const m of DEMO_MERCHANTS) {
    const found = await merchants.findByNameAndAddress(m.name, m.address);
    const bindingCode = found && (await bindings.rotateCode(found.id));
    if (found && bindingCode) reissued.push({ ...found, bindingCode });
  }
  return reissued;
}
