/**
 * The year as the calendar page draws it: twelve months of weeks starting on Monday (as Chinese
 * calendars and the State Council's notices do), each day marked as a workday, a weekend, an
 * official day off (休) or a make-up workday (班).
 */
import { addCalendarDays, isWeekend, type IsoDate } from '@weiquan/shared';

export type DayKind = 'workday' | 'weekend' | 'off' | 'makeup';

export interface DayCell {
  date: IsoDate;
  day: number;
  kind: DayKind;
}

export interface MonthGrid {
  month: number;
  /** rows of seven, Monday first; null pads the days of the neighbouring months */
  weeks: (DayCell | null)[][];
}

export interface DayMarks {
  off: ReadonlySet<IsoDate>;
  makeup: ReadonlySet<IsoDate>;
}

export function dayKind(date: IsoDate, marks: DayMarks): DayKind {
  if (marks.off.has(date)) return 'off';
  if (marks.makeup.has(date)) return 'makeup';
  return isWeekend(date) ? 'weekend' : 'workday';
}

const pad = (n: number) => String(n).padStart(2, '0');
/** 0 Monday .. 6 Sunday, from the date alone (no time zone enters). */
const mondayIndex = (date: IsoDate) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;

export function buildYearGrid(year: number, marks: DayMarks): MonthGrid[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    const first = `${year}-${pad(month)}-01`;
    const cells: (DayCell | null)[] = Array.from({ length: mondayIndex(first) }, () => null);
    for (let d = first; d.slice(5, 7) === pad(month); d = addCalendarDays(d, 1))
      cells.push({ date: d, day: Number(d.slice(8)), kind: dayKind(d, marks) });
    while (cells.length % 7) cells.push(null);
    const weeks: (DayCell | null)[][] = [];
    for (let w = 0; w < cells.length; w += 7) weeks.push(cells.slice(w, w + 7));
    return { month, weeks };
  });
}
