/** Names for codes: shared catalogues first, the console's staff wording where it differs. */
import { CATEGORIES, STATUS_LABELS, type CaseStatus } from '@weiquan/shared';
import { zh } from '../i18n/zh-Hans';

export function statusLabel(status: string): string {
  return zh.statusOverrides[status] ?? STATUS_LABELS[status as CaseStatus]?.zh ?? status;
}
export function categoryLabel(code: string): string {
  return CATEGORIES.find((c) => c.code === code)?.name ?? code;
}
export function actionLabel(type: string): string {
  return zh.actions[type] ?? type;
}
export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}
export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });
}
