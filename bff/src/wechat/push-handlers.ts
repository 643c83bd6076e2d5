/** What each pushed event changes: grants, delivery reports, and image verdicts. */
import { addGrant, dropGrants } from '../notify/grant-store';
import type { Db } from '../store/db';
import type { Suggest } from './content-check-calls';
import type { PushHandler } from './push-service';
import { recordAcceptTap } from './subscription-taps';

export interface PushHandlerDeps {
  db: Db;
  /** the configured template ids: grants for any other template mean nothing */
  templateIds: string[];
  /** wxa_media_check, matched by trace_id */
  onMediaVerdict: (traceId: string, verdict: { suggest: Suggest; label: number } | null) => Promise<void>;
}

export function createPushHandlers({ db, templateIds, onMediaVerdict }: PushHandlerDeps): PushHandler {
  const known = new Set(templateIds);
  const userOf = async (openid: string) => {
    const [row] = await db.query<{ id: string }>('SELECT id FROM users WHERE openid = $1', [openid]);
    return row?.id ?? null;
  };

  return async (envelope) => {
    const { body } = envelope;
    const at = new Date(envelope.createTime * 1000);
    switch (body.type) {
      case 'subscribe_msg_popup_event':
      case 'subscribe_msg_change_event': {
        const userId = await userOf(envelope.openid);
        if (!userId) return;
        await db.tx(async (q) => {
          for (const item of body.items) {
            if (!known.has(item.templateId)) continue;
            if (body.type === 'subscribe_msg_popup_event' && item.status === 'accept') {
              if (await recordAcceptTap(q, userId, item.templateId, 'push', at))
                await addGrant(q, userId, item.templateId, at);
            } else if (body.type === 'subscribe_msg_change_event' && item.status === 'reject') {
              await dropGrants(q, userId, item.templateId, at);
            }
          }
        });
        return;
      }
      case 'subscribe_msg_sent_event':
        for (const item of body.items) {
          await db.query(
            `UPDATE deliveries SET reported_error_code = $3, reported_status = $4, reported_at = $5,
                    state = CASE WHEN $3::integer <> 0 AND state = 'sent' THEN 'undelivered' ELSE state END
              WHERE msgid = $1 AND touser = $2`,
            [item.msgid, envelope.openid, item.errorCode, item.errorStatus || null, at],
          );
        }
        return;
      case 'wxa_media_check':
        await onMediaVerdict(body.traceId, body.verdict);
        return;
      default:
        return; // other events (user enters a session...) are not ours to act on
    }
  };
}
