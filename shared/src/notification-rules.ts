/**
 * Who is told what, as data: for each case event (or clock notice) and audience, the inbox title,
 * the subscribe-message template slot, and the texts of its fields. The BFF's notifier applies this
 * table; the mini-program may read it for labels. Rules (enforced by the notifier, not the table):
 * the actor is never told of their own action, reports never reach merchants, and merchants are
 * only told about complaints against them.
 */
import type { CaseKind, CaseStatus } from './status-machine';
import type { ActorRole } from './roles';
import { ACCEPTANCE_ALERT_WORKING_DAYS_BEFORE, DEADLINE_RULES, type DeadlineKind } from './deadline-rules';
import { STAFF_ONLY_ACTIONS } from './staff-actions';

export const NOTICE_AUDIENCES = ['consumer', 'merchant', 'staff'] as const;
export type NoticeAudience = (typeof NOTICE_AUDIENCES)[number];

/** Subscribe-message templates, by the slot names `GET /meta` answers (ids come from configuration). */
export const TEMPLATE_SLOTS = ['caseUpdate', 'merchantNewCase', 'deadline'] as const;
export type TemplateSlot = (typeof TEMPLATE_SLOTS)[number];

/** Notices the clocks raise without a case change (a case change by the clocks is a case event). */
export const CLOCK_NOTICES = [
  'merchant_deadline_reminder',
  'acceptance_due_soon',
  'mediation_overdue',
] as const;
export type ClockNotice = (typeof CLOCK_NOTICES)[number];

/**
 * What each template's fields hold, by the key names registered for the template in the WeChat
 * console (the type is the key without its digits: WeChat checks values by it). The notifier fills
 * these from the case and the rule; values are shaped to the platform limits before sending.
 */
export type FieldSource =
  | 'caseNo'
  | 'merchantName'
  | 'categoryName'
  | 'statusPhrase'
  | 'ruleText'
  | 'eventTime'
  | 'dueTime'
  | 'demandAmount';
export const TEMPLATE_FIELDS: Record<TemplateSlot, Record<string, FieldSource>> = {
  // 案件进度通知: 案件编号 / 被投诉方 / 当前状态 / 进展 / 时间
  caseUpdate: {
    character_string1: 'caseNo',
    thing2: 'merchantName',
    phrase3: 'statusPhrase',
    thing4: 'ruleText',
    time5: 'eventTime',
  },
  // 新投诉提醒: 案件编号 / 投诉类别 / 诉求金额 / 提交时间 / 提示
  merchantNewCase: {
    character_string1: 'caseNo',
    thing2: 'categoryName',
    amount3: 'demandAmount',
    time4: 'eventTime',
    thing5: 'ruleText',
  },
  // 处理期限提醒: 案件编号 / 事项 / 截止时间
  deadline: { character_string1: 'caseNo', thing2: 'ruleText', time3: 'dueTime' },
};

export interface NotificationRule {
  /** a case event type (an action, `filed`) or a clock notice */
  event: string;
  audience: NoticeAudience;
  kinds?: readonly CaseKind[];
  /** only when the event moved the case to one of these */
  toStatus?: readonly CaseStatus[];
  /** only when the actor acted in one of these roles */
  actor?: readonly ActorRole[];
  template: TemplateSlot;
  /** inbox title; also the `ruleText` field (cut to 20 characters for WeChat) */
  title: string;
  /** take the inbox body's detail from this field of the event's data (a proposal, a message) */
  detailFrom?: string;
  /** only for an event about one of these deadlines (its data's `deadlineKind`) */
  deadlines?: readonly DeadlineKind[];
  /** staff rules: tell only the case's assignee (not every staff member) */
  assigneeOnly?: true;
}

const c = (event: string, title: string, more: Partial<NotificationRule> = {}): NotificationRule => ({
  event,
  audience: 'consumer',
  template: 'caseUpdate',
  title,
  ...more,
});
const m = (event: string, title: string, more: Partial<NotificationRule> = {}): NotificationRule => ({
  event,
  audience: 'merchant',
  kinds: ['complaint'],
  template: 'caseUpdate',
  title,
  ...more,
});
const s = (event: string, title: string, more: Partial<NotificationRule> = {}): NotificationRule => ({
  event,
  audience: 'staff',
  template: 'deadline',
  title,
  ...more,
});

/**
 * Events consumers and merchants are never told of, not even by the catch-all: the staff's own
 * actions (internal, see staff-actions.ts) and follow-up visits (the visit was the call itself).
 */
export const EVENTS_ONLY_STAFF_HEAR_OF: readonly string[] = [...STAFF_ONLY_ACTIONS, 'record_visit'];

