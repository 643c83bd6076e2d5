/**
 * Which merchant a user acts for, and the codes that bind them. A binding is the truth for every
 * merchant session: changing or ending it revokes that user's merchant refresh tokens in the same
 * transaction (access tokens are refused by the binding check, `auth/merchant-bindings.ts`).
 */
import { createHash, randomInt } from 'node:crypto';
import type { Db, Queryable } from './db';

// No 0/O/1/I/L: binding codes are read aloud and typed on phones.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const newBindingCode = () =>
  Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)])
    .join('')
    .replace(/(.{4})(?=.)/g, '$1-');
/** Binding codes carry ~59 bits of randomness, so a plain SHA-256 is enough to store them hashed. */
export const hashBindingCode = (code: string) =>
  createHash('sha256')
    .update(code.toUpperCase().replace(/[^A-Z0-9]/g, ''))
    .digest('hex');

export type BindOutcome =
  { bound: true; merchantId: string } | { bound: false; reason: 'unknown_code' | 'used_up' };

/** Ends a user's merchant sessions, except those acting for `keep` (the merchant they are bound to now). */
const revokeMerchantSessions = (q: Queryable, userId: string, at: Date, keep: string | null) =>
  q.query(
    `UPDATE refresh_tokens SET revoked_at = $2
      WHERE subject_id = $1 AND role = 'merchant' AND revoked_at IS NULL AND merchant_id IS DISTINCT FROM $3::uuid`,
    [userId, at, keep],
  );

export function createMerchantBindingStore(db: Db, now: () => Date) {
  return {
    /** The merchant this user is bound to now, or null. */
    async currentMerchant(userId: string): Promise<string | null> {
      const [row] = await db.query<{ merchant_id: string | null }>(
        'SELECT merchant_id FROM users WHERE id = $1',
        [userId],
      );
      return row?.merchant_id ?? null;
    },

    /**
     * Binds the user with a code that has bound fewer than `maxUsers` users; binding again to the
     * merchant one is already bound to uses nothing. The merchant row is locked, so concurrent binds
     * cannot share the last use.
     */
    async bind(userId: string, code: string, maxUsers: number): Promise<BindOutcome> {
      return db.tx(async (q) => {
        const [m] = await q.query<{ id: string; uses: number }>(
          'SELECT id, binding_code_uses AS uses FROM merchants WHERE binding_code_hash = $1 FOR UPDATE',
          [hashBindingCode(code)],
        );
        if (!m) return { bound: false, reason: 'unknown_code' };
        const [user] = await q.query<{ merchant_id: string | null }>(
          'SELECT merchant_id FROM users WHERE id = $1 FOR UPDATE',
          [userId],
        );
        if (user?.merchant_id === m.id) return { bound: true, merchantId: m.id };
        if (m.uses >= maxUsers) return { bound: false, reason: 'used_up' };
        await q.query('UPDATE merchants SET binding_code_uses = binding_code_uses + 1 WHERE id = $1', [m.id]);
        await q.query('UPDATE users SET merchant_id = $2 WHERE id = $1', [userId, m.id]);
        await revokeMerchantSessions(q, userId, now(), m.id);
        return { bound: true, merchantId: m.id };
      });
    },

    /** Answers false when the user is not bound to this merchant. */
    async unbind(merchantId: string, userId: string): Promise<boolean> {
      return db.tx(async (q) => {
        const rows = await q.query(
          'UPDATE users SET merchant_id = NULL WHERE id = $1 AND merchant_id = $2 RETURNING id',
          [userId, merchantId],
        );
        if (!rows.length) return false;
        await revokeMerchantSessions(q, userId, now(), null);
        return true;
      });
    },

    /** A new code for the merchant (the old one stops working), or null when there is no such merchant. */
    async rotateCode(merchantId: string): Promise<string | null> {
      const code = newBindingCode();
      const rows = await db.query(
        'UPDATE merchants SET binding_code_hash = $2, binding_code_uses = 0 WHERE id = $1 RETURNING id',
        [merchantId, hashBindingCode(code)],
      );
      return rows.length ? code : null;
    },
  };
}
export type MerchantBindingStore = ReturnType<typeof createMerchantBindingStore>;
