import { TEMPLATE_SLOTS, type TemplateSlot } from '@weiquan/shared';
import type { Config } from '../config';

type TemplateConfig = Pick<
  Config,
  | 'wechatMode'
  | 'WECHAT_TEMPLATE_CASE_UPDATE'
  | 'WECHAT_TEMPLATE_MERCHANT_NEW_CASE'
  | 'WECHAT_TEMPLATE_DEADLINE'
>;

/** The template ids the operator configured, per slot: what the mini-program may ask the user to grant. */
export function configuredTemplateIds(config: TemplateConfig): Partial<Record<TemplateSlot, string>> {
  const configured: Record<TemplateSlot, string | undefined> = {
    caseUpdate: config.WECHAT_TEMPLATE_CASE_UPDATE,
    merchantNewCase: config.WECHAT_TEMPLATE_MERCHANT_NEW_CASE,
    deadline: config.WECHAT_TEMPLATE_DEADLINE,
  };
  const out: Partial<Record<TemplateSlot, string>> = {};
  for (const slot of TEMPLATE_SLOTS) if (configured[slot]) out[slot] = configured[slot];
  return out;
}

/**
 * Template ids per slot the notifier sends with. In emulator mode every slot has a stand-in id, so a
 * demo shows what would have been pushed; in WeChat mode an unset slot means in-app notices only.
 */
export function templateIds(config: TemplateConfig): Partial<Record<TemplateSlot, string>> {
  const out = configuredTemplateIds(config);
  if (config.wechatMode === 'emulator') for (const slot of TEMPLATE_SLOTS) out[slot] ??= `emulator-${slot}`;
  return out;
}
