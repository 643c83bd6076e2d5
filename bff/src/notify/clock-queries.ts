/** The clocks' data access: the running deadlines they act on, and the once-per-deadline marks. */
import type { ClockNotice, DeadlineKind, IsoDate } from '@weiquan/shared';
import type { Db, Queryable } from '../store/db';
import { join, sql } from '../store/sql';

/** Cases whose merchant deadline has passed: the period lasts to the end of its due day, to the second. */
export async function casesPastMerchantDeadline(db: Db, at: Date): Promise<string[]> {
  const rows = await db.query<{ case_id: string }>(
    sql`SELECT DISTINCT case_id FROM deadlines WHERE state = 'running' AND kind = 'merchant_response'
         AND due_at < date_trunc('second', ${at}::timestamptz)`,
  );
  return rows.map((r) => r.case_id);
}

export interface AlertCandidate {
  id: number;
  case_id: string;
  kind: DeadlineKind;
  due_date: IsoDate;
  due_at: Date;
}

/** Candidates are read this far ahead of their due time (2 working days can span a long holiday). */
const LOOKAHEAD = '30 days';

/** Running deadlines of the alerts' kinds due within the look-ahead that do not carry their kind's mark yet. */
export function alertCandidates(
  db: Db,
  alerts: readonly { kind: DeadlineKind; mark: ClockNotice }[],
  at: Date,
): Promise<AlertCandidate[]> {
  const markOf = join(
    alerts.map((a) => sql`WHEN ${a.kind} THEN ${a.mark}`),
    sql` `,
  );
  return db.query<AlertCandidate>(
    sql`SELECT d.id, d.case_id, d.kind, d.due_date, d.due_at FROM deadlines d
         WHERE d.state = 'running' AND d.kind = ANY(${alerts.map((a) => a.kind)}::text[])
           AND d.due_at < ${at}::timestamptz + ${LOOKAHEAD}::interval
           AND NOT EXISTS (SELECT 1 FROM clock_marks m WHERE m.deadline_id = d.id AND m.mark = (CASE d.kind ${markOf} END))`,
  );
}

/** Locks the deadline; true while it is still running. */
export async function lockRunningDeadline(q: Queryable, id: number): Promise<boolean> {
  const [still] = await q.query<{ state: string }>(
    sql`SELECT state FROM deadlines WHERE id = ${id} FOR UPDATE`,
  );
  return still?.state === 'running';
}

/** Marks the deadline with this notice; false when it was marked before (another worker). */
export async function markDeadline(q: Queryable, id: number, mark: ClockNotice, at: Date): Promise<boolean> {
  const marked = await q.query(
    sql`INSERT INTO clock_marks (deadline_id, mark, at) VALUES (${id}, ${mark}, ${at}) ON CONFLICT DO NOTHING RETURNING mark`,
  );
  return marked.length > 0;
}
