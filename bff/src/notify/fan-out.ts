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
  type CaseStatus,
  type FieldSource,
  type NoticeAudience,
  type NotificationRule,
  type TemplateSlot,
} from '@weiquan/shared';
import type { Queryable } from '../store/db';
import { amount, characterString, phrase, thing, time } from '../wechat/subscribe-values';
import { spendGrant } from './grant-store';
import {
  activeStaff,
  insertDelivery,
  insertNotice,
  merchantUsers,
  noticeCase,
  type NoticeCase,
  type Recipient,
} from './notice-queries';

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

const DETAIL_MAX = 200;
const categoryName = (code: string) => CATEGORIES.find((c) => c.code === code)?.name ?? '其他';

function fieldValue(
  source: FieldSource,
  ctx: NoticeCase,
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
      return phrase(STATUS_LABELS[status].phrase);
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

function noticeBody(rule: NotificationRule, ev: SourceEvent, ctx: NoticeCase, status: CaseStatus): string {
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
  ctx: NoticeCase,
  rule: NotificationRule,
): Promise<Recipient[]> {
  if (audience === 'consumer')
    return ctx.consumer_id ? [{ id: ctx.consumer_id, openid: ctx.consumer_openid }] : [];
  if (audience === 'merchant') {
    if (!ctx.merchant_id || ctx.kind !== 'complaint') return []; // reports never reach merchants
    return merchantUsers(q, ctx.merchant_id);
  }
  if (rule.assigneeOnly) return ctx.assignee_id ? [{ id: ctx.assignee_id, openid: null }] : [];
  return activeStaff(q);
}

/** Answers how many notices and push deliveries it wrote. */
export async function fanOut(
  q: Queryable,
  ev: SourceEvent,
  opts: FanOutOptions,
): Promise<{ notices: number; deliveries: number }> {
  const ctx = await noticeCase(q, ev.caseId);
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
      deadline: typeof ev.data.deadlineKind === 'string' ? ev.data.deadlineKind : null,
    });
    if (!rule) continue;
    const body = noticeBody(rule, ev, ctx, status);
    for (const r of await recipientsOf(q, audience, ctx, rule)) {
      if (ev.actorId && r.id === ev.actorId) continue; // nobody is told of their own action
      const noticeId = await insertNotice(q, {
        sourceKey: ev.key,
        audience,
        recipientId: r.id,
        caseId: ev.caseId,
        caseNo: ctx.case_no,
        type: ev.type,
        title: rule.title,
        body,
        at: ev.at,
      });
      if (!noticeId) continue; // told already: a repeated fan-out changes nothing
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
      const page = `${NOTICE_PAGES[audience]}?id=${ev.caseId}&notice=${noticeId}`;
      const queued = await insertDelivery(q, {
        deliveryKey: `${ev.key}:${audience}:${r.id}:subscribe`,
        noticeId,
        userId: r.id,
        touser: r.openid,
        templateId,
        page,
        data,
        now: opts.now,
        sourceAt: ev.at,
      });
      if (queued) deliveries += 1;
    }
  }
  return { notices, deliveries };
}
