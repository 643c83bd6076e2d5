/**
 * The staff's side of a case: the fields only staff views carry, the staff actions' bodies and the
 * staff list filters. cases.ts spreads these into the case view, the action union and the list query.
 */
import { z } from 'zod';
import { CATEGORY_CODES } from '../categories';
import { CHANNELS, STAFF_CHANNELS, VISIT_RESULTS } from '../channels';
import { DEADLINE_KINDS } from '../deadline-rules';
import { isoDateTime, text, uuid } from './common';
import { staffRef } from './staff-accounts';

export const channel = z.enum(CHANNELS);
export const staffChannel = z.enum(STAFF_CHANNELS);
export const visitResult = z.enum(VISIT_RESULTS);
export const nextDeadline = z.object({
  kind: z.enum(DEADLINE_KINDS),
  dueAt: isoDateTime,
  workingDaysLeft: z.number().int(),
});

/** On every case view and list item; `channel` for everyone, the rest for staff only. */
export const staffCaseFields = {
  channel: channel.optional(),
  assignee: staffRef.nullable().optional(),
  supervised: z.boolean().optional(),
  greenChannel: z.boolean().optional(),
  nextDeadline: nextDeadline.nullable().optional(),
};
/** Staff views of a case only. */
export const staffCaseViewFields = {
  ...staffCaseFields,
  /** the latest follow-up visit (the last counts) */
  lastVisit: z
    .object({ result: visitResult, at: isoDateTime, text: z.string().optional() })
    .nullable()
    .optional(),
  /** only in the 201 answer to a staff filing: 8 digits for the caller, shown once */
  claimCode: z.string().optional(),
};
/** Timeline entries seen by staff carry who acted, and what the staff actions recorded. */
export const staffTimelineFields = {
  actor: staffRef.optional(),
  assignee: staffRef.optional(),
  result: visitResult.optional(),
};

const v = { expectedVersion: z.number().int().min(1).optional() };
export const staffCaseActions = [
  z.strictObject({ type: z.literal('claim'), ...v }),
  z.strictObject({ type: z.literal('assign'), staffId: uuid, ...v }),
  z.strictObject({ type: z.literal('unassign'), ...v }),
  z.strictObject({ type: z.literal('note'), text: text(1, 2000), ...v }),
  z.strictObject({ type: z.literal('supervise'), text: text(1, 1000), ...v }),
  z.strictObject({
    type: z.literal('record_visit'),
    result: visitResult,
    text: text(1, 1000).optional(),
    ...v,
  }),
] as const;

const flag = z
  .enum(['true', 'false'])
  .transform((s) => s === 'true')
  .optional();
export const DUE_FILTERS = ['overdue', 'today', 'soon'] as const;
export const LIST_SORTS = ['due', 'created', 'updated'] as const;
/** `GET /cases` filters for staff (a 400 for other callers). */
export const staffListFilters = {
  assignee: z.union([z.enum(['me', 'none']), uuid]).optional(),
  due: z.enum(DUE_FILTERS).optional(),
  greenChannel: flag,
  supervised: flag,
  /** complaints ended in the last 30 days with no follow-up visit yet (the awaitingVisit queue) */
  awaitingVisit: flag,
  category: z.enum(CATEGORY_CODES).optional(),
  channel: channel.optional(),
  /** the district of the case's merchant as the merchants directory names it (cases with a merchant typed freely have none) */
  district: text(1, 50).optional(),
  /** an exact case number, an exact complainant or reporter phone, or words in the merchant name or facts */
  q: text(1, 100).optional(),
  /** default created (newest first); due: soonest first, no running deadline last */
  sort: z.enum(LIST_SORTS).optional(),
};
export const STAFF_LIST_FILTER_KEYS = Object.keys(staffListFilters) as (keyof typeof staffListFilters)[];

export const queuesAnswer = z.object({
  mine: z.number().int(),
  unassigned: z.number().int(),
  overdue: z.number().int(),
  dueToday: z.number().int(),
  dueSoon: z.number().int(),
  greenChannel: z.number().int(),
  supervised: z.number().int(),
  awaitingVisit: z.number().int(),
});
export type QueuesAnswer = z.infer<typeof queuesAnswer>;
