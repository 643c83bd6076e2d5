import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import holidayData from 'chinese-days/dist/chinese-days.json';
import { createWorkingCalendar } from './calendar';
import { arrangementsFromPackage } from './calendar-arrangement';
import { dueSoonLastDay, dueWindow } from './staff-queues';

const CAL = createWorkingCalendar(arrangementsFromPackage(holidayData));

describe('staff queue windows', () => {
  test('when it is a Tuesday, then "soon" reaches through Wednesday and "today" is Tuesday alone', () => {
    const tue = new Date('2026-11-24T02:00:00Z');
    assert.equal(dueSoonLastDay(tue, CAL), '2026-11-25');
    assert.deepEqual(dueWindow('today', tue, CAL), {
      from: '2026-11-24T00:00:00+08:00',
      before: '2026-11-25T00:00:00+08:00',
    });
    assert.deepEqual(dueWindow('soon', tue, CAL), {
      from: '2026-11-24T00:00:00+08:00',
      before: '2026-11-26T00:00:00+08:00',
    });
    assert.deepEqual(dueWindow('overdue', tue, CAL), { from: null, before: '2026-11-24T00:00:00+08:00' });
  });
  test('when it is a Friday, then "soon" skips the weekend to Monday', () => {
    assert.equal(dueSoonLastDay(new Date('2026-11-27T09:00:00+08:00'), CAL), '2026-11-30');
  });
  test('when it is a Saturday, then "soon" is the next two working days', () => {
    assert.equal(dueSoonLastDay(new Date('2026-11-28T09:00:00+08:00'), CAL), '2026-12-01');
  });
  test('when it is 23:30 UTC, then the Beijing day (already tomorrow) decides', () => {
    assert.deepEqual(
      dueWindow('today', new Date('2026-11-24T23:30:00Z'), CAL).from,
      '2026-11-25T00:00:00+08:00',
    );
  });
});
