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
import type { Queryable } from './db';
import { isolatingFailures, perTurnBatches } from './turn-batches';

export interface FilingLookup {
  userId: string;
  key: string;
  /** the directory merchant the filing names, if any */
  merchantRef: string | null;
}

export interface FilingLookupRow {
  /** set when this key was used before: the prior filing's request hash, sealed answer and case number */
  request_hash: string | null;
  answer_enc: string;
  case_no: string | null;
  merchant_id: string | null;
  name: string;
  address: string;
  odr: boolean;
}

export interface MerchantFound {
  id: string | null;
  name: string;
  address: string;
  odr: boolean;
}

/** One filing as written: the case, its `filed` event, its first clock and the key's claim with its answer. */
export interface FilingInsert {
  id: string;
  /** the case number's prefix and Beijing date (XM20261124); the insert appends the sequence number */
  case_prefix: string;
  kind: string;
  status: string;
  consumer_id: string;
  merchant_id: string | null;
  merchant_name: string | null;
  merchant_address: string | null;
  /** the directory merchant's ODR flag as the filing was planned with it (null for a named merchant) */
  merchant_odr: boolean | null;
  category: string;
  priority: boolean;
  body: object;
  contact_enc: string | null;
  share_contact: boolean;
  next_due_at: Date | string | null;
  clock: string | null;
  due_date: string | null;
  provisional: boolean;
  target_due_at: Date | string | null;
  key: string;
  request_hash: string;
  answer_enc: string;
  at: Date;
}

// The batch travels as one jsonb parameter (a JSON array of records): the same on pg and PGlite.
const LOOKUP = `SELECT r.i, k.request_hash, k.answer_enc, pc.case_no, m.id AS merchant_id, m.name, m.address, m.odr
  FROM jsonb_to_recordset($1::jsonb) AS r(i int, user_id uuid, key text, merchant_ref uuid)
  LEFT JOIN idempotency_keys k ON k.user_id = r.user_id AND k.key = r.key
  LEFT JOIN cases pc ON pc.id = k.case_id
  LEFT JOIN merchants m ON m.id = r.merchant_ref`;

/** The sequence number n with at least six digits (never cut: 1000000 stays 1000000). */
export const CASE_NO_DIGITS = `lpad(n::text, greatest(6, length(n::text)), '0')`;

// ok: the filings whose directory merchant still reads as planned. k: their claims that won. c: the
// cases, numbered in a subquery (nextval once per row; a volatile subquery is never flattened).
const INSERT = `WITH r AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, case_prefix text, kind text, status text, consumer_id uuid, merchant_id uuid,
      merchant_name text, merchant_address text, merchant_odr boolean, category text, priority boolean, body jsonb, contact_enc text,
      share_contact boolean, next_due_at timestamptz, clock text, due_date date, provisional boolean, target_due_at timestamptz, key text,
      request_hash text, answer_enc text, at timestamptz)),
  ok AS (
    SELECT r.* FROM r LEFT JOIN merchants m ON m.id = r.merchant_id
    WHERE r.merchant_id IS NULL OR (m.odr = r.merchant_odr AND m.name = r.merchant_name AND m.address = r.merchant_address)),
  k AS (
    INSERT INTO idempotency_keys (user_id, key, request_hash, case_id, answer_enc)
    SELECT consumer_id, key, request_hash, id, answer_enc FROM ok
    ON CONFLICT DO NOTHING RETURNING case_id),
  c AS (
    INSERT INTO cases (id, case_no, kind, status, consumer_id, merchant_id, merchant_name, merchant_address, category, priority, body, contact_enc, share_contact, next_due_at, created_at, updated_at)
    SELECT w.id, w.case_prefix || ${CASE_NO_DIGITS}, w.kind, w.status, w.consumer_id, w.merchant_id, w.merchant_name, w.merchant_address, w.category,
      w.priority, w.body, w.contact_enc, w.share_contact, w.next_due_at, w.at, w.at
    FROM (SELECT ok.*, nextval('case_no_seq') AS n FROM ok JOIN k ON k.case_id = ok.id) w
    RETURNING id, case_no),
  e AS (
    INSERT INTO case_events (case_id, type, actor_role, actor_id, from_status, to_status, data, at)
    SELECT r.id, 'filed', 'consumer', r.consumer_id, NULL, r.status, '{}'::jsonb, r.at FROM r JOIN c ON c.id = r.id),
  d AS (
    INSERT INTO deadlines (case_id, kind, started_at, due_date, due_at, provisional, target_due_at)
    SELECT r.id, r.clock, r.at, r.due_date, r.next_due_at, r.provisional, r.target_due_at FROM r JOIN c ON c.id = r.id WHERE r.clock IS NOT NULL)
  SELECT r.id, c.case_no, ok.id IS NOT NULL AS merchant_ok FROM r LEFT JOIN ok ON ok.id = r.id LEFT JOIN c ON c.id = r.id`;

/** What became of one filing in its batch's insert. */
export type InsertOutcome =
  { filed: true; caseNo: string } | { filed: false; reason: 'key_taken' | 'merchant_changed' };

// Directory merchants as filings last read them (bounded, oldest out); the insert checks them.
const KNOWN_MERCHANTS_MAX = 10_000;

export function createFilingBatches(db: Queryable, maxBatchSize = 64) {
  const lookups = new DataLoader<FilingLookup, FilingLookupRow>(
    isolatingFailures(async (items) => {
      const rows = await db.query<FilingLookupRow & { i: number }>(LOOKUP, [
        JSON.stringify(
          items.map((f, i) => ({ i, user_id: f.userId, key: f.key, merchant_ref: f.merchantRef })),
        ),
      ]);
      const found: FilingLookupRow[] = [];
      for (const { i, ...row } of rows) found[i] = row;
      return items.map((_, i) => found[i]);
    }),
    perTurnBatches<FilingLookup, FilingLookupRow>(maxBatchSize),
  );
  const inserts = new DataLoader<FilingInsert, InsertOutcome>(
    isolatingFailures(async (items) => {
      const rows = await db.query<{ id: string; case_no: string | null; merchant_ok: boolean }>(INSERT, [
        JSON.stringify(items),
      ]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return items.map((f): InsertOutcome => {
        const row = byId.get(f.id)!;
        if (row.case_no) return { filed: true, caseNo: row.case_no };
        return { filed: false, reason: row.merchant_ok ? 'key_taken' : 'merchant_changed' };
      });
    }),
    perTurnBatches<FilingInsert, InsertOutcome>(maxBatchSize),
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
          name: row.name,
          address: row.address,
          odr: row.odr,
        });
      }
      return row;
    },
    /** The directory merchant as last read, if it was; the insert checks it is still so. */
    knownMerchant: (id: string) => merchants.get(id),
    forgetMerchant: (id: string) => void merchants.delete(id),
    /** Writes the filing, or says why not: the key was claimed first (replay it) or the merchant changed. */
    insert: (f: FilingInsert) => inserts.load(f),
  };
}
