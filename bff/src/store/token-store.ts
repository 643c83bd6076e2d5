import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Role } from '@weiquan/shared';
import { AppError } from '../errors';
import type { Db } from './db';

export const REFRESH_TOKEN_TTL_DAYS = 30;
const hash = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface RefreshSubject {
  subjectId: string;
  role: Role;
  merchantId?: string;
}

/** Opaque refresh tokens, stored hashed, single use and rotated; reuse of a spent one revokes its family. */
export function createTokenStore(db: Db, now: () => Date) {
  const insert = async (q: Pick<Db, 'query'>, s: RefreshSubject, familyId: string) => {
    const token = randomBytes(32).toString('base64url');
    const expires = new Date(now().getTime() + REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    await q.query(
      'INSERT INTO refresh_tokens (token_hash, family_id, subject_id, role, merchant_id, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [hash(token), familyId, s.subjectId, s.role, s.merchantId ?? null, expires],
    );
    return token;
  };
  return {
    issue: (s: RefreshSubject) => insert(db, s, randomUUID()),

    /** Ends every refresh token of this subject (a deactivated staff account, a new password). */
    async revokeSubject(subjectId: string): Promise<void> {
      await db.query(
        'UPDATE refresh_tokens SET revoked_at = $2 WHERE subject_id = $1 AND revoked_at IS NULL',
        [subjectId, now()],
      );
    },

    /** Ends the family this token belongs to (its other tokens included). */
    async revokeFamilyOf(token: string): Promise<void> {
      await db.query(
        `UPDATE refresh_tokens SET revoked_at = $2
          WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1) AND revoked_at IS NULL`,
        [hash(token), now()],
      );
    },

    async rotate(token: string): Promise<{ subject: RefreshSubject; refreshToken: string }> {
      const invalid = () =>
        new AppError('UNAUTHENTICATED', 'The refresh token is invalid, expired or already used');
      const result = await db.tx(async (q) => {
        const [row] = await q.query<{
          family_id: string;
          subject_id: string;
          role: Role;
          merchant_id: string | null;
          expires_at: Date;
          used_at: Date | null;
          revoked_at: Date | null;
        }>(
          'SELECT family_id, subject_id, role, merchant_id, expires_at, used_at, revoked_at FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE',
          [hash(token)],
        );
        if (!row) return null;
        if (row.used_at || row.revoked_at) {
          // A spent token presented again means it leaked: end the whole family, the rotated one too.
          await q.query(
            'UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL',
            [row.family_id, now()],
          );
          return 'reused' as const;
        }
        if (row.expires_at.getTime() <= now().getTime()) return null;
        await q.query('UPDATE refresh_tokens SET used_at = $2 WHERE token_hash = $1', [hash(token), now()]);
        const subject: RefreshSubject = {
          subjectId: row.subject_id,
          role: row.role,
          ...(row.merchant_id ? { merchantId: row.merchant_id } : {}),
        };
        return { subject, refreshToken: await insert(q, subject, row.family_id) };
      });
      if (!result || result === 'reused') throw invalid();
      return result;
    },
  };
}
export type TokenStore = ReturnType<typeof createTokenStore>;
