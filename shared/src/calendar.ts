// The mainland working-day calendar. This is the only module that knows where the holiday data comes
// from, so updating it each year (the State Council publishes the next year's arrangement around
// November) is an `npm update chinese-days` plus a test run.
//
// We read chinese-days' prebuilt data table rather than calling its functions: the library parses
// 'YYYY-MM-DD' as UTC but reads dates back with local-time getters, and builds its own table the same
// way, so on a machine west of UTC (TZ=America/New_York) its isWorkday()/getDayDetail() answer for the
// wrong day (2,116 of the 8,401 days of 2004-2026 differ). The JSON table is plain date keys, needs no
// time zone, and keeps the lunar code out of the mini-program bundle.
import holidayData from 'chinese-days/dist/chinese-days.json';

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000; // Asia/Shanghai is UTC+8 all year (no DST since 1991).

interface HolidayTable {
  holidays: Record<string, string>; // official days off, e.g. '2025-10-01': 'National Day,国庆节,3'
  workdays: Record<string, string>; // make-up working days (调休), usually weekends
}
const table = holidayData as HolidayTable;
const OFFICIAL_DAYS_OFF: ReadonlySet<string> = new Set(Object.keys(table.holidays));
const OFFICIAL_MAKEUP_DAYS: ReadonlySet<string> = new Set(Object.keys(table.workdays));
// A year counts as covered once its arrangement is in the data: every arrangement gives 元旦 and more.
const COVERED_YEARS: ReadonlySet<number> = new Set(
  Object.keys(table.holidays).map((date) => Number(date.slice(0, 4))),
);

// Years the data does not cover yet fall back to the holidays fixed to Gregorian dates by
// 《全国年节及纪念日放假办法》 (2024 revision, in force 2025-01-01): 元旦 Jan 1, 劳动节 May 1-2,
// 国庆节 Oct 1-3. The lunar holidays (春节, 端午, 中秋) and 清明 move every year, and 调休 cannot be
// guessed, so such dates come out earlier than the official ones will: results are provisional.
const FALLBACK_FIXED_HOLIDAYS: ReadonlySet<string> = new Set([
  '01-01',
  '05-01',
  '05-02',
  '10-01',
  '10-02',
  '10-03',
]);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid IsoDate; throws RangeError otherwise. */
function toDayNumber(date: IsoDate): number {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (match) {
    const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    // Date.UTC maps years 0-99 to 1900-1999 and rolls Feb 30 into March; the round trip catches both.
    if (fromDayNumber(ms / DAY_MS) === date) return ms / DAY_MS;
  }
  throw new RangeError(`not a calendar date (YYYY-MM-DD): ${String(date)}`);
}

function fromDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function requireInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

function computeIsWorkingDay(day: number): boolean {
  const date = fromDayNumber(day);
  const weekday = new Date(day * DAY_MS).getUTCDay(); // 0 Sunday .. 6 Saturday
  if (COVERED_YEARS.has(yearOf(day))) {
    if (OFFICIAL_MAKEUP_DAYS.has(date)) return true;
    if (OFFICIAL_DAYS_OFF.has(date)) return false;
    return weekday !== 0 && weekday !== 6;
  }
  return weekday !== 0 && weekday !== 6 && !FALLBACK_FIXED_HOLIDAYS.has(date.slice(5));
}

// The BFF computes deadlines on every case answer; formatting dates dominates the uncached cost
// (~45 µs per 45-working-day period), a day-number lookup brings it to a few µs. The bound only
// guards against odd inputs: real use touches a few thousand days.
const CACHE_LIMIT = 50_000;
const workingDayCache = new Map<number, boolean>();
const coveredDayCache = new Map<number, boolean>();

function isWorkingDayNumber(day: number): boolean {
  let working = workingDayCache.get(day);
  if (working === undefined) {
    if (workingDayCache.size >= CACHE_LIMIT) workingDayCache.clear();
    working = computeIsWorkingDay(day);
    workingDayCache.set(day, working);
  }
  return working;
}

function isCoveredDayNumber(day: number): boolean {
  let covered = coveredDayCache.get(day);
  if (covered === undefined) {
    if (coveredDayCache.size >= CACHE_LIMIT) coveredDayCache.clear();
    covered = COVERED_YEARS.has(yearOf(day));
    coveredDayCache.set(day, covered);
  }
  return covered;
}

/** The calendar date in Beijing (Asia/Shanghai) at this instant, whatever the machine's time zone. */
export function beijingDate(instant: Date): IsoDate {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError('beijingDate needs a valid Date');
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether the official holiday arrangement for this year is in the data (otherwise results are provisional). */
export function calendarCovers(year: number): boolean {
  return COVERED_YEARS.has(year);
}

/** Weekends and public holidays are off, make-up working days (调休) are on. */
export function isWorkingDay(date: IsoDate): boolean {
  return isWorkingDayNumber(toDayNumber(date));
}

/**
 * The n-th working day after start (n > 0) or before it (n < 0); n = 0 answers start itself.
 * The start day is never counted (期间开始之日不计算在内): received Tue 2026-11-24, 7 working days
 * -> Thu 2026-12-03. `provisional` is true when any day examined lies in a year the data does not cover.
 */
export function addWorkingDays(start: IsoDate, n: number): { date: IsoDate; provisional: boolean } {
  let day = toDayNumber(start);
  requireInteger(n, 'working days');
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let provisional = false;
  while (remaining > 0) {
    day += step;
    if (!isCoveredDayNumber(day)) provisional = true;
    if (isWorkingDayNumber(day)) remaining -= 1;
  }
  return { date: fromDayNumber(day), provisional };
}

/** Working days in (from, to] when to >= from; when to < from, minus the working days in (to, from]. */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  const [low, high] = b >= a ? [a, b] : [b, a];
  let count = 0;
  for (let day = low + 1; day <= high; day += 1) {
    if (isWorkingDayNumber(day)) count += 1;
  }
  return b >= a || count === 0 ? count : -count; // never -0: it would fail strict equality
}

/** The last second of that day in Beijing, e.g. '2026-12-03T23:59:59+08:00'. */
export function endOfBeijingDay(date: IsoDate): string {
  toDayNumber(date);
  return `${date}T23:59:59+08:00`;
}

/** The date n calendar days after (n < 0: before) date. */
export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  const day = toDayNumber(date);
  requireInteger(n, 'calendar days');
  return fromDayNumber(day + n);
}
