import jwt from 'jsonwebtoken';
import type { KeyObject } from 'node:crypto';
import { ROLES, type Role } from '@weiquan/shared';
import { AppError } from '../http/app-error';
import type { Caller } from './caller';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ISSUER = 'weiquan';
const AUDIENCE = 'weiquan-api';
// Pinned: a token naming any other algorithm (none, RS256 with our secret as a "public key") is refused.
const ALGORITHMS: jwt.Algorithm[] = ['HS256'];

export interface AccessTokens {
  sign(caller: Caller): string;
  verify(token: string): Caller;
}

export function createAccessTokens(key: KeyObject): AccessTokens {
  return {
    sign: (caller) =>
      jwt.sign({ role: caller.role, ...(caller.merchantId ? { mid: caller.merchantId } : {}) }, key, {
        algorithm: 'HS256',
        expiresIn: ACCESS_TOKEN_TTL_SECONDS,
        issuer: ISSUER,
        audience: AUDIENCE,
        subject: caller.id,
      }),
    verify(token) {
      let payload: jwt.JwtPayload;
      try {
        payload = jwt.verify(token, key, { algorithms: ALGORITHMS, issuer: ISSUER, audience: AUDIENCE }) as jwt.JwtPayload;
      } catch {
        throw new AppError('UNAUTHENTICATED', 'The access token is invalid or expired');
      }
      const role = payload.role as Role;
      // jsonwebtoken accepts a token without `exp` as never expiring: ours always carry one.
      if (typeof payload.exp !== 'number' || !payload.sub || !ROLES.includes(role) || (role === 'merchant' && typeof payload.mid !== 'string')) {
        throw new AppError('UNAUTHENTICATED', 'The access token is invalid or expired');
      }
      return { id: payload.sub, role, ...(role === 'merchant' ? { merchantId: payload.mid as string } : {}) };
    },
  };
}
