/**
 * Which cases a caller may see, written once: staff every case, a merchant the complaints against it
 * (never reports or consultations), a consumer its own filings. Both SQL forms below come from it.
 */
import type { Role } from '@weiquan/shared';
import type { Caller } from '../auth/caller';

const RULES: Record<Role, (user: string, merchant: string) => string> = {
  staff: () => 'TRUE',
  merchant: (_user, merchant) => `c.merchant_id = ${merchant} AND c.kind = 'complaint'`,
  consumer: (user) => `c.consumer_id = ${user}`,
};

/**
 * SQL condition (on alias c) for one caller; `param` registers the caller's id as a parameter of
 * the given type and answers how the SQL refers to it ($n, or a batch's column).
 */
export function visibility(caller: Caller, param: (type: 'uuid', value: unknown) => string): string {
  if (caller.role === 'staff') return RULES.staff('', '');
  const ref = param('uuid', caller.role === 'merchant' ? caller.merchantId : caller.id);
  return RULES[caller.role](ref, ref);
}

/** The same rule over columns that carry each caller (a batch of reads for different callers). */
export function visibilityOf(role: string, user: string, merchant: string): string {
  const branches = (Object.keys(RULES) as Role[]).map(
    (r) => `WHEN '${r}' THEN (${RULES[r](user, merchant)})`,
  );
  return `CASE ${role} ${branches.join(' ')} ELSE FALSE END`;
}
