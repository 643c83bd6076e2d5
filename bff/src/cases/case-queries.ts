/**
 * The reads of the case domain, in one place: who may see which case (written once, for a single
 * caller and for a batch of callers), the whole case as one row, and the transactional reads.
 */
import type { Role } from '@weiquan/shared';
import type { Caller } from '../auth/caller';
import { notFound } from '../errors';
import { selectRows, type Queryable } from '../store/db';
import { UUID } from '../store/page-cursor';
import { sql, typed, type Sql } from '../store/sql';
import { CaseRowSchema, type CaseRow } from './case-rows';
import { z } from 'zod';

/**
 * Staff see every case, a merchant the complaints against it (never reports or consultations), a
 * consumer its own filings; `user` and `merchant` are the caller's ids as values or as columns.
 */
const RULES: Record<Role, (user: unknown, merchant: unknown) => Sql> = {
  staff: () => sql`TRUE`,
  merchant: (_user, merchant) => sql`c.merchant_id = ${merchant} AND c.kind = 'complaint'`,
  consumer: (user) => sql`c.consumer_id = ${user}`,
};

/** The condition (on alias c) for one caller. */
export const visibility = (caller: Caller): Sql =>
  RULES[caller.role](typed('uuid', caller.id), typed('uuid', caller.merchantId ?? null));

/** The same rule over a batch's columns r.role, r.user_id and r.merchant_id (reads for different callers). */
export const visibilityOfBatch = sql`CASE r.role
  WHEN 'staff' THEN (${RULES.staff(sql`r.user_id`, sql`r.merchant_id`)})
  WHEN 'merchant' THEN (${RULES.merchant(sql`r.user_id`, sql`r.merchant_id`)})
  WHEN 'consumer' THEN (${RULES.consumer(sql`r.user_id`, sql`r.merchant_id`)})
  ELSE FALSE END`;

/** A case's deadlines as `DeadlineRow`s, for the case `c.id` names. */
export const DEADLINES_AGG = sql`(SELECT coalesce(json_agg(json_build_object('id', d.id, 'kind', d.kind, 'state', d.state,
      'due_date', d.due_date, 'due_at', d.due_at, 'provisional', d.provisional, 'target_due_at', d.target_due_at,
      'remaining_working_days', d.remaining_working_days, 'extended', d.extended) ORDER BY d.id), '[]'::json)
     FROM deadlines d WHERE d.case_id = c.id)`;

/** The whole case as one row (alias c): no N+1 for timelines, deadlines or attachments. */
export const CASE_COLUMNS = sql`c.*,
  (SELECT coalesce(json_agg(json_build_object('type', e.type, 'actorRole', e.actor_role, 'at', e.at,
      'fromStatus', e.from_status, 'toStatus', e.to_status, 'data', e.data,
      'actor', (SELECT json_build_object('id', s.id, 'displayName', s.display_name) FROM staff_accounts s
                 WHERE e.actor_role = 'staff' AND s.id = e.actor_id)) ORDER BY e.id), '[]'::json)
     FROM case_events e WHERE e.case_id = c.id) AS events,
  (SELECT json_build_object('id', s.id, 'displayName', s.display_name) FROM staff_accounts s WHERE s.id = c.assignee_id) AS assignee,
  ${DEADLINES_AGG} AS deadlines,
  (SELECT coalesce(json_agg(json_build_object('id', u.id, 'mime', u.mime, 'size', u.size, 'centreOnly', u.centre_only) ORDER BY u.created_at, u.id), '[]'::json)
     FROM uploads u WHERE u.case_id = c.id) AS attachments`;

/**
 * The case as this caller may see it, inside a transaction, or null; `lock` takes the case row first
 * (FOR UPDATE cannot sit beside the aggregates), so that changes to one case queue one after another.
 */
export async function findCase(
  q: Queryable,
  caller: Caller,
  id: string,
  lock: boolean,
): Promise<CaseRow | null> {
  if (!UUID.test(id)) return null;
  const where = sql`c.id = ${typed('uuid', id)} AND ${visibility(caller)}`;
  if (lock && !(await q.query(sql`SELECT c.id FROM cases c WHERE ${where} FOR UPDATE`)).length) return null;
  const [row] = await selectRows(q, CaseRowSchema, sql`SELECT ${CASE_COLUMNS} FROM cases c WHERE ${where}`);
  return row ?? null;
}

/** The same, a 404 when there is no such case or the caller may not see it. */
export async function loadCase(q: Queryable, caller: Caller, id: string, lock: boolean): Promise<CaseRow> {
  const row = await findCase(q, caller, id, lock);
  if (!row) throw notFound('Case not found');
  return row;
}

export const MerchantFoundSchema = z.object({
  id: z.string().nullable(),
  name: z.string(),
  address: z.string(),
  odr: z.boolean(),
});
/** The merchant a filing names: a directory merchant (id) or a free-text one (no id, never ODR). */
export type MerchantFound = z.infer<typeof MerchantFoundSchema>;

export async function findMerchant(q: Queryable, id: string): Promise<MerchantFound | null> {
  const [found] = await selectRows(
    q,
    MerchantFoundSchema,
    sql`SELECT id, name, address, odr FROM merchants WHERE id = ${id}`,
  );
  return found ?? null;
}

export const PriorFilingSchema = z.object({
  request_hash: z.string(),
  answer_enc: z.string(),
  case_no: z.string().nullable(),
});
export type PriorFiling = z.infer<typeof PriorFilingSchema>;

/** The earlier filing with this key (its case number read from the case). */
export async function findPriorFiling(q: Queryable, userId: string, key: string): Promise<PriorFiling> {
  const [prior] = await selectRows(
    q,
    PriorFilingSchema,
    sql`SELECT k.request_hash, k.answer_enc, c.case_no FROM idempotency_keys k LEFT JOIN cases c ON c.id = k.case_id
         WHERE k.user_id = ${userId} AND k.key = ${key}`,
  );
  return prior;
}
