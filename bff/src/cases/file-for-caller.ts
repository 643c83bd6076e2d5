/**
 * Staff filing for a caller (一号对外: the 12315 hotline, e-mail, a letter, a visit): the same bodies
 * and routing as a mini-program filing, plus the channel; the case has no consumer until the caller
 * claims it with the 8-digit claim code, which the 201 answer carries once (kept only as a keyed
 * hash). Always one transaction, the Idempotency-Key claimed first under the staff member's id.
 */
import { randomInt } from 'node:crypto';
import type { FileCaseBody } from '@weiquan/shared';
import type { Caller } from '../auth/caller';
import type { PiiCipher } from '../security/pii-cipher';
import { createAuditLog } from '../staff/audit-log';
import type { CaseContext } from './case-context';
import { findMerchant, findPriorFiling, loadCase } from './case-queries';
import { fileCases } from './case-repository';
import { attachUploads, claimKey, saveAnswer } from './filing-keys';
import { renderCase } from './case-view';
import { planFiling, replay, type Filing } from './file-case';

/** The keyed hash a claim code is kept as (never the code itself). */
export const claimCodeHash = (cipher: PiiCipher, code: string) => cipher.lookupHash(`claim-code:${code}`);
const newClaimCode = () => String(randomInt(0, 100_000_000)).padStart(8, '0');

export function fileForCaller(
  ctx: CaseContext,
  caller: Caller,
  key: string,
  body: FileCaseBody,
  requestHash: string,
): Promise<Filing> {
  return ctx.db.tx(async (q) => {
    if (!(await claimKey(q, caller.id, key, requestHash)))
      return replay(ctx, await findPriorFiling(q, caller.id, key), requestHash);
    const at = ctx.now();
    const merchantRef = body.kind !== 'consultation' && 'id' in body.merchant ? body.merchant.id : null;
    const found = merchantRef ? await findMerchant(q, merchantRef) : null;
    const code = newClaimCode();
    const { insert } = planFiling(ctx, caller, body, found, at, {
      claimCodeHash: claimCodeHash(ctx.cipher, code),
    });
    await fileCases(
      q,
      [{ ...insert, merchant_odr: null, key: null, request_hash: null, answer_enc: null }],
      false,
    );
    if (body.kind !== 'consultation' && body.attachments.length)
      await attachUploads(q, insert.id, caller.id, body.attachments, 'attachments');
    const view = {
      ...renderCase(await loadCase(q, caller, insert.id, false), caller, ctx.cipher, at, ctx.calendar()),
      claimCode: code,
    };
    await saveAnswer(q, caller.id, key, insert.id, ctx.cipher.sealJson(view));
    // Staff typed a caller's personal data into the store: who, when, for which case.
    await createAuditLog(ctx.db, ctx.now).record(
      {
        staffId: caller.id,
        action: 'act',
        caseId: insert.id,
        detail: `filed for a caller (${body.channel})`,
      },
      q,
    );
    return { view, replayed: false };
  });
}
