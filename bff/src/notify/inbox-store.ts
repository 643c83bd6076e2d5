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
  case_id: string;
  case_no: string;
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
  const owner = (caller: Caller) => [caller.id, caller.role];

  async function unreadCount(caller: Caller): Promise<number> {
    const [row] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM inbox_notices WHERE recipient_id = $1 AND audience = $2 AND read_at IS NULL',
      owner(caller),
    );
    return row.n;
  }

  return {
    unreadCount,

    async list(caller: Caller, query: NotificationListQuery): Promise<NotificationList> {
      const params: unknown[] = owner(caller);
      const where = ['n.recipient_id = $1', 'n.audience = $2'];
      if (query.unread !== undefined)
        where.push(query.unread ? 'n.read_at IS NULL' : 'n.read_at IS NOT NULL');
      if (query.cursor) {
        params.push(decodeCursor(query.cursor));
        where.push(`n.id < $${params.length}::bigint`);
      }
      params.push(query.limit + 1);
      const rows = await db.query<NoticeRow>(
        `SELECT n.id::text AS id, n.case_id, n.case_no, n.audience, n.type, n.title, n.body, n.created_at, n.read_at,
                d.template_id, d.state, d.sent_at
           FROM inbox_notices n LEFT JOIN deliveries d ON d.notice_id = n.id
          WHERE ${where.join(' AND ')} ORDER BY n.id DESC LIMIT $${params.length}`,
        params,
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
          'UPDATE inbox_notices SET read_at = $3 WHERE recipient_id = $1 AND audience = $2 AND read_at IS NULL',
          [...owner(caller), now()],
        );
      } else {
        await db.query(
          'UPDATE inbox_notices SET read_at = $3 WHERE recipient_id = $1 AND audience = $2 AND read_at IS NULL AND id = ANY($4::bigint[])',
          [...owner(caller), now(), body.ids],
        );
      }
      return { unreadCount: await unreadCount(caller) };
    },
  };
}
export type InboxStore = ReturnType<typeof createInboxStore>;
