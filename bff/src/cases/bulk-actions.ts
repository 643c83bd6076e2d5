/**
 * Bulk actions (POST /staff/cases/bulk): each case is changed alone, exactly as if its action had
 * been posted by itself (its own transaction, status machine check and answer status), one after
 * another, so one failure never stops or undoes the others.
 */
import {
  ERROR_STATUS,
  type BulkAnswer,
  type BulkBody,
  type CaseAction,
  type CaseView,
} from '@weiquan/shared';
import type { Caller } from '../auth/caller';
import { AppError } from '../errors';

export async function bulkAct(
  act: (caller: Caller, id: string, action: CaseAction) => Promise<CaseView>,
  caller: Caller,
  body: BulkBody,
): Promise<BulkAnswer> {
  const results: BulkAnswer['results'] = [];
  for (const id of body.caseIds) {
    try {
      await act(caller, id, body.action);
      results.push({ id, status: 200 });
    } catch (err) {
      // Only the contract's errors are answered per case; anything else (the store down) fails the request.
      if (!(err instanceof AppError)) throw err;
      results.push({ id, status: ERROR_STATUS[err.code], error: { code: err.code, message: err.message } });
    }
  }
  return { results };
}
