/**
 * The one writer of `cases`, `case_events` and `deadlines`. Each INSERT is written once, below, and
 * composed into the two statements every change of a case is made of:
 * - `fileCases`: new cases with their `filed` event and first clock (a consumer's filing, batched
 *   or in a transaction, and a report split off a complaint);
 * - `recordChange`: an action's change of the case row, its event and its deadline changes (from
 *   `clock-effects.ts`), one statement, so one round trip whatever the clock does.
 * - `recordRecomputation`: deadlines computed again after a year's holiday arrangement was saved
 *   (`recompute-deadlines.ts`), with their `deadline_recomputed` events.
 * The case's `next_due_at` is always `nextDueAt(...)` of `clock-effects.ts` (via `clockEffects`), and
 * nowhere else. Each statement that writes cases also appends their staff queue tallies
 * (`queue-tallies.ts`), so the tallies move with the rows they count.
 */
import { z } from 'zod';
import type { ActorRole, CaseStatus } from '@weiquan/shared';
import { selectRows, type Queryable } from '../store/db';
import { empty, identifier, join, sql, type Sql } from '../store/sql';
import type { DeadlineChange } from './clock-effects';
import { TALLIED_COLUMNS, tallyRows } from './queue-tallies';

const insertCases = (rows: Sql) => sql`INSERT INTO cases (id, case_no, kind, status, consumer_id, merchant_id,
    merchant_name, merchant_address, category, priority, body, contact_enc, share_contact, flags, next_due_at, created_at, updated_at,
    channel, filed_by_staff_id, claim_code_hash, contact_phone_hash)
  ${rows} RETURNING id, case_no, ${TALLIED_COLUMNS}`;

const insertEvents = (rows: Sql) =>
  sql`INSERT INTO case_events (case_id, type, actor_role, actor_id, from_status, to_status, data, at) ${rows}`;

const insertDeadlines = (rows: Sql) =>
  sql`INSERT INTO deadlines (case_id, kind, started_at, due_date, due_at, provisional, target_due_at) ${rows}`;

/** One new case as written: the row, its `filed` event, its first clock, and (filings) the key's claim. */
export interface NewCase {
  id: string;
  /** the case number's prefix and Beijing date (XM20261124); the insert appends the sequence number */
  case_prefix: string;
  kind: string;
  status: string;
  /** null: filed by staff for a caller (claimed later with the claim code) */
  consumer_id: string | null;
  channel: string;
  filed_by_staff_id: string | null;
  claim_code_hash: string | null;
  /** the contact's phone through the keyed lookup hash (staff search) */
  contact_phone_hash: string | null;
  merchant_id: string | null;
  merchant_name: string | null;
  merchant_address: string | null;
  /**
   * the directory merchant's ODR flag as the filing was planned with it: the case is written only if
   * the merchant still reads so (name and address too); null where nothing needs checking
   */
  merchant_odr: boolean | null;
  category: string;
  priority: boolean;
  body: object;
  contact_enc: string | null;
  share_contact: boolean;
  flags: object;
  next_due_at: string | null;
  /** the first clock: `start` of `clockEffects` (null fields: none) */
  clock: string | null;
  due_date: string | null;
  due_at: string | null;
  provisional: boolean;
  target_due_at: string | null;
  /** who filed, and what the `filed` event records */
  actor_role: ActorRole;
  actor_id: string | null;
  event_data: object;
  /** the Idempotency-Key claimed with the case and the answer it replays (claimed filings only) */
  key: string | null;
  request_hash: string | null;
  answer_enc: string | null;
  at: Date;
}

/** The sequence number n with at least six digits (never cut: 1000000 stays 1000000). */
const CASE_NO = sql`w.case_prefix || lpad(w.n::text, greatest(6, length(w.n::text)), '0')`;

const FiledSchema = z.object({ id: z.string(), case_no: z.string().nullable(), merchant_ok: z.boolean() });
export type Filed = z.infer<typeof FiledSchema>;

