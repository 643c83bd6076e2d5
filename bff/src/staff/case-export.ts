/**
 * The case export (GET /staff/exports/cases.csv): one row per case received in the period, UTF-8
 * with a BOM so that Excel reads the Chinese, and no personal data (no name, phone, ID number or
 * address: not even the merchant's address, which a free-text filing may have typed with a person's).
 * Read in keyset pages so that a year of cases streams without holding it in memory.
 */
import { EXPORT_COLUMNS, type ExportQuery } from '@weiquan/shared';
import type { Caller } from '../auth/caller';
import type { Db } from '../store/db';
import type { AuditLog } from './audit-log';

const PAGE = 1_000;
const BOM = '\uFEFF';

interface Row {
  id: string;
  created_at: Date;
  case_no: string;
  kind: string;
  channel: string;
  status: string;
  category: string;
  merchant: string | null;
  district: string | null;
  accepted_at: Date | null;
  ended_at: Date | null;
  outcome: string | null;
  recovered_fen: string | null;
  rating: number | null;
  visit_result: string | null;
}

/** An instant as Beijing wall-clock time with its offset, e.g. 2026-11-24T10:00:00+08:00. */
const beijing = (d: Date | null) =>
  d ? `${new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00` : '';

/** RFC 4180 quoting; a leading = + - @ is defused so that a spreadsheet never runs it as a formula. */
function cell(v: string | number | null): string {
  let s = v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (r: Row) =>
  [
    r.case_no,
    r.kind,
    r.channel,
    r.status,
    r.category,
    r.merchant,
    r.district,
    beijing(r.created_at),
    beijing(r.accepted_at),
    beijing(r.ended_at),
    r.outcome,
    r.recovered_fen,
    r.rating,
    r.visit_result,
  ]
    .map(cell)
    .join(',') + '\r\n';

export function createCaseExport(db: Db, audit: AuditLog) {
  return {
    /** The CSV in chunks; the export is audited before its first byte. */
    async *cases(caller: Caller, query: ExportQuery): AsyncGenerator<string> {
      await audit.record({
        staffId: caller.id,
        action: 'export',
        detail: `cases.csv ${query.from}..${query.to}${query.kind ? ` kind=${query.kind}` : ''}`,
      });
      yield BOM + EXPORT_COLUMNS.join(',') + '\r\n';
      // Received in the period: from the start of `from` to the end of `to`, Beijing days.
      const start = `${query.from}T00:00:00+08:00`;
      const end = `${query.to}T23:59:59.999+08:00`;
      let after: [Date, string] | null = null;
      for (;;) {
        const rows: Row[] = await db.query<Row>(
          `SELECT c.id, c.created_at, c.case_no, c.kind, c.channel, c.status, c.category, c.merchant_name AS merchant,
                  m.district, c.ended_at,
                  (SELECT min(e.at) FROM case_events e WHERE e.case_id = c.id AND e.type = 'accept') AS accepted_at,
                  CASE WHEN c.status = 'refused' THEN 'refused' ELSE c.outcome->>'outcome' END AS outcome,
                  coalesce((c.outcome->>'recoveredFen')::bigint,
                           CASE WHEN c.status = 'settled' THEN (c.proposal->>'refundFen')::bigint END)::text AS recovered_fen,
                  (c.rating->>'score')::int AS rating, c.visit_result
             FROM cases c LEFT JOIN merchants m ON m.id = c.merchant_id
            WHERE c.created_at >= $1::timestamptz AND c.created_at <= $2::timestamptz
              AND ($3::text IS NULL OR c.kind = $3::text)
              AND ($4::timestamptz IS NULL OR (c.created_at, c.id) > ($4::timestamptz, $5::uuid))
            ORDER BY c.created_at, c.id LIMIT $6`,
          [start, end, query.kind ?? null, after?.[0] ?? null, after?.[1] ?? null, PAGE],
        );
        if (rows.length) yield rows.map(line).join('');
        if (rows.length < PAGE) return;
        const last = rows[rows.length - 1];
        after = [last.created_at, last.id];
      }
    },
  };
}
export type CaseExport = ReturnType<typeof createCaseExport>;
