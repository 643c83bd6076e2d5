/** Reading one case: batched with the other reads of the turn (`case-reader.ts`), rendered for the caller. */
import type { CaseView } from '@weiquan/shared';
import type { Caller } from '../auth/caller';
import { notFound } from '../errors';
import { createAuditLog } from '../staff/audit-log';
import type { CaseContext } from './case-context';
import { renderCase } from './case-view';

export async function readCase(ctx: CaseContext, caller: Caller, id: string): Promise<CaseView> {
  const row = await ctx.reader.read(caller, id);
  if (!row) throw notFound('Case not found');
  // PIPL: a staff view of a complainant's or reporter's unmasked contact is audited (who, whose, when).
  if (caller.role === 'staff' && row.contact_enc) {
    await createAuditLog(ctx.db, ctx.now).record({
      staffId: caller.id,
      action: 'view',
      caseId: row.id,
      detail: row.kind === 'report' ? 'reporter' : 'complainant',
    });
  }
  return renderCase(row, caller, ctx.cipher, ctx.now(), ctx.calendar());
}
