import { TEMPLATE_SLOTS, type TemplateSlot } from '@weiquan/shared';
import type { Config } from '../config';

/**
 * Template ids per slot from the configuration. In emulator mode every slot has a stand-in id, so a
 * demo shows what would have been pushed; in WeChat mode an unset slot means in-app notices only.
 */
export function templateIds(config: Pick<Config, 'wechatMode' | 'WECHAT_TEMPLATE_CASE_UPDATE' | 'WECHAT_TEMPLATE_MERCHANT_NEW_CASE' | 'WECHAT_TEMPLATE_DEADLINE'>): Partial<Record<TemplateSlot, string>> {
  const configured: Partial<Record<TemplateSlot, string | undefined>> = {
    caseUpdate: config.WECHAT_TEMPLATE_CASE_UPDATE,
    merchantNewCase: config.WECHAT_TEMPLATE_MERCHANT_NEW_CASE,
    deadline: config.WECHAT_TEMPLATE_DEADLINE,
  };
  const out: Partial<Record<TemplateSlot, string>> = {};
  for (const slot of TEMPLATE_SLOTS) {
    const id = configured[slot] ?? (config.wechatMode === 'emulator' ? `emulator-${slot}` : undefined);
    if (id) out[slot] = id;
  }
  return out;
}
