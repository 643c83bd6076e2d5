/**
 * GET /staff/queues: the number of cases in each queue, counted with the staff list's own conditions
 * (`staff-filters.ts`) for each queue's filter (`QUEUE_FILTERS`), so that every count equals the
 * length of its list; one statement, each count answered by the queue's partial index.
 */
import { QUEUE_NAMES, QUEUE_FILTERS, caseListQuery, type QueuesAnswer } from '@weiquan/shared';
import type { Caller } from '../auth/caller';
import { identifier, join, sql } from '../store/sql';
import type { CaseContext } from './case-context';
import { staffConditions } from './staff-filters';

export async function countQueues(ctx: CaseContext, caller: Caller): Promise<QueuesAnswer> {
  const now = ctx.now();
  const counts = QUEUE_NAMES.map((name, i) => {
    const where = staffConditions(
      caller,
      caseListQuery.parse(QUEUE_FILTERS[name]),
      now,
      ctx.cipher,
      ctx.calendar(),
    );
    return sql`(SELECT count(*)::int FROM cases c WHERE ${join(where, sql` AND `)}) AS ${identifier(`q${i}`)}`;
  });
  const [row] = await ctx.db.query<Record<string, number>>(sql`SELECT ${join(counts)}`);
  return Object.fromEntries(QUEUE_NAMES.map((name, i) => [name, row[`q${i}`]])) as QueuesAnswer;
}
