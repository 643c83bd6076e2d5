/**
 * The form fields the filings share and the message each shared-schema issue gets in the person's
 * language (the complaint wizard, the report wizard and the consultation form ask the same way).
 */
import type { Translate } from '../../i18n';

export type FieldName =
  | 'merchant'
  | 'merchantName'
  | 'merchantAddress'
  | 'category'
  | 'facts'
  | 'demandType'
  | 'demandAmount'
  | 'purchaseAmount'
  | 'occurredOn'
  | 'channel'
  | 'orderNo'
  | 'photos'
  | 'name'
  | 'phone'
  | 'address';

export type FieldErrors = Partial<Record<FieldName, string>>;

export interface Issue {
  code: string;
  path: PropertyKey[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
}

export function messageFor(field: FieldName, issue: Issue, t: Translate, empty: boolean): string {
  if (field === 'merchant') return t('error.merchant');
  if (field === 'category') return t('error.category');
  if (empty) return t('error.required');
  if (field === 'phone') return t('error.phone');
  if (field === 'occurredOn') return t('error.date');
  if (field === 'demandAmount' || field === 'purchaseAmount') return t('error.amount');
  if (issue.code === 'too_small' && issue.origin === 'string')
    return t('error.tooShort', { min: Number(issue.minimum) });
  if (issue.code === 'too_big' && issue.origin === 'string')
    return t('error.tooLong', { max: Number(issue.maximum) });
  if (issue.code === 'invalid_type' || issue.code === 'invalid_value') return t('error.required');
  return t('error.invalid');
}
