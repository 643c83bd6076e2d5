import type { NextFunction, Request, Response } from 'express';
import type { Role } from '@weiquan/shared';
import { currentStaffCaller, type AccountStates } from '../../auth/account-state';
import type { AccessTokens } from '../../auth/jwt';
import type { Caller } from '../../auth/caller';
import type { MerchantBindings } from '../../auth/merchant-bindings';
import { AppError } from '../../errors';

declare module 'express-serve-static-core' {
  interface Request {
    caller?: Caller;
  }
}

/**
 * Reads a Bearer token when there is one; routes decide whether they need it (`callerOf`). A staff
 * token also needs its account active now (and takes the account's current staff role); a merchant
 * token needs its user still bound to that merchant (re-bound or unbound: 401).
 */
export function authenticate(access: AccessTokens, states: AccountStates, bindings: MerchantBindings) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const header = req.headers.authorization;
    if (header !== undefined) {
      const m = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(header);
      if (!m) return next(new AppError('UNAUTHENTICATED', 'Use "Authorization: Bearer <accessToken>"'));
      try {
        const caller = access.verify(m[1]);
        if (caller.role === 'merchant') await bindings.check(caller);
        req.caller = caller.role === 'staff' ? await currentStaffCaller(caller, states) : caller;
      } catch (err) {
        return next(err);
      }
    }
    next();
  };
}

/** The caller, who must be logged in and act in one of these roles (any role when none are named). */
export function callerOf(req: Request, ...roles: Role[]): Caller {
  const caller = req.caller;
  if (!caller) throw new AppError('UNAUTHENTICATED', 'Log in first');
  if (roles.length && !roles.includes(caller.role))
    throw new AppError('FORBIDDEN', `This needs the ${roles.join(' or ')} role`);
  return caller;
}
