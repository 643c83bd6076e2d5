/**
 * A caller claims the case staff filed for them (POST /cases/claim): the case number and the 8-digit
 * claim code read out to them. The right pair makes the case the caller's own (their list, their
 * actions, their notices) and spends the code; a wrong pair is a 404 that never says which half was
 * wrong, and counts toward the guard (5 wrong tries per user per hour, then 429).
 */
import type { CaseView, ClaimCaseBody } from '@weiquan/shared';
import type { Caller } from '../auth/caller';
import { notFound } from '../errors';
import { guardClaim, recordWrongClaim } from '../staff/claim-guard';
import { sql, typed } from '../store/sql';
import type { CaseContext } from './case-context';
import { loadCase } from './case-queries';
import { recordChange } from './case-repository';
import { renderCase } from './case-view';
import { claimCodeHash } from './file-for-caller';

export async function claimCase(ctx: CaseContext, caller: Caller, body: ClaimCaseBody): Promise<CaseView> {
  const at = ctx.now();
  const claimed = await ctx.db.tx(async (q) => {
    await guardClaim(q, caller.id, at);
    const [found] = await q.query<{ id: string; status: CaseView['status'] }>(
      sql`SELECT id, status FROM cases WHERE case_no = ${typed('text', body.caseNo)}
           AND claim_code_hash = ${typed('text', claimCodeHash(ctx.cipher, body.claimCode))} AND consumer_id IS NULL FOR UPDATE`,
    );
    // The wrong try must be kept: answered after the transaction commits, not thrown inside it.
    if (!found) {
      await recordWrongClaim(q, caller.id, at);
      return null;
    }
    await recordChange(q, {
      caseId: found.id,
      from: found.status,
      to: found.status,
      ended: false,
      columns: [
        { column: 'consumer_id', value: caller.id },
        { column: 'claim_code_hash', value: null },
      ],
      event: { type: 'claimed', actorRole: 'consumer', actorId: caller.id, data: {} },
      deadlines: undefined,
      at,
    });
    return renderCase(await loadCase(q, caller, found.id, false), caller, ctx.cipher, at, ctx.calendar());
  });
  if (!claimed) throw notFound('No case with this number and claim code');
  return claimed;
}