/**
 * Writes new cases, each with its event and first clock, in one statement (the batch travels as one
 * jsonb parameter, the same on pg and PGlite). With `claimKeys`, a case is written only for the keys
 * whose claim it wins (ON CONFLICT DO NOTHING). Answers, per case, its number, or null with whether
 * its merchant still read as planned.
 */
export async function fileCases(q: Queryable, cases: NewCase[], claimKeys: boolean): Promise<Filed[]> {
  // ok: the cases whose directory merchant still reads as planned; k: their claims that won; c: the
  // cases, numbered in a subquery (nextval once per row; a volatile subquery is never flattened).
  const claims = claimKeys
    ? sql`, k AS (
        INSERT INTO idempotency_keys (user_id, key, request_hash, case_id, answer_enc)
        SELECT consumer_id, key, request_hash, id, answer_enc FROM ok
        ON CONFLICT DO NOTHING RETURNING case_id)`
    : empty;
  const written = claimKeys ? sql`ok JOIN k ON k.case_id = ok.id` : sql`ok`;
  return selectRows(
    q,
    FiledSchema,
    sql`WITH r AS (
    SELECT * FROM jsonb_to_recordset(${JSON.stringify(cases)}::jsonb) AS r(id uuid, case_prefix text, kind text, status text,
      consumer_id uuid, merchant_id uuid, merchant_name text, merchant_address text, merchant_odr boolean, category text,
      priority boolean, body jsonb, contact_enc text, share_contact boolean, flags jsonb, next_due_at timestamptz, clock text,
      due_date date, due_at timestamptz, provisional boolean, target_due_at timestamptz, actor_role text, actor_id uuid,
      event_data jsonb, key text, request_hash text, answer_enc text, at timestamptz, channel text, filed_by_staff_id uuid,
      claim_code_hash text, contact_phone_hash text)),
  ok AS (
    SELECT r.* FROM r LEFT JOIN merchants m ON m.id = r.merchant_id
    WHERE r.merchant_odr IS NULL OR (m.odr = r.merchant_odr AND m.name = r.merchant_name AND m.address = r.merchant_address))${claims},
  c AS (${insertCases(sql`SELECT w.id, ${CASE_NO}, w.kind, w.status, w.consumer_id, w.merchant_id, w.merchant_name,
      w.merchant_address, w.category, w.priority, w.body, w.contact_enc, w.share_contact, w.flags, w.next_due_at, w.at, w.at,
      w.channel, w.filed_by_staff_id, w.claim_code_hash, w.contact_phone_hash
    FROM (SELECT ok.*, nextval('case_no_seq') AS n FROM ${written}) w`)}),
  e AS (${insertEvents(sql`SELECT r.id, 'filed', r.actor_role, r.actor_id, NULL, r.status, r.event_data, r.at FROM r JOIN c ON c.id = r.id`)}),
  d AS (${insertDeadlines(sql`SELECT r.id, r.clock, r.at, r.due_date, r.due_at, r.provisional, r.target_due_at
    FROM r JOIN c ON c.id = r.id WHERE r.clock IS NOT NULL`)}),
  t AS (${tallyRows(sql`SELECT ${TALLIED_COLUMNS}, 1 AS sign FROM c`)})
  SELECT r.id, c.case_no, ok.id IS NOT NULL AS merchant_ok FROM r LEFT JOIN ok ON ok.id = r.id LEFT JOIN c ON c.id = r.id`,
  );
}

/** The columns of the case row an action may set beside status and version. */
const CHANGEABLE = {
  proposal: sql`proposal`,
  rating: sql`rating`,
  outcome: sql`outcome`,
  flags: sql`flags`,
  // staff work: assignment, 督办, the last follow-up visit, and a caller's claim
  assignee_id: sql`assignee_id`,
  supervised: sql`supervised`,
  visit_result: sql`visit_result`,
  visit_at: sql`visit_at`,
  consumer_id: sql`consumer_id`,
  claim_code_hash: sql`claim_code_hash`,
};
export type ChangeableColumn = keyof typeof CHANGEABLE;

