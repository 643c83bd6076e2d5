/** Where each kind of filing goes first, and which clock it starts. */
import type { CaseKind, CaseStatus } from './case-statuses';
import type { DeadlineKind } from './deadline-rules';

/** Where a new filing goes at once; `submitted` never shows outside the store. */
export interface FilingRoute {
  kind: CaseKind;
  when?: 'odr_merchant';
  to: CaseStatus;
  start?: DeadlineKind;
}
export const FILING_ROUTES: readonly FilingRoute[] = [
  { kind: 'complaint', when: 'odr_merchant', to: 'merchant_negotiating', start: 'merchant_response' },
  { kind: 'complaint', to: 'pending_acceptance', start: 'acceptance' },
  { kind: 'report', to: 'verifying', start: 'report_verification' },
  { kind: 'consultation', to: 'open' },
];

export function routeFiling(kind: CaseKind, odrMerchant: boolean): FilingRoute {
  const route = FILING_ROUTES.find(
    (r) => r.kind === kind && (!r.when || (r.when === 'odr_merchant' && odrMerchant)),
  );
  if (!route) throw new Error(`no filing route for ${kind}`);
  return route;
}
