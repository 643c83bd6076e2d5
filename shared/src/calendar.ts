// The mainland working-day calendar as pure arithmetic over a table it is given: which years have an
// official arrangement (the State Council's yearly notice) and, for each, its days off and make-up
// working days (调休). Where the table comes from is not this module's business: the BFF keeps the
// arrangements in the store (seeded from the chinese-days package, entered by an admin for years the
// package does not know yet) and hands the table in; see docs/adr (calendar as operator data).

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

/** One year's official arrangement. */
export interface CalendarArrangement {
  year: number;
  /** official days off (holidays and the weekends folded into them) */
  off: readonly IsoDate[];
  /** make-up working days (调休), always a Saturday or Sunday */
  makeup: readonly IsoDate[];
}

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000; // Asia/Shanghai is UTC+8 all year (no DST since 1991).

/**
 * The holidays fixed to Gregorian dates by 《全国年节及纪念日放假办法》 (2024 revision, in force
 * 2025-01-01): 元旦 Jan 1, 劳动节 May 1-2, 国庆节 Oct 1-3. Every arrangement must hold them; a year
 * without one falls back to them alone. The lunar holidays (春节, 端午, 中秋) and 清明 move every year,
 * and 调休 cannot be guessed, so dates in such a year come out earlier than the official ones will:
 * results are provisional.
 */
export const FIXED_STATUTORY_HOLIDAYS: readonly { monthDay: string; nameZh: string }[] = [
  { monthDay: '01-01', nameZh: '元旦' },
  { monthDay: '05-01', nameZh: '劳动节' },
  { monthDay: '05-02', nameZh: '劳动节' },
  { monthDay: '10-01', nameZh: '国庆节' },
  { monthDay: '10-02', nameZh: '国庆节' },
  { monthDay: '10-03', nameZh: '国庆节' },
];
const FALLBACK_FIXED_HOLIDAYS: ReadonlySet<string> = new Set(FIXED_STATUTORY_HOLIDAYS.map((h) => h.monthDay));

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

const yearOf = (day: number) => new Date(day * DAY_MS).getUTCFullYear();
const weekdayOf = (day: number) => new Date(day * DAY_MS).getUTCDay(); // 0 Sunday .. 6 Saturday

/** Whether the string is an existing calendar date 'YYYY-MM-DD'. */
export function isIsoDate(date: string): boolean {
  try {
    toDayNumber(date);
    return true;
  } catch {
    return false;
  }
}

/** Whether the date is a Saturday or Sunday. */
export function isWeekend(date: IsoDate): boolean {
  const weekday = weekdayOf(toDayNumber(date));
  return weekday === 0 || weekday === 6;
}