/** One action's change, as `recordChange` writes it. */
export interface CaseChange {
  caseId: string;
  from: CaseStatus;
  to: CaseStatus;
  /** the status is an ended one it was not in before: ended_at is set */
  ended: boolean;
  columns: { column: ChangeableColumn; value: unknown }[];
  event: { type: string; actorRole: ActorRole; actorId: string | null; data: object };
  /** from `clockEffects`; `nextDueAt` is undefined when the action moves no clock */
  deadlines: { changes: DeadlineChange[]; nextDueAt: string | null } | undefined;
  at: Date;
}

function deadlineWrite(caseId: string, c: DeadlineChange, at: Date): Sql {
  switch (c.op) {
    case 'close':
      return sql`UPDATE deadlines SET state = ${c.state}, closed_at = ${at} WHERE id = ${c.id}`;
    case 'pause':
      return sql`UPDATE deadlines SET state = 'paused', paused_at = ${at}, remaining_working_days = ${c.remainingWorkingDays}
        WHERE id = ${c.id}`;
    case 'resume':
      return sql`UPDATE deadlines SET state = 'running', paused_at = NULL, remaining_working_days = NULL,
        due_date = ${c.dueDate}, due_at = ${c.dueAt}, provisional = ${c.provisional} WHERE id = ${c.id}`;
    case 'extend':
      return sql`UPDATE deadlines SET due_date = ${c.dueDate}, due_at = ${c.dueAt}, provisional = provisional OR ${c.provisional},
        extended = true WHERE id = ${c.id}`;
    case 'start':
      return insertDeadlines(
        sql`VALUES (${caseId}, ${c.kind}, ${at}, ${c.dueDate}, ${c.dueAt}, ${c.provisional}, ${c.targetDueAt})`,
      );
  }
}

/**
 * A changed case's queue tallies: the row before the change (b: the statement's snapshot, which every
 * caller has locked the row for) taken off, the row as updated (u) added; they cancel when no queue moves.
 */
const beforeChange = (caseId: string) =>
  sql`b AS (SELECT ${TALLIED_COLUMNS} FROM cases WHERE id = ${caseId}), `;
const TALLY_CHANGE = sql`t AS (${tallyRows(sql`SELECT ${TALLIED_COLUMNS}, -1 AS sign FROM b
  UNION ALL SELECT ${TALLIED_COLUMNS}, 1 FROM u`)})`;

/** Writes an action's change: its deadline changes, the case row and its event, in one statement. */
export async function recordChange(q: Queryable, change: CaseChange): Promise<void> {
  const { caseId, at, event } = change;
  const writes = (change.deadlines?.changes ?? []).map((c) => deadlineWrite(caseId, c, at));
  const ctes = writes.map((w, i) => sql`${identifier(`d${i + 1}`)} AS (${w}), `);
  const set = [
    ...(change.ended ? [sql`, ended_at = ${at}`] : []),
    ...change.columns.map((c) => sql`, ${CHANGEABLE[c.column]} = ${c.value}`),
    ...(change.deadlines ? [sql`, next_due_at = ${change.deadlines.nextDueAt}`] : []),
  ];
  await q.query(
    sql`WITH ${join(ctes, empty)}${beforeChange(caseId)}u AS (
      UPDATE cases SET status = ${change.to}, version = version + 1, updated_at = ${at}${join(set, empty)}
       WHERE id = ${caseId} RETURNING id, ${TALLIED_COLUMNS}), ${TALLY_CHANGE}
    ${insertEvents(
      sql`SELECT id, ${event.type}, ${event.actorRole}, ${event.actorId}, ${change.from}, ${
        change.to !== change.from ? change.to : null
      }, ${event.data}, ${at} FROM u`,
    )}`,
  );
}

