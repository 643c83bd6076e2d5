/**
 * The fan-out's data access, inside the caller's transaction: the case a source is about, who may
 * be told, and the notices and push deliveries written (each at most once per source).
 */
import type { CaseKind, CaseStatus, NoticeAudience } from '@weiquan/shared';
import type { Queryable } from '../store/db';
import { sql } from '../store/sql';

export interface NoticeCase {
  kind: CaseKind;
  case_no: string;
  status: CaseStatus;
  /** null: filed by staff for a caller who has not claimed it yet */
  consumer_id: string | null;
  consumer_openid: string | null;
  assignee_id: string | null;
  merchant_id: string | null;
  merchant_name: string | null;
  category: string;
  body: { demand?: { amountFen?: number }; purchase?: { amountFen?: number } };
}

export interface Recipient {
  id: string;
  openid: string | null;
}

export async function noticeCase(q: Queryable, caseId: string): Promise<NoticeCase | undefined> {
  const [row] = await q.query<NoticeCase>(
    sql`SELECT c.kind, c.case_no, c.status, c.consumer_id, u.openid AS consumer_openid, c.assignee_id, c.merchant_id,
               c.merchant_name, c.category, c.body
          FROM cases c LEFT JOIN users u ON u.id = c.consumer_id WHERE c.id = ${caseId}`,
  );
  return row;
}

/** The users bound to a merchant. */
export const merchantUsers = (q: Queryable, merchantId: string) =>
  q.query<Recipient>(sql`SELECT id, openid FROM users WHERE merchant_id = ${merchantId} ORDER BY id`);

/** Every active staff account (staff are told in the inbox only). */
export async function activeStaff(q: Queryable): Promise<Recipient[]> {
  const rows = await q.query<{ id: string }>(sql`SELECT id FROM staff_accounts WHERE active ORDER BY id`);
  return rows.map((r) => ({ id: r.id, openid: null }));
}

export interface NewNotice {
  sourceKey: string;
  audience: NoticeAudience;
  recipientId: string;
  caseId: string;
  caseNo: string;
  type: string;
  title: string;
  body: string;
  at: Date;
}

/** The notice's id, or undefined when this recipient was told of this source already. */
export async function insertNotice(q: Queryable, n: NewNotice): Promise<string | undefined> {
  const [notice] = await q.query<{ id: string }>(
    sql`INSERT INTO inbox_notices (source_key, audience, recipient_id, case_id, case_no, type, title, body, created_at)
        VALUES (${n.sourceKey}, ${n.audience}, ${n.recipientId}, ${n.caseId}, ${n.caseNo}, ${n.type}, ${n.title}, ${n.body}, ${n.at})
        ON CONFLICT (source_key, audience, recipient_id) DO NOTHING RETURNING id`,
  );
  return notice?.id;
}

export interface NewDelivery {
  deliveryKey: string;
  noticeId: string;
  userId: string;
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  /** due at once */
  now: Date;
  /** when the source happened */
  sourceAt: Date;
}

/** Queues one subscribe-message push; false when it was queued before. */
export async function insertDelivery(q: Queryable, d: NewDelivery): Promise<boolean> {
  const inserted = await q.query(
    sql`INSERT INTO deliveries (delivery_key, notice_id, user_id, channel, touser, template_id, page, data, next_attempt_at, source_at, created_at)
        VALUES (${d.deliveryKey}, ${d.noticeId}, ${d.userId}, 'subscribe', ${d.touser}, ${d.templateId}, ${d.page}, ${d.data},
                ${d.now}, ${d.sourceAt}, ${d.now})
        ON CONFLICT (delivery_key) DO NOTHING RETURNING id`,
  );
  return inserted.length > 0;
}
