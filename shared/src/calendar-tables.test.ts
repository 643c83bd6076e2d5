import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import holidayData from 'chinese-days/dist/chinese-days.json';
import { addCalendarDays, createWorkingCalendar, type CalendarArrangement, type IsoDate } from './calendar';
import { arrangementProblems, arrangementsFromPackage } from './calendar-arrangement';
import { replayDeadline } from './deadline-replay';

const days = (from: IsoDate, to: IsoDate) => {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) out.push(d);
  return out;
};

// A HYPOTHETICAL 2027 arrangement, made up for these tests (not the State Council's, which is not
// published): 元旦 Jan 1-3 with a make-up Saturday Jan 9, a Spring Festival Feb 6-14 with a make-up
// Saturday Feb 20, 劳动节 May 1-5, 国庆节 Oct 1-7.
const HYPOTHETICAL_2027: CalendarArrangement = {
  year: 2027,
  off: [
    ...days('2027-01-01', '2027-01-03'),
    ...days('2027-02-06', '2027-02-14'),
    ...days('2027-05-01', '2027-05-05'),
    ...days('2027-10-01', '2027-10-07'),
  ],
  makeup: ['2027-01-09', '2027-02-20'],
};
const official = arrangementsFromPackage(holidayData);
const only2026 = createWorkingCalendar(official.filter((a) => a.year === 2026));
const with2027 = createWorkingCalendar([...official.filter((a) => a.year === 2026), HYPOTHETICAL_2027]);
const beijing = (date: IsoDate) => new Date(`${date}T10:00:00+08:00`);

describe('working days over a given table', () => {
  it('when a period crosses into a year the table lacks, then it is provisional on the fixed holidays alone', () => {
    // Mon 2026-12-28 + 10: Dec 29-31 (3), Jan 1 2027 off by law, Jan 4-8 (8), Jan 11-12 (10).
    assert.deepEqual(only2026.addWorkingDays('2026-12-28', 10), { date: '2027-01-12', provisional: true });
  });

  it('when the next year is in the table, then the boundary is crossed with its make-up Saturday and nothing is provisional', () => {
    // Dec 29-31 (3), Jan 1-3 off, Jan 4-8 (8), Sat Jan 9 make-up (9), Jan 11 (10).
    assert.deepEqual(with2027.addWorkingDays('2026-12-28', 10), { date: '2027-01-11', provisional: false });
    assert.equal(with2027.isWorkingDay('2027-01-09'), true);
    assert.equal(only2026.isWorkingDay('2027-01-09'), false);
  });

  it('when a period starts on a holiday, then counting begins on the first working day after it', () => {
    // Mon 2027-02-08 is inside the (hypothetical) Spring Festival: Feb 15-19 are days 1-5, Sat Feb 20 is 6.
    assert.equal(with2027.addWorkingDays('2027-02-08', 5).date, '2027-02-19');
    assert.equal(with2027.addWorkingDays('2027-02-08', 6).date, '2027-02-20');
    assert.equal(with2027.workingDaysBetween('2027-02-05', '2027-02-15'), 1);
  });

  it('when the table covers a run of years, then coveredThrough names the last of the run', () => {
    assert.equal(with2027.coveredThrough, 2027);
    assert.equal(only2026.coveredThrough, 2026);
    assert.equal(createWorkingCalendar(official).coveredThrough, 2026);
    assert.equal(createWorkingCalendar([]).coveredThrough, null);
  });
});

describe('replayDeadline', () => {
  const tenDays = { startedAt: beijing('2026-12-21'), workingDays: 10 };

  it('when a period never paused is replayed, then it ends where counting from its start ends', () => {
    // Mon 2026-12-21 + 10: Dec 22-25 (4), Dec 28-31 (8), Jan 4-5 (10) either way.
    assert.deepEqual(replayDeadline(with2027, { ...tenDays, clockChanges: [] }), {
      state: 'running',
      dueDate: '2027-01-05',
      dueAt: '2027-01-05T23:59:59+08:00',
      provisional: false,
    });
    assert.equal(replayDeadline(only2026, { ...tenDays, clockChanges: [] }).provisional, true);
  });

  it('when a pause spans the year boundary, then the remainder counts again from the resume under the new year', () => {
    // Paused Thu Dec 24 with 7 left (Dec 25, 28-31, Jan 4-5); resumed Wed Jan 6: Jan 7-8 (2),
    // Sat Jan 9 make-up (3), Jan 11-14 (7). Without 2027: Jan 7-8, 11-15 -> Jan 15, provisional.
    const clockChanges = [
      { op: 'pause' as const, at: beijing('2026-12-24') },
      { op: 'resume' as const, at: beijing('2027-01-06') },
    ];
    const known = replayDeadline(with2027, { ...tenDays, clockChanges });
    assert.deepEqual(known, {
      state: 'running',
      dueDate: '2027-01-14',
      dueAt: '2027-01-14T23:59:59+08:00',
      provisional: false,
    });
    const guessed = replayDeadline(only2026, { ...tenDays, clockChanges });
    assert.equal(guessed.state === 'running' && guessed.dueDate, '2027-01-15');
    assert.equal(guessed.provisional, true);
  });

  it('when the deadline is paused now, then the replay answers the working days kept', () => {
    const paused = replayDeadline(with2027, {
      ...tenDays,
      clockChanges: [{ op: 'pause', at: beijing('2026-12-24') }],
    });
    assert.deepEqual(paused, { state: 'paused', remainingWorkingDays: 7, provisional: false });
  });
});

describe('arrangementProblems', () => {
  it('when the arrangement is sound, then there is no problem', () => {
    assert.deepEqual(arrangementProblems(2027, HYPOTHETICAL_2027.off, HYPOTHETICAL_2027.makeup), []);
  });

  it('when dates are outside the year, make-up days on weekdays, a date both, or statutory days missing, then each is named', () => {
    const off = HYPOTHETICAL_2027.off.filter((d) => d !== '2027-05-02' && d !== '2027-10-03');
    const problems = arrangementProblems(
      2027,
      [...off, '2026-12-31', '2027-02-30'],
      ['2027-02-20', '2027-02-22', '2027-02-13', '2028-01-08'],
    );
    assert.deepEqual(problems, [
      { path: `off.${off.length}`, message: '2026-12-31 lies outside 2027' },
      { path: `off.${off.length + 1}`, message: '2027-02-30 is not a calendar date' },
      { path: 'makeup.1', message: '2027-02-22 is a make-up day but not a Saturday or Sunday' },
      { path: 'makeup.2', message: '2027-02-13 is both a day off and a make-up day' },
      { path: 'makeup.3', message: '2028-01-08 lies outside 2027' },
      { path: 'off', message: '2027-05-02 (劳动节) is a statutory holiday and must be off' },
      { path: 'off', message: '2027-10-03 (国庆节) is a statutory holiday and must be off' },
    ]);
  });
});
