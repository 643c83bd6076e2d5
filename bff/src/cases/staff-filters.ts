/**
 * The staff list filters (GET /cases for staff) as SQL conditions on alias c, written once: the list
 * and the queues (`queues.ts`) both use them, so a queue's count is its list's length. Every value is
 * typed (lists of one shape share a batched query).
 */
import {
  ENDED_STATUSES,
  STAFF_LIST_FILTER_KEYS,
  VISIT_WINDOW_DAYS,
  dueWindow,
  type CaseListQuery,
  type WorkingCalendar,
} from '@weiquan/shared';
import type { Caller } from '../auth/caller';
import { invalidFields } from '../errors';
import type { PiiCipher } from '../security/pii-cipher';
import { join, sql, typed, type Sql } from '../store/sql';

/** The searched text: the same expression as the trigram index cases_text_trgm (migration 004). */
const CASE_TEXT = sql`(coalesce(c.merchant_name, '') || ' ' || coalesce(c.body->>'facts', ''))`;
/** The due sort's key and the due windows' column: indexed (cases_due, cases_open_due, cases_assignee_open_due). */
export const DUE_KEY = sql`coalesce(c.next_due_at, 'infinity'::timestamptz)`;
/** What a phone number and a case number look like (the filing schema's phone; XM20261124000123). */
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const CASE_NO = /^[A-Za-z]{1,8}\d{14,}$/;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);
const VISITED_STATUSES = ENDED_STATUSES.filter(
  (st) => st === 'settled' || st === 'closed' || st === 'refused',
);
const flag = (on: boolean, condition: Sql) => (on ? condition : sql`NOT (${condition})`);

/** 400 when someone other than staff uses a staff filter (they would otherwise be silently ignored). */
export function refuseStaffFilters(caller: Caller, query: CaseListQuery): void {
  if (caller.role === 'staff') return;
  const used = STAFF_LIST_FILTER_KEYS.filter((k) => query[k] !== undefined);
  if (used.length) throw invalidFields(used.map((path) => ({ path, message: 'a staff list filter' })));
}

export function staffConditions(
  caller: Caller,
  query: CaseListQuery,
  now: Date,
  cipher: PiiCipher,
  calendar: WorkingCalendar,
): Sql[] {
  const where: Sql[] = [];
  if (query.open !== undefined) where.push(flag(query.open, sql`c.is_open`));
  if (query.assignee === 'none') where.push(sql`c.assignee_id IS NULL`);
  else if (query.assignee)
    where.push(sql`c.assignee_id = ${typed('uuid', query.assignee === 'me' ? caller.id : query.assignee)}`);
  if (query.due) {
    const w = dueWindow(query.due, now, calendar);
    // On the due sort's key (a case without a running deadline is never before a finite instant), so
    // that a window is one range of the due indexes, in the due sort's order.
    if (w.from) where.push(sql`${DUE_KEY} >= ${typed('timestamptz', w.from)}`);
    where.push(sql`${DUE_KEY} < ${typed('timestamptz', w.before)}`);
  }
  if (query.greenChannel !== undefined) where.push(flag(query.greenChannel, sql`c.priority`));
  if (query.supervised !== undefined) where.push(flag(query.supervised, sql`c.supervised`));
  if (query.awaitingVisit !== undefined) {
    const since = new Date(now.getTime() - VISIT_WINDOW_DAYS * 86_400_000);
    where.push(
      flag(
        query.awaitingVisit,
        sql`c.kind = 'complaint' AND c.visit_at IS NULL AND c.status = ANY(string_to_array(${typed('text', VISITED_STATUSES.join(','))}, ','))
          AND c.ended_at >= ${typed('timestamptz', since)}`,
      ),
    );
  }
  if (query.category) where.push(sql`c.category = ${typed('text', query.category)}`);
  if (query.channel) where.push(sql`c.channel = ${typed('text', query.channel)}`);
  // the merchant's district as the directory has it: a merchant typed freely on filing has none
  if (query.district)
    where.push(
      sql`c.merchant_id IN (SELECT m.id FROM merchants m WHERE m.district = ${typed('text', query.district)})`,
    );
  if (query.q) where.push(search(query.q, cipher));
  return where;
}

/**
 * An exact case number, an exact phone (its keyed hash: never decrypted), or every word in the
 * merchant name or facts. The query's shape picks one, so each is a single indexed look-up (an OR of
 * the three let PostgreSQL fall back to a scan at 1 M cases).
 */
function search(q: string, cipher: PiiCipher): Sql {
  if (PHONE.test(q)) return sql`c.contact_phone_hash = ${typed('text', cipher.lookupHash(q))}`;
  if (CASE_NO.test(q)) return sql`c.case_no = ${typed('text', q.toUpperCase())}`;
  const words = q.split(/\s+/).filter(Boolean).slice(0, 8);
  return sql`(${join(
    words.map((w) => sql`${CASE_TEXT} ILIKE ${typed('text', `%${escapeLike(w)}%`)}`),
    sql` AND `,
  )})`;
}
