/**
 * Filing a case, once per (user, Idempotency-Key): the same key and body answer the stored answer
 * again, another body is a 409, and concurrent retries replay.
 *
 * The hot path (nothing to attach) is usually one round trip and one commit, shared with the other
 * filings of the same event-loop turn (`filing-batches.ts`); a lookup comes first only when the named
 * directory merchant is not remembered. Its answer is rendered from the case as planned (the same
 * `renderCase` as a read-back, the body in jsonb's key order), so the 201, later GETs and replays
 * agree. A filing with uploads attaches them in one transaction and answers the case read back.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  CHECKED_FILING_FIELDS,
  checkedTexts,
  isGreenChannel,
  routeFiling,
  type CaseView,
  type FileCaseBody,
} from '@weiquan/shared';
import type { Caller } from '../auth/caller';
import { AppError, invalidField } from '../errors';
import { casePrefixOn, type CaseContext } from './case-context';
import {
  findMerchant,
  findPriorFiling,
  loadCase,
  PriorFilingSchema,
  type MerchantFound,
  type PriorFiling,
} from './case-queries';
import { fileCases } from './case-repository';
import { attachUploads, claimKey, saveAnswer } from './filing-keys';
import { renderCase } from './case-view';
import { fileForCaller } from './file-for-caller';
import { planCase } from './new-case';

export interface Filing {
  view: CaseView;
  replayed: boolean;
}

const canonicalJson = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(canonicalJson).join(',')}]`
    : v && typeof v === 'object'
      ? `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(v);

export async function fileCase(
  ctx: CaseContext,
  caller: Caller,
  key: string,
  body: FileCaseBody,
): Promise<Filing> {
  // 一号对外: staff file for a caller and name the channel; consumers file in the mini-program.
  if (caller.role === 'staff' && !body.channel)
    throw invalidField('channel', 'staff filing for a caller must name the channel');
  if (caller.role !== 'staff' && body.channel)
    throw invalidField('channel', 'only staff name a channel (they file for callers)');
  const requestHash = createHash('sha256').update(canonicalJson(body)).digest('base64url');
  // checked before anything is written: a risky text is a 422 and leaves nothing behind
  const findings = ctx.content
    ? await ctx.content.guard.screen(caller, checkedTexts(body, CHECKED_FILING_FIELDS[body.kind]))
    : [];
  const filing =
    caller.role === 'staff'
      ? await fileForCaller(ctx, caller, key, body, requestHash)
      : body.kind === 'consultation' || !body.attachments.length
        ? await fileWithoutUploads(ctx, caller, key, body, requestHash)
        : await fileWithUploads(ctx, caller, key, body, requestHash);
  if (ctx.content && !filing.replayed) {
    // the text is stored whatever happens here; a failure to list it is logged by the caller
    if (findings.length)
      await ctx.content.guard.list(ctx.db, filing.view.id, (path) => `case:${path}`, findings);
    if (body.kind !== 'consultation' && body.attachments.length)
      ctx.content.media.shared(caller.id, filing.view.id);
  }
  return filing;
}

/** Everything a filing decides before it is written: merchant, where it goes first, its first clock, the sealed contact. */
export function planFiling(
  ctx: CaseContext,
  caller: Caller,
  body: FileCaseBody,
  found: MerchantFound | null,
  at: Date,
  forCaller?: { claimCodeHash: string },
) {
  let merchant: MerchantFound | null = null;
  if (body.kind !== 'consultation') {
    if ('id' in body.merchant) {
      if (!found)
        throw new AppError('VALIDATION_FAILED', 'Invalid request', [
          { path: 'merchant.id', message: 'unknown merchant' },
        ]);
      merchant = found;
    } else {
      merchant = { id: null, name: body.merchant.name, address: body.merchant.address, odr: false };
    }
  }
  const route = routeFiling(body.kind, Boolean(merchant?.odr));
  const contact =
    body.kind === 'complaint' ? body.complainant : body.kind === 'report' ? body.reporter : undefined;
  return planCase({
    id: randomUUID(),
    casePrefix: casePrefixOn(ctx, at),
    calendar: ctx.calendar(),
    kind: body.kind,
    status: route.to,
    consumerId: forCaller ? null : caller.id,
    channel: body.channel ?? 'miniprogram',
    filedByStaffId: forCaller ? caller.id : null,
    claimCodeHash: forCaller?.claimCodeHash ?? null,
    contactPhoneHash: contact ? ctx.cipher.lookupHash(contact.phone) : null,
    merchant,
    category: body.category,
    priority: body.kind !== 'consultation' && isGreenChannel(body.category),
    body:
      body.kind === 'complaint'
        ? { facts: body.facts, demand: body.demand, purchase: body.purchase }
        : body.kind === 'report'
          ? { facts: body.facts }
          : { question: body.question },
    contactEnc: contact ? ctx.cipher.sealJson(contact) : null,
    shareContact: body.kind === 'complaint' ? body.shareContactWithMerchant : false,
    flags: {},
    firstClock: route.start,
    actor: { role: caller.role, id: caller.id },
    eventData: {},
    at,
  });
}