/** First matching rule per audience wins; an event with no rule for an audience tells nobody there. */
export const NOTIFICATION_RULES: readonly NotificationRule[] = [
  // The consumer: every change someone else made.
  c('propose', '商家提出了和解方案', { detailFrom: 'text' }),
  c('message', '商家给您留言', { actor: ['merchant'], detailFrom: 'text' }),
  c('message', '工作人员给您留言', { detailFrom: 'text' }),
  c('merchant_timeout', '商家未在期限内处理，已转市场监管部门'),
  c('accept', '您的投诉已受理'),
  c('refuse', '您的投诉不予受理', { detailFrom: 'text' }),
  c('start_mediation', '调解已开始'),
  c('pause_clock', '调解期限暂停计算', { detailFrom: 'reason' }),
  c('resume_clock', '调解期限恢复计算'),
  c('close', '您的投诉已办结', { detailFrom: 'text' }),
  c('extend', '举报核查期限已延长'),
  c('open_case', '您的举报已立案'),
  c('not_open', '您的举报不予立案', { detailFrom: 'text' }),
  c('answer', '您的咨询已答复', { detailFrom: 'text' }),
  // A due date moved by a year's official holiday arrangement (entered after the period started).
  c('deadline_recomputed', '办理期限已按节假日安排重新计算', { template: 'deadline', detailFrom: 'text' }),
  c('*', '您的案件有新进展'),

  // The merchant (bound users of a directory merchant): a new case to negotiate, and what follows.
  m('filed', '您有一件新投诉待协商处理', { toStatus: ['merchant_negotiating'], template: 'merchantNewCase' }),
  m('accept_proposal', '消费者接受了和解方案'),
  m('reject_proposal', '消费者拒绝了和解方案', { detailFrom: 'reason' }),
  m('supplement', '消费者补充了材料'),
  m('withdraw', '消费者撤回了投诉'),
  m('merchant_timeout', '协商期限已过，投诉转市场监管部门'),
  m('accept', '市场监管部门已受理该投诉'),
  m('start_mediation', '市场监管部门已开始调解'),
  m('message', '工作人员给您留言', { actor: ['staff'], detailFrom: 'text' }),
  m('close', '投诉已办结'),
  m('deadline_recomputed', '协商期限已按节假日安排重新计算', {
    template: 'deadline',
    detailFrom: 'text',
    deadlines: ['merchant_response'],
  }),
  {
    event: 'merchant_deadline_reminder',
    audience: 'merchant',
    kinds: ['complaint'],
    template: 'deadline',
    title: '协商期限即将届满，请尽快处理',
  },

  // Staff: what is about to run out or has; the assignee: work given to them, and 督办.
  s('acceptance_due_soon', `受理期限仅剩${ACCEPTANCE_ALERT_WORKING_DAYS_BEFORE}个工作日`),
  s('mediation_overdue', `调解已超过${DEADLINE_RULES.mediation.workingDays}个工作日期限`),
  s('assign', '您有一件新分派的案件', { assigneeOnly: true, template: 'caseUpdate' }),
  s('supervise', '您承办的案件被督办', { assigneeOnly: true, template: 'caseUpdate', detailFrom: 'text' }),
];

export interface RuleContext {
  event: string;
  kind: CaseKind;
  toStatus: CaseStatus | null;
  actorRole: ActorRole;
  /** the deadline the event is about, if any (`deadline_recomputed`) */
  deadline?: string | null;
}

/** The rule that tells this audience about this event, if any. */
export function ruleFor(audience: NoticeAudience, ctx: RuleContext): NotificationRule | undefined {
  if (audience === 'merchant' && ctx.kind !== 'complaint') return undefined;
  if (audience !== 'staff' && EVENTS_ONLY_STAFF_HEAR_OF.includes(ctx.event)) return undefined;
  return NOTIFICATION_RULES.find(
    (r) =>
      r.audience === audience &&
      (r.event === ctx.event ||
        (r.event === '*' && !(CLOCK_NOTICES as readonly string[]).includes(ctx.event))) &&
      (!r.kinds || r.kinds.includes(ctx.kind)) &&
      (!r.toStatus || (ctx.toStatus !== null && r.toStatus.includes(ctx.toStatus))) &&
      (!r.actor || r.actor.includes(ctx.actorRole)) &&
      (!r.deadlines || (r.deadlines as readonly string[]).includes(ctx.deadline ?? '')),
  );
}

/** Pages a subscribe message opens (the mini-program's case detail, per audience). */
export const NOTICE_PAGES: Record<Exclude<NoticeAudience, 'staff'>, string> = {
  // the case page sits in the consumer subpackage; pages/case/index still forwards older messages
  consumer: 'consumer/case/index',
  merchant: 'merchant/case/index',
};
