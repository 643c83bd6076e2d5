import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ActorRole } from './roles';
import { STAFF_ONLY_ACTIONS } from './staff-actions';
import {
  ACTION_TYPES,
  CASE_KINDS,
  TRANSITIONS,
  allowedActions,
  findTransition,
  routeFiling,
  statusesOf,
  type ActionType,
  type CaseFacts,
  type CaseKind,
  type CaseStatus,
  type StaffActor,
} from './status-machine';

const fresh: CaseFacts = { rated: false, clockPaused: false, extended: false, followUpUsed: false };
const ROLES: ActorRole[] = ['consumer', 'merchant', 'staff', 'system'];

/**
 * The expected table, written out by hand from the contract so that a change to TRANSITIONS that
 * the contract does not sanction fails here: "kind status role" -> "action>next" (next '=' stays).
 */
const EXPECTED: Record<string, string[]> = {
  'complaint merchant_negotiating merchant': ['propose>awaiting_consumer', 'message>='],
  'complaint merchant_negotiating system': ['merchant_timeout>pending_acceptance'],
  'complaint merchant_negotiating consumer': ['supplement>=', 'withdraw>withdrawn'],
  'complaint merchant_negotiating staff': ['message>=', 'split_report>='],
  'complaint awaiting_consumer consumer': [
    'accept_proposal>settled',
    'reject_proposal>pending_acceptance',
    'supplement>=',
    'withdraw>withdrawn',
  ],
  'complaint awaiting_consumer merchant': ['message>='],
  'complaint awaiting_consumer staff': ['message>=', 'split_report>='],
  'complaint pending_acceptance staff': ['accept>accepted', 'refuse>refused', 'message>=', 'split_report>='],
  'complaint pending_acceptance consumer': ['supplement>=', 'withdraw>withdrawn'],
  'complaint pending_acceptance merchant': ['message>='],
  'complaint accepted staff': [
    'start_mediation>mediating',
    'pause_clock>=',
    'close>closed',
    'message>=',
    'split_report>=',
  ],
  'complaint accepted consumer': ['supplement>=', 'withdraw>withdrawn'],
  'complaint accepted merchant': ['message>='],
  'complaint mediating staff': ['pause_clock>=', 'close>closed', 'message>=', 'split_report>='],
  'complaint mediating consumer': ['supplement>=', 'withdraw>withdrawn'],
  'complaint mediating merchant': ['message>='],
  'complaint settled consumer': ['rate>='],
  'complaint settled staff': ['message>='],
  'complaint closed consumer': ['rate>='],
  'complaint closed staff': ['message>='],
  'complaint refused consumer': ['rate>='],
  'complaint refused staff': ['message>='],
  'complaint withdrawn consumer': ['rate>='],
  'complaint withdrawn staff': ['message>='],
  'report verifying staff': ['extend>=', 'open_case>case_opened', 'not_open>not_opened', 'message>='],
  'report verifying consumer': ['supplement>='],
  'report case_opened staff': ['message>='],
  'report not_opened staff': ['message>='],
  'consultation open staff': ['answer>answered', 'message>='],
  'consultation answered staff': ['message>='],
  'consultation answered consumer': ['follow_up>open'],
};

/** What a handler (not the assignee) may take on an unassigned case beside the table above. */
function handlerExtras(kind: CaseKind, status: CaseStatus): string[] {
  const visit = kind === 'complaint' && ['settled', 'closed', 'refused'].includes(status);
  return ['claim>=', 'note>=', ...(visit ? ['record_visit>='] : [])];
}

