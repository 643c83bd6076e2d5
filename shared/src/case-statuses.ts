/** The case kinds, their statuses and the action types: the vocabulary the status machine is written in. */
export const CASE_KINDS = ['complaint', 'report', 'consultation'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const COMPLAINT_STATUSES = [
  'submitted',
  'merchant_negotiating',
  'awaiting_consumer',
  'pending_acceptance',
  'accepted',
  'mediating',
  'settled',
  'closed',
  'refused',
  'withdrawn',
] as const;
export const REPORT_STATUSES = ['verifying', 'case_opened', 'not_opened'] as const;
export const CONSULTATION_STATUSES = ['open', 'answered'] as const;
export const CASE_STATUSES = [...COMPLAINT_STATUSES, ...REPORT_STATUSES, ...CONSULTATION_STATUSES] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const ACTION_TYPES = [
  'withdraw',
  'supplement',
  'accept_proposal',
  'reject_proposal',
  'rate',
  'follow_up',
  'propose',
  'message',
  'accept',
  'refuse',
  'start_mediation',
  'pause_clock',
  'resume_clock',
  'close',
  'extend',
  'open_case',
  'not_open',
  'answer',
  'merchant_timeout',
  'split_report',
  // staff work (issue 14): see staff-actions.ts
  'claim',
  'assign',
  'unassign',
  'note',
  'supervise',
  'record_visit',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** Statuses in which a complaint has ended (completion rate, duplicate warning, rating). */
export const ENDED_STATUSES: readonly CaseStatus[] = [
  'settled',
  'closed',
  'refused',
  'withdrawn',
  'case_opened',
  'not_opened',
];
export const OPEN_COMPLAINT_STATUSES: readonly CaseStatus[] = [
  'merchant_negotiating',
  'awaiting_consumer',
  'pending_acceptance',
  'accepted',
  'mediating',
];
/** The ended statuses of a complaint (a complaint is never in a report's or consultation's). */
export const ENDED_COMPLAINT_STATUSES: readonly CaseStatus[] = ['settled', 'closed', 'refused', 'withdrawn'];

export function statusesOf(kind: CaseKind): readonly CaseStatus[] {
  return kind === 'complaint'
    ? COMPLAINT_STATUSES
    : kind === 'report'
      ? REPORT_STATUSES
      : CONSULTATION_STATUSES;
}
