/** The staff desk beyond one case: bulk actions, claim codes, templates, merchants, FAQ, exports, audit. */
import { z } from 'zod';
import { ACTION_TYPES, CASE_KINDS } from '../status-machine';
import { address, isoDate, isoDateTime, page, pageQuery, text, uuid } from './common';
import { caseAction } from './cases';
import { createMerchantBody, merchant } from './merchants';
import { staffRef } from './staff-accounts';

export const MAX_BULK_CASES = 100;
export const bulkBody = z.strictObject({
  caseIds: z
    .array(uuid)
    .min(1)
    .max(MAX_BULK_CASES)
    .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a case'),
  action: caseAction,
});
export type BulkBody = z.infer<typeof bulkBody>;
/** each case changed alone, as if posted one by one: its HTTP status and, when it failed, the error */
export const bulkAnswer = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      status: z.number().int(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
});
export type BulkAnswer = z.infer<typeof bulkAnswer>;

export const claimCode = z.string().regex(/^\d{8}$/, 'must be 8 digits');
export const claimCaseBody = z.strictObject({
  caseNo: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{4,32}$/, 'must be a case number'),
  claimCode,
});
export type ClaimCaseBody = z.infer<typeof claimCaseBody>;

export const templateQuery = z.strictObject({ action: z.enum(ACTION_TYPES).optional() });
export const replyTemplate = z.object({
  id: z.string(),
  title: z.string(),
  action: z.enum(ACTION_TYPES).nullable(),
  text: z.string(),
});
export type ReplyTemplate = z.infer<typeof replyTemplate>;
export const templateList = z.object({ items: z.array(replyTemplate) });
export const createTemplateBody = z.strictObject({
  title: text(1, 100),
  action: z.enum(ACTION_TYPES).optional(),
  text: text(1, 4000),
});
export type CreateTemplateBody = z.infer<typeof createTemplateBody>;

export const staffMerchantQuery = z.strictObject({ q: text(0, 100).optional(), ...pageQuery });
export type StaffMerchantQuery = z.infer<typeof staffMerchantQuery>;
export const staffMerchant = merchant.extend({
  uscc: z.string().nullable(),
  boundUsers: z.number().int(),
  openComplaints: z.number().int(),
});
export type StaffMerchant = z.infer<typeof staffMerchant>;
export const staffMerchantList = page(staffMerchant);
/** The districts of the merchants directory, each once (the staff list's district filter offers them). */
export const districtList = z.object({
  items: z.array(z.object({ name: z.string(), merchants: z.number().int() })),
});
export type DistrictList = z.infer<typeof districtList>;
export const updateMerchantBody = z
  .strictObject({
    name: text(2, 100).optional(),
    address: address.optional(),
    district: text(2, 50).optional(),
    uscc: createMerchantBody.shape.uscc,
    badges: z
      .strictObject({
        odr: z.boolean().optional(),
        noReasonReturn: z.boolean().optional(),
        rightsStation: z.boolean().optional(),
      })
      .optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'give at least one field to change' });
export type UpdateMerchantBody = z.infer<typeof updateMerchantBody>;

export const updateFaqBody = z
  .strictObject({ question: text(5, 1000).optional(), answer: text(1, 4000).optional() })
  .refine((b) => b.question !== undefined || b.answer !== undefined, {
    message: 'give a question or an answer',
  });
export type UpdateFaqBody = z.infer<typeof updateFaqBody>;

/** Columns of GET /staff/exports/cases.csv, in order; never a name, phone, ID number or address. */
export const EXPORT_COLUMNS = [
  'caseNo',
  'kind',
  'channel',
  'status',
  'category',
  'merchant',
  'district',
  'createdAt',
  'acceptedAt',
  'endedAt',
  'outcome',
  'recoveredFen',
  'rating',
  'visitResult',
] as const;
export const exportQuery = z
  .strictObject({ from: isoDate, to: isoDate, kind: z.enum(CASE_KINDS).optional() })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
export type ExportQuery = z.infer<typeof exportQuery>;

export const AUDIT_ACTIONS = ['view', 'export', 'act'] as const;
export const auditQuery = z.strictObject({ caseId: uuid.optional(), staffId: uuid.optional(), ...pageQuery });
export type AuditQuery = z.infer<typeof auditQuery>;
export const auditItem = z.object({
  at: isoDateTime,
  staff: staffRef,
  action: z.enum(AUDIT_ACTIONS),
  caseId: z.string().optional(),
  detail: z.string().optional(),
});
export type AuditItem = z.infer<typeof auditItem>;
/** newest first */
export const auditList = page(auditItem);
