/**
 * Reads outside a transaction (GET /cases/:id, GET /cases), batched (`turn-batches.ts`): the reads
 * of one event-loop turn reach the store as one query, one round trip and one plan. Each read keeps
 * its own caller's visibility, in SQL.
 */
import DataLoader from 'dataloader';
import type { Caller } from '../auth/caller';
import { selectRows, type Queryable } from '../store/db';
import { UUID } from '../store/page-cursor';
import { batched, sql, type BatchedShape, type Sql } from '../store/sql';
import { isolatingFailures, perTurnBatches } from '../store/turn-batches';
import { CASE_COLUMNS, visibilityOfBatch } from './case-queries';
import { BatchedCaseRowSchema, type CaseRow } from './case-rows';

interface Read {
  caller: Caller;
  /** a UUID (`read` answers null for anything else: one malformed id must not fail its batch) */
  id: string;
}

export interface CaseReader {
  /** The case as this caller may see it, or null when it does not exist or is hidden from them. */
  read(caller: Caller, id: string): Promise<CaseRow | null>;
  /**
   * The rows of `query` (its values all typed: they become the batch's parameter columns) sorted by
   * `order` (over the columns of `query`, alias x); queries of one shape in one turn share one query.
   */
  list(query: Sql, order: Sql): Promise<Record<string, unknown>[]>;
}

export function createCaseReader(db: Queryable, maxBatchSize = 64): CaseReader {
  // Every batch isolates failures: one caller's read that the database refuses must never fail the
  // reads of other callers that happened to share its turn (turn-batches.ts).
  const loader = new DataLoader<Read, CaseRow | null>(
    isolatingFailures(async (reads) => {
      const rows = await selectRows(
        db,
        BatchedCaseRowSchema,
        sql`SELECT r.n AS batch_n, ${CASE_COLUMNS}
  FROM unnest(${reads.map((r) => r.id)}::uuid[], ${reads.map((r) => r.caller.role)}::text[],
              ${reads.map((r) => r.caller.id)}::uuid[], ${reads.map((r) => r.caller.merchantId ?? null)}::uuid[])
       WITH ORDINALITY AS r(case_id, role, user_id, merchant_id, n)
  JOIN cases c ON c.id = r.case_id AND ${visibilityOfBatch}`,
      );
      const found: (CaseRow | null)[] = reads.map(() => null);
      for (const { batch_n, ...row } of rows) found[batch_n - 1] = row;
      return found;
    }),
    perTurnBatches<Read, CaseRow | null>(maxBatchSize),
  );

  // One loader per shape; shapes are few (role x filters), made from the code's own fragments.
  const shapes = new Map<string, DataLoader<unknown[], Record<string, unknown>[]>>();
  const shapeLoader = (shape: BatchedShape) => {
    let loader = shapes.get(shape.key);
    if (!loader) {
      loader = new DataLoader<unknown[], Record<string, unknown>[]>(
        isolatingFailures(async (reads) => {
          const rows = await db.query<{ batch_n: number }>(
            shape.statement(shape.params.map((_, i) => reads.map((values) => values[i]))),
          );
          const found: Record<string, unknown>[][] = reads.map(() => []);
          // Rows keep their batch_n: copying each row without it cost more than the list's own mapping.
          for (const row of rows) found[row.batch_n - 1].push(row);
          return found;
        }),
        perTurnBatches<unknown[], Record<string, unknown>[]>(maxBatchSize),
      );
      shapes.set(shape.key, loader);
    }
    return loader;
  };

  return {
    read: async (caller, id) => (UUID.test(id) ? loader.load({ caller, id }) : null),
    list: async (query, order) => {
      const shape = batched(query, order);
      return shapeLoader(shape).load(shape.params);
    },
  };
}
