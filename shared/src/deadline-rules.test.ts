import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  computeDue,
  DEADLINE_KINDS,
  DEADLINE_RULES,
  extendDue,
  isOverdue,
  MERCHANT_REMINDER_WORKING_DAYS_BEFORE,
  PRIORITY_ACCEPTANCE_WORKING_DAYS,
  REPORT_DECISION_NOTICE_WORKING_DAYS,
  REPORT_EXTENSION_WORKING_DAYS,
  TERMINATION_NOTICE_WORKING_DAYS,
  workingDaysLeft,
} from './deadline-rules';
import holidayData from 'chinese-days/dist/chinese-days.json';
import { addCalendarDays, createWorkingCalendar } from './calendar';
import { arrangementsFromPackage } from './calendar-arrangement';

const official = createWorkingCalendar(arrangementsFromPackage(holidayData));
const { isWorkingDay } = official;

/** An instant at the given Beijing wall-clock time. */
function beijing(date: string, time = '10:00:00'): Date {
  return new Date(`${date}T${time}+08:00`);
}

describe('DEADLINE_RULES', () => {
  it('when read, then each kind has its legal number of working days', () => {
    assert.deepEqual(
      Object.fromEntries(DEADLINE_KINDS.map((kind) => [kind, DEADLINE_RULES[kind].workingDays])),
      { merchant_response: 10, acceptance: 7, mediation: 45, report_verification: 15 },
    );
  });

  it('when read, then every rule names its source and a Chinese label', () => {
    assert.deepEqual(Object.keys(DEADLINE_RULES).sort(), [...DEADLINE_KINDS].sort());
    for (const kind of DEADLINE_KINDS) {
      assert.ok(DEADLINE_RULES[kind].source.length > 10, kind);
      assert.match(DEADLINE_RULES[kind].labelZh, /\p{Script=Han}/u, kind);
    }
    assert.match(DEADLINE_RULES.acceptance.source, /第十四条/);
    assert.match(DEADLINE_RULES.mediation.source, /第二十一条/);
  });

  it('when read, then the other periods have their values', () => {
    assert.equal(REPORT_EXTENSION_WORKING_DAYS, 15);
    assert.equal(PRIORITY_ACCEPTANCE_WORKING_DAYS, 1);
    assert.equal(MERCHANT_REMINDER_WORKING_DAYS_BEFORE, 2);
    assert.equal(REPORT_DECISION_NOTICE_WORKING_DAYS, 5);
    assert.equal(TERMINATION_NOTICE_WORKING_DAYS, 7);
  });

  it('when someone tries to change a rule at run time, then it stays as written', () => {
    assert.throws(() => {
      (DEADLINE_RULES as Record<string, unknown>).acceptance = { workingDays: 70 };
    }, TypeError);
    assert.throws(() => {
      (DEADLINE_RULES.mediation as { workingDays: number }).workingDays = 90;
    }, TypeError);
    assert.equal(DEADLINE_RULES.mediation.workingDays, 45);
  });
});

describe('computeDue', () => {
  it('when a complaint arrives Tue 2026-11-24, then acceptance is due at the end of Thu 2026-12-03', () => {
    assert.deepEqual(computeDue(official, beijing('2026-11-24'), DEADLINE_RULES.acceptance.workingDays), {
      dueDate: '2026-12-03',
      dueAt: '2026-12-03T23:59:59+08:00',
      provisional: false,
    });
  });

  it('when the instant is late evening UTC, then the Beijing date is the one that opens the period', () => {
    // 2026-11-24T16:30Z is Wed 2026-11-25 00:30 in Beijing: counting starts Thursday.
    assert.equal(computeDue(official, new Date('2026-11-24T16:30:00Z'), 7).dueDate, '2026-12-04');
    assert.equal(computeDue(official, new Date('2026-11-24T15:59:59Z'), 7).dueDate, '2026-12-03');
  });

  it('when a 10-working-day merchant period opens before National Day 2025, then the holiday week is skipped', () => {
    // Opened Thu Sep 25: Sep 26, Sun Sep 28 (make-up), Sep 29, Sep 30, Oct 9, 10, Sat Oct 11 (make-up), 13, 14, 15.
    const due = computeDue(official, beijing('2025-09-25'), DEADLINE_RULES.merchant_response.workingDays);
    assert.deepEqual(due, { dueDate: '2025-10-15', dueAt: '2025-10-15T23:59:59+08:00', provisional: false });
  });

  it('when a 45-working-day mediation spans Spring Festival 2026, then the 9 days off are skipped and both make-up Saturdays count', () => {
    // Accepted Mon 2026-01-26. Working days: Jan 27-30 (4), Feb 2-6 (5, 9), Feb 9-14 incl. Sat 14 (6, 15),
    // Feb 24-28 incl. Sat 28 (5, 20), Mar 2-6 (25), 9-13 (30), 16-20 (35), 23-27 (40), Mar 30-Apr 3 (45).
    const due = computeDue(official, beijing('2026-01-26'), DEADLINE_RULES.mediation.workingDays);
    assert.deepEqual(due, { dueDate: '2026-04-03', dueAt: '2026-04-03T23:59:59+08:00', provisional: false });
  });

  it('when a mediation opened in November 2026 runs into 2027, then its due date is provisional', () => {
    const due = computeDue(official, beijing('2026-11-20'), DEADLINE_RULES.mediation.workingDays);
    assert.equal(due.provisional, true);
    assert.ok(due.dueDate > '2027-01-01');
  });

  it('when the period opens on a weekend, then it is due on a working day', () => {
    const due = computeDue(official, beijing('2026-11-28'), DEADLINE_RULES.acceptance.workingDays); // Saturday
    assert.equal(due.dueDate, '2026-12-08');
    assert.equal(isWorkingDay(due.dueDate), true);
  });
});

