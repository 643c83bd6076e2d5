/**
 * What a case says to the person reading it. The consumer and the merchant see the same case but
 * not the same words: "待您确认方案" is the consumer's task, the merchant waits for it; "我" in
 * the timeline is whoever reads. Every list, case page and timeline asks here, never composes its own.
 */
import type { ActionType, CaseKind, CaseStatus, TimelineEntry } from '@weiquan/shared';
import type { MessageKey } from '../i18n';

export type Reader = 'consumer' | 'merchant';

const CONSUMER_STATUS: Record<CaseStatus, MessageKey> = {
  submitted: 'status.submitted',
  merchant_negotiating: 'status.merchant_negotiating',
  awaiting_consumer: 'status.awaiting_consumer',
  pending_acceptance: 'status.pending_acceptance',
  accepted: 'status.accepted',
  mediating: 'status.mediating',
  settled: 'status.settled',
  closed: 'status.closed',
  refused: 'status.refused',
  withdrawn: 'status.withdrawn',
  verifying: 'status.verifying',
  case_opened: 'status.case_opened',
  not_opened: 'status.not_opened',
  open: 'status.open',
  answered: 'status.answered',
};

/** the merchant's own words where the consumer's would mislead (the rest read the same) */
const MERCHANT_STATUS: Record<CaseStatus, MessageKey> = {
  ...CONSUMER_STATUS,
  merchant_negotiating: 'merchantStatus.merchant_negotiating',
  awaiting_consumer: 'merchantStatus.awaiting_consumer',
  pending_acceptance: 'merchantStatus.pending_acceptance',
};

export function statusKey(status: CaseStatus, reader: Reader): MessageKey {
  return (reader === 'merchant' ? MERCHANT_STATUS : CONSUMER_STATUS)[status];
}

const CONSUMER_NEXT: Record<CaseStatus, MessageKey> = {
  submitted: 'next.consumer.submitted',
  merchant_negotiating: 'next.consumer.merchant_negotiating',
  awaiting_consumer: 'next.consumer.awaiting_consumer',
  pending_acceptance: 'next.consumer.pending_acceptance',
  accepted: 'next.consumer.accepted',
  mediating: 'next.consumer.mediating',
  settled: 'next.consumer.settled',
  closed: 'next.consumer.closed',
  refused: 'next.consumer.refused',
  withdrawn: 'next.consumer.withdrawn',
  verifying: 'next.consumer.verifying',
  case_opened: 'next.consumer.case_opened',
  not_opened: 'next.consumer.not_opened',
  open: 'next.consumer.open',
  answered: 'next.consumer.answered',
};

const MERCHANT_NEXT: Record<CaseStatus, MessageKey> = {
  ...CONSUMER_NEXT,
  submitted: 'next.merchant.merchant_negotiating',
  merchant_negotiating: 'next.merchant.merchant_negotiating',
  awaiting_consumer: 'next.merchant.awaiting_consumer',
  pending_acceptance: 'next.merchant.pending_acceptance',
  accepted: 'next.merchant.accepted',
  mediating: 'next.merchant.accepted',
  settled: 'next.merchant.settled',
  closed: 'next.merchant.ended',
  refused: 'next.merchant.ended',
  withdrawn: 'next.merchant.withdrawn',
};

/** What happens next and who acts, with `{date}` the nearest deadline when the case has one. */
export function nextStepKey(status: CaseStatus, reader: Reader): MessageKey {
  return (reader === 'merchant' ? MERCHANT_NEXT : CONSUMER_NEXT)[status];
}

type ActorRole = TimelineEntry['actorRole'];
const ACTOR: Record<Reader, Record<ActorRole, MessageKey>> = {
  consumer: {
    consumer: 'actor.me',
    merchant: 'actor.merchant',
    staff: 'actor.staff',
    system: 'actor.system',
  },
  merchant: {
    consumer: 'actor.consumer',
    merchant: 'actor.me',
    staff: 'actor.staff',
    system: 'actor.system',
  },
};

export function actorKey(role: ActorRole, reader: Reader): MessageKey {
  return ACTOR[reader][role];
}

/** Timeline entries whose words depend on the kind of case: a report is not "提交投诉". */
const FILED: Record<CaseKind, MessageKey> = {
  complaint: 'timeline.filed',
  report: 'timeline.filedReport',
  consultation: 'timeline.filedConsultation',
};
const WITHDRAWN: Record<CaseKind, MessageKey> = {
  complaint: 'timeline.withdraw',
  report: 'timeline.withdrawReport',
  consultation: 'timeline.withdrawConsultation',
};

const TIMELINE: Record<ActionType, MessageKey> = {
  withdraw: 'timeline.withdraw',
  supplement: 'timeline.supplement',
  accept_proposal: 'timeline.accept_proposal',
  reject_proposal: 'timeline.reject_proposal',
  rate: 'timeline.rate',
  follow_up: 'timeline.follow_up',
  propose: 'timeline.propose',
  message: 'timeline.message',
  accept: 'timeline.accept',
  refuse: 'timeline.refuse',
  start_mediation: 'timeline.start_mediation',
  pause_clock: 'timeline.pause_clock',
  resume_clock: 'timeline.resume_clock',
  close: 'timeline.close',
  extend: 'timeline.extend',
  open_case: 'timeline.open_case',
  not_open: 'timeline.not_open',
  answer: 'timeline.answer',
  merchant_timeout: 'timeline.merchant_timeout',
  split_report: 'timeline.split_report',
  claim: 'timeline.claim',
  assign: 'timeline.assign',
  unassign: 'timeline.unassign',
  note: 'timeline.note',
  supervise: 'timeline.supervise',
  record_visit: 'timeline.record_visit',
};

export function timelineKey(type: string, kind: CaseKind): MessageKey {
  if (type === 'filed') return FILED[kind];
  if (type === 'withdraw') return WITHDRAWN[kind];
  return (TIMELINE as Record<string, MessageKey | undefined>)[type] ?? 'timeline.other';
}
