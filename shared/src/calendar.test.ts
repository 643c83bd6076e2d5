import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import holidayData from 'chinese-days/dist/chinese-days.json';
import {
  addCalendarDays,
  beijingDate,
  createWorkingCalendar,
  endOfBeijingDay,
  type IsoDate,
} from './calendar';
import { arrangementsFromPackage } from './calendar-arrangement';

// The official arrangements 2004-2026 as the chinese-days package ships them (the BFF seeds its store
// from the same table): these tests check the arithmetic against days everyone can look up.
const official = createWorkingCalendar(arrangementsFromPackage(holidayData));
const { isWorkingDay, addWorkingDays, workingDaysBetween } = official;
const calendarCovers = official.covers;

/** Every date from `from` to `to`, both included. */
function datesFrom(from: IsoDate, to: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let date = from; date <= to; date = addCalendarDays(date, 1)) dates.push(date);
  return dates;
}

describe('isWorkingDay', () => {
  it('when it is National Day 2025, then Oct 1-8 are off and Sun Sep 28 and Sat Oct 11 are working days', () => {
    for (const date of datesFrom('2025-10-01', '2025-10-08')) assert.equal(isWorkingDay(date), false, date);
    assert.equal(isWorkingDay('2025-09-28'), true);
    assert.equal(isWorkingDay('2025-10-11'), true);
    assert.equal(isWorkingDay('2025-10-09'), true); // Thursday after the break
    assert.equal(isWorkingDay('2025-10-12'), false); // the Sunday after the make-up Saturday stays off
  });

  it('when it is Spring Festival 2026, then Feb 15-23 are off and Sat Feb 14 and Sat Feb 28 are working days', () => {
    // From chinese-days' data (国办发明电〔2025〕7号): 2月15日（周日）至23日（周一）放假调休，共9天，
    // 2月14日（周六）、2月28日（周六）上班.
    for (const date of datesFrom('2026-02-15', '2026-02-23')) assert.equal(isWorkingDay(date), false, date);
    assert.equal(isWorkingDay('2026-02-14'), true);
    assert.equal(isWorkingDay('2026-02-28'), true);
    assert.equal(isWorkingDay('2026-02-13'), true);
    assert.equal(isWorkingDay('2026-02-24'), true);
    assert.equal(isWorkingDay('2026-03-01'), false);
  });

  it('when a week has no holiday, then Monday-Friday work and the weekend is off', () => {
    const week = datesFrom('2026-11-23', '2026-11-29'); // Mon .. Sun
    assert.deepEqual(week.map(isWorkingDay), [true, true, true, true, true, false, false]);
  });

  it('when a Saturday or Sunday is a make-up day (调休), then it is a working day', () => {
    assert.equal(isWorkingDay('2026-01-04'), true); // Sun, after 元旦 2026
    assert.equal(isWorkingDay('2026-05-09'), true); // Sat, after 劳动节 2026
    assert.equal(isWorkingDay('2026-09-20'), true); // Sun, before 国庆 2026
    assert.equal(isWorkingDay('2026-10-10'), true); // Sat, after 国庆 2026
    assert.equal(isWorkingDay('2025-04-27'), true); // Sun, before 劳动节 2025
  });

  it('when the year is not covered, then weekends and the fixed-date holidays are off', () => {
    assert.equal(isWorkingDay('2027-01-01'), false); // Friday, 元旦 (chinese-days itself says working)
    assert.equal(isWorkingDay('2027-01-04'), true); // Monday
    assert.equal(isWorkingDay('2027-01-02'), false); // Saturday
    assert.equal(isWorkingDay('2027-05-03'), true); // Monday after May 1-2 (a weekend in 2027)
    for (const date of ['2028-05-01', '2028-05-02', '2028-10-02', '2028-10-03']) {
      assert.equal(isWorkingDay(date), false, date);
    }
    assert.equal(isWorkingDay('2028-10-04'), true); // Wednesday: no guessed extension of the break
  });

  it('when the date is malformed or does not exist, then it throws a RangeError', () => {
    for (const bad of ['2026-02-30', '2026-2-3', '20261124', '2026-13-01', '', '0099-01-01x']) {
      assert.throws(() => isWorkingDay(bad), RangeError, bad);
    }
  });
});

