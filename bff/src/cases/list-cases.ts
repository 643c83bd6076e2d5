/**
 * A page of the caller's cases, as the JSON text of a `CaseList`: the filters and the keyset page
 * over what the caller may see, batched with the lists of the same shape in the turn.
 */
import {
  CONSULTATION_STATUSES,
  endOfBeijingDay,
  workingDaysLeft,
  OPEN_COMPLAINT_STATUSES,
  EVENTS_HIDDEN_FROM,
  REPORT_STATUSES,
  type CaseList,
  type CaseListQuery,
  type Role,
  type WorkingCalendar,
} from '@weiquan/shared';
import { z } from 'zod';
import type { Caller } from '../auth/caller';
import { decodeCursor, encodeCursor } from '../store/page-cursor';
import { join, sql, typed, type Sql } from '../store/sql';
import type { CaseContext } from './case-context';
import { visibility } from './case-queries';
import { DUE_KEY, refuseStaffFilters, staffConditions } from './staff-filters';

/** "Open" is per kind; without a kind it means open complaints (the duplicate warning before filing). */
const openStatuses = (kind: CaseListQuery['kind']) =>
  kind === 'report'
    ? REPORT_STATUSES.filter((st) => st === 'verifying')
    : kind === 'consultation'
      ? CONSULTATION_STATUSES.filter((st) => st === 'open')
      : OPEN_COMPLAINT_STATUSES;

// Each item is written as JSON by the database (row_to_json: compact, keys in this order, the
// instants as `Date#toISOString` writes them); the BFF joins them unparsed. PostgreSQL has CPU to
// spare under load, the BFF's one thread does not.
const itemFields = (
  updatedAt: Sql,
) => sql`c.id, c.case_no AS "caseNo", c.kind, c.status, c.category, c.priority,
    CASE WHEN NULLIF(c.merchant_name, '') IS NULL THEN NULL
         WHEN c.merchant_id IS NULL THEN (SELECT row_to_json(m) FROM (SELECT c.merchant_name AS name) m)
         ELSE (SELECT row_to_json(m) FROM (SELECT c.merchant_id AS id, c.merchant_name AS name) m) END AS merchant,
    to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
    to_char(${updatedAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt",
    to_char(c.next_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "nextDueAt"`;
const item = (updatedAt: Sql) => sql`(SELECT row_to_json(i) FROM (SELECT ${itemFields(updatedAt)}) i)::text`;
// Staff items also carry the desk's fields; the next deadline's working days left are counted in JS.
const STAFF_ITEM = sql`(SELECT row_to_json(i) FROM (SELECT ${itemFields(sql`c.updated_at`)}, c.channel,
    (SELECT json_build_object('id', s.id, 'displayName', s.display_name) FROM staff_accounts s WHERE s.id = c.assignee_id) AS assignee,
    c.supervised, c.priority AS "greenChannel",
    (SELECT json_build_object('kind', d.kind, 'dueDate', d.due_date) FROM deadlines d
      WHERE d.case_id = c.id AND d.state = 'running' ORDER BY d.due_at, d.id LIMIT 1) AS "nextDeadline") i)::text`;

/** The sort keys of a list: newest first (default), soonest deadline first (no running one last), or last changed. */
const SORTS = {
  created: { key: sql`c.created_at`, asc: false, cursorOf: (i: CaseList['items'][number]) => i.createdAt },
  updated: { key: sql`c.updated_at`, asc: false, cursorOf: (i: CaseList['items'][number]) => i.updatedAt },
  due: {
    key: DUE_KEY,
    asc: true,
    cursorOf: (i: CaseList['items'][number]) => i.nextDueAt,
  },
};

function withNextDeadline(item: string, now: Date, calendar: WorkingCalendar): string {
  const parsed = JSON.parse(item) as { nextDeadline: { kind: string; dueDate: string } | null };
  const next = parsed.nextDeadline;
  return JSON.stringify({
    ...parsed,
    nextDeadline: next
      ? {
          kind: next.kind,
          dueAt: endOfBeijingDay(next.dueDate),
          workingDaysLeft: workingDaysLeft(calendar, next.dueDate, now),
        }
      : null,
  });
}

