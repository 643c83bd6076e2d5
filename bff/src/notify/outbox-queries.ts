/**
 * The notifier's data access: case events claimed from the outbox (`case_events`, written by the
 * case repository), and push deliveries leased, recorded and dead-lettered. Recordings are fenced
 * by the attempt number, so a worker whose lease ran out cannot overwrite a later attempt.
 */
import type { ActorRole, CaseStatus } from '@weiquan/shared';
import { markEventsNotified } from '../cases/case-repository';
import type { Queryable } from '../store/db';
import { sql, type Sql } from '../store/sql';

export interface EventRow {
  id: number;
  case_id: string;
  type: string;
  actor_role: ActorRole;
  actor_id: string | null;
  from_status: CaseStatus | null;
  to_status: CaseStatus | null;
  data: Record<string, unknown>;
  at: Date;
}

/** Up to `limit` events not yet fanned out, locked for this transaction (others skip them). */
export const claimEvents = (q: Queryable, limit: number) =>
  q.query<EventRow>(
    sql`SELECT id, case_id, type, actor_role, actor_id, from_status, to_status, data, at FROM case_events
         WHERE notified_at IS NULL ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`,
  );

export { markEventsNotified };

export interface DeliveryRow {
  id: string;
  user_id: string;
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
  attempts: number;
  created_at: Date;
}

/** Leases up to `limit` due deliveries (and any whose lease ran out: their sender died). */
export const leaseDeliveries = (q: Queryable, at: Date, leaseUntil: Date, limit: number) =>
  q.query<DeliveryRow>(
    sql`UPDATE deliveries d SET state = 'sending', attempts = d.attempts + 1, lease_until = ${leaseUntil}
         WHERE d.id IN (SELECT id FROM deliveries
                         WHERE (state = 'pending' AND next_attempt_at <= ${at}) OR (state = 'sending' AND lease_until <= ${at})
                         ORDER BY next_attempt_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
         RETURNING d.id::text AS id, d.user_id, d.touser, d.template_id, d.page, d.data, d.attempts, d.created_at`,
  );

/** The delivery as this attempt leased it (and still holds it). */
const ours = (d: DeliveryRow) => sql`id = ${d.id} AND attempts = ${d.attempts} AND state = 'sending'`;

export type Recorded =
  | { state: 'sent'; msgid: string | null }
  | { state: 'no_subscription'; reason: string }
  | { state: 'pending'; nextAttemptAt: Date; reason: string };

export async function recordAttempt(
  q: Queryable,
  d: DeliveryRow,
  outcome: Recorded,
  at: Date,
): Promise<void> {
  const set: Sql =
    outcome.state === 'sent'
      ? sql`state = 'sent', msgid = ${outcome.msgid}, sent_at = ${at}, finished_at = ${at}, lease_until = NULL, last_error = NULL`
      : outcome.state === 'no_subscription'
        ? sql`state = 'no_subscription', last_error = ${outcome.reason}, finished_at = ${at}, lease_until = NULL`
        : sql`state = 'pending', next_attempt_at = ${outcome.nextAttemptAt}, last_error = ${outcome.reason}, lease_until = NULL`;
  await q.query(sql`UPDATE deliveries SET ${set} WHERE ${ours(d)}`);
}

/** Gives up on a delivery; false when this attempt no longer holds it. */
export async function deadLetter(q: Queryable, d: DeliveryRow, reason: string, at: Date): Promise<boolean> {
  const rows = await q.query(
    sql`UPDATE deliveries SET state = 'dead', last_error = ${reason}, finished_at = ${at}, lease_until = NULL
         WHERE ${ours(d)} RETURNING id`,
  );
  return rows.length > 0;
}
