import type { Caller } from '../auth/caller';
import type { Db, Queryable } from './db';
import { sql, typed } from './sql';

export interface UploadRow {
  id: string;
  ownerId: string;
  sha256: string;
  mime: string;
  size: number;
}

import { UUID } from './page-cursor';

/**
 * One hash's bytes are either being pointed at (a new row) or being removed (the orphan sweep),
 * never both at once: each holds this transaction lock. Two keys, so it shares nothing with the
 * single-key locks (migrations); the class is any fixed number.
 */
const lockHash = (q: Queryable, sha256: string) =>
  q.query(sql`SELECT pg_advisory_xact_lock(7315016, hashtext(${sha256}))`);

export function createUploadStore(db: Db) {
  return {
    /**
     * The row, written under its hash's lock after `ensureBytes` (which makes sure the bytes are
     * there, putting them again when a sweep removed them since): a row never points at nothing.
     */
    async create(
      ownerId: string,
      file: { sha256: string; mime: string; size: number },
      ensureBytes: (q: Queryable) => Promise<void>,
    ): Promise<UploadRow> {
      return db.tx(async (q) => {
        await lockHash(q, file.sha256);
        await ensureBytes(q);
        const [row] = await q.query<UploadRow>(
          sql`INSERT INTO uploads (owner_id, sha256, mime, size) VALUES (${ownerId}, ${file.sha256}, ${file.mime}, ${file.size})
              RETURNING id, owner_id AS "ownerId", sha256, mime, size`,
        );
        return row;
      });
    },

    /** Those of these hashes no upload points at. */
    async unreferenced(hashes: string[]): Promise<string[]> {
      if (!hashes.length) return [];
      const used = await db.query<{ sha256: string }>(
        sql`SELECT DISTINCT sha256 FROM uploads WHERE sha256 = ANY(${typed('text[]', hashes)})`,
      );
      const seen = new Set(used.map((r) => r.sha256));
      return hashes.filter((h) => !seen.has(h));
    },

    /** Runs `remove` under the hash's lock if still no upload points at it; answers what it did. */
    async whileUnreferenced(sha256: string, remove: (q: Queryable) => Promise<boolean>): Promise<boolean> {
      return db.tx(async (q) => {
        await lockHash(q, sha256);
        const [used] = await q.query(sql`SELECT 1 FROM uploads WHERE sha256 = ${sha256} LIMIT 1`);
        return used ? false : remove(q);
      });
    },

    /**
     * The upload if this caller may read it: its uploader, staff, or the merchant of the complaint
     * it is attached to (evidence is shared with the merchant unless the consumer kept it for the
     * centre; reports never are). Otherwise null.
     */
    async findReadable(caller: Caller, id: string): Promise<UploadRow | null> {
      if (!UUID.test(id)) return null;
      const [row] = await db.query<UploadRow>(
        `SELECT u.id, u.owner_id AS "ownerId", u.sha256, u.mime, u.size
           FROM uploads u LEFT JOIN cases c ON c.id = u.case_id
          WHERE u.id = $1 AND (
            $2 = 'staff'
            OR ($2 <> 'staff' AND u.owner_id = $3::uuid)
            OR ($2 = 'merchant' AND c.kind = 'complaint' AND c.merchant_id = $4::uuid AND NOT u.centre_only
                AND NOT EXISTS (SELECT 1 FROM media_checks m WHERE m.upload_id = u.id AND m.state = 'risky')))`,
        [id, caller.role, caller.role === 'staff' ? null : caller.id, caller.merchantId ?? null],
      );
      return row ?? null;
    },
  };
}
export type UploadStore = ReturnType<typeof createUploadStore>;
