/**
 * GET /staff/queues: the number of cases in each queue, for each queue's filter (`QUEUE_FILTERS`),
 * so that every count equals the length of its list. The open-case queues are sums of the tallies
 * (`queue-tallies.ts`): counting their rows was a scan of most of the store at 1 M cases; any other
 * queue (awaitingVisit: the last 30 days' ended complaints) is counted with the staff list's own
 * conditions (`staff-filters.ts`) on its partial index. One statement.
 */
import { QUEUE_NAMES, QUEUE_FILTERS, caseListQuery, type QueuesAnswer } from '@weiquan/shared';
import { z } from 'zod';
import type { Caller } from '../auth/caller';
import { selectRows } from '../store/db';
import { identifier, join, sql } from '../store/sql';
import type { CaseContext } from './case-context';
import { COMPACT_AFTER, compactTallies, tallyCondition } from './queue-tallies';
import { staffConditions } from './staff-filters';

const CountsSchema = z.record(z.string(), z.number());

export async function countQueues(ctx: CaseContext, caller: Caller): Promise<QueuesAnswer> {
  const now = ctx.now();
  const counts = QUEUE_NAMES.map((name, i) => {
    const query = caseListQuery.parse(QUEUE_FILTERS[name]);
    const tally = tallyCondition(QUEUE_FILTERS[name], query, caller, now, ctx.calendar());
    const as = identifier(`q${i}`);
    if (tally) return sql`coalesce(sum(n) FILTER (WHERE ${tally}), 0)::int AS ${as}`;
    const where = staffConditions(caller, query, now, ctx.cipher, ctx.calendar());
    return sql`(SELECT count(*)::int FROM cases c WHERE ${join(where, sql` AND `)}) AS ${as}`;
  });
  const [row] = await selectRows(
    ctx.db,
    CountsSchema,
    sql`SELECT ${join(counts)}, count(*) FILTER (WHERE NOT compacted)::int AS loose FROM open_case_tallies`,
  );
  if (row.loose > COMPACT_AFTER) await compactTallies(ctx.db);
  return Object.fromEntries(QUEUE_NAMES.map((name, i) => [name, row[`q${i}`]])) as QueuesAnswer;
}
