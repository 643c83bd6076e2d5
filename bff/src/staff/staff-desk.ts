/** The staff desk's services beyond single cases, built once from the store (bootstrap.ts). */
import type { AccountStates } from '../auth/account-state';
import type { Db } from '../store/db';
import type { TokenStore } from '../store/token-store';
import type { StaffAccountStore } from './staff-account-store';
import { createStaffAccounts } from './staff-accounts';

export interface StaffDeskDeps {
  db: Db;
  staffAccounts: StaffAccountStore;
  states: AccountStates;
  tokens: TokenStore;
  now: () => Date;
}

export function createStaffDesk(deps: StaffDeskDeps) {
  return {
    accounts: createStaffAccounts({
      accounts: deps.staffAccounts,
      states: deps.states,
      tokens: deps.tokens,
      now: deps.now,
    }),
  };
}
export type StaffDesk = ReturnType<typeof createStaffDesk>;
