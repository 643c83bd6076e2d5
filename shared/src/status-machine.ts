/**
 * The case lifecycle as data: for each kind, status, action and role, the next status, the guard
 * that must hold, and what the action does to the deadline clocks. The BFF store enforces exactly
 * this table and answers `allowedActions` from it with every case, which is what the mini-program
 * offers (its status words are `status-labels.ts`, kept equal to its catalogues by a test).
 */
import type { DeadlineKind } from './deadline-rules';
import type { ActorRole, StaffRole } from './roles';
import {
  CASE_KINDS,
  ENDED_COMPLAINT_STATUSES,
  OPEN_COMPLAINT_STATUSES,
  statusesOf,
  type ActionType,
  type CaseKind,
  type CaseStatus,
} from './case-statuses';
import { STAFF_ACTION_RULES } from './staff-actions';

export * from './case-statuses';
export * from './filing-routes';

/** Named guards; the store evaluates them against the case's facts. */
export type Guard =
  | 'not_rated'
  | 'clock_running'
  | 'clock_paused'
  | 'not_extended'
  | 'follow_up_unused'
  | 'not_split'
  | 'assigned'
  | 'unassigned';
export interface CaseFacts {
  rated: boolean;
  clockPaused: boolean;
  extended: boolean;
  followUpUsed: boolean;
  /** a report was already split off this complaint */
  split?: boolean;
  /** a staff member is assigned to the case */
  assigned?: boolean;
}
export const GUARDS: Record<Guard, (f: CaseFacts) => boolean> = {
  not_rated: (f) => !f.rated,
  clock_running: (f) => !f.clockPaused,
  clock_paused: (f) => f.clockPaused,
  not_extended: (f) => !f.extended,
  follow_up_unused: (f) => !f.followUpUsed,
  not_split: (f) => !f.split,
  assigned: (f) => !!f.assigned,
  unassigned: (f) => !f.assigned,
};

export interface ClockEffect {
  /** open this deadline, counted from now */
  start?: DeadlineKind;
  /** these deadlines are met now */
  meet?: DeadlineKind[];
  /** this deadline ran out (the clocks' own action) */
  miss?: DeadlineKind;
  /** every open deadline stops without counting (withdrawal) */
  cancelAll?: true;
  pause?: DeadlineKind;
  resume?: DeadlineKind;
  /** push this deadline's due date out by the extension period */
  extend?: DeadlineKind;
}

export interface Transition {
  kind: CaseKind;
  from: readonly CaseStatus[];
  action: ActionType;
  roles: readonly ActorRole[];
  /** omitted: the status stays */
  to?: CaseStatus;
  guard?: Guard;
  clock?: ClockEffect;
  /** staff only: the staff roles that may take it (omitted: every staff role) */
  staffRoles?: readonly StaffRole[];
  /** staff only: the case's assignee may take it whatever their staff role */
  assigneeMay?: true;
  /** its timeline entry is shown to staff only */
  staffOnly?: true;
}

/** Who the acting staff member is, for transitions limited by staff role. */
export interface StaffActor {
  staffRole: StaffRole;
  /** the caller is the case's assignee */
  isAssignee: boolean;
}

