/**
 * Every staff request checks its account's current state (active, staff role), remembered for a few
 * seconds per BFF: a deactivation or a role change made through any BFF holds on every BFF within
 * STATE_TTL_MS, and at once on the BFF that made it. The clock is the services' (tests move it).
 */
import type { StaffRole } from '@weiquan/shared';
import { AppError } from '../errors';
import type { StaffAccountState, StaffAccountStore } from '../staff/staff-account-store';
import type { Caller } from './caller';

/** Well inside the contract's 10 seconds, so that a slow request at the edge still counts. */
export const STATE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

export interface AccountStates {
  /** the account as it stands (cached briefly); null when it does not exist */
  staff(id: string): Promise<StaffAccountState | null>;
  /** forget what this BFF remembers of the account (after changing it here) */
  forget(id: string): void;
}

export function createAccountStates(
  accounts: Pick<StaffAccountStore, 'state'>,
  now: () => Date,
): AccountStates {
  const seen = new Map<string, { at: number; state: Promise<StaffAccountState | null> }>();
  return {
    staff(id) {
      const t = now().getTime();
      const hit = seen.get(id);
      if (hit && t - hit.at < STATE_TTL_MS && t >= hit.at) return hit.state;
      if (seen.size >= MAX_ENTRIES) seen.delete(seen.keys().next().value!);
      const state = accounts.state(id);
      seen.set(id, { at: t, state });
      // A failed look-up is not remembered: the next request asks again.
      state.catch(() => {
        if (seen.get(id)?.state === state) seen.delete(id);
      });
      return state;
    },
    forget: (id) => void seen.delete(id),
  };
}

/** The staff caller as the account stands now: 401 once it is deactivated or gone, its current staff role. */
export async function currentStaffCaller(caller: Caller, states: AccountStates): Promise<Caller> {
  const state = await states.staff(caller.id);
  if (!state?.active) throw new AppError('UNAUTHENTICATED', 'This staff account is deactivated or gone');
  return { ...caller, staffRole: state.staffRole, displayName: state.displayName };
}

/** 403 unless this staff caller holds one of these staff roles. */
export function requireStaffRole(caller: Caller, roles: readonly StaffRole[]): void {
  if (caller.role !== 'staff' || !caller.staffRole || !roles.includes(caller.staffRole))
    throw new AppError('FORBIDDEN', `This needs the ${roles.join(' or ')} staff role`);
}
