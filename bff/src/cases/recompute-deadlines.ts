/**
 * After a year's arrangement is saved: every running or paused deadline whose period reaches into
 * that year is computed again from its start (its pauses replayed, `replayDeadline`), as if the
 * arrangement had been known at filing. Cases are taken in batches, each batch one transaction that
 * locks its cases; a deadline whose due date moved leaves a `deadline_recomputed` event (the
 * notifier tells the consumer, and the merchant for its own negotiation period). Recomputing with
 * the same calendar again finds nothing to change, so a re-save, or a run cut short and repeated,
 * moves each date once.
 */
import {
  DEADLINE_RULES,
  PRIORITY_ACCEPTANCE_WORKING_DAYS,
  REPORT_EXTENSION_WORKING_DAYS,
  TRANSITIONS,
  beijingDate,
  endOfBeijingDay,
  replayDeadline,
  type DeadlineKind,
  type WorkingCalendar,
} from '@weiquan/shared';
import { z } from 'zod';
import { selectRows, type Db, type Queryable } from '../store/db';
import { sql } from '../store/sql';
import { recordRecomputation, type RecomputedDeadline } from './case-repository';
import { DEADLINE_STATES, type DeadlineRow } from './case-rows';
import { nextDueAt } from './clock-effects';

const BATCH = 100;

// The actions that pause or resume a kind of deadline, from the status machine's clock effects.
const CLOCK_EVENTS = TRANSITIONS.flatMap((t) => [
  ...(t.clock?.pause ? [{ type: t.action, op: 'pause' as const, kind: t.clock.pause }] : []),
  ...(t.clock?.resume ? [{ type: t.action, op: 'resume' as const, kind: t.clock.resume }] : []),
]);

const OpenDeadlineSchema = z.object({
  id: z.number(),
  case_id: z.string(),
  kind: z.enum(Object.keys(DEADLINE_RULES) as [DeadlineKind, ...DeadlineKind[]]),
  state: z.enum(DEADLINE_STATES),
  started_at: z.date(),
  due_date: z.string(),
  due_at: z.date(),
  provisional: z.boolean(),
  target_due_at: z.date().nullable(),
  remaining_working_days: z.number().nullable(),
  extended: z.boolean(),
});
type OpenDeadline = z.infer<typeof OpenDeadlineSchema>;
const ClockEventSchema = z.object({ case_id: z.string(), type: z.string(), at: z.date() });

/** The cases (after `after`, in id order) with an open deadline whose period may reach into `year`. */
async function candidateCases(q: Queryable, year: number, after: string | null): Promise<string[]> {
  const yearStart = `${year}-01-01`;
  const yearEnd = new Date(`${year + 1}-01-01T00:00:00+08:00`);
  const rows = await q.query<{ case_id: string }>(
    sql`SELECT DISTINCT case_id FROM deadlines
      WHERE state IN ('running', 'paused') AND started_at < ${yearEnd}
        AND (state = 'paused' OR due_date >= ${yearStart}::date)
        AND (${after}::uuid IS NULL OR case_id > ${after}::uuid)
      ORDER BY case_id LIMIT ${BATCH}`,
  );
  return rows.map((r) => r.case_id);
}

interface CaseRecomputation {
  caseId: string;
  updates: RecomputedDeadline[];
  moved: { kind: DeadlineKind; oldDueAt: string; newDueAt: string }[];
  nextDueAt: string | null;
}

function recomputeOne(
  calendar: WorkingCalendar,
  d: OpenDeadline,
  events: z.infer<typeof ClockEventSchema>[],
) {
  const workingDays = DEADLINE_RULES[d.kind].workingDays + (d.extended ? REPORT_EXTENSION_WORKING_DAYS : 0);
  const clockChanges = events
    .filter((e) => e.case_id === d.case_id && e.at >= d.started_at)
    .flatMap((e) =>
      CLOCK_EVENTS.filter((c) => c.type === e.type && c.kind === d.kind).map((c) => ({ op: c.op, at: e.at })),
    );
  const replayed = replayDeadline(calendar, { startedAt: d.started_at, workingDays, clockChanges });
  const startDate = beijingDate(d.started_at);
  const target = d.target_due_at
    ? endOfBeijingDay(calendar.addWorkingDays(startDate, PRIORITY_ACCEPTANCE_WORKING_DAYS).date)
    : null;
  const update: RecomputedDeadline = {
    id: d.id,
    dueDate: replayed.state === 'running' ? replayed.dueDate : d.due_date,
    dueAt: replayed.state === 'running' ? replayed.dueAt : d.due_at.toISOString(),
    provisional: replayed.provisional,
    targetDueAt: target,
    remainingWorkingDays:
      replayed.state === 'paused' ? replayed.remainingWorkingDays : d.remaining_working_days,
  };
  const changed =
    update.dueDate !== d.due_date ||
    update.provisional !== d.provisional ||
    update.remainingWorkingDays !== d.remaining_working_days ||
    (target !== null && Date.parse(target) !== d.target_due_at?.getTime());
  const moved = replayed.state === 'running' && update.dueDate !== d.due_date;
  return { update, changed, moved };
}

