/**
 * Turns one source (a case event, or a clock notice) into inbox notices and push deliveries, inside
 * the caller's transaction: who is told comes from the shared mapping table; a push is queued only
 * when a template is configured and the recipient has a grant left (spent here, once).
 */
import {
  CATEGORIES,
  NOTICE_AUDIENCES,
  NOTICE_PAGES,
  STATUS_LABELS,
  TEMPLATE_FIELDS,
  ruleFor,
  type ActorRole,
  type CaseKind,
  type CaseStatus,
  type FieldSource,
  type NoticeAudience,
  type NotificationRule,
  type TemplateSlot,
} from '@weiquan/shared';
import type { Queryable } from '../store/db';
import { amount, characterString, phrase, thing, time } from '../wechat/subscribe-values';
import { spendGrant } from './grant-store';

export interface SourceEvent {
  /** unique per source: 'event:<case_events.id>' or 'clock:<mark>:<deadline id>' */
  key: string;
  caseId: string;
  type: string;
  actorRole: ActorRole;
  actorId: string | null;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  data: Record<string, unknown>;
  at: Date;
}

export interface FanOutOptions {
  templates: Partial<Record<TemplateSlot, string>>;
  /** emulator mode: every notice with a template is "pushed" to the emulator, no grant needed */
  emulator: boolean;
  now: Date;
}

interface CaseContext {
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

interface Recipient {
  id: string;
  openid: string | null;
}

const DETAIL_MAX = 200;
const categoryName = (code: string) => CATEGORIES.find((c) => c.code === code)?.name ?? '其他';

function fieldValue(
  source: FieldSource,
  ctx: CaseContext,
  ev: SourceEvent,
  rule: NotificationRule,
  status: CaseStatus,
): string {
  switch (source) {
    case 'caseNo':
      return characterString(ctx.case_no);
    case 'merchantName':
      return thing(ctx.merchant_name ?? '12315');
    case 'categoryName':
      return thing(categoryName(ctx.category));
    case 'statusPhrase':
      return phrase(STATUS_LABELS[status].zh);
    case 'ruleText':
      return thing(rule.title);
    case 'eventTime':
      return time(ev.at);
    case 'dueTime':
      return time(typeof ev.data.dueAt === 'string' ? new Date(ev.data.dueAt) : ev.at);
    case 'demandAmount': {
      const fen = ctx.body.demand?.amountFen ?? ctx.body.purchase?.amountFen ?? 0;
      return amount(Math.min(fen, 9_999_999_999));
    }
  }
}

function noticeBody(rule: NotificationRule, ev: SourceEvent, ctx: CaseContext, status: CaseStatus): string {
  const detail = rule.detailFrom ? ev.data[rule.detailFrom] : undefined;
  if (typeof detail === 'string' && detail.trim()) {
    const chars = Array.from(detail.trim());
    return chars.length > DETAIL_MAX ? `${chars.slice(0, DETAIL_MAX - 1).join('')}…` : chars.join('');
  }
  return `案件 ${ctx.case_no}（${ctx.merchant_name ?? '12315'}）当前状态：${STATUS_LABELS[status].zh}`;
}

async function recipientsOf(
  q: Queryable,
  audience: NoticeAudience,
  ctx: CaseContext,
  rule: NotificationRule,
): Promise<Recipient[]> {
  if (audience === 'consumer')
    return ctx.consumer_id ? [{ id: ctx.consumer_id, openid: ctx.consumer_openid }] : [];
  if (audience === 'merchant') {
    if (!ctx.merchant_id || ctx.kind !== 'complaint') return []; // reports never reach merchants
    return q.query<Recipient>('SELECT id, openid FROM users WHERE merchant_id = $1 ORDER BY id', [
      ctx.merchant_id,
    ]);
  }
  if (rule.assigneeOnly) return ctx.assignee_id ? [{ id: ctx.assignee_id, openid: null }] : [];
  return (await q.query<{ id: string }>('SELECT id FROM staff_accounts WHERE active ORDER BY id')).map(
    (r) => ({ id: r.id, openid: null }),
  );
}

/** Answers how many notices and push deliveries it wrote. */
export async function fanOut(
  q: Queryable,
  ev: SourceEvent,
  opts: FanOutOptions,
): Promise<{ notices: number; deliveries: number }> {
  const [ctx] = await q.query<CaseContext>(
    `SELECT c.kind, c.case_no, c.status, c.consumer_id, u.openid AS consumer_openid, c.assignee_id, c.merchant_id, c.merchant_name, c.category, c.body
       FROM cases c LEFT JOIN users u ON u.id = c.consumer_id WHERE c.id = $1`,
    [ev.caseId],
  );
  if (!ctx) return { notices: 0, deliveries: 0 };
  const status = ev.toStatus ?? ev.fromStatus ?? ctx.status;
  let notices = 0;
  let deliveries = 0;
  for (const audience of NOTICE_AUDIENCES) {
    const rule = ruleFor(audience, {
      event: ev.type,
      kind: ctx.kind,
      toStatus: ev.toStatus,
      actorRole: ev.actorRole,
    });
    if (!rule) continue;
    const body = noticeBody(rule, ev, ctx, status);
    for (const r of await recipientsOf(q, audience, ctx, rule)) {
      if (ev.actorId && r.id === ev.actorId) continue; // nobody is told of their own action
      const [notice] = await q.query<{ id: string }>(
        `INSERT INTO inbox_notices (source_key, audience, recipient_id, case_id, case_no, type, title, body, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (source_key, audience, recipient_id) DO NOTHING RETURNING id`,
        [ev.key, audience, r.id, ev.caseId, ctx.case_no, ev.type, rule.title, body, ev.at],
      );
      if (!notice) continue; // told already: a repeated fan-out changes nothing
      notices += 1;
      const templateId = opts.templates[rule.template];
      if (!templateId || !r.openid || audience === 'staff') continue;
      if (!opts.emulator && !(await spendGrant(q, r.id, templateId, opts.now))) continue;
      const data = Object.fromEntries(
        Object.entries(TEMPLATE_FIELDS[rule.template]).map(([key, source]) => [
          key,
          { value: fieldValue(source, ctx, ev, rule, status) },
        ]),
      );
      const page = `${NOTICE_PAGES[audience]}?id=${ev.caseId}&notice=${notice.id}`;
      const inserted = await q.query(
        `INSERT INTO deliveries (delivery_key, notice_id, user_id, channel, touser, template_id, page, data, next_attempt_at, source_at, created_at)
         VALUES ($1, $2, $3, 'subscribe', $4, $5, $6, $7, $8, $9, $8) ON CONFLICT (delivery_key) DO NOTHING RETURNING id`,
        [
          `${ev.key}:${audience}:${r.id}:subscribe`,
          notice.id,
          r.id,
          r.openid,
          templateId,
          page,
          data,
          opts.now,
          ev.at,
        ],
      );
      deliveries += inserted.length;
    }
  }
  return { notices, deliveries };
}
