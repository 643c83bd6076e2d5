/**
 * The staff queues (GET /staff/queues) as data: each queue is a staff list filter, so that its count
 * is by construction the length of `GET /cases` with that filter, and the console links each count
 * to its list. The due windows are days of the Beijing calendar, read against `cases.next_due_at`
 * (the end of the soonest running deadline's due day, 23:59:59 Beijing).
 */
import { addCalendarDays, beijingDate, type IsoDate, type WorkingCalendar } from './calendar';
import { DUE_SOON_WORKING_DAYS } from './channels';

export const QUEUE_NAMES = [
  'mine',
  'unassigned',
  'overdue',
  'dueToday',
  'dueSoon',
  'greenChannel',
  'supervised',
  'awaitingVisit',
] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** The `GET /cases` query string of each queue (staff). */
export const QUEUE_FILTERS: Readonly<Record<QueueName, Readonly<Record<string, string>>>> = {
  mine: { assignee: 'me', open: 'true' },
  unassigned: { assignee: 'none', open: 'true' },
  overdue: { due: 'overdue', open: 'true' },
  dueToday: { due: 'today', open: 'true' },
  dueSoon: { due: 'soon', open: 'true' },
  greenChannel: { greenChannel: 'true', open: 'true' },
  supervised: { supervised: 'true', open: 'true' },
  awaitingVisit: { awaitingVisit: 'true' },
};

const startOfBeijingDay = (date: IsoDate) => `${date}T00:00:00+08:00`;

/** The last day of the "soon" window: the 2nd working day counting from today (today too, if working). */
export function dueSoonLastDay(now: Date, calendar: WorkingCalendar): IsoDate {
  let day = beijingDate(now);
  let count = calendar.isWorkingDay(day) ? 1 : 0;
  while (count < DUE_SOON_WORKING_DAYS) {
    day = addCalendarDays(day, 1);
    if (calendar.isWorkingDay(day)) count += 1;
  }
  return day;
}

/**
 * The next due instants a `due` filter selects, as [from, before): overdue, the due day has passed
 * (before today); today, it is today; soon, from today through the 2nd working day.
 */
export function dueWindow(
  filter: 'overdue' | 'today' | 'soon',
  now: Date,
  calendar: WorkingCalendar,
): { from: string | null; before: string } {
  const today = beijingDate(now);
  if (filter === 'overdue') return { from: null, before: startOfBeijingDay(today) };
  const last = filter === 'today' ? today : dueSoonLastDay(now, calendar);
  return { from: startOfBeijingDay(today), before: startOfBeijingDay(addCalendarDays(last, 1)) };
}
