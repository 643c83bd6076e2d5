/**
 * Which timeline entries each role sees, as data: what a role may not see leaves no trace in what it
 * can see, so the version and updatedAt a role is answered count only the entries it sees
 * (docs/adr, "role-visible versions").
 */
import type { Role } from './roles';
import { STAFF_ONLY_ACTIONS } from './staff-actions';

export const EVENTS_HIDDEN_FROM: Readonly<Record<Role, readonly string[]>> = {
  staff: [],
  // the staff's own work on a case (assignment, internal notes, 督办)
  consumer: [...STAFF_ONLY_ACTIONS],
  // ...and a report split off the complaint (a reporter is never disclosed to the reported party), and
  // how the consumer answered the follow-up visit (回访)
  merchant: [...STAFF_ONLY_ACTIONS, 'split_report', 'record_visit'],
};

export const seesEvent = (role: Role, type: string): boolean => !EVENTS_HIDDEN_FROM[role].includes(type);

/**
 * The version as this role sees it: every change writes one timeline entry and adds one to the
 * case's version, so the role's version is the case's less the entries hidden from it.
 */
export function versionSeenBy(role: Role, version: number, eventTypes: readonly string[]): number {
  return version - eventTypes.filter((t) => !seesEvent(role, t)).length;
}
