/** The staff desk's services beyond single cases, built once from the store (bootstrap.ts). */
import type { AccountStates } from '../auth/account-state';
import type { Db } from '../store/db';
import type { TokenStore } from '../store/token-store';
import { createPresenceStore } from '../store/presence-store';
import { createAuditLog } from './audit-log';
import { createCasePresence } from './case-presence';
import { createCaseExport } from './case-export';
import { createFaqEditing } from './faq-editing';
import { createReplyTemplates } from './reply-templates';
import type { StaffAccountStore } from './staff-account-store';
import { createStaffAccounts } from './staff-accounts';
import { createStaffMerchants } from './staff-merchants';

export interface StaffDeskDeps {
  db: Db;
  staffAccounts: StaffAccountStore;
  states: AccountStates;
  tokens: TokenStore;
  now: () => Date;
}

export function createStaffDesk({ db, staffAccounts, states, tokens, now }: StaffDeskDeps) {
  const audit = createAuditLog(db, now);
  return {
    accounts: createStaffAccounts({ accounts: staffAccounts, states, tokens, now }),
    templates: createReplyTemplates(db, now),
    merchants: createStaffMerchants(db),
    faq: createFaqEditing(db, now),
    audit,
    exports: createCaseExport(db, audit),
    presence: createCasePresence(createPresenceStore(db), now),
  };
}
export type StaffDesk = ReturnType<typeof createStaffDesk>;