/** The stored answer of an earlier filing with this key (its case number read from the case), or a 409 for another body. */
export function replay(ctx: CaseContext, prior: PriorFiling, requestHash: string): Filing {
  if (prior.request_hash !== requestHash)
    throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different filing');
  const view = ctx.cipher.openJson<CaseView>(prior.answer_enc);
  if (prior.case_no) view.caseNo = prior.case_no;
  return { view, replayed: true };
}

async function fileWithoutUploads(
  ctx: CaseContext,
  caller: Caller,
  key: string,
  body: FileCaseBody,
  requestHash: string,
  attempt = 1,
): Promise<Filing> {
  const at = ctx.now();
  const merchantRef = body.kind !== 'consultation' && 'id' in body.merchant ? body.merchant.id : null;
  let found: MerchantFound | null = null;
  if (merchantRef) {
    const known = attempt === 1 ? ctx.filings.knownMerchant(merchantRef) : undefined;
    if (known) found = known;
    else {
      const pre = await ctx.filings.lookup({ userId: caller.id, key, merchantRef });
      if (pre.request_hash !== null) return replay(ctx, PriorFilingSchema.parse(pre), requestHash);
      found = pre.merchant_id
        ? { id: pre.merchant_id, name: pre.name ?? '', address: pre.address ?? '', odr: Boolean(pre.odr) }
        : null;
    }
  }
  const { insert, row } = planFiling(ctx, caller, body, found, at);
  // Sealed with an empty caseNo: the number is taken in the insert, and replays read it from the case.
  const view = renderCase(row, caller, ctx.cipher, at, ctx.calendar());
  const outcome = await ctx.filings.insert({
    ...insert,
    key,
    request_hash: requestHash,
    answer_enc: ctx.cipher.sealJson(view),
  });
  if (outcome.filed) {
    view.caseNo = outcome.caseNo;
    return { view, replayed: false };
  }
  if (outcome.reason === 'merchant_changed') {
    // The directory changed since the merchant was remembered: plan again with it read afresh.
    ctx.filings.forgetMerchant(merchantRef!);
    if (attempt >= 3) throw new Error('the merchant kept changing while a filing was planned');
    return fileWithoutUploads(ctx, caller, key, body, requestHash, attempt + 1);
  }
  // Another request with this key committed first: answer as a replay of it.
  return replay(ctx, await findPriorFiling(ctx.db, caller.id, key), requestHash);
}

/** The key is claimed first, so a concurrent retry waits on its row and then replays. */
function fileWithUploads(
  ctx: CaseContext,
  caller: Caller,
  key: string,
  body: FileCaseBody & { attachments: string[] },
  requestHash: string,
): Promise<Filing> {
  return ctx.db.tx(async (q) => {
    if (!(await claimKey(q, caller.id, key, requestHash)))
      return replay(ctx, await findPriorFiling(q, caller.id, key), requestHash);
    const at = ctx.now();
    const merchantRef = body.kind !== 'consultation' && 'id' in body.merchant ? body.merchant.id : null;
    const found = merchantRef ? await findMerchant(q, merchantRef) : null;
    const { insert } = planFiling(ctx, caller, body, found, at);
    // The merchant was read in this transaction: nothing to check (merchant_odr null).
    await fileCases(
      q,
      [{ ...insert, merchant_odr: null, key: null, request_hash: null, answer_enc: null }],
      false,
    );
    await attachUploads(
      q,
      insert.id,
      caller.id,
      body.attachments,
      'attachments',
      body.kind === 'complaint' ? body.centreOnlyAttachments : undefined,
    );
    const view = renderCase(
      await loadCase(q, caller, insert.id, false),
      caller,
      ctx.cipher,
      at,
      ctx.calendar(),
    );
    await saveAnswer(q, caller.id, key, insert.id, ctx.cipher.sealJson(view));
    return { view, replayed: false };
  });
}
