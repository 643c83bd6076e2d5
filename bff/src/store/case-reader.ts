/**
 * Whole-case reads outside a transaction (GET /cases/:id), batched: the reads that arrive in one
 * turn of the event loop reach the store as one query, so many callers share one round trip and
 * one plan. Each read keeps its own caller's visibility, in SQL; a read it hides answers null.
 * When requests are few, a batch holds one read and costs what a single query did.
 */
import DataLoader from 'dataloader';
import type { Caller } from '../auth/caller';
import { CASE_COLUMNS, type CaseRow } from './case-view';
import { visibilityOf } from './case-visibility';
import type { Queryable } from './db';

const BATCH_SELECT = `SELECT r.n AS batch_n, ${CASE_COLUMNS}
  FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[]) WITH ORDINALITY AS r(case_id, role, user_id, merchant_id, n)
  JOIN cases c ON c.id = r.case_id AND ${visibilityOf('r.role', 'r.user_id', 'r.merchant_id')}`;

interface Read {
  caller: Caller;
  /** a UUID (callers check the form first: one malformed id must not fail its batch) */
  id: string;
}

export interface CaseReader {
  /** The case as this caller may see it, or null when it does not exist or is hidden from them. */
  read(caller: Caller, id: string): Promise<CaseRow | null>;
}

export function createCaseReader(db: Queryable, maxBatchSize = 64): CaseReader {
  const loader = new DataLoader<Read, CaseRow | null>(
    async (reads) => {
      const rows = await db.query<CaseRow & { batch_n: number }>(BATCH_SELECT, [
        reads.map((r) => r.id),
        reads.map((r) => r.caller.role),
        reads.map((r) => r.caller.id),
        reads.map((r) => r.caller.merchantId ?? null),
      ]);
      const found: (CaseRow | null)[] = reads.map(() => null);
      for (const { batch_n, ...row } of rows) found[batch_n - 1] = row;
      return found;
    },
    // setImmediate: after the poll phase, so the requests parsed in this turn share the batch.
    { cache: false, maxBatchSize, batchScheduleFn: (run) => void setImmediate(run) },
  );
  return { read: (caller, id) => loader.load({ caller, id }) };
}