/**
 * updatedAt as the role sees it (`event-visibility.ts`): the instant of the case's last entry the
 * role sees, read backwards on case_events (case_id, id), so usually one index entry.
 */
const updatedAtSeenBy = (role: Role): Sql =>
  EVENTS_HIDDEN_FROM[role].length
    ? sql`(SELECT e.at FROM case_events e WHERE e.case_id = c.id
          AND e.type <> ALL(string_to_array(${typed('text', EVENTS_HIDDEN_FROM[role].join(','))}, ','))
          ORDER BY e.id DESC LIMIT 1)`
    : sql`c.updated_at`;

const ListRowSchema = z.object({ item: z.string() });

export async function listCasesJson(ctx: CaseContext, caller: Caller, query: CaseListQuery): Promise<string> {
  refuseStaffFilters(caller, query);
  const staff = caller.role === 'staff';
  const now = ctx.now();
  // Every value typed: lists of the same shape share one query over the batch's parameter columns.
  const where: Sql[] = [visibility(caller)];
  if (staff) where.push(...staffConditions(caller, query, now, ctx.cipher, ctx.calendar()));
  if (query.status) where.push(sql`c.status = ${typed('text', query.status)}`);
  if (query.kind) where.push(sql`c.kind = ${typed('text', query.kind)}`);
  if (query.merchantId) where.push(sql`c.merchant_id = ${typed('uuid', query.merchantId)}`);
  if (query.open !== undefined && !staff) {
    if (!query.kind) where.push(sql`c.kind = ${typed('text', 'complaint')}`);
    const statuses = typed('text', openStatuses(query.kind).join(','));
    where.push(
      sql`(c.status = ANY(string_to_array(${statuses}, ','))) = ${query.open ? sql`TRUE` : sql`FALSE`}`,
    );
  }
  if (query.overdue !== undefined) {
    // Overdue from 00:00:00 after the due day, as the clocks and `isOverdue` count: due_at is 23:59:59.
    where.push(
      sql`${query.overdue ? sql`` : sql`NOT `}EXISTS (SELECT 1 FROM deadlines d WHERE d.case_id = c.id AND d.state = 'running'
        AND d.due_at < date_trunc('second', ${typed('timestamptz', ctx.now())}))`,
    );
  }
  // Merchants work by deadline (soonest first); staff choose; consumers see newest first.
  const sort = SORTS[caller.role === 'merchant' ? 'due' : staff ? (query.sort ?? 'created') : 'created'];
  const sortKey = sort.key;
  const dir = sort.asc ? sql`ASC` : sql`DESC`;
  if (query.cursor) {
    const [t, cid] = decodeCursor(query.cursor);
    where.push(
      sql`(${sortKey}, c.id) ${sort.asc ? sql`>` : sql`<`} (${typed('timestamptz', t ?? 'infinity')}, ${typed('uuid', cid)})`,
    );
  }
  const rows = await ctx.reader.list(
    sql`SELECT ${staff ? STAFF_ITEM : item(updatedAtSeenBy(caller.role))} AS item, c.id, extract(epoch FROM ${sortKey}) AS sort_at
         FROM cases c WHERE ${join(where, sql` AND `)}
        ORDER BY ${sortKey} ${dir}, c.id ${dir} LIMIT ${typed('int', query.limit + 1)}`,
    sql`x.sort_at ${dir}, x.id ${dir}`,
  );
  const raw = rows.slice(0, query.limit).map((r) => ListRowSchema.parse(r).item);
  const items = staff ? raw.map((item) => withNextDeadline(item, now, ctx.calendar())) : raw;
  const last =
    rows.length > query.limit ? (JSON.parse(raw[raw.length - 1]) as CaseList['items'][number]) : null;
  const nextCursor = last ? encodeCursor(sort.cursorOf(last), last.id) : null;
  return `{"items":[${items.join(',')}],"nextCursor":${JSON.stringify(nextCursor)}}`;
}
