import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EVENTS_HIDDEN_FROM, seesEvent, versionSeenBy } from './event-visibility';
import { STAFF_ONLY_ACTIONS } from './staff-actions';

test('when a role reads a case, then it sees every entry but the staff-only ones, and merchants not a split report', () => {
  assert.ok(STAFF_ONLY_ACTIONS.length > 0);
  for (const type of STAFF_ONLY_ACTIONS) {
    assert.equal(seesEvent('staff', type), true, type);
    assert.equal(seesEvent('consumer', type), false, type);
    assert.equal(seesEvent('merchant', type), false, type);
  }
  assert.equal(seesEvent('merchant', 'split_report'), false);
  assert.equal(seesEvent('consumer', 'split_report'), true);
  for (const type of ['filed', 'propose', 'message', 'accept', 'close'])
    for (const role of ['staff', 'consumer', 'merchant'] as const) assert.equal(seesEvent(role, type), true);
  assert.deepEqual(EVENTS_HIDDEN_FROM.staff, []);
});

test('when entries are hidden from a role, then its version counts only the ones it sees', () => {
  const types = ['filed', 'note', 'split_report', 'message', 'assign'];
  assert.equal(versionSeenBy('staff', 5, types), 5);
  assert.equal(versionSeenBy('consumer', 5, types), 3);
  assert.equal(versionSeenBy('merchant', 5, types), 2);
});