async function planBatch(q: Queryable, calendar: WorkingCalendar, caseIds: string[], lock: boolean) {
  if (lock)
    await q.query(sql`SELECT id FROM cases WHERE id = ANY(${caseIds}::uuid[]) ORDER BY id FOR UPDATE`);
  const deadlines = await selectRows(
    q,
    OpenDeadlineSchema,
    sql`SELECT id, case_id::text, kind, state, started_at, due_date::text, due_at, provisional, target_due_at,
        remaining_working_days, extended
      FROM deadlines WHERE case_id = ANY(${caseIds}::uuid[]) AND state IN ('running', 'paused') ORDER BY id`,
  );
  const events = await selectRows(
    q,
    ClockEventSchema,
    sql`SELECT case_id::text, type, at FROM case_events
      WHERE case_id = ANY(${caseIds}::uuid[]) AND type = ANY(${[...new Set(CLOCK_EVENTS.map((c) => c.type))]}::text[])
      ORDER BY at, id`,
  );
  const plans: CaseRecomputation[] = [];
  for (const caseId of caseIds) {
    const own = deadlines.filter((d) => d.case_id === caseId);
    const results = own.map((d) => ({ d, ...recomputeOne(calendar, d, events) }));
    if (!results.some((r) => r.changed)) continue;
    const after: DeadlineRow[] = results.map(({ d, update }) => ({
      id: d.id,
      kind: d.kind,
      state: d.state,
      due_date: update.dueDate,
      due_at: update.dueAt,
      provisional: update.provisional,
      target_due_at: update.targetDueAt,
      remaining_working_days: update.remainingWorkingDays,
      extended: d.extended,
    }));
    plans.push({
      caseId,
      updates: results.filter((r) => r.changed).map((r) => r.update),
      moved: results
        .filter((r) => r.moved)
        .map((r) => ({ kind: r.d.kind, oldDueAt: endOfBeijingDay(r.d.due_date), newDueAt: r.update.dueAt })),
      nextDueAt: nextDueAt(after),
    });
  }
  return plans;
}

/** What the `deadline_recomputed` event records (the timeline shows it; the notice quotes `text`). */
function recomputedEventData(m: CaseRecomputation['moved'][number]) {
  const day = (at: string) => at.slice(0, 10);
  return {
    deadlineKind: m.kind,
    oldDueAt: m.oldDueAt,
    newDueAt: m.newDueAt,
    dueAt: m.newDueAt,
    text: `${DEADLINE_RULES[m.kind].labelZh}截止日已按官方公布的节假日安排重新计算：由 ${day(m.oldDueAt)} 调整为 ${day(m.newDueAt)}`,
  };
}

/**
 * Recomputes every open deadline reaching into `year` with `calendar`; answers how many due dates
 * moved. With dryRun, writes nothing and answers how many would move.
 */
export async function recomputeDeadlines(
  db: Db,
  calendar: WorkingCalendar,
  year: number,
  opts: { dryRun: boolean; at: Date },
): Promise<number> {
  let moved = 0;
  let after: string | null = null;
  for (;;) {
    const ids = await candidateCases(db, year, after);
    if (!ids.length) return moved;
    after = ids[ids.length - 1]!;
    if (opts.dryRun) {
      for (const p of await planBatch(db, calendar, ids, false)) moved += p.moved.length;
      continue;
    }
    moved += await db.tx(async (q) => {
      let n = 0;
      for (const p of await planBatch(q, calendar, ids, true)) {
        await recordRecomputation(q, {
          caseId: p.caseId,
          deadlines: p.updates,
          events: p.moved.map(recomputedEventData),
          nextDueAt: p.nextDueAt,
          at: opts.at,
        });
        n += p.moved.length;
      }
      return n;
    });
  }
}