/** A deadline as recomputed from its start (`recompute-deadlines.ts`). */
export interface RecomputedDeadline {
  id: number;
  dueDate: string;
  dueAt: string;
  provisional: boolean;
  targetDueAt: string | null;
  remainingWorkingDays: number | null;
}

/**
 * Writes a case's recomputed deadlines, its `next_due_at` and one `deadline_recomputed` event per
 * moved date (system, status unchanged), in one statement; the case's version moves.
 */
export async function recordRecomputation(
  q: Queryable,
  r: {
    caseId: string;
    deadlines: RecomputedDeadline[];
    events: object[];
    nextDueAt: string | null;
    at: Date;
  },
): Promise<void> {
  const ctes = r.deadlines.map(
    (
      d,
      i,
    ) => sql`${identifier(`d${i + 1}`)} AS (UPDATE deadlines SET due_date = ${d.dueDate}, due_at = ${d.dueAt},
      provisional = ${d.provisional}, target_due_at = ${d.targetDueAt}, remaining_working_days = ${d.remainingWorkingDays}
      WHERE id = ${d.id} AND case_id = ${r.caseId}), `,
  );
  await q.query(
    sql`WITH ${join(ctes, empty)}${beforeChange(r.caseId)}u AS (
      UPDATE cases SET version = version + 1, updated_at = ${r.at}, next_due_at = ${r.nextDueAt}
       WHERE id = ${r.caseId} RETURNING id, status, ${TALLIED_COLUMNS}), ${TALLY_CHANGE}
    ${insertEvents(
      sql`SELECT u.id, 'deadline_recomputed', 'system', NULL, u.status, NULL, e.data, ${r.at}
        FROM u CROSS JOIN jsonb_array_elements(${JSON.stringify(r.events)}::jsonb) WITH ORDINALITY AS e(data, n) ORDER BY e.n`,
    )}`,
  );
}

/** The outbox's mark: these events were fanned out (the notifier, in the transaction that claimed them). */
export async function markEventsNotified(q: Queryable, ids: number[], at: Date): Promise<void> {
  await q.query(sql`UPDATE case_events SET notified_at = ${at} WHERE id = ANY(${ids}::bigint[])`);
}

/** Content checks: hides an image of a case from its merchant (the case view filters flags.hiddenUploads). */
export async function hideUploadFromMerchant(q: Queryable, caseId: string, uploadId: string, at: Date) {
  await q.query(
    sql`UPDATE cases SET flags = jsonb_set(flags, '{hiddenUploads}', coalesce(flags->'hiddenUploads', '[]'::jsonb) || to_jsonb(${uploadId}::text)),
            version = version + 1, updated_at = ${at}
      WHERE id = ${caseId}`,
  );
}

/** Moderation: marks a field of an event redacted; answers the event's type (undefined: no such event). */
export async function redactEventField(q: Queryable, eventId: string, caseId: string, field: string) {
  const [event] = await q.query<{ type: string }>(
    sql`UPDATE case_events SET data = jsonb_set(data, '{redacted}', coalesce(data->'redacted', '[]'::jsonb) || to_jsonb(${field}::text))
        WHERE id = ${eventId} AND case_id = ${caseId} RETURNING type`,
  );
  return event?.type;
}

/** Moderation: marks a field of the case row redacted. */
export async function redactCaseField(q: Queryable, caseId: string, field: string) {
  await q.query(
    sql`UPDATE cases SET flags = jsonb_set(flags, '{redacted}', coalesce(flags->'redacted', '[]'::jsonb) || to_jsonb(${field}::text))
      WHERE id = ${caseId}`,
  );
}

/** What viewers see changed without an action (moderation): the case's version (and ETag) moves on. */
export async function bumpVersion(q: Queryable, caseId: string, at: Date) {
  await q.query(sql`UPDATE cases SET version = version + 1, updated_at = ${at} WHERE id = ${caseId}`);
}
