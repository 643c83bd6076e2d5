import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CASE_KINDS } from './status-machine';
import { ruleFor } from './notification-rules';

describe('notification rules for staff work', () => {
  for (const event of ['claim', 'assign', 'unassign', 'note', 'supervise', 'record_visit']) {
    test(`when staff take "${event}", then no consumer or merchant is told, whatever the kind`, () => {
      for (const kind of CASE_KINDS) {
        for (const audience of ['consumer', 'merchant'] as const) {
          assert.equal(ruleFor(audience, { event, kind, toStatus: null, actorRole: 'staff' }), undefined);
        }
      }
    });
  }
  test('when a supervisor assigns or supervises a case, then only its assignee is told, among staff', () => {
    for (const event of ['assign', 'supervise']) {
      const rule = ruleFor('staff', { event, kind: 'complaint', toStatus: null, actorRole: 'staff' });
      assert.equal(rule?.assigneeOnly, true, event);
    }
    assert.equal(
      ruleFor('staff', { event: 'note', kind: 'report', toStatus: null, actorRole: 'staff' }),
      undefined,
    );
  });
  test('when staff leave a message, then the consumer is still told (the catch-all still works)', () => {
    assert.ok(
      ruleFor('consumer', { event: 'message', kind: 'complaint', toStatus: null, actorRole: 'staff' }),
    );
    assert.ok(
      ruleFor('consumer', {
        event: 'start_mediation',
        kind: 'complaint',
        toStatus: null,
        actorRole: 'staff',
      }),
    );
  });
});