describe('status machine', () => {
  for (const kind of CASE_KINDS) {
    for (const status of statusesOf(kind)) {
      for (const role of ROLES) {
        const key = `${kind} ${status} ${role}`;
        const handler: StaffActor | undefined =
          role === 'staff' ? { staffRole: 'handler', isAssignee: false } : undefined;
        const extras = handler ? handlerExtras(kind, status as CaseStatus) : [];
        const expected = new Map(
          [...(EXPECTED[key] ?? []), ...extras].map((s) => s.split('>') as [ActionType, string]),
        );
        test(`when a ${role} looks at a ${status} ${kind}, then exactly [${[...expected.keys()].join(', ')}] apply`, () => {
          for (const action of ACTION_TYPES) {
            const t = findTransition(kind, status as CaseStatus, action, role, fresh, handler);
            const want = expected.get(action);
            if (want === undefined) assert.equal(t, undefined, `${action} must be forbidden`);
            else {
              assert.ok(t, `${action} must be allowed`);
              assert.equal(t.to ?? '=', want === '=' ? '=' : want);
            }
          }
          if (role !== 'system') {
            assert.deepEqual(
              new Set(allowedActions(kind, status as CaseStatus, role, fresh, handler)),
              new Set([...expected.keys()].filter((a) => a !== 'merchant_timeout')),
            );
          }
        });
      }
    }
  }

  test('when a case was rated, then it cannot be rated again', () => {
    assert.equal(
      findTransition('complaint', 'closed', 'rate', 'consumer', { ...fresh, rated: true }),
      undefined,
    );
  });
  test('when the mediation clock is paused, then only resume applies to it', () => {
    const paused = { ...fresh, clockPaused: true };
    assert.equal(findTransition('complaint', 'mediating', 'pause_clock', 'staff', paused), undefined);
    assert.ok(findTransition('complaint', 'mediating', 'resume_clock', 'staff', paused));
    assert.equal(findTransition('complaint', 'mediating', 'resume_clock', 'staff', fresh), undefined);
  });
  test('when a report was extended once, then it cannot be extended again', () => {
    assert.equal(
      findTransition('report', 'verifying', 'extend', 'staff', { ...fresh, extended: true }),
      undefined,
    );
  });
  test('when a report was split off a complaint, then it cannot be split again (ADR 0005)', () => {
    assert.equal(
      findTransition('complaint', 'mediating', 'split_report', 'staff', { ...fresh, split: true }),
      undefined,
    );
  });
  test('when a consultation had its follow-up, then no second one', () => {
    assert.equal(
      findTransition('consultation', 'answered', 'follow_up', 'consumer', { ...fresh, followUpUsed: true }),
      undefined,
    );
  });
  test('when a complaint is filed, then ODR merchants get it first and others go to acceptance', () => {
    assert.deepEqual(routeFiling('complaint', true), {
      kind: 'complaint',
      when: 'odr_merchant',
      to: 'merchant_negotiating',
      start: 'merchant_response',
    });
    assert.equal(routeFiling('complaint', false).to, 'pending_acceptance');
    assert.equal(routeFiling('complaint', false).start, 'acceptance');
    assert.equal(routeFiling('report', true).to, 'verifying');
    assert.equal(routeFiling('consultation', false).start, undefined);
  });
  const handler: StaffActor = { staffRole: 'handler', isAssignee: false };
  const supervisor: StaffActor = { staffRole: 'supervisor', isAssignee: false };
  const admin: StaffActor = { staffRole: 'admin', isAssignee: false };
  const assigned = { ...fresh, assigned: true };
  test('when a handler looks at a case, then they may claim it but neither assign nor supervise it', () => {
    const a = allowedActions('complaint', 'mediating', 'staff', fresh, handler);
    assert.ok(a.includes('claim') && a.includes('note'));
    for (const lead of ['assign', 'unassign', 'supervise'] as const) assert.ok(!a.includes(lead), lead);
  });
  test('when a case is assigned, then nobody may claim it and only a lead or the assignee may unassign it', () => {
    assert.equal(findTransition('report', 'verifying', 'claim', 'staff', assigned, handler), undefined);
    assert.equal(findTransition('report', 'verifying', 'unassign', 'staff', assigned, handler), undefined);
    assert.ok(
      findTransition('report', 'verifying', 'unassign', 'staff', assigned, { ...handler, isAssignee: true }),
    );
    assert.ok(findTransition('report', 'verifying', 'unassign', 'staff', assigned, supervisor));
    assert.equal(findTransition('report', 'verifying', 'unassign', 'staff', fresh, admin), undefined);
  });
  test('when a supervisor or an admin looks at any case, then they may assign and supervise it', () => {
    for (const actor of [supervisor, admin]) {
      for (const kind of CASE_KINDS) {
        for (const status of statusesOf(kind)) {
          const a = allowedActions(kind, status, 'staff', assigned, actor);
          assert.ok(
            a.includes('assign') && a.includes('supervise') && a.includes('unassign'),
            `${kind} ${status}`,
          );
        }
      }
    }
  });
  test('when a complaint was withdrawn, then no visit can be recorded', () => {
    assert.equal(findTransition('complaint', 'withdrawn', 'record_visit', 'staff', fresh, admin), undefined);
    assert.ok(findTransition('complaint', 'refused', 'record_visit', 'staff', fresh, handler));
  });
  test('when the acting staff member is unknown, then no action limited by staff role applies', () => {
    assert.equal(findTransition('complaint', 'mediating', 'note', 'staff', fresh), undefined);
    assert.ok(!allowedActions('complaint', 'mediating', 'staff', fresh).includes('claim'));
  });
  test('when a staff action is staff-only, then consumers and merchants may never take it', () => {
    for (const t of TRANSITIONS.filter((t) => STAFF_ONLY_ACTIONS.includes(t.action))) {
      assert.deepEqual(t.roles, ['staff']);
      assert.equal(t.staffOnly, true);
    }
    assert.deepEqual([...STAFF_ONLY_ACTIONS].sort(), ['assign', 'claim', 'note', 'supervise', 'unassign']);
  });
  test('when any transition names a status, then the status belongs to its kind', () => {
    for (const t of TRANSITIONS) {
      const own = statusesOf(t.kind as CaseKind);
      for (const s of t.from) assert.ok(own.includes(s), `${t.kind}: ${s}`);
      if (t.to) assert.ok(own.includes(t.to), `${t.kind}: ${t.to}`);
    }
  });
});
