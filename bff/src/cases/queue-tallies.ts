/**
 * The tallies of open cases behind GET /staff/queues (migration 012): per Beijing due day, per
 * assignee, green channel and 督办. `tallyRows` is what the one writer (`case-repository.ts`) appends
 * in the statement that changes cases; `tallyCondition` reads a queue's filter off the tallies;
 * `compactTallies` folds the appended rows together, so that the sum stays a scan of a few hundred rows.
 */
import { dueWindow, type CaseListQuery, type WorkingCalendar } from '@weiquan/shared';
import type { Caller } from '../auth/caller';
import type { Db, Queryable } from '../store/db';
import { empty, sql, typed, type Sql } from '../store/sql';

/**
 * Appends the tallies of case rows: `rows` yields is_open, next_due_at, assignee_id, priority,
 * supervised and sign (+1 as the row now is, -1 as it was). A change that leaves every queue as it was
 * cancels out and appends nothing.
 */
export const tallyRows = (rows: Sql) => sql`INSERT INTO open_case_tallies (queue, due_day, assignee_id, n)
  SELECT t.queue, t.due_day, t.assignee_id, sum(r.sign * t.n)::int
    FROM (${rows}) r
    CROSS JOIN LATERAL (VALUES
      ('due', (r.next_due_at AT TIME ZONE 'Asia/Shanghai')::date, NULL::uuid, 1),
      ('assignee', NULL, r.assignee_id, 1),
      ('green', NULL, NULL, CASE WHEN r.priority THEN 1 ELSE 0 END),
      ('supervised', NULL, NULL, CASE WHEN r.supervised THEN 1 ELSE 0 END)
    ) AS t(queue, due_day, assignee_id, n)
   WHERE r.is_open
   GROUP BY t.queue, t.due_day, t.assignee_id
  HAVING sum(r.sign * t.n) <> 0`;

/** The columns `tallyRows` reads, off a case row (alias-free: cases or a RETURNING list). */
export const TALLIED_COLUMNS = sql`is_open, next_due_at, assignee_id, priority, supervised`;

/** The Beijing day of an instant the due windows start or end at (a Beijing midnight). */
const dayOf = (instant: string) => sql`(${typed('timestamptz', instant)} AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * The tally rows of a queue's filter, when the tallies answer it: open cases with one of assignee,
 * due, green channel or 督办 (null: count the cases themselves). The list's conditions
 * (`staff-filters.ts`) read the same columns, so the sum is the list's length.
 */
export function tallyCondition(
  filter: Readonly<Record<string, string>>,
  query: CaseListQuery,
  caller: Caller,
  now: Date,
  calendar: WorkingCalendar,
): Sql | null {
  const keys = Object.keys(filter).filter((k) => k !== 'open');
  if (query.open !== true || keys.length !== 1) return null;
  if (query.assignee === 'none') return sql`queue = 'assignee' AND assignee_id IS NULL`;
  if (query.assignee) {
    const id = query.assignee === 'me' ? caller.id : query.assignee;
    return sql`queue = 'assignee' AND assignee_id = ${typed('uuid', id)}`;
  }
  if (query.due) {
    const w = dueWindow(query.due, now, calendar);
    const from = w.from ? sql` AND due_day >= ${dayOf(w.from)}` : empty;
    return sql`queue = 'due'${from} AND due_day < ${dayOf(w.before)}`;
  }
  if (query.greenChannel === true) return sql`queue = 'green'`;
  if (query.supervised === true) return sql`queue = 'supervised'`;
  return null;
}

/** Appended rows beyond which a count folds the tallies together. */
export const COMPACT_AFTER = 500;
// Any fixed number: one process folds at a time, the others go on reading.
const COMPACT_LOCK = 7_315_014;

/**
 * Folds every tally row into one per queue, day and assignee, in one statement: a reader sees the rows
 * before or after, with the same sums; rows appended meanwhile are kept for the next fold.
 */
export async function compactTallies(db: Db): Promise<void> {
  await db.tx(async (q) => {
    const [lock] = await q.query<{ ok: boolean }>(
      sql`SELECT pg_try_advisory_xact_lock(${COMPACT_LOCK}) AS ok`,
    );
    if (lock.ok) await foldTallies(q);
  });
}

async function foldTallies(q: Queryable): Promise<void> {
  await q.query(sql`WITH gone AS (DELETE FROM open_case_tallies RETURNING queue, due_day, assignee_id, n)
    INSERT INTO open_case_tallies (queue, due_day, assignee_id, n, compacted)
    SELECT queue, due_day, assignee_id, sum(n)::int, true FROM gone
     GROUP BY queue, due_day, assignee_id HAVING sum(n) <> 0`);
}

/** The tallies counted again from the cases (a store filled by other means than the writer: the bench). */
export async function rebuildTallies(q: Queryable): Promise<void> {
  await q.query(sql`DELETE FROM open_case_tallies`);
  await q.query(tallyRows(sql`SELECT ${TALLIED_COLUMNS}, 1 AS sign FROM cases`));
  await foldTallies(q);
}
