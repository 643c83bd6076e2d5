/**
 * 我要举报: the form as typed, the body it becomes, and its validation by the shared `reportFiling`
 * schema (the one the BFF enforces), each issue mapped to its field and the person's language.
 */
import { merchantRef, reportFiling, type FileCaseBody } from '@weiquan/shared';
import type { MessageKey, Translate } from '../../i18n';
import { draftStore } from '../../lib/draft';
import { settlePhotos, type Photo } from '../evidence/photos';
import type { MerchantChoice } from '../filing/merchant-picker';
import { messageFor, type FieldErrors, type FieldName } from '../filing/field-messages';

export interface ReportForm extends MerchantChoice {
  category: string;
  facts: string;
  photos: Photo[];
  /** anonymous unless the person turns real name on */
  anonymous: boolean;
  name: string;
  phone: string;
  address: string;
}
export type ReportBody = Extract<FileCaseBody, { kind: 'report' }>;

export const REPORT_STEPS: Array<{ key: MessageKey; fields: FieldName[] }> = [
  { key: 'report.step.merchant', fields: ['merchant', 'merchantName', 'merchantAddress'] },
  { key: 'wizard.step.category', fields: ['category'] },
  { key: 'report.step.facts', fields: ['facts'] },
  { key: 'wizard.step.evidence', fields: ['photos'] },
  { key: 'report.step.identity', fields: ['name', 'phone', 'address'] },
  { key: 'wizard.step.review', fields: [] },
];

export function emptyReport(): ReportForm {
  return {
    merchantMode: 'directory',
    merchantName: '',
    merchantAddress: '',
    category: '',
    facts: '',
    photos: [],
    anonymous: true,
    name: '',
    phone: '',
    address: '',
  };
}

export const REPORT_DRAFT_KEY = 'wq.draft.report';
export const reportDrafts = draftStore(REPORT_DRAFT_KEY, emptyReport, settlePhotos);

export function toReportBody(form: ReportForm): Record<string, unknown> {
  return {
    kind: 'report',
    merchant:
      form.merchantMode === 'directory'
        ? form.merchant
          ? { id: form.merchant.id }
          : undefined
        : { name: form.merchantName, address: form.merchantAddress },
    category: form.category || undefined,
    facts: form.facts,
    attachments: form.photos.filter((p) => p.uploadId).map((p) => p.uploadId),
    // no reporter at all is what makes a report anonymous
    ...(form.anonymous ? {} : { reporter: { name: form.name, phone: form.phone, address: form.address } }),
  };
}

const FIELD_OF: Record<string, FieldName> = { category: 'category', facts: 'facts', attachments: 'photos' };
const REPORTER_FIELD: Record<string, FieldName> = { name: 'name', phone: 'phone', address: 'address' };

function isEmpty(form: ReportForm, field: FieldName): boolean {
  if (field === 'merchant') return !form.merchant;
  const v = (form as unknown as Record<string, unknown>)[field];
  return typeof v === 'string' && v.trim() === '';
}

export function validateReport(form: ReportForm, t: Translate): { errors: FieldErrors; body?: ReportBody } {
  const errors: FieldErrors = {};
  const result = reportFiling.safeParse(toReportBody(form));
  if (!result.success) {
    for (const issue of result.error.issues) {
      const [head, sub] = issue.path.map(String);
      if (head === 'merchant' && form.merchantMode === 'free') {
        // a union failure says only "no branch matched": ask the free-text branch which field is wrong
        const free = merchantRef.options[1].safeParse({
          name: form.merchantName,
          address: form.merchantAddress,
        });
        for (const s of free.success ? [] : free.error.issues) {
          const f: FieldName = s.path[0] === 'address' ? 'merchantAddress' : 'merchantName';
          errors[f] ??= messageFor(f, s as never, t, isEmpty(form, f));
        }
        continue;
      }
      const field: FieldName | undefined =
        head === 'merchant'
          ? 'merchant'
          : head === 'reporter'
            ? REPORTER_FIELD[sub ?? 'name']
            : FIELD_OF[head];
      if (field && !errors[field]) errors[field] = messageFor(field, issue as never, t, isEmpty(form, field));
    }
  }
  return Object.keys(errors).length
    ? { errors }
    : { errors, body: result.success ? (result.data as ReportBody) : undefined };
}
