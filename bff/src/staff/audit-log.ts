/**
 * The audit of staff reads of personal data and of exports (PIPL: who saw whose contact, when):
 * append-only rows, written beside the read they record, listed newest first for admins.
 */
import type { AuditItem, AuditQuery } from '@weiquan/shared';
import type { Db, Queryable } from '../store/db';
import { invalidCursor, isCursorInstant } from '../store/page-cursor';

export type AuditAction = AuditItem['action'];
export interface AuditEntry {
  staffId: string;
  action: AuditAction;
  caseId?: string;
  detail?: string;
}

interface Row {
  id: string;
  at: Date;
  staff_id: string;
  display_name: string;
  action: AuditAction;
  case_id: string | null;
  detail: string | null;
}

// Audit ids are a bigserial, not a UUID: the cursor is [at, id] of the last row, checked on the way in.
const encode = (r: Row) =>
  Buffer.from(JSON.stringify([r.at.toISOString(), String(r.id)])).toString('base64url');
function decode(cursor: string): [string, string] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && isCursorInstant(v[0]) && /^\d{1,18}$/.test(String(v[1])))
      return [v[0], String(v[1])];
  } catch {
    // fall through
  }
  throw invalidCursor();
}

export function createAuditLog(db: Db, now: () => Date) {
  return {
    /** Written with `q` (the transaction of the read or export it records, where there is one). */
    async record(entry: AuditEntry, q: Queryable = db): Promise<void> {
      await q.query(
        'INSERT INTO staff_audit (at, staff_id, action, case_id, detail) VALUES ($1, $2, $3, $4, $5)',
        [now(), entry.staffId, entry.action, entry.caseId ?? null, entry.detail ?? null],
      );
    },

    async list(query: AuditQuery): Promise<{ items: AuditItem[]; nextCursor: string | null }> {
      const [at, id] = query.cursor ? decode(query.cursor) : [null, null];
      const rows = await db.query<Row>(
        `SELECT a.id, a.at, a.staff_id, s.display_name, a.action, a.case_id, a.detail
           FROM staff_audit a JOIN staff_accounts s ON s.id = a.staff_id
          WHERE ($1::uuid IS NULL OR a.case_id = $1::uuid) AND ($2::uuid IS NULL OR a.staff_id = $2::uuid)
            AND ($3::timestamptz IS NULL OR (a.at, a.id) < ($3::timestamptz, $4::bigint))
          ORDER BY a.at DESC, a.id DESC LIMIT $5`,
        [query.caseId ?? null, query.staffId ?? null, at, id, query.limit + 1],
      );
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map((r) => ({
          at: r.at.toISOString(),
          staff: { id: r.staff_id, displayName: r.display_name },
          action: r.action,
          ...(r.case_id ? { caseId: r.case_id } : {}),
          ...(r.detail ? { detail: r.detail } : {}),
        })),
        nextCursor: rows.length > query.limit && last ? encode(last) : null,
      };
    },
  };
}
export type AuditLog = ReturnType<typeof createAuditLog>;
