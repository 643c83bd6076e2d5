/** What an action writes beside the status: the case row's own columns, and what its event records. */
import type { CaseAction } from '@weiquan/shared';
import type { ChangeableColumn } from './case-repository';
import type { CaseRow } from './case-rows';

export type AnyAction = CaseAction | { type: 'merchant_timeout' };

/** The case's columns an action sets (its proposal, rating, outcome or flags). */
export function columnChanges(
  action: AnyAction,
  row: CaseRow,
  at: Date,
  linked?: { id: string },
): { column: ChangeableColumn; value: unknown }[] {
  switch (action.type) {
    case 'propose':
      return [
        {
          column: 'proposal',
          value: {
            text: action.text,
            ...(action.refundFen !== undefined ? { refundFen: action.refundFen } : {}),
            at: at.toISOString(),
          },
        },
      ];
    case 'rate':
      return [
        {
          column: 'rating',
          value: { score: action.score, ...(action.comment ? { comment: action.comment } : {}) },
        },
      ];
    case 'close':
      return [
        {
          column: 'outcome',
          value: {
            outcome: action.outcome,
            ...(action.ground ? { ground: action.ground } : {}),
            ...(action.recoveredFen !== undefined ? { recoveredFen: action.recoveredFen } : {}),
          },
        },
      ];
    case 'follow_up':
      return [{ column: 'flags', value: { ...row.flags, followUpUsed: true } }];
    case 'split_report':
      return [{ column: 'flags', value: { ...row.flags, splitReportId: linked?.id } }];
    default:
      return [];
  }
}

/** What the event records: the action's fields, plus what stats and the notifier need. */
export function eventData(action: AnyAction, row: CaseRow, linked?: { id: string; caseNo: string }) {
  const { type: _type, ...fields } = action as Record<string, unknown>;
  delete fields.expectedVersion;
  // The accepted refund counts in the public figures.
  if (action.type === 'accept_proposal' && row.proposal?.refundFen !== undefined)
    fields.refundFen = row.proposal.refundFen;
  // The notifier tells a real-name reporter of the decision (5-working-day rule): say whether there is one.
  if (action.type === 'open_case' || action.type === 'not_open' || action.type === 'extend')
    fields.realName = row.contact_enc !== null;
  if (action.type === 'split_report') {
    delete fields.facts;
    if (linked) Object.assign(fields, { linkedCaseId: linked.id, linkedCaseNo: linked.caseNo });
  }
  return fields;
}
