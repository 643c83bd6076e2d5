/**
 * What a transition's clock effect does to a case's deadlines, as data: a pure function from the
 * effect and the deadlines as they stand to the list of changes to write, the deadlines as they
 * then stand, and the case's next due time. Every path that moves a clock goes through it (filing,
 * actions, the clocks' own merchant timeout, a split report's first clock); `case-repository.ts`
 * writes the changes.
 */
import {
  DEADLINE_RULES,
  PRIORITY_ACCEPTANCE_WORKING_DAYS,
  REPORT_EXTENSION_WORKING_DAYS,
  beijingDate,
  computeDue,
  endOfBeijingDay,
  extendDue,
  workingDaysLeft,
  type ClockEffect,
  type DeadlineKind,
  type IsoDate,
  type WorkingCalendar,
} from '@weiquan/shared';
import type { DeadlineRow } from './case-rows';

export type DeadlineChange =
  /** the deadline stops: met on time or not, missed by the clocks, or cancelled (withdrawal) */
  | { op: 'close'; id: number; state: 'met' | 'missed' | 'cancelled' }
  /** paused time (testing, appraisal) does not count: the working days left are kept */
  | { op: 'pause'; id: number; remainingWorkingDays: number }
  | { op: 'resume'; id: number; dueDate: IsoDate; dueAt: string; provisional: boolean }
  | { op: 'extend'; id: number; dueDate: IsoDate; dueAt: string; provisional: boolean }
  | {
      op: 'start';
      kind: DeadlineKind;
      dueDate: IsoDate;
      dueAt: string;
      provisional: boolean;
      /** the green channel's internal target (priority acceptance), not a legal period */
      targetDueAt: string | null;
    };

export interface ClockOutcome {
  changes: DeadlineChange[];
  /** the deadlines after the changes (a started one has id 0 until it is written) */
  deadlines: DeadlineRow[];
  /** the soonest due time of a running deadline: the case's `next_due_at` */
  nextDueAt: string | null;
}

const isOpen = (d: DeadlineRow) => d.state === 'running' || d.state === 'paused';

/** The case's next due time: the soonest running deadline's (merchants' lists sort by it). */
export function nextDueAt(deadlines: readonly DeadlineRow[]): string | null {
  let next: string | null = null;
  for (const d of deadlines)
    if (d.state === 'running' && (next === null || Date.parse(d.due_at) < Date.parse(next))) next = d.due_at;
  return next;
}

/** A new deadline of this kind, counted from `at` (the opening day is not counted). */
export function startDeadline(
  kind: DeadlineKind,
  at: Date,
  priority: boolean,
  calendar: WorkingCalendar,
): DeadlineChange & { op: 'start' } {
  const due = computeDue(calendar, at, DEADLINE_RULES[kind].workingDays);
  const targetDueAt =
    kind === 'acceptance' && priority
      ? computeDue(calendar, at, PRIORITY_ACCEPTANCE_WORKING_DAYS).dueAt
      : null;
  return {
    op: 'start',
    kind,
    dueDate: due.dueDate,
    dueAt: due.dueAt,
    provisional: due.provisional,
    targetDueAt,
  };
}

/** Applies one change to the deadlines (a new list; the rows themselves are not mutated). */
function applied(deadlines: DeadlineRow[], c: DeadlineChange): DeadlineRow[] {
  if (c.op === 'start') {
    const started: DeadlineRow = {
      id: 0,
      kind: c.kind,
      state: 'running',
      due_date: c.dueDate,
      due_at: c.dueAt,
      provisional: c.provisional,
      target_due_at: c.targetDueAt,
      remaining_working_days: null,
      extended: false,
    };
    return [...deadlines, started];
  }
  return deadlines.map((d): DeadlineRow => {
    if (d.id !== c.id) return d;
    switch (c.op) {
      case 'close':
        return { ...d, state: c.state };
      case 'pause':
        return { ...d, state: 'paused', remaining_working_days: c.remainingWorkingDays };
      case 'resume':
        return {
          ...d,
          state: 'running',
          remaining_working_days: null,
          due_date: c.dueDate,
          due_at: c.dueAt,
          provisional: c.provisional,
        };
      case 'extend':
        return {
          ...d,
          due_date: c.dueDate,
          due_at: c.dueAt,
          provisional: d.provisional || c.provisional,
          extended: true,
        };
    }
  });
}

/**
 * The changes a clock effect makes, in the order the effect lists them: cancel every open deadline,
 * meet, miss, pause, resume, extend, then start a new one. A case has at most one open deadline of
 * a kind; the effects of the status machine never touch one deadline twice.
 */
export function clockEffects(
  effect: ClockEffect,
  current: readonly DeadlineRow[],
  at: Date,
  priority: boolean,
  calendar: WorkingCalendar,
): ClockOutcome {
  let deadlines = [...current];
  const changes: DeadlineChange[] = [];
  const change = (c: DeadlineChange) => {
    changes.push(c);
    deadlines = applied(deadlines, c);
  };
  const open = (kind: DeadlineKind) => deadlines.find((d) => d.kind === kind && isOpen(d));

  if (effect.cancelAll)
    for (const d of deadlines.filter(isOpen)) change({ op: 'close', id: d.id, state: 'cancelled' });
  for (const kind of effect.meet ?? [])
    for (const d of deadlines.filter((d) => d.kind === kind && isOpen(d)))
      change({ op: 'close', id: d.id, state: 'met' });
  if (effect.miss)
    for (const d of deadlines.filter((d) => d.kind === effect.miss && d.state === 'running'))
      change({ op: 'close', id: d.id, state: 'missed' });
  const toPause = effect.pause && open(effect.pause);
  if (toPause)
    change({
      op: 'pause',
      id: toPause.id,
      remainingWorkingDays: Math.max(0, workingDaysLeft(calendar, toPause.due_date, at)),
    });
  const toResume = effect.resume && open(effect.resume);
  if (toResume) {
    const due = calendar.addWorkingDays(beijingDate(at), toResume.remaining_working_days ?? 0);
    change({
      op: 'resume',
      id: toResume.id,
      dueDate: due.date,
      dueAt: endOfBeijingDay(due.date),
      provisional: due.provisional,
    });
  }
  const toExtend = effect.extend && open(effect.extend);
  if (toExtend) {
    const due = extendDue(calendar, toExtend.due_date, REPORT_EXTENSION_WORKING_DAYS);
    change({
      op: 'extend',
      id: toExtend.id,
      dueDate: due.dueDate,
      dueAt: due.dueAt,
      provisional: due.provisional,
    });
  }
  if (effect.start) change(startDeadline(effect.start, at, priority, calendar));
  return { changes, deadlines, nextDueAt: nextDueAt(deadlines) };
}