export const TRANSITIONS: readonly Transition[] = [
  // Complaints: the ODR merchant negotiates first (10 working days, not counted against the regulator).
  {
    kind: 'complaint',
    from: ['merchant_negotiating'],
    action: 'propose',
    roles: ['merchant'],
    to: 'awaiting_consumer',
    clock: { meet: ['merchant_response'] },
  },
  {
    kind: 'complaint',
    from: ['merchant_negotiating'],
    action: 'merchant_timeout',
    roles: ['system'],
    to: 'pending_acceptance',
    clock: { miss: 'merchant_response', start: 'acceptance' },
  },
  {
    kind: 'complaint',
    from: ['awaiting_consumer'],
    action: 'accept_proposal',
    roles: ['consumer'],
    to: 'settled',
  },
  {
    kind: 'complaint',
    from: ['awaiting_consumer'],
    action: 'reject_proposal',
    roles: ['consumer'],
    to: 'pending_acceptance',
    clock: { start: 'acceptance' },
  },
  // The regulator: accept or refuse within 7 working days, mediate within 45 (pausable for testing).
  {
    kind: 'complaint',
    from: ['pending_acceptance'],
    action: 'accept',
    roles: ['staff'],
    to: 'accepted',
    clock: { meet: ['acceptance'], start: 'mediation' },
  },
  {
    kind: 'complaint',
    from: ['pending_acceptance'],
    action: 'refuse',
    roles: ['staff'],
    to: 'refused',
    clock: { meet: ['acceptance'] },
  },
  { kind: 'complaint', from: ['accepted'], action: 'start_mediation', roles: ['staff'], to: 'mediating' },
  {
    kind: 'complaint',
    from: ['accepted', 'mediating'],
    action: 'pause_clock',
    roles: ['staff'],
    guard: 'clock_running',
    clock: { pause: 'mediation' },
  },
  {
    kind: 'complaint',
    from: ['accepted', 'mediating'],
    action: 'resume_clock',
    roles: ['staff'],
    guard: 'clock_paused',
    clock: { resume: 'mediation' },
  },
  {
    kind: 'complaint',
    from: ['accepted', 'mediating'],
    action: 'close',
    roles: ['staff'],
    to: 'closed',
    clock: { meet: ['mediation'] },
  },
  // Anyone involved may talk while the case is open; the consumer may add material or withdraw.
  { kind: 'complaint', from: OPEN_COMPLAINT_STATUSES, action: 'message', roles: ['merchant', 'staff'] },
  { kind: 'complaint', from: ENDED_COMPLAINT_STATUSES, action: 'message', roles: ['staff'] },
  { kind: 'complaint', from: OPEN_COMPLAINT_STATUSES, action: 'supplement', roles: ['consumer'] },
  {
    kind: 'complaint',
    from: OPEN_COMPLAINT_STATUSES,
    action: 'withdraw',
    roles: ['consumer'],
    to: 'withdrawn',
    clock: { cancelAll: true },
  },
  {
    kind: 'complaint',
    from: ENDED_COMPLAINT_STATUSES,
    action: 'rate',
    roles: ['consumer'],
    guard: 'not_rated',
  },
  // A mixed submission is split: staff file the report part as a linked report (once); the complaint goes on.
  {
    kind: 'complaint',
    from: OPEN_COMPLAINT_STATUSES,
    action: 'split_report',
    roles: ['staff'],
    guard: 'not_split',
  },

  // Reports: verify within 15 working days, extendable once by 15.
  {
    kind: 'report',
    from: ['verifying'],
    action: 'extend',
    roles: ['staff'],
    guard: 'not_extended',
    clock: { extend: 'report_verification' },
  },
  {
    kind: 'report',
    from: ['verifying'],
    action: 'open_case',
    roles: ['staff'],
    to: 'case_opened',
    clock: { meet: ['report_verification'] },
  },
  {
    kind: 'report',
    from: ['verifying'],
    action: 'not_open',
    roles: ['staff'],
    to: 'not_opened',
    clock: { meet: ['report_verification'] },
  },
  { kind: 'report', from: ['verifying', 'case_opened', 'not_opened'], action: 'message', roles: ['staff'] },
  { kind: 'report', from: ['verifying'], action: 'supplement', roles: ['consumer'] },

  // Consultations: answered by staff; one follow-up reopens it.
  { kind: 'consultation', from: ['open'], action: 'answer', roles: ['staff'], to: 'answered' },
  {
    kind: 'consultation',
    from: ['answered'],
    action: 'follow_up',
    roles: ['consumer'],
    to: 'open',
    guard: 'follow_up_unused',
  },
  { kind: 'consultation', from: ['open', 'answered'], action: 'message', roles: ['staff'] },

  // Staff work: claim, assign, unassign, note, supervise (any kind and status), record_visit.
  ...CASE_KINDS.flatMap((kind) =>
    STAFF_ACTION_RULES.filter((r) => !r.kinds || r.kinds.includes(kind)).map((r): Transition => ({
      kind,
      from: r.from ?? statusesOf(kind),
      action: r.action,
      roles: ['staff'],
      staffRoles: r.staffRoles,
      ...(r.assigneeMay ? { assigneeMay: true as const } : {}),
      ...(r.guard ? { guard: r.guard } : {}),
      ...(r.staffOnly ? { staffOnly: true as const } : {}),
    })),
  ),
];

/** Whether this staff member may take a transition limited by staff role (an unknown actor may not). */
function staffMay(t: Transition, role: ActorRole, staff?: StaffActor): boolean {
  if (role !== 'staff' || !t.staffRoles) return true;
  if (!staff) return false;
  return t.staffRoles.includes(staff.staffRole) || (!!t.assigneeMay && staff.isAssignee);
}

export function findTransition(
  kind: CaseKind,
  status: CaseStatus,
  action: ActionType,
  role: ActorRole,
  facts: CaseFacts,
  staff?: StaffActor,
): Transition | undefined {
  return TRANSITIONS.find(
    (t) =>
      t.kind === kind &&
      t.action === action &&
      t.from.includes(status) &&
      t.roles.includes(role) &&
      staffMay(t, role, staff) &&
      (!t.guard || GUARDS[t.guard](facts)),
  );
}

/** The action types this role may apply now, in table order, without duplicates. */
export function allowedActions(
  kind: CaseKind,
  status: CaseStatus,
  role: ActorRole,
  facts: CaseFacts,
  staff?: StaffActor,
): ActionType[] {
  const out: ActionType[] = [];
  for (const t of TRANSITIONS) {
    if (role === 'system' || t.action === 'merchant_timeout') continue;
    if (t.kind !== kind || !t.from.includes(status) || !t.roles.includes(role)) continue;
    if (!staffMay(t, role, staff)) continue;
    if (t.guard && !GUARDS[t.guard](facts)) continue;
    if (!out.includes(t.action)) out.push(t.action);
  }
  return out;
}
