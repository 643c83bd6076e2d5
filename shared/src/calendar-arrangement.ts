/**
 * What makes a year's holiday arrangement acceptable, as one rule the BFF applies before saving
 * (PUT /staff/calendar/:year) and the console may apply while an admin types: every date lies in
 * that year, make-up days fall on a Saturday or Sunday, no date is both off and a make-up day, and
 * the holidays fixed by law (元旦, 劳动节 May 1-2, 国庆节 Oct 1-3) are off.
 */
import {
  FIXED_STATUTORY_HOLIDAYS,
  isIsoDate,
  isWeekend,
  type CalendarArrangement,
  type IsoDate,
} from './calendar';

export interface ArrangementProblem {
  /** where in the body: 'off.3', 'makeup.0', or 'off' for a missing statutory holiday */
  path: string;
  message: string;
}

/** Every problem with this arrangement, each naming its date; empty when it may be saved. */
export function arrangementProblems(year: number, off: readonly IsoDate[], makeup: readonly IsoDate[]) {
  const problems: ArrangementProblem[] = [];
  const offSet = new Set(off);
  const check = (list: readonly IsoDate[], name: 'off' | 'makeup') =>
    list.forEach((date, i) => {
      const path = `${name}.${i}`;
      if (!isIsoDate(date)) problems.push({ path, message: `${date} is not a calendar date` });
      else if (Number(date.slice(0, 4)) !== year)
        problems.push({ path, message: `${date} lies outside ${year}` });
      else if (name === 'makeup' && !isWeekend(date))
        problems.push({ path, message: `${date} is a make-up day but not a Saturday or Sunday` });
      else if (name === 'makeup' && offSet.has(date))
        problems.push({ path, message: `${date} is both a day off and a make-up day` });
    });
  check(off, 'off');
  check(makeup, 'makeup');
  for (const h of FIXED_STATUTORY_HOLIDAYS) {
    const date = `${year}-${h.monthDay}`;
    if (!offSet.has(date))
      problems.push({ path: 'off', message: `${date} (${h.nameZh}) is a statutory holiday and must be off` });
  }
  return problems;
}

/** The table chinese-days ships (`dist/chinese-days.json`): date keys of days off and make-up days. */
export interface HolidayPackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/**
 * The arrangements in a holiday package's table, one per year it holds (a year counts once its
 * arrangement is there: every arrangement gives 元旦 and more). The caller owns the import, so the
 * package never reaches a bundle that does not want it.
 */
export function arrangementsFromPackage(data: HolidayPackageData): CalendarArrangement[] {
  const byYear = new Map<number, { off: IsoDate[]; makeup: IsoDate[] }>();
  const yearOf = (date: string) => {
    const year = Number(date.slice(0, 4));
    let entry = byYear.get(year);
    if (!entry) byYear.set(year, (entry = { off: [], makeup: [] }));
    return entry;
  };
  for (const date of Object.keys(data.holidays).sort()) yearOf(date).off.push(date);
  const years = new Set(byYear.keys());
  for (const date of Object.keys(data.workdays).sort())
    if (years.has(Number(date.slice(0, 4)))) yearOf(date).makeup.push(date);
  return [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, days]) => ({ year, ...days }));
}
