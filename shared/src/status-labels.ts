/**
 * The status words people read, once: `zh` and `en` are the mini-program's catalogue words
 * (`status.<status>` in miniapp/src/i18n, kept equal by test/lint/status-labels.test.ts), used in
 * inbox notices; `phrase` is the subscribe message's `phrase` value (at most 5 Han characters),
 * the catalogue word itself where it fits.
 */
import type { CaseStatus } from './status-machine';

export interface StatusLabel {
  zh: string;
  en: string;
  phrase: string;
}

export const STATUS_LABELS: Record<CaseStatus, StatusLabel> = {
  submitted: { zh: '已提交', en: 'Submitted', phrase: '已提交' },
  merchant_negotiating: { zh: '商家协商中', en: 'With the merchant', phrase: '商家协商中' },
  awaiting_consumer: { zh: '待您确认方案', en: 'Your answer needed', phrase: '待您确认' },
  pending_acceptance: { zh: '待受理', en: 'Awaiting acceptance', phrase: '待受理' },
  accepted: { zh: '已受理', en: 'Accepted', phrase: '已受理' },
  mediating: { zh: '调解中', en: 'In mediation', phrase: '调解中' },
  settled: { zh: '已和解', en: 'Settled', phrase: '已和解' },
  closed: { zh: '已办结', en: 'Closed', phrase: '已办结' },
  refused: { zh: '不予受理', en: 'Not accepted', phrase: '不予受理' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn', phrase: '已撤回' },
  verifying: { zh: '核查中', en: 'Verifying', phrase: '核查中' },
  case_opened: { zh: '已立案', en: 'Case opened', phrase: '已立案' },
  not_opened: { zh: '不予立案', en: 'Not opened', phrase: '不予立案' },
  open: { zh: '待答复', en: 'Open', phrase: '待答复' },
  answered: { zh: '已答复', en: 'Answered', phrase: '已答复' },
};
