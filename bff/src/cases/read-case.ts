/** Reading one case: batched with the other reads of the turn (`case-reader.ts`), rendered for the caller. */
import type { CaseView } from '@weiquan/shared';
import type { Caller } from '../auth/caller';
import { notFound } from '../errors';
import type { CaseContext } from './case-context';
import { renderCase } from './case-view';

export async function readCase(ctx: CaseContext, caller: Caller, id: string): Promise<CaseView> {
  const row = await ctx.reader.read(caller, id);
  if (!row) throw notFound('Case not found');
  return renderCase(row, caller, ctx.cipher, ctx.now());
}