describe('calendarCovers', () => {
  it('when asked about 2004-2026, then the official data covers them', () => {
    for (let year = 2004; year <= 2026; year += 1) assert.equal(calendarCovers(year), true, String(year));
  });

  it('when asked about years outside the data, then it answers false', () => {
    assert.equal(calendarCovers(2003), false);
    assert.equal(calendarCovers(2027), false);
  });
});

describe('addWorkingDays', () => {
  it('when a complaint is received Tue 2026-11-24, then 7 working days end Thu 2026-12-03', () => {
    assert.deepEqual(addWorkingDays('2026-11-24', 7), { date: '2026-12-03', provisional: false });
  });

  it('when the start day is a working day, then it is not counted', () => {
    assert.equal(addWorkingDays('2026-11-23', 1).date, '2026-11-24');
    assert.equal(addWorkingDays('2026-11-27', 1).date, '2026-11-30'); // Friday -> Monday
  });

  it('when the start day is a weekend, then counting starts on the next working day', () => {
    assert.equal(addWorkingDays('2026-11-28', 1).date, '2026-11-30'); // Saturday -> Monday
  });

  it('when the period crosses National Day 2025, then the holidays are skipped and the make-up Saturday counts', () => {
    // Tue Sep 30 + 1 -> Thu Oct 9; + 2 -> Fri Oct 10; + 3 -> Sat Oct 11 (make-up day).
    assert.equal(addWorkingDays('2025-09-30', 1).date, '2025-10-09');
    assert.equal(addWorkingDays('2025-09-30', 3).date, '2025-10-11');
    assert.equal(addWorkingDays('2025-09-27', 1).date, '2025-09-28'); // Sat -> the make-up Sunday
  });

  it('when n is 0, then it answers the start date', () => {
    assert.deepEqual(addWorkingDays('2026-11-28', 0), { date: '2026-11-28', provisional: false });
  });

  it('when n is negative, then it answers the n-th working day before', () => {
    assert.equal(addWorkingDays('2026-12-03', -2).date, '2026-12-01');
    assert.equal(addWorkingDays('2026-11-30', -1).date, '2026-11-27'); // Monday -> Friday
    assert.equal(addWorkingDays('2025-10-09', -1).date, '2025-09-30'); // over National Day
  });

  it('when the period runs into 2027, then the answer is provisional', () => {
    const result = addWorkingDays('2026-12-20', 15);
    assert.equal(result.provisional, true);
    // Dec 21-31 2026 hold 9 working days; then Jan 1 2027 (元旦, fallback) is off: Jan 4-8 and Jan 11 make 6.
    assert.equal(result.date, '2027-01-11');
  });

  it('when the period ends before the end of the covered year, then the answer is not provisional', () => {
    assert.equal(addWorkingDays('2026-12-01', 20).provisional, false);
    assert.equal(addWorkingDays('2026-12-30', 1).provisional, false); // Thu 2026-12-31
  });

  it('when n is not an integer, then it throws a RangeError', () => {
    assert.throws(() => addWorkingDays('2026-11-24', 1.5), RangeError);
    assert.throws(() => addWorkingDays('2026-11-24', Number.NaN), RangeError);
  });

  it('when counted forward from any start, then the working days between start and answer equal n', () => {
    for (const start of datesFrom('2025-09-01', '2026-03-31')) {
      for (const n of [1, 7, 10, 45]) {
        const { date } = addWorkingDays(start, n);
        assert.equal(workingDaysBetween(start, date), n, `${start} + ${n}`);
        assert.equal(isWorkingDay(date), true, `${start} + ${n} -> ${date}`);
      }
    }
  });

  it('when a 45-day mediation is computed, then one call takes well under a millisecond', () => {
    addWorkingDays('2026-01-20', 45); // warm up
    const runs = 2000;
    const started = performance.now();
    for (let i = 0; i < runs; i += 1) addWorkingDays('2026-01-20', 45);
    const perCallMs = (performance.now() - started) / runs;
    assert.ok(perCallMs < 0.5, `addWorkingDays(…, 45) took ${perCallMs.toFixed(4)} ms`);
  });
});

