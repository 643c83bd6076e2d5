import type { Caller } from '../auth/caller';
import type { Db } from './db';

export interface UploadRow {
  id: string;
  ownerId: string;
  sha256: string;
  mime: string;
  size: number;
}

import { UUID } from './page-cursor';

export function createUploadStore(db: Db) {
  return {
    async create(ownerId: string, file: { sha256: string; mime: string; size: number }): Promise<UploadRow> {
      const [row] = await db.query<UploadRow>(
        'INSERT INTO uploads (owner_id, sha256, mime, size) VALUES ($1, $2, $3, $4) RETURNING id, owner_id AS "ownerId", sha256, mime, size',
        [ownerId, file.sha256, file.mime, file.size],
      );
      return row;
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
