import { z } from 'zod';
import { CATEGORY_CODES } from '../categories';
import { DEADLINE_KINDS } from '../deadline-rules';
import { REFUSAL_GROUNDS_CODES, REPORT_NOT_OPEN_GROUNDS_CODES, TERMINATION_GROUNDS_CODES } from '../grounds';
import { ACTION_TYPES, CASE_KINDS, CASE_STATUSES } from '../status-machine';
import { address, fen, isoDateTime, pageQuery, pastDate, personName, phone, text, uuid } from './common';
import {
  staffCaseActions,
  staffCaseFields,
  staffCaseViewFields,
  staffChannel,
  staffListFilters,
  staffTimelineFields,
} from './staff-cases';

export const MAX_ATTACHMENTS = 9;
export const category = z.enum(CATEGORY_CODES);
const attachmentIds = z.array(uuid).max(MAX_ATTACHMENTS);
/**
 * Evidence is shown to the merchant unless the consumer marks it as for the 12315 centre only: a
 * subset of `attachments` that the merchant never sees (not in the case, 404 to read).
 */
const centreOnlyAttachments = { centreOnlyAttachments: attachmentIds.optional() };
const centreOnlyAmongAttachments = (b: { attachments?: string[]; centreOnlyAttachments?: string[] }) =>
  (b.centreOnlyAttachments ?? []).every((id) => b.attachments?.includes(id));
const notAmongAttachments = {
  message: 'must list only uploads that are among the attachments',
  path: ['centreOnlyAttachments'],
};
const contact = z.strictObject({ name: personName, phone, address });

export const merchantRef = z.union([
  z.strictObject({ id: uuid }),
  z.strictObject({ name: text(2, 100), address }),
]);
export const DEMAND_TYPES = ['refund', 'exchange', 'repair', 'compensation', 'apology', 'other'] as const;
export const demand = z.strictObject({ type: z.enum(DEMAND_TYPES), amountFen: fen.optional() });
export const purchase = z.strictObject({
  amountFen: fen.optional(),
  occurredOn: pastDate,
  channel: z.enum(['online', 'offline']),
  orderNo: text(1, 64).optional(),
});

/** Staff filing for a caller name the channel (required for staff; consumers never send it). */
const filedBy = { channel: staffChannel.optional() };

export const complaintFiling = z
  .strictObject({
    kind: z.literal('complaint'),
    merchant: merchantRef,
    category,
    facts: text(10, 2000),
    demand,
    purchase,
    complainant: contact,
    attachments: attachmentIds.default([]),
    ...centreOnlyAttachments,
    shareContactWithMerchant: z.boolean(),
    ...filedBy,
  })
  .refine(centreOnlyAmongAttachments, notAmongAttachments);
export const reportFiling = z.strictObject({
  kind: z.literal('report'),
  merchant: merchantRef,
  category,
  facts: text(10, 2000),
  attachments: attachmentIds.default([]),
  reporter: contact.optional(),
  ...filedBy,
});
export const consultationFiling = z.strictObject({
  kind: z.literal('consultation'),
  category,
  question: text(5, 1000),
  ...filedBy,
});
export const fileCaseBody = z.discriminatedUnion('kind', [complaintFiling, reportFiling, consultationFiling]);
export type FileCaseBody = z.infer<typeof fileCaseBody>;
export type ComplaintFiling = z.infer<typeof complaintFiling>;

/** 1-128 printable ASCII characters, scoped to the calling user. */
export const idempotencyKey = z
  .string({ error: 'the Idempotency-Key header is required' })
  .regex(/^[\x21-\x7E]{1,128}$/, 'must be 1-128 printable ASCII characters');

const v = { expectedVersion: z.number().int().min(1).optional() };
const note = text(1, 1000);
export const caseAction = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('withdraw'), reason: note.optional(), ...v }),
  z
    .strictObject({
      type: z.literal('supplement'),
      text: text(1, 2000).optional(),
      attachments: attachmentIds.optional(),
      ...centreOnlyAttachments,
      ...v,
    })
    .refine((a) => a.text || a.attachments?.length, { message: 'give text or attachments', path: ['text'] })
    .refine(centreOnlyAmongAttachments, notAmongAttachments),
  z.strictObject({ type: z.literal('accept_proposal'), ...v }),
  z.strictObject({ type: z.literal('reject_proposal'), reason: note, ...v }),
  z.strictObject({
    type: z.literal('rate'),
    score: z.number().int().min(1).max(5),
    comment: text(1, 500).optional(),
    ...v,
  }),
  z.strictObject({ type: z.literal('follow_up'), text: note, ...v }),
  z.strictObject({ type: z.literal('propose'), text: text(1, 2000), refundFen: fen.optional(), ...v }),
  z.strictObject({ type: z.literal('message'), text: text(1, 2000), ...v }),
  z.strictObject({ type: z.literal('accept'), text: note.optional(), ...v }),
  z.strictObject({ type: z.literal('refuse'), ground: z.enum(REFUSAL_GROUNDS_CODES), text: note, ...v }),
  z.strictObject({ type: z.literal('start_mediation'), text: note.optional(), ...v }),
  z.strictObject({ type: z.literal('pause_clock'), reason: note, ...v }),
  z.strictObject({ type: z.literal('resume_clock'), ...v }),
  z
    .strictObject({
      type: z.literal('close'),
      outcome: z.enum(['mediated', 'terminated']),
      ground: z.enum(TERMINATION_GROUNDS_CODES).optional(),
      recoveredFen: fen.optional(),
      text: note,
      ...v,
    })
    .refine((a) => (a.outcome === 'terminated') === (a.ground !== undefined), {
      message: 'a terminated case needs a ground; a mediated one has none',
      path: ['ground'],
    }),
  ...staffCaseActions,
  z.strictObject({ type: z.literal('extend'), reason: note, ...v }),
  z.strictObject({ type: z.literal('open_case'), text: note, ...v }),
  z.strictObject({
    type: z.literal('not_open'),
    ground: z.enum(REPORT_NOT_OPEN_GROUNDS_CODES),
    text: note,
    ...v,
  }),
  z.strictObject({
    type: z.literal('answer'),
    text: text(1, 4000),
    publishAsFaq: z.boolean().optional(),
    ...v,
  }),
  /** staff: file the report part of a mixed complaint as a linked report (facts default to the complaint's) */
  z.strictObject({
    type: z.literal('split_report'),
    facts: text(10, 2000).optional(),
    text: note.optional(),
    ...v,
  }),
]);
export type CaseAction = z.infer<typeof caseAction>;

