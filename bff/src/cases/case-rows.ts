/**
 * A case as the store holds it: the row with its events, deadlines and attachments (one read, see
 * `case-queries.ts`). Row schemas, not casts: every read row is checked; JSON columns are checked
 * to be objects and kept as read (their key order is jsonb's, which answers and replays rely on).
 */
import { z } from 'zod';
import { CASE_KINDS, CASE_STATUSES, CHANNELS, DEADLINE_KINDS, ROLES, VISIT_RESULTS } from '@weiquan/shared';

const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
const jsonObject = <T extends object>() => z.custom<T>(isObject, 'a JSON object');
const jsonObjectOrNull = <T extends object>() => z.custom<T | null>((v) => v === null || isObject(v));

export const DEADLINE_STATES = ['running', 'paused', 'met', 'missed', 'cancelled'] as const;

export const DeadlineRowSchema = z.object({
  id: z.number(),
  kind: z.enum(DEADLINE_KINDS),
  state: z.enum(DEADLINE_STATES),
  due_date: z.string(),
  /** the end of the due day, to the second (23:59:59 Beijing) */
  due_at: z.string(),
  provisional: z.boolean(),
  target_due_at: z.string().nullable(),
  remaining_working_days: z.number().nullable(),
  extended: z.boolean(),
});
export type DeadlineRow = z.infer<typeof DeadlineRowSchema>;

export const EventRowSchema = z.object({
  type: z.string(),
  actorRole: z.enum([...ROLES, 'system']),
  at: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  data: jsonObject<Record<string, unknown>>(),
  /** the staff member who acted (staff entries; shown to staff only) */
  actor: z.object({ id: z.string(), displayName: z.string() }).nullable().optional(),
});

export const CaseRowSchema = z.object({
  id: z.string(),
  case_no: z.string(),
  kind: z.enum(CASE_KINDS),
  status: z.enum(CASE_STATUSES),
  version: z.number(),
  /** null: filed by staff for a caller who has not claimed it yet */
  consumer_id: z.string().nullable(),
  channel: z.enum(CHANNELS),
  assignee: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  supervised: z.boolean(),
  visit_result: z.enum(VISIT_RESULTS).nullable(),
  visit_at: z.date().nullable(),
  contact_phone_hash: z.string().nullable(),
  merchant_id: z.string().nullable(),
  merchant_name: z.string().nullable(),
  merchant_address: z.string().nullable(),
  category: z.string(),
  priority: z.boolean(),
  body: jsonObject<Record<string, unknown>>(),
  contact_enc: z.string().nullable(),
  share_contact: z.boolean(),
  proposal: jsonObjectOrNull<{ text: string; refundFen?: number; at: string }>(),
  rating: jsonObjectOrNull<{ score: number; comment?: string }>(),
  outcome: jsonObjectOrNull<{ outcome: string; ground?: string; recoveredFen?: number }>(),
  flags: jsonObject<{
    followUpUsed?: boolean;
    splitReportId?: string;
    splitFromId?: string;
    /** the case's own fields moderation redacted (`facts`, `question`, `proposal`) */
    redacted?: string[];
    /** images a risky content check hid from the merchant */
    hiddenUploads?: string[];
  }>(),
  created_at: z.date(),
  updated_at: z.date(),
  events: z.array(EventRowSchema),
  deadlines: z.array(DeadlineRowSchema),
  attachments: z.array(
    z.object({ id: z.string(), mime: z.string(), size: z.number(), centreOnly: z.boolean() }),
  ),
});
export type CaseRow = z.infer<typeof CaseRowSchema>;

/** A case row of a batched read, with the number of the read it answers. */
export const BatchedCaseRowSchema = CaseRowSchema.extend({ batch_n: z.number() });

export interface Contact {
  name: string;
  phone: string;
  address: string;
}