describe('extendDue', () => {
  it('when a report verification is extended, then 15 more working days count from the current due date', () => {
    const first = computeDue(official, beijing('2026-11-02'), DEADLINE_RULES.report_verification.workingDays);
    assert.equal(first.dueDate, '2026-11-23');
    assert.deepEqual(extendDue(official, first.dueDate, REPORT_EXTENSION_WORKING_DAYS), {
      dueDate: '2026-12-14',
      dueAt: '2026-12-14T23:59:59+08:00',
      provisional: false,
    });
  });

  it('when the extension crosses National Day 2025, then the holidays are skipped', () => {
    // Due Tue Sep 30 + 15: Oct 9, 10, 11 (Sat, make-up), 13-17, 20-24 -> 3 + 5 + 5 = 13, then Oct 27, 28.
    assert.equal(extendDue(official, '2025-09-30', 15).dueDate, '2025-10-28');
  });
});

describe('workingDaysLeft', () => {
  it('when a 7-day period opened today, then 7 working days are left', () => {
    const now = beijing('2026-11-24');
    const { dueDate } = computeDue(official, now, 7);
    assert.equal(workingDaysLeft(official, dueDate, now), 7);
  });

  it('when a 7-day period opened today on a Saturday, then 7 working days are left too', () => {
    const now = beijing('2026-11-28');
    assert.equal(workingDaysLeft(official, computeDue(official, now, 7).dueDate, now), 7);
  });

  it('when it is the due day, then 0 are left, even late in the evening', () => {
    assert.equal(workingDaysLeft(official, '2026-12-03', beijing('2026-12-03', '08:00:00')), 0);
    assert.equal(workingDaysLeft(official, '2026-12-03', beijing('2026-12-03', '23:59:59')), 0);
  });

  it('when the due day has passed, then it is minus the working days since', () => {
    assert.equal(workingDaysLeft(official, '2026-12-03', beijing('2026-12-04')), -1);
    assert.equal(workingDaysLeft(official, '2026-12-03', beijing('2026-12-07')), -2); // Fri and Mon
  });

  it('when counting down day by day, then each working day takes one off', () => {
    const { dueDate } = computeDue(official, beijing('2026-11-24'), 7);
    const seen: number[] = [];
    for (let date = '2026-11-24'; date <= dueDate; date = addCalendarDays(date, 1)) {
      if (isWorkingDay(date)) seen.push(workingDaysLeft(official, dueDate, beijing(date)));
    }
    assert.deepEqual(seen, [7, 6, 5, 4, 3, 2, 1, 0]);
  });
});

describe('isOverdue', () => {
  const dueAt = '2026-12-03T23:59:59+08:00';

  it('when it is the last second of the due day, then it is not overdue', () => {
    assert.equal(isOverdue(dueAt, new Date('2026-12-03T23:59:59.999+08:00')), false);
    assert.equal(isOverdue(dueAt, beijing('2026-12-03', '09:00:00')), false);
  });

  it('when the next day has begun in Beijing, then it is overdue', () => {
    assert.equal(isOverdue(dueAt, new Date('2026-12-04T00:00:00+08:00')), true);
    assert.equal(isOverdue(dueAt, new Date('2026-12-03T16:00:00Z')), true);
  });

  it('when dueAt is not a date, then it throws a RangeError', () => {
    assert.throws(() => isOverdue('soon', new Date()), RangeError);
  });
});
