/** Logins and token issue: WeChat (or its emulator), staff passwords, merchant binding, refresh. */
import type { SessionUser, TokenAnswer } from '@weiquan/shared';
import { AppError } from '../errors';
import type { StaffAccountStore } from '../staff/staff-account-store';
import type { RefreshSubject, TokenStore } from '../store/token-store';
import type { UserStore } from '../store/user-store';
import type { Wechat } from '../wechat/wechat-client';
import type { Caller } from './caller';
import type { MerchantBindings } from './merchant-bindings';
import { ACCESS_TOKEN_TTL_SECONDS, type AccessTokens } from './jwt';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from './password';

export interface AuthServiceDeps {
  wechat: Wechat;
  users: UserStore;
  staff: StaffAccountStore;
  bindings: MerchantBindings;
  tokens: TokenStore;
  access: AccessTokens;
}

export function createAuthService({
  wechat,
  users,
  staff: staffAccounts,
  bindings,
  tokens,
  access,
  now,
}: AuthServiceDeps & { now: () => Date }) {
  async function issue(caller: Caller, user: SessionUser, refreshToken?: string): Promise<TokenAnswer> {
    const subject: RefreshSubject = {
      subjectId: caller.id,
      role: caller.role,
      ...(caller.merchantId ? { merchantId: caller.merchantId } : {}),
    };
    return {
      accessToken: access.sign(caller),
      refreshToken: refreshToken ?? (await tokens.issue(subject)),
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      user,
    };
  }

  async function sessionUser(caller: Caller): Promise<SessionUser> {
    if (caller.role === 'staff') {
      const staff = await staffAccounts.get(caller.id);
      if (!staff?.active)
        throw new AppError('UNAUTHENTICATED', 'This account no longer exists or is deactivated');
      return {
        id: staff.id,
        role: 'staff',
        username: staff.username,
        displayName: staff.displayName,
        staffRole: staff.staffRole,
      };
    }
    const user = await users.get(caller.id);
    if (!user) throw new AppError('UNAUTHENTICATED', 'This account no longer exists');
    return {
      id: user.id,
      role: caller.role,
      merchantBound: Boolean(user.merchantId),
      ...(caller.role === 'merchant' && user.merchantId
        ? { merchantId: user.merchantId, merchantName: user.merchantName ?? undefined }
        : {}),
    };
  }

  return {
    sessionUser,

    async loginWechat(code: string, as: 'consumer' | 'merchant' = 'consumer'): Promise<TokenAnswer> {
      const session = await wechat.code2Session(code);
      const user = await users.upsertByOpenid(session.openid, session.unionid);
      if (as === 'merchant' && !user.merchantId)
        throw new AppError(
          'FORBIDDEN',
          'This user is not bound to a merchant; bind with a binding code first',
        );
      const caller: Caller =
        as === 'merchant'
          ? { role: 'merchant', id: user.id, merchantId: user.merchantId! }
          : { role: 'consumer', id: user.id };
      return issue(caller, await sessionUser(caller));
    },

    async loginStaff(username: string, password: string): Promise<TokenAnswer> {
      const staff = await staffAccounts.findForLogin(username);
      // Same work and the same answer whether the username or the password is wrong, or the account deactivated.
      const ok = await verifyPassword(password, staff?.passwordHash ?? DUMMY_PASSWORD_HASH);
      if (!staff || !ok || !staff.active) throw new AppError('UNAUTHENTICATED', 'Wrong username or password');
      const caller: Caller = { role: 'staff', id: staff.id };
      return issue(caller, await sessionUser(caller));
    },

    async refresh(refreshToken: string): Promise<TokenAnswer> {
      const { subject, refreshToken: next } = await tokens.rotate(refreshToken);
      const caller: Caller = {
        role: subject.role,
        id: subject.subjectId,
        ...(subject.merchantId ? { merchantId: subject.merchantId } : {}),
      };
      try {
        await bindings.checkNow(caller);
      } catch (err) {
        // The binding ended after this token was issued: end its family too (bind/unbind already did,
        // unless the binding was changed outside the BFF).
        await tokens.revokeFamilyOf(next);
        throw err;
      }
      return issue(caller, await sessionUser(caller), next);
    },

    async bindMerchant(caller: Caller, bindingCode: string): Promise<TokenAnswer> {
      if (caller.role === 'staff')
        throw new AppError('FORBIDDEN', 'Staff accounts cannot bind to a merchant');
      const merchantId = await bindings.bind(caller.id, bindingCode);
      const merchantCaller: Caller = { role: 'merchant', id: caller.id, merchantId };
      return issue(merchantCaller, await sessionUser(merchantCaller));
    },

    async bootstrapStaff(username: string, password: string): Promise<boolean> {
      return staffAccounts.createAdminIfMissing(username, await hashPassword(password), now());
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
