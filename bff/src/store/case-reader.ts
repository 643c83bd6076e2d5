/**
 * Reads outside a transaction (GET /cases/:id, GET /cases), batched (`turn-batches.ts`): the reads
 * of one event-loop turn reach the store as one query, one round trip and one plan. Each read keeps
 * its own caller's visibility, in SQL.
 */
import DataLoader from 'dataloader';
import type { Caller } from '../auth/caller';
import { CASE_COLUMNS, type CaseRow } from './case-view';
import { visibilityOf } from './case-visibility';
import type { Queryable } from './db';
import { UUID } from './page-cursor';
import { isolatingFailures, perTurnBatches } from './turn-batches';

const BATCH_SELECT = `SELECT r.n AS batch_n, ${CASE_COLUMNS}
  FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[]) WITH ORDINALITY AS r(case_id, role, user_id, merchant_id, n)
  JOIN cases c ON c.id = r.case_id AND ${visibilityOf('r.role', 'r.user_id', 'r.merchant_id')}`;

interface Read {
  caller: Caller;
  /** a UUID (`read` answers null for anything else: one malformed id must not fail its batch) */
  id: string;
}

/**
 * A query run once per read of a batch: `sql` refers to its parameters as columns r.p1, r.p2... of
 * the given SQL types (the same for every read of this shape), and `order` sorts the rows of one
 * read by the columns of `sql` (alias x).
 */
export interface BatchedQuery {
  sql: string;
  types: string[];
  order: string;
}

export interface CaseReader {
  /** The case as this caller may see it, or null when it does not exist or is hidden from them. */
  read(caller: Caller, id: string): Promise<CaseRow | null>;
  /** The rows of `query` for these values; reads of the same shape in one turn share one query. */
  list<T>(query: BatchedQuery, values: unknown[]): Promise<T[]>;
}

export function createCaseReader(db: Queryable, maxBatchSize = 64): CaseReader {
  // Every batch isolates failures: one caller's read that the database refuses must never fail the
  // reads of other callers that happened to share its turn (turn-batches.ts).
  const loader = new DataLoader<Read, CaseRow | null>(
    isolatingFailures(async (reads) => {
      const rows = await db.query<CaseRow & { batch_n: number }>(BATCH_SELECT, [
        reads.map((r) => r.id),
        reads.map((r) => r.caller.role),
        reads.map((r) => r.caller.id),
        reads.map((r) => r.caller.merchantId ?? null),
      ]);
      const found: (CaseRow | null)[] = reads.map(() => null);
      for (const { batch_n, ...row } of rows) found[batch_n - 1] = row;
      return found;
    }),
    perTurnBatches<Read, CaseRow | null>(maxBatchSize),
  );

  // One loader per shape; shapes are few (role x filters), made from constants.
  const shapes = new Map<string, DataLoader<unknown[], unknown[]>>();
  const shapeLoader = (query: BatchedQuery) => {
    const key = `${query.types.join(',')}\n${query.order}\n${query.sql}`;
    let loader = shapes.get(key);
    if (!loader) {
      const columns = query.types.map((_, i) => `p${i + 1}`).join(', ');
      const arrays = query.types.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
      const text = `SELECT r.n AS batch_n, x.* FROM unnest(${arrays}) WITH ORDINALITY AS r(${columns}, n)
        CROSS JOIN LATERAL (${query.sql}) x ORDER BY r.n, ${query.order}`;
      loader = new DataLoader<unknown[], unknown[]>(
        isolatingFailures(async (reads) => {
          const rows = await db.query<{ batch_n: number }>(
            text,
            query.types.map((_, i) => reads.map((values) => values[i])),
          );
          const found: unknown[][] = reads.map(() => []);
          // Rows keep their batch_n: copying each row without it cost more than the list's own mapping.
          for (const row of rows) found[row.batch_n - 1].push(row);
          return found;
        }),
        perTurnBatches<unknown[], unknown[]>(maxBatchSize),
      );
      shapes.set(key, loader);
    }
    return loader;
  };

  return {
    read: async (caller, id) => (UUID.test(id) ? loader.load({ caller, id }) : null),
    list: async <T>(query: BatchedQuery, values: unknown[]) => (await shapeLoader(query).load(values)) as T[],
  };
}
