/**
 * The wizard validates with the shared filing schema itself (the one the BFF enforces), then
 * maps each zod issue to the form field it concerns and to a message in the person's language.
 */
import { complaintFiling, merchantRef, type ComplaintFiling } from '@weiquan/shared';
import type { MessageKey, Translate } from '../../i18n';
import { yuanToFen } from '../../lib/money';
import { messageFor, type FieldErrors, type FieldName, type Issue } from '../filing/field-messages';
import type { ComplaintForm } from './draft';

export type { FieldErrors, FieldName };

export const STEPS: Array<{ key: MessageKey; fields: FieldName[] }> = [
  { key: 'wizard.step.merchant', fields: ['merchant', 'merchantName', 'merchantAddress'] },
  { key: 'wizard.step.category', fields: ['category'] },
  { key: 'wizard.step.facts', fields: ['facts'] },
  { key: 'wizard.step.demand', fields: ['demandType', 'demandAmount'] },
  { key: 'wizard.step.purchase', fields: ['purchaseAmount', 'occurredOn', 'channel', 'orderNo'] },
  { key: 'wizard.step.evidence', fields: ['photos'] },
  { key: 'wizard.step.contact', fields: ['name', 'phone', 'address'] },
  { key: 'wizard.step.review', fields: [] },
];

const optional = (s: string) => (s.trim() === '' ? undefined : s);

/** The request body, built from what was typed (not yet validated). */
export function toFiling(form: ComplaintForm): Record<string, unknown> {
  const demandAmountFen = yuanToFen(form.demandAmount);
  const purchaseAmountFen = yuanToFen(form.purchaseAmount);
  const uploaded = form.photos.filter((p) => p.uploadId);
  const centreOnly = uploaded.filter((p) => p.centreOnly);
  return {
    kind: 'complaint',
    merchant:
      form.merchantMode === 'directory'
        ? form.merchant
          ? { id: form.merchant.id }
          : undefined
        : { name: form.merchantName, address: form.merchantAddress },
    category: form.category || undefined,
    facts: form.facts,
    demand: {
      type: form.demandType || undefined,
      ...(demandAmountFen === undefined ? {} : { amountFen: demandAmountFen }),
    },
    purchase: {
      ...(purchaseAmountFen === undefined ? {} : { amountFen: purchaseAmountFen }),
      occurredOn: form.occurredOn.trim(),
      channel: form.channel || undefined,
      ...(optional(form.orderNo) ? { orderNo: form.orderNo.trim() } : {}),
    },
    complainant: { name: form.name, phone: form.phone, address: form.address },
    attachments: uploaded.map((p) => p.uploadId),
    ...(centreOnly.length ? { centreOnlyAttachments: centreOnly.map((p) => p.uploadId) } : {}),
    shareContactWithMerchant: form.share,
  };
}

function fieldOf(path: PropertyKey[], form: ComplaintForm): FieldName | undefined {
  const [head, sub] = path.map(String);
  switch (head) {
    case 'merchant':
      if (form.merchantMode === 'free')
        return sub === 'address' ? 'merchantAddress' : sub === 'name' ? 'merchantName' : 'merchant';
      return 'merchant';
    case 'category':
    case 'facts':
      return head;
    case 'demand':
      return sub === 'amountFen' ? 'demandAmount' : 'demandType';
    case 'purchase':
      return sub === 'amountFen'
        ? 'purchaseAmount'
        : sub === 'occurredOn'
          ? 'occurredOn'
          : sub === 'channel'
            ? 'channel'
            : 'orderNo';
    case 'complainant':
      return sub === 'phone' ? 'phone' : sub === 'address' ? 'address' : 'name';
    case 'attachments':
      return 'photos';
    default:
      return undefined;
  }
}

function isEmpty(form: ComplaintForm, field: FieldName): boolean {
  if (field === 'merchant') return !form.merchant;
  if (field === 'photos') return false;
  const v = form[field];
  return typeof v === 'string' && v.trim() === '';
}

export function validateForm(
  form: ComplaintForm,
  t: Translate,
): { errors: FieldErrors; body?: ComplaintFiling } {
  const errors: FieldErrors = {};
  const result = complaintFiling.safeParse(toFiling(form));
  if (!result.success) {
    for (const issue of result.error.issues as Issue[]) {
      // a union failure says only "no branch matched": ask the free-text branch for per-field issues
      if (issue.path[0] === 'merchant' && form.merchantMode === 'free' && issue.code === 'invalid_union') {
        const free = merchantRef.options[1].safeParse({
          name: form.merchantName,
          address: form.merchantAddress,
        });
        if (!free.success) {
          for (const sub of free.error.issues as Issue[]) {
            const f = sub.path[0] === 'address' ? 'merchantAddress' : 'merchantName';
            errors[f] ??= messageFor(f, sub, t, isEmpty(form, f));
          }
          continue;
        }
      }
      const field = fieldOf(issue.path, form);
      if (field && !errors[field]) errors[field] = messageFor(field, issue, t, isEmpty(form, field));
    }
  }
  return Object.keys(errors).length ? { errors } : { errors, body: result.success ? result.data : undefined };
}
