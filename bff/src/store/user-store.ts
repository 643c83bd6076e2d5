import type { Profile } from '@weiquan/shared';
import type { PiiCipher } from '../security/pii-cipher';
import type { Db } from './db';

export interface UserRow {
  id: string;
  merchantId: string | null;
  merchantName: string | null;
}

export function createUserStore(db: Db, cipher: PiiCipher) {
  return {
    /** The stable user behind a WeChat openid, created on first login. */
    async upsertByOpenid(openid: string, unionid?: string): Promise<UserRow> {
      const [row] = await db.query<UserRow>(
        `WITH up AS (
           INSERT INTO users (openid, unionid) VALUES ($1, $2)
           ON CONFLICT (openid) DO UPDATE SET unionid = coalesce(EXCLUDED.unionid, users.unionid)
           RETURNING id, merchant_id)
         SELECT up.id, up.merchant_id AS "merchantId", m.name AS "merchantName" FROM up LEFT JOIN merchants m ON m.id = up.merchant_id`,
        [openid, unionid ?? null],
      );
      return row;
    },

    async get(id: string): Promise<(UserRow & { profile: Profile | null }) | null> {
      const [row] = await db.query<UserRow & { profileEnc: string | null }>(
        `SELECT u.id, u.merchant_id AS "merchantId", m.name AS "merchantName", u.profile_enc AS "profileEnc"
           FROM users u LEFT JOIN merchants m ON m.id = u.merchant_id WHERE u.id = $1`,
        [id],
      );
      if (!row) return null;
      const { profileEnc, ...rest } = row;
      return { ...rest, profile: profileEnc ? cipher.openJson<Profile>(profileEnc) : null };
    },

    async profileOf(id: string): Promise<Profile | null> {
      const [row] = await db.query<{ profile_enc: string | null }>(
        'SELECT profile_enc FROM users WHERE id = $1',
        [id],
      );
      return row?.profile_enc ? cipher.openJson<Profile>(row.profile_enc) : null;
    },

    async saveProfile(id: string, profile: Profile): Promise<void> {
      await db.query('UPDATE users SET profile_enc = $2 WHERE id = $1', [id, cipher.sealJson(profile)]);
    },

    async bindMerchant(userId: string, merchantId: string): Promise<void> {
      await db.query('UPDATE users SET merchant_id = $2 WHERE id = $1', [userId, merchantId]);
    },
  };
}
export type UserStore = ReturnType<typeof createUserStore>;
