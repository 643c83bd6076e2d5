/**
 * The two statements of a filing without uploads, batched (`turn-batches.ts`): the filings that
 * arrive in one turn of the event loop share one lookup and one insert, and so one commit, which
 * also spares PostgreSQL WAL flushes.
 *
 * A filing usually makes one round trip: the directory merchants it names are remembered
 * (`knownMerchant`), and the insert writes a case only if the merchant still reads as remembered
 * (ODR flag, name, address), else it answers `stale` and the filing looks the merchant up afresh.
 * The case number is taken and formatted in the insert; the answer is rendered before it with an
 * empty `caseNo`, filled in from what the insert returns (and, for replays, from the case row).
 *
 * Each filing keeps its own outcome: the insert claims every Idempotency-Key with ON CONFLICT DO
 * NOTHING and writes a case only for the claims it won, so a retry in the same batch, or one racing
 * in another process, writes nothing and replays. If a batch's statement fails, its filings are
 * run again one by one, so that one bad filing cannot fail the others.
 */
import DataLoader from 'dataloader';
import { z } from 'zod';
import { selectRows, type Queryable } from '../store/db';
import { sql } from '../store/sql';
import { isolatingFailures, perTurnBatches } from '../store/turn-batches';
import { fileCases, type NewCase } from './case-repository';
import type { MerchantFound } from './case-queries';

export interface FilingLookup {
  userId: string;
  key: string;
  /** the directory merchant the filing names, if any */
  merchantRef: string | null;
}

const FilingLookupRowSchema = z.object({
  i: z.number(),
  /** set when this key was used before: the prior filing's request hash, sealed answer and case number */
  request_hash: z.string().nullable(),
  answer_enc: z.string().nullable(),
  case_no: z.string().nullable(),
  merchant_id: z.string().nullable(),
  name: z.string().nullable(),
  address: z.string().nullable(),
  odr: z.boolean().nullable(),
});
export type FilingLookupRow = Omit<z.infer<typeof FilingLookupRowSchema>, 'i'>;

/** What became of one filing in its batch's insert. */
export type InsertOutcome =
  { filed: true; caseNo: string } | { filed: false; reason: 'key_taken' | 'merchant_changed' };

// Directory merchants as filings last read them (bounded, oldest out); the insert checks them.
const KNOWN_MERCHANTS_MAX = 10_000;

export function createFilingBatches(db: Queryable, maxBatchSize = 64) {
  const lookups = new DataLoader<FilingLookup, FilingLookupRow>(
    isolatingFailures(async (items) => {
      // The batch travels as one jsonb parameter (a JSON array of records): the same on pg and PGlite.
      const batch = items.map((f, i) => ({ i, user_id: f.userId, key: f.key, merchant_ref: f.merchantRef }));
      const rows = await selectRows(
        db,
        FilingLookupRowSchema,
        sql`SELECT r.i, k.request_hash, k.answer_enc, pc.case_no, m.id AS merchant_id, m.name, m.address, m.odr
  FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) AS r(i int, user_id uuid, key text, merchant_ref uuid)
  LEFT JOIN idempotency_keys k ON k.user_id = r.user_id AND k.key = r.key
  LEFT JOIN cases pc ON pc.id = k.case_id
  LEFT JOIN merchants m ON m.id = r.merchant_ref`,
      );
      const found: FilingLookupRow[] = [];
      for (const { i, ...row } of rows) found[i] = row;
      return items.map((_, i) => found[i]);
    }),
    perTurnBatches<FilingLookup, FilingLookupRow>(maxBatchSize),
  );
  const inserts = new DataLoader<NewCase, InsertOutcome>(
    isolatingFailures(async (items) => {
      const rows = await fileCases(db, [...items], true);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return items.map((f): InsertOutcome => {
        const row = byId.get(f.id)!;
        if (row.case_no) return { filed: true, caseNo: row.case_no };
        return { filed: false, reason: row.merchant_ok ? 'key_taken' : 'merchant_changed' };
      });
    }),
    perTurnBatches<NewCase, InsertOutcome>(maxBatchSize),
  );
  const merchants = new Map<string, MerchantFound>();
  return {
    /** The prior answer for this key, and the merchant (remembered for later filings). */
    async lookup(f: FilingLookup): Promise<FilingLookupRow> {
      const row = await lookups.load(f);
      if (row.merchant_id) {
        if (merchants.size >= KNOWN_MERCHANTS_MAX) merchants.delete(merchants.keys().next().value!);
        merchants.set(row.merchant_id, {
          id: row.merchant_id,
          name: row.name ?? '',
          address: row.address ?? '',
          odr: Boolean(row.odr),
        });
      }
      return row;
    },
    /** The directory merchant as last read, if it was; the insert checks it is still so. */
    knownMerchant: (id: string) => merchants.get(id),
    forgetMerchant: (id: string) => void merchants.delete(id),
    /** Writes the filing, or says why not: the key was claimed first (replay it) or the merchant changed. */
    insert: (f: NewCase) => inserts.load(f),
  };
}