/** Working-day arithmetic over one table of arrangements. */
export interface WorkingCalendar {
  /** Whether this year's official arrangement is in the table (otherwise results are provisional). */
  covers(year: number): boolean;
  /** The last year of the unbroken run of covered years that starts at the earliest; null when none. */
  readonly coveredThrough: number | null;
  /** Weekends and public holidays are off, make-up working days (调休) are on. */
  isWorkingDay(date: IsoDate): boolean;
  /**
   * The n-th working day after start (n > 0) or before it (n < 0); n = 0 answers start itself.
   * The start day is never counted (期间开始之日不计算在内): received Tue 2026-11-24, 7 working days
   * -> Thu 2026-12-03. `provisional` is true when any day examined lies in a year not covered.
   */
  addWorkingDays(start: IsoDate, n: number): { date: IsoDate; provisional: boolean };
  /** Working days in (from, to] when to >= from; when to < from, minus the working days in (to, from]. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
}

// The BFF computes deadlines on every case answer; formatting dates dominates the uncached cost
// (~45 µs per 45-working-day period), a day-number lookup brings it to a few µs. The bound only
// guards against odd inputs: real use touches a few thousand days.
const CACHE_LIMIT = 50_000;

/** A calendar over these arrangements (one per year; a later entry for the same year wins). */
export function createWorkingCalendar(arrangements: readonly CalendarArrangement[]): WorkingCalendar {
  const off = new Set<number>();
  const makeup = new Set<number>();
  const years = new Set<number>();
  for (const a of arrangements) years.add(a.year);
  for (const a of arrangements) {
    for (const d of a.off) off.add(toDayNumber(d));
    for (const d of a.makeup) makeup.add(toDayNumber(d));
  }
  const sorted = [...years].sort((a, b) => a - b);
  let coveredThrough: number | null = sorted.length ? sorted[0]! : null;
  while (coveredThrough !== null && years.has(coveredThrough + 1)) coveredThrough += 1;

  const cache = new Map<number, boolean>();
  const computeIsWorking = (day: number): boolean => {
    const weekday = weekdayOf(day);
    if (years.has(yearOf(day))) {
      if (makeup.has(day)) return true;
      if (off.has(day)) return false;
      return weekday !== 0 && weekday !== 6;
    }
    return weekday !== 0 && weekday !== 6 && !FALLBACK_FIXED_HOLIDAYS.has(fromDayNumber(day).slice(5));
  };
  const isWorkingDayNumber = (day: number): boolean => {
    let working = cache.get(day);
    if (working === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      working = computeIsWorking(day);
      cache.set(day, working);
    }
    return working;
  };

  // Working days counted up to each day of a span that grows on demand, so that workingDaysBetween is
  // two look-ups: the staff list counts one per item, and an overdue item's due day can be years back.
  let spanStart = 0;
  let upTo: number[] = []; // upTo[i]: the working days in (spanStart, spanStart + i]
  const workingUpTo = (day: number): number | null => {
    if (!upTo.length || day < spanStart) {
      const end = upTo.length ? spanStart + upTo.length - 1 : day;
      if (end - day >= CACHE_LIMIT) return null;
      spanStart = day - 366;
      upTo = [0];
      for (let d = spanStart + 1; d <= end; d += 1)
        upTo.push(upTo[upTo.length - 1]! + (isWorkingDayNumber(d) ? 1 : 0));
    }
    while (spanStart + upTo.length <= day) {
      if (upTo.length >= CACHE_LIMIT) return null;
      upTo.push(upTo[upTo.length - 1]! + (isWorkingDayNumber(spanStart + upTo.length) ? 1 : 0));
    }
    return upTo[day - spanStart]!;
  };

  return {
    covers: (year) => years.has(year),
    coveredThrough,
    isWorkingDay: (date) => isWorkingDayNumber(toDayNumber(date)),
    addWorkingDays(start, n) {
      let day = toDayNumber(start);
      requireInteger(n, 'working days');
      const step = n < 0 ? -1 : 1;
      let remaining = Math.abs(n);
      let provisional = false;
      while (remaining > 0) {
        day += step;
        if (!years.has(yearOf(day))) provisional = true;
        if (isWorkingDayNumber(day)) remaining -= 1;
      }
      return { date: fromDayNumber(day), provisional };
    },
    workingDaysBetween(from, to) {
      const a = toDayNumber(from);
      const b = toDayNumber(to);
      const [low, high] = b >= a ? [a, b] : [b, a];
      // low first: it may move the span's start, which high's count is read from
      const fromLow = workingUpTo(low);
      const toHigh = fromLow === null ? null : workingUpTo(high);
      let count = fromLow !== null && toHigh !== null ? toHigh - fromLow : 0;
      if (fromLow === null || toHigh === null)
        for (let day = low + 1; day <= high; day += 1) if (isWorkingDayNumber(day)) count += 1;
      return b >= a || count === 0 ? count : -count; // never -0: it would fail strict equality
    },
  };
}

/** The calendar date in Beijing (Asia/Shanghai) at this instant, whatever the machine's time zone. */
export function beijingDate(instant: Date): IsoDate {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError('beijingDate needs a valid Date');
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
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
