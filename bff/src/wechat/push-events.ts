/**
 * WeChat's pushed events in JSON, read into what the BFF acts on. In JSON mode a `List` of one item
 * is an object and of several an array; numbers may arrive as strings (CreateTime, ErrorCode).
 */
import type { Suggest } from './content-check-calls';
import { mediaVerdictOf } from './content-check-calls';

export type PushEvent =
  | { type: 'subscribe_msg_popup_event' | 'subscribe_msg_change_event'; items: TemplateChoice[] }
  | { type: 'subscribe_msg_sent_event'; items: SendReport[] }
  | { type: 'wxa_media_check'; traceId: string; verdict: { suggest: Suggest; label: number } | null }
  | { type: 'other'; event: string };

export interface TemplateChoice {
  templateId: string;
  status: string;
}
export interface SendReport {
  templateId: string;
  msgid: string;
  errorCode: number;
  errorStatus: string;
}

export interface PushEnvelope {
  openid: string;
  /** seconds since the epoch, as WeChat wrote it */
  createTime: number;
  event: string;
  /** same FromUserName, CreateTime and Event, plus the trace_id or MsgIDs where the event has them */
  dedupKey: string;
  body: PushEvent;
}

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const listOf = (v: unknown): Record<string, unknown>[] =>
  (Array.isArray(v) ? v : v && typeof v === 'object' ? [v] : []).filter(
    (x): x is Record<string, unknown> => !!x && typeof x === 'object',
  );

/** Null when the body is not a WeChat event at all (then it is answered 400). */
export function readPushEvent(raw: Record<string, unknown>): PushEnvelope | null {
  const openid = str(raw.FromUserName);
  const createTime = Number(raw.CreateTime);
  const event = str(raw.Event);
  if (!openid || !Number.isFinite(createTime) || str(raw.MsgType) !== 'event' || !event) return null;
  let body: PushEvent;
  let extra = '';
  switch (event) {
    case 'subscribe_msg_popup_event':
    case 'subscribe_msg_change_event': {
      const items = listOf(raw.List).map((i) => ({
        templateId: str(i.TemplateId),
        status: str(i.SubscribeStatusString),
      }));
      body = { type: event, items: items.filter((i) => i.templateId) };
      break;
    }
    case 'subscribe_msg_sent_event': {
      const items = listOf(raw.List).map((i) => ({
        templateId: str(i.TemplateId),
        msgid: str(i.MsgID),
        errorCode: Number(i.ErrorCode ?? 0),
        errorStatus: str(i.ErrorStatus),
      }));
      body = { type: event, items: items.filter((i) => i.msgid) };
      extra = items.map((i) => i.msgid).join(',');
      break;
    }
    case 'wxa_media_check': {
      const traceId = str(raw.trace_id);
      if (!traceId) return null;
      body = { type: event, traceId, verdict: mediaVerdictOf(raw) };
      extra = traceId;
      break;
    }
    default:
      body = { type: 'other', event };
  }
  return {
    openid,
    createTime,
    event,
    dedupKey: [openid, createTime, event, extra].join('|'),
    body,
  };
}
