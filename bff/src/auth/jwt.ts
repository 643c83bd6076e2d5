import jwt from 'jsonwebtoken';
import type { KeyObject } from 'node:crypto';
import { ROLES, type Role } from '@weiquan/shared';
import { AppError } from '../errors';
import type { Caller } from './caller';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ISSUER = 'weiquan';
const AUDIENCE = 'weiquan-api';
// Pinned: a token naming any other algorithm (none, RS256 with our secret as a "public key") is refused.
const ALGORITHMS: jwt.Algorithm[] = ['HS256'];

// Verified tokens are remembered until they expire, up to this many (oldest first out): a client sends
// the same token for up to 15 minutes, and verifying it again (HMAC, JSON, claims) cost ~5% of a
// read's CPU. A hit answers the caller the token proved; past `exp` it is verified (and refused) anew.
const VERIFIED_MAX = 10_000;

export interface AccessTokens {
  sign(caller: Caller): string;
  verify(token: string): Caller;
}

export function createAccessTokens(key: KeyObject): AccessTokens {
  const verified = new Map<string, { caller: Caller; exp: number }>();
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
      const hit = verified.get(token);
      // The same test as jsonwebtoken's: expired once the current second reaches `exp`.
      if (hit && Math.floor(Date.now() / 1000) < hit.exp) return hit.caller;
      if (hit) verified.delete(token);
      let payload: jwt.JwtPayload;
      try {
        payload = jwt.verify(token, key, {
          algorithms: ALGORITHMS,
          issuer: ISSUER,
          audience: AUDIENCE,
        }) as jwt.JwtPayload;
      } catch {
        throw new AppError('UNAUTHENTICATED', 'The access token is invalid or expired');
      }
      const role = payload.role as Role;
      // jsonwebtoken accepts a token without `exp` as never expiring: ours always carry one.
      if (
        typeof payload.exp !== 'number' ||
        !payload.sub ||
        !ROLES.includes(role) ||
        (role === 'merchant' && typeof payload.mid !== 'string')
      ) {
        throw new AppError('UNAUTHENTICATED', 'The access token is invalid or expired');
      }
      const caller: Caller = Object.freeze({
        id: payload.sub,
        role,
        ...(role === 'merchant' ? { merchantId: payload.mid as string } : {}),
      });
      if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
      verified.set(token, { caller, exp: payload.exp });
      return caller;
    },
  };
}
