/** Staff account administration (admins): create, list, change role or name, deactivate, reset a password. */
import type {
  CreateStaffAccountBody,
  StaffAccount,
  StaffAccountList,
  UpdateStaffAccountBody,
} from '@weiquan/shared';
import type { Caller } from '../auth/caller';
import { hashPassword } from '../auth/password';
import { AppError, notFound } from '../errors';
import { UUID } from '../store/page-cursor';
import type { TokenStore } from '../store/token-store';
import type { AccountStates } from '../auth/account-state';
import type { StaffAccountStore } from './staff-account-store';

export interface StaffAccountsDeps {
  accounts: StaffAccountStore;
  states: AccountStates;
  tokens: Pick<TokenStore, 'revokeSubject'>;
  now: () => Date;
}

export function createStaffAccounts({ accounts, states, tokens, now }: StaffAccountsDeps) {
  return {
    async create(body: CreateStaffAccountBody): Promise<StaffAccount> {
      const created = await accounts.create({
        username: body.username,
        displayName: body.displayName,
        staffRole: body.staffRole,
        passwordHash: await hashPassword(body.password),
        at: now(),
      });
      if (!created) throw new AppError('CONFLICT', 'This username is taken');
      return created;
    },

    list: async (): Promise<StaffAccountList> => ({ items: await accounts.list() }),

    async update(caller: Caller, id: string, body: UpdateStaffAccountBody): Promise<StaffAccount> {
      if (!UUID.test(id)) throw notFound('No such staff account');
      // The centre must never lock itself out: an admin cannot deactivate or demote their own account.
      if (id === caller.id && (body.active === false || (body.staffRole && body.staffRole !== 'admin')))
        throw new AppError('ACTION_NOT_ALLOWED', 'You cannot deactivate or demote your own account');
      const { password, ...rest } = body;
      const updated = await accounts.update(
        id,
        { ...rest, ...(password ? { passwordHash: await hashPassword(password) } : {}) },
        now(),
      );
      if (!updated) throw notFound('No such staff account');
      states.forget(id);
      // A deactivated account or a new password ends every session: refresh tokens stop at once,
      // access tokens at the next account check (within 10 s on every BFF).
      if (body.active === false || password) await tokens.revokeSubject(id);
      return updated;
    },
  };
}
export type StaffAccounts = ReturnType<typeof createStaffAccounts>;
