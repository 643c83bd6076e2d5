/**
 * The staff's own case actions (assignment, internal notes, 督办, follow-up visits) as data. The status
 * machine expands each into transitions for every kind and status it names, so that the one table
 * decides who may take them; only the value-free types of the status machine are imported here.
 */
import type { ActionType, CaseKind, CaseStatus, Guard } from './status-machine';
import type { StaffRole } from './roles';

export interface StaffActionRule {
  action: ActionType;
  /** the staff roles that may take it (the assignee too, where `assigneeMay`) */
  staffRoles: readonly StaffRole[];
  /** the case's assignee may take it whatever their role */
  assigneeMay?: true;
  /** omitted: every kind */
  kinds?: readonly CaseKind[];
  /** omitted: every status of the kind */
  from?: readonly CaseStatus[];
  guard?: Guard;
  /** its timeline entry is shown to staff only, and leaves no trace in what others see */
  staffOnly: boolean;
}

const ANY_STAFF: readonly StaffRole[] = ['handler', 'supervisor', 'admin'];
const LEADS: readonly StaffRole[] = ['supervisor', 'admin'];

export const STAFF_ACTION_RULES: readonly StaffActionRule[] = [
  { action: 'claim', staffRoles: ANY_STAFF, guard: 'unassigned', staffOnly: true },
  { action: 'assign', staffRoles: LEADS, staffOnly: true },
  { action: 'unassign', staffRoles: LEADS, assigneeMay: true, guard: 'assigned', staffOnly: true },
  { action: 'note', staffRoles: ANY_STAFF, staffOnly: true },
  { action: 'supervise', staffRoles: LEADS, staffOnly: true },
  // Order 121 回访: after the complaint has ended, not after a withdrawal; it may be recorded again.
  {
    action: 'record_visit',
    staffRoles: ANY_STAFF,
    kinds: ['complaint'],
    from: ['settled', 'closed', 'refused'],
    staffOnly: false,
  },
];

/** Actions whose timeline entries consumers and merchants never see. */
export const STAFF_ONLY_ACTIONS: readonly ActionType[] = STAFF_ACTION_RULES.filter((r) => r.staffOnly).map(
  (r) => r.action,
);
export function isStaffOnlyAction(type: string): boolean {
  return (STAFF_ONLY_ACTIONS as readonly string[]).includes(type);
}
