// The complaint category catalogue. Codes are stored with cases and appear as an enum in the
// OpenAPI document, so they never change meaning: add new codes, do not rename old ones.
// greenChannel marks the urgent fields the 12315 centre fast-tracks (绿色通道): tourism, food safety
// and special equipment such as lifts and amusement rides.

export const CATEGORIES = [
  { code: 'food_safety', name: '食品安全', nameEn: 'Food safety', greenChannel: true },
  { code: 'tourism', name: '旅游服务', nameEn: 'Tourism', greenChannel: true },
  {
    code: 'special_equipment',
    name: '特种设备（电梯、游乐设施）',
    nameEn: 'Special equipment (lifts, amusement rides)',
    greenChannel: true,
  },
  { code: 'catering', name: '餐饮服务', nameEn: 'Catering', greenChannel: false },
  { code: 'e_commerce', name: '网络购物', nameEn: 'Online shopping', greenChannel: false },
  { code: 'prepaid_cards', name: '预付卡消费', nameEn: 'Prepaid cards and memberships', greenChannel: false },
  { code: 'household_appliances', name: '家用电器', nameEn: 'Household appliances', greenChannel: false },
  { code: 'telecom', name: '通信服务', nameEn: 'Telecommunications', greenChannel: false },
  { code: 'education_training', name: '教育培训', nameEn: 'Education and training', greenChannel: false },
  { code: 'housing_decoration', name: '房屋装修', nameEn: 'Housing and decoration', greenChannel: false },
  { code: 'automobiles', name: '汽车及配件', nameEn: 'Cars and parts', greenChannel: false },
  { code: 'clothing_footwear', name: '服装鞋帽', nameEn: 'Clothing and footwear', greenChannel: false },
  { code: 'beauty_health', name: '美容美发', nameEn: 'Beauty and hairdressing', greenChannel: false },
  {
    code: 'medical_products',
    name: '医疗器械与药品',
    nameEn: 'Medical devices and medicines',
    greenChannel: false,
  },
  { code: 'financial_services', name: '金融服务', nameEn: 'Financial services', greenChannel: false },
  { code: 'express_delivery', name: '快递物流', nameEn: 'Express delivery', greenChannel: false },
  { code: 'other', name: '其他', nameEn: 'Other', greenChannel: false },
] as const;

export type Category = (typeof CATEGORIES)[number];
export type CategoryCode = Category['code'];

/** Every code, in catalogue order; a non-empty tuple so that `z.enum(CATEGORY_CODES)` accepts it. */
export const CATEGORY_CODES = CATEGORIES.map((category) => category.code) as unknown as readonly [
  CategoryCode,
  ...CategoryCode[],
];

const BY_CODE: ReadonlyMap<string, Category> = new Map(
  CATEGORIES.map((category) => [category.code, category]),
);

function categoryOf(code: CategoryCode): Category {
  const category = BY_CODE.get(code);
  if (!category) throw new RangeError(`unknown category code: ${String(code)}`);
  return category;
}

/** Whether complaints in this category take the green channel (priority acceptance). */
export function isGreenChannel(code: CategoryCode): boolean {
  return categoryOf(code).greenChannel;
}

/** The category's name, Chinese by default. Throws RangeError for a code not in the catalogue. */
export function categoryName(code: CategoryCode, lang: 'zh' | 'en' = 'zh'): string {
  const category = categoryOf(code);
  return lang === 'en' ? category.nameEn : category.name;
}