export const timelineEntry = z.object({
  type: z.string(),
  actorRole: z.enum(['consumer', 'merchant', 'staff', 'system']),
  at: isoDateTime,
  text: z.string().optional(),
  reason: z.string().optional(),
  refundFen: z.number().optional(),
  score: z.number().optional(),
  comment: z.string().optional(),
  ground: z.string().optional(),
  outcome: z.string().optional(),
  recoveredFen: z.number().optional(),
  attachments: z.array(z.string()).optional(),
  fromStatus: z.string().optional(),
  toStatus: z.string().optional(),
  /** the other case of a split (complaint <-> report); never shown to merchants */
  linkedCaseId: z.string().optional(),
  linkedCaseNo: z.string().optional(),
  /** staff views only: these fields of the entry were redacted by moderation (others read 该内容已被屏蔽) */
  redacted: z.array(z.string()).optional(),
  /** deadline_recomputed: which deadline moved, from and to when */
  deadlineKind: z.enum(DEADLINE_KINDS).optional(),
  oldDueAt: isoDateTime.optional(),
  newDueAt: isoDateTime.optional(),
  ...staffTimelineFields,
});
export const deadlineView = z.object({
  kind: z.enum(DEADLINE_KINDS),
  dueAt: isoDateTime,
  workingDaysLeft: z.number().int(),
  paused: z.boolean().optional(),
  provisional: z.boolean().optional(),
  /** green channel: the centre's internal 1-working-day acceptance target, beside the legal 7 */
  targetDueAt: isoDateTime.optional(),
});
export const caseView = z.object({
  id: z.string(),
  caseNo: z.string(),
  kind: z.enum(CASE_KINDS),
  status: z.enum(CASE_STATUSES),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  priority: z.boolean(),
  merchant: z.object({ id: z.string().optional(), name: z.string(), address: z.string() }).nullable(),
  category,
  facts: z.string().optional(),
  question: z.string().optional(),
  demand: demand.optional(),
  purchase: z
    .object({
      amountFen: z.number().optional(),
      occurredOn: z.string(),
      channel: z.string(),
      orderNo: z.string().optional(),
    })
    .optional(),
  complainant: z.object({ name: z.string(), phone: z.string(), address: z.string() }).nullable().optional(),
  reporter: z.object({ name: z.string(), phone: z.string(), address: z.string() }).nullable().optional(),
  shareContactWithMerchant: z.boolean().optional(),
  contactMasked: z.boolean().optional(),
  attachments: z.array(
    z.object({
      id: z.string(),
      mime: z.string(),
      size: z.number(),
      /** marked by the consumer as for the 12315 centre only (never answered to the merchant) */
      centreOnly: z.boolean().optional(),
    }),
  ),
  proposal: z
    .object({ text: z.string(), refundFen: z.number().optional(), at: isoDateTime })
    .nullable()
    .optional(),
  rating: z.object({ score: z.number(), comment: z.string().optional() }).nullable().optional(),
  outcome: z
    .object({ outcome: z.string(), ground: z.string().optional(), recoveredFen: z.number().optional() })
    .nullable()
    .optional(),
  timeline: z.array(timelineEntry),
  deadlines: z.array(deadlineView),
  allowedActions: z.array(z.enum(ACTION_TYPES)),
  /** staff views only: the case's own fields redacted by moderation (others read 该内容已被屏蔽) */
  redacted: z.array(z.string()).optional(),
  ...staffCaseViewFields,
});
export type CaseView = z.infer<typeof caseView>;
export type TimelineEntry = z.infer<typeof timelineEntry>;
export type DeadlineView = z.infer<typeof deadlineView>;

export const caseListQuery = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  kind: z.enum(CASE_KINDS).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((s) => s === 'true')
    .optional(),
  open: z
    .enum(['true', 'false'])
    .transform((s) => s === 'true')
    .optional(),
  merchantId: uuid.optional(),
  ...staffListFilters,
  ...pageQuery,
});
export type CaseListQuery = z.infer<typeof caseListQuery>;
export const caseListItem = z.object({
  id: z.string(),
  caseNo: z.string(),
  kind: z.enum(CASE_KINDS),
  status: z.enum(CASE_STATUSES),
  category,
  priority: z.boolean(),
  merchant: z.object({ id: z.string().optional(), name: z.string() }).nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  nextDueAt: isoDateTime.nullable(),
  ...staffCaseFields,
});
export type CaseListItem = z.infer<typeof caseListItem>;
export const caseList = z.object({ items: z.array(caseListItem), nextCursor: z.string().nullable() });
export type CaseList = z.infer<typeof caseList>;
