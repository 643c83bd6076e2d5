/**
 * The WeChat access token in the database, so every BFF and worker shares one (a refresh by one
 * instance replaces the token for all). Sealed at rest: it is a credential.
 */
import type { PiiCipher } from '../security/pii-cipher';
import type { Queryable } from '../store/db';
import { sql } from '../store/sql';
import type { AccessTokenCache } from '../wechat/wechat-client';

export function createDbTokenCache(db: Queryable, cipher: PiiCipher, appId: string): AccessTokenCache {
  return {
    async get() {
      const [row] = await db.query<{ token_enc: string; expires_at: Date }>(
        sql`SELECT token_enc, expires_at FROM wechat_access_tokens WHERE app_id = ${appId}`,
      );
      return row ? { token: cipher.open(row.token_enc), expiresAt: row.expires_at } : null;
    },
    async set(token, expiresAt) {
      await db.query(
        sql`INSERT INTO wechat_access_tokens (app_id, token_enc, expires_at, updated_at)
            VALUES (${appId}, ${cipher.seal(token)}, ${expiresAt}, now())
            ON CONFLICT (app_id) DO UPDATE SET token_enc = EXCLUDED.token_enc, expires_at = EXCLUDED.expires_at, updated_at = now()`,
      );
    },
  };
}
