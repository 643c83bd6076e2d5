/**
 * The staff on each case (case_presence, migration 011): a heartbeat's row and the fresh rows of the
 * others. Rows older than the freshness window are never answered, and a case's are swept on each beat.
 */
import type { Db } from './db';
import { sql, typed } from './sql';

export interface PresenceRow {
  id: string;
  displayName: string;
  since: Date;
  acting: boolean;
}

export function createPresenceStore(db: Db) {
  return {
    /**
     * The staff member is on the case at `at`; `since` restarts when their last beat was stale (they
     * had left). False when there is no such case.
     */
    async beat(
      caseId: string,
      staffId: string,
      acting: boolean,
      at: Date,
      freshFrom: Date,
    ): Promise<boolean> {
      const rows = await db.query(
        sql`INSERT INTO case_presence (case_id, staff_id, since, seen_at, acting)
            SELECT c.id, ${typed('uuid', staffId)}, ${typed('timestamptz', at)}, ${typed('timestamptz', at)}, ${typed('boolean', acting)}
              FROM cases c WHERE c.id = ${typed('uuid', caseId)}
            ON CONFLICT (case_id, staff_id) DO UPDATE SET
              since = CASE WHEN case_presence.seen_at < ${typed('timestamptz', freshFrom)}
                           THEN EXCLUDED.since ELSE case_presence.since END,
              seen_at = EXCLUDED.seen_at, acting = EXCLUDED.acting
            RETURNING case_id`,
      );
      return rows.length > 0;
    },

    /** The other staff seen on the case since `freshFrom`, longest there first. */
    async others(caseId: string, staffId: string, freshFrom: Date): Promise<PresenceRow[]> {
      await db.query(
        sql`DELETE FROM case_presence WHERE case_id = ${typed('uuid', caseId)} AND seen_at < ${typed('timestamptz', freshFrom)}`,
      );
      return db.query<PresenceRow>(
        sql`SELECT s.id, s.display_name AS "displayName", p.since, p.acting
              FROM case_presence p JOIN staff_accounts s ON s.id = p.staff_id
             WHERE p.case_id = ${typed('uuid', caseId)} AND p.staff_id <> ${typed('uuid', staffId)}
               AND p.seen_at >= ${typed('timestamptz', freshFrom)} AND s.active
             ORDER BY p.since, s.id`,
      );
    },
  };
}
export type PresenceStore = ReturnType<typeof createPresenceStore>;
