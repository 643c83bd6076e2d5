/** The in-app inbox: the source of truth for what a user was told (pushes are best effort). */
import type {
  NotificationItem,
  NotificationList,
  NotificationListQuery,
  NotificationsReadBody,
} from '@weiquan/shared';
import type { Caller } from '../auth/caller';
import { AppError } from '../errors';
import type { Db } from '../store/db';
import { join, sql } from '../store/sql';

const PUSH_STATE: Record<string, NonNullable<NotificationItem['push']>['state']> = {
  pending: 'pending',
  sending: 'pending',
  sent: 'sent',
  no_subscription: 'no_subscription',
  dead: 'failed',
  // WeChat took the message but reported (subscribe_msg_sent_event) that it did not reach the user
  undelivered: 'failed',
};

function decodeCursor(cursor: string): string {
  if (/^\d{1,18}$/.test(cursor)) return cursor;
  throw new AppError('VALIDATION_FAILED', 'Invalid request', [{ path: 'cursor', message: 'unknown cursor' }]);
}

interface NoticeRow {
  id: string;
  case_id: string | null;
  case_no: string | null;
  audience: NotificationItem['audience'];
  type: string;
  title: string;
  body: string;
  created_at: Date;
  read_at: Date | null;
  template_id: string | null;
  state: string | null;
  sent_at: Date | null;
}

export function createInboxStore(db: Db, now: () => Date) {
  // A token acts in one role: the consumer inbox and the merchant inbox of one person are separate.
  const owner = (caller: Caller) => sql`n.recipient_id = ${caller.id} AND n.audience = ${caller.role}`;

  async function unreadCount(caller: Caller): Promise<number> {
    const [row] = await db.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM inbox_notices n WHERE ${owner(caller)} AND n.read_at IS NULL`,
    );
    return row.n;
  }

  return {
    unreadCount,

    async list(caller: Caller, query: NotificationListQuery): Promise<NotificationList> {
      const where = [owner(caller)];
      if (query.unread !== undefined)
        where.push(query.unread ? sql`n.read_at IS NULL` : sql`n.read_at IS NOT NULL`);
      if (query.cursor) where.push(sql`n.id < ${decodeCursor(query.cursor)}::bigint`);
      const rows = await db.query<NoticeRow>(
        sql`SELECT n.id::text AS id, n.case_id, n.case_no, n.audience, n.type, n.title, n.body, n.created_at, n.read_at,
                d.template_id, d.state, d.sent_at
           FROM inbox_notices n LEFT JOIN deliveries d ON d.notice_id = n.id
          WHERE ${join(where, sql` AND `)} ORDER BY n.id DESC LIMIT ${query.limit + 1}`,
      );
      const items = rows.slice(0, query.limit);
      return {
        items: items.map((r) => ({
          id: r.id,
          caseId: r.case_id,
          caseNo: r.case_no,
          audience: r.audience,
          type: r.type,
          title: r.title,
          body: r.body,
          createdAt: r.created_at.toISOString(),
          read: r.read_at !== null,
          push:
            r.template_id && r.state
              ? {
                  templateId: r.template_id,
                  state: PUSH_STATE[r.state] ?? 'pending',
                  sentAt: r.sent_at ? r.sent_at.toISOString() : null,
                }
              : null,
        })),
        nextCursor: rows.length > query.limit ? items[items.length - 1].id : null,
        unreadCount: await unreadCount(caller),
      };
    },

    /** Marks the caller's own notices read; ids of other people's notices are ignored. */
    async markRead(caller: Caller, body: NotificationsReadBody): Promise<{ unreadCount: number }> {
      if ('all' in body) {
        await db.query(
          sql`UPDATE inbox_notices n SET read_at = ${now()} WHERE ${owner(caller)} AND n.read_at IS NULL`,
        );
      } else {
        await db.query(
          sql`UPDATE inbox_notices n SET read_at = ${now()}
               WHERE ${owner(caller)} AND n.read_at IS NULL AND n.id = ANY(${body.ids}::bigint[])`,
        );
      }
      return { unreadCount: await unreadCount(caller) };
    },
  };
}
export type InboxStore = ReturnType<typeof createInboxStore>;
