import assert from 'node:assert/strict';
import { test } from 'node:test';
import holidayData from 'chinese-days/dist/chinese-days.json';
import {
  TRANSITIONS,
  arrangementsFromPackage,
  computeDue,
  createWorkingCalendar,
  endOfBeijingDay,
  type DeadlineKind,
} from '@weiquan/shared';
import type { DeadlineRow } from './case-rows';
import { clockEffects, nextDueAt } from './clock-effects';

// Tuesday 2026-11-24 10:00 Beijing time: an ordinary working week.
// The official arrangements the package ships (the store is seeded from them).
const CAL = createWorkingCalendar(arrangementsFromPackage(holidayData));
const AT = new Date('2026-11-24T02:00:00Z');

const deadline = (
  id: number,
  kind: DeadlineKind,
  dueDate: string,
  over: Partial<DeadlineRow> = {},
): DeadlineRow => ({
  id,
  kind,
  state: 'running',
  due_date: dueDate,
  due_at: endOfBeijingDay(dueDate),
  provisional: false,
  target_due_at: null,
  remaining_working_days: null,
  extended: false,
  ...over,
});

test('when a clock starts, then one new running deadline is due by the legal period and is the next due', () => {
  const out = clockEffects({ start: 'acceptance' }, [], AT, false, CAL);
  const due = computeDue(CAL, AT, 7);
  assert.deepEqual(out.changes, [
    {
      op: 'start',
      kind: 'acceptance',
      dueDate: due.dueDate,
      dueAt: due.dueAt,
      provisional: due.provisional,
      targetDueAt: null,
    },
  ]);
  assert.equal(out.deadlines.length, 1);
  assert.equal(out.deadlines[0].state, 'running');
  assert.equal(out.nextDueAt, due.dueAt);
});

test('when a green-channel case starts its acceptance clock, then it carries the one-working-day target', () => {
  const out = clockEffects({ start: 'acceptance' }, [], AT, true, CAL);
  assert.equal(out.changes[0].op === 'start' && out.changes[0].targetDueAt, computeDue(CAL, AT, 1).dueAt);
  // The target is internal: other clocks never carry one.
  const mediation = clockEffects({ start: 'mediation' }, [], AT, true, CAL);
  assert.equal(mediation.changes[0].op === 'start' && mediation.changes[0].targetDueAt, null);
});

test('when deadlines are met, then only the open ones of those kinds close and the next due skips them', () => {
  const current = [
    deadline(1, 'merchant_response', '2026-11-20', { state: 'missed' }),
    deadline(2, 'acceptance', '2026-12-03'),
  ];
  const out = clockEffects({ meet: ['acceptance'], start: 'mediation' }, current, AT, false, CAL);
  assert.deepEqual(out.changes[0], { op: 'close', id: 2, state: 'met' });
  assert.equal(out.changes[1].op, 'start');
  assert.deepEqual(
    out.deadlines.map((d) => [d.kind, d.state]),
    [
      ['merchant_response', 'missed'],
      ['acceptance', 'met'],
      ['mediation', 'running'],
    ],
  );
  assert.equal(out.nextDueAt, out.deadlines[2].due_at);
  assert.equal(current[1].state, 'running', 'the rows passed in are not changed');
});

test('when the clocks miss a merchant deadline, then it is missed and the acceptance clock starts', () => {
  const out = clockEffects(
    { miss: 'merchant_response', start: 'acceptance' },
    [deadline(5, 'merchant_response', '2026-11-23')],
    AT,
    false,
    CAL,
  );
  assert.deepEqual(out.changes[0], { op: 'close', id: 5, state: 'missed' });
  assert.deepEqual(
    out.deadlines.map((d) => d.state),
    ['missed', 'running'],
  );
});

test('when a withdrawal cancels every clock, then running and paused ones are cancelled and nothing is due', () => {
  const out = clockEffects(
    { cancelAll: true },
    [
      deadline(1, 'acceptance', '2026-11-20', { state: 'met' }),
      deadline(2, 'mediation', '2027-01-20', { state: 'paused', remaining_working_days: 30 }),
    ],
    AT,
    false,
    CAL,
  );
  assert.deepEqual(out.changes, [{ op: 'close', id: 2, state: 'cancelled' }]);
  assert.equal(out.nextDueAt, null);
});

test('when mediation is paused and resumed, then the working days left are kept and counted again from the resume', () => {
  const running = deadline(3, 'mediation', '2026-12-01'); // Tue 24 -> Tue 1: 5 working days left
  const paused = clockEffects({ pause: 'mediation' }, [running], AT, false, CAL);
  assert.deepEqual(paused.changes, [{ op: 'pause', id: 3, remainingWorkingDays: 5 }]);
  assert.equal(paused.nextDueAt, null, 'a paused clock is not due');
  const later = new Date('2026-12-07T02:00:00Z'); // Monday 7 December
  const resumed = clockEffects({ resume: 'mediation' }, paused.deadlines, later, false, CAL);
  assert.deepEqual(resumed.changes, [
    { op: 'resume', id: 3, dueDate: '2026-12-14', dueAt: endOfBeijingDay('2026-12-14'), provisional: false },
  ]);
  assert.equal(resumed.deadlines[0].state, 'running');
  assert.equal(resumed.deadlines[0].remaining_working_days, null);
  assert.equal(resumed.nextDueAt, endOfBeijingDay('2026-12-14'));
});

test('when a report verification is extended, then its due date moves 15 working days (New Year’s Day not counted) and it is marked extended', () => {
  const out = clockEffects(
    { extend: 'report_verification' },
    [deadline(4, 'report_verification', '2026-12-15')],
    AT,
    false,
    CAL,
  );
  assert.equal(out.changes[0].op, 'extend');
  assert.equal(out.deadlines[0].extended, true);
  assert.equal(out.deadlines[0].due_date, '2027-01-06');
  assert.equal(out.nextDueAt, endOfBeijingDay('2027-01-06'));
});

test('when there are several running deadlines, then the next due time is the soonest', () => {
  assert.equal(
    nextDueAt([
      deadline(1, 'acceptance', '2026-12-03'),
      deadline(2, 'mediation', '2026-11-30'),
      deadline(3, 'merchant_response', '2026-11-25', { state: 'met' }),
    ]),
    endOfBeijingDay('2026-11-30'),
  );
  assert.equal(nextDueAt([]), null);
});

test('when any transition of the status machine moves the clocks, then no deadline is changed twice', () => {
  const kinds: DeadlineKind[] = ['merchant_response', 'acceptance', 'mediation', 'report_verification'];
  const all = kinds.map((k, i) => deadline(i + 1, k, '2026-12-10'));
  for (const t of TRANSITIONS.filter((t) => t.clock)) {
    const ids = clockEffects(t.clock!, all, AT, true, CAL)
      .changes.filter((c) => c.op !== 'start')
      .map((c) => (c as { id: number }).id);
    assert.equal(new Set(ids).size, ids.length, `${t.kind} ${t.action}`);
  }
});
