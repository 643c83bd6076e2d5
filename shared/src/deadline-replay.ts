/**
 * A deadline computed again from its start, as if the calendar now known had been known all along:
 * the period opens on its start date with its working days (plus an extension), each pause keeps
 * the working days left at that moment (the rule `clock-effects` applies live), each resume counts
 * them again from its own date. Recomputing after a year's arrangement is entered uses this, so a
 * date moves exactly as far as the new arrangement moves it, and replaying twice changes nothing.
 */
import { beijingDate, endOfBeijingDay, type IsoDate, type WorkingCalendar } from './calendar';

export interface DeadlineHistory {
  /** when the period opened (the opening day is not counted) */
  startedAt: Date;
  /** the period's working days, an extension included */
  workingDays: number;
  /** pauses and resumes of this deadline, oldest first */
  clockChanges: readonly { op: 'pause' | 'resume'; at: Date }[];
}

export type ReplayedDeadline =
  | { state: 'running'; dueDate: IsoDate; dueAt: string; provisional: boolean }
  | { state: 'paused'; remainingWorkingDays: number; provisional: boolean };

export function replayDeadline(calendar: WorkingCalendar, h: DeadlineHistory): ReplayedDeadline {
  let anchor = beijingDate(h.startedAt);
  let left = h.workingDays;
  let paused = false;
  const firstYear = Number(anchor.slice(0, 4));
  for (const change of h.clockChanges) {
    const day = beijingDate(change.at);
    if (change.op === 'pause' && !paused) {
      // As the live pause: the working days after the pause day up to the due day (never below 0).
      const due = calendar.addWorkingDays(anchor, left).date;
      left = Math.max(0, calendar.workingDaysBetween(day, due));
      paused = true;
    } else if (change.op === 'resume' && paused) {
      anchor = day;
      paused = false;
    }
  }
  const coveredFrom = (lastYear: number) => {
    for (let y = firstYear; y <= lastYear; y += 1) if (!calendar.covers(y)) return false;
    return true;
  };
  if (paused) return { state: 'paused', remainingWorkingDays: left, provisional: !coveredFrom(firstYear) };
  const { date } = calendar.addWorkingDays(anchor, left);
  return {
    state: 'running',
    dueDate: date,
    dueAt: endOfBeijingDay(date),
    provisional: !coveredFrom(Number(date.slice(0, 4))),
  };
}