describe('workingDaysBetween', () => {
  it('when to follows from, then it counts the working days in (from, to]', () => {
    assert.equal(workingDaysBetween('2026-11-24', '2026-12-03'), 7);
    assert.equal(workingDaysBetween('2026-11-24', '2026-11-24'), 0);
    assert.equal(workingDaysBetween('2026-11-27', '2026-11-29'), 0); // Fri -> Sun
    assert.equal(workingDaysBetween('2025-09-30', '2025-10-11'), 3); // Oct 9, 10, 11
  });

  it('when to precedes from, then it answers minus the working days in (to, from]', () => {
    assert.equal(workingDaysBetween('2026-12-03', '2026-11-24'), -7);
    assert.equal(workingDaysBetween('2026-11-30', '2026-11-27'), -1); // only Monday in (Fri, Mon]
    assert.equal(workingDaysBetween('2026-11-29', '2026-11-27'), 0);
  });

  it('when pairs of days years apart are counted in any order, then each count is the day-by-day count', () => {
    // A fresh calendar: its span of counted days grows both ways as the pairs reach out of it.
    const calendar = createWorkingCalendar(arrangementsFromPackage(holidayData));
    let seed = 14;
    const randomDay = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return addCalendarDays('2026-11-24', (seed % 9_000) - 6_000);
    };
    for (let i = 0; i < 40; i += 1) {
      const [from, to] = [randomDay(), randomDay()];
      const [low, high] = from <= to ? [from, to] : [to, from];
      const days = datesFrom(addCalendarDays(low, 1), high).filter((d) => calendar.isWorkingDay(d)).length;
      assert.equal(calendar.workingDaysBetween(from, to), from <= to ? days : -days || 0, `${from} -> ${to}`);
    }
  });
});

describe('beijingDate', () => {
  it('when it is 16:30 UTC, then it is already the next day in Beijing', () => {
    assert.equal(beijingDate(new Date('2026-11-24T16:30:00Z')), '2026-11-25');
  });

  it('when it is just before or at midnight in Beijing, then the date changes exactly at 16:00 UTC', () => {
    assert.equal(beijingDate(new Date('2026-11-24T15:59:59.999Z')), '2026-11-24');
    assert.equal(beijingDate(new Date('2026-11-24T16:00:00Z')), '2026-11-25');
    assert.equal(beijingDate(new Date('2026-12-31T16:00:00Z')), '2027-01-01');
  });

  it('when the instant carries another offset, then only the instant matters', () => {
    assert.equal(beijingDate(new Date('2026-11-24T23:30:00-05:00')), '2026-11-25');
    assert.equal(beijingDate(new Date('2026-11-25T07:59:00+08:00')), '2026-11-25');
  });

  it('when the Date is invalid, then it throws a RangeError', () => {
    assert.throws(() => beijingDate(new Date('nonsense')), RangeError);
  });
});

describe('endOfBeijingDay', () => {
  it('when given a date, then it answers its last second in Beijing time', () => {
    assert.equal(endOfBeijingDay('2026-12-03'), '2026-12-03T23:59:59+08:00');
    assert.equal(new Date(endOfBeijingDay('2026-12-03')).toISOString(), '2026-12-03T15:59:59.000Z');
  });

  it('when the date is invalid, then it throws a RangeError', () => {
    assert.throws(() => endOfBeijingDay('2026-12-32'), RangeError);
  });
});

describe('addCalendarDays', () => {
  it('when adding across month, year and leap-day boundaries, then it answers the right date', () => {
    assert.equal(addCalendarDays('2026-11-24', 7), '2026-12-01');
    assert.equal(addCalendarDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addCalendarDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addCalendarDays('2026-03-01', -1), '2026-02-28');
    assert.equal(addCalendarDays('2026-03-01', 0), '2026-03-01');
  });
});
