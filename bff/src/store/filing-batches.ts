/**
 * The two statements of a filing without uploads, batched (`turn-batches.ts`): the filings that
 * arrive in one turn of the event loop share one lookup and one insert, and so one commit, which
 * also spares PostgreSQL WAL flushes.
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
  /** set when this key was used before: the prior filing's request hash and sealed answer */
  request_hash: string | null;
  answer_enc: string;
  merchant_id: string | null;
  name: string;
  address: string;
  odr: boolean;
  /** the case number's sequence value, taken only for a new filing of a known (or named) merchant */
  n: number | null;
}

/** One filing as written: the case, its `filed` event, its first clock and the key's claim with its answer. */
export interface FilingInsert {
  id: string;
  case_no: string;
  kind: string;
  status: string;
  consumer_id: string;
  merchant_id: string | null;
  merchant_name: string | null;
  merchant_address: string | null;
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
const LOOKUP = `SELECT r.i, k.request_hash, k.answer_enc, m.id AS merchant_id, m.name, m.address, m.odr,
    CASE WHEN k.key IS NULL AND (r.merchant_ref IS NULL OR m.id IS NOT NULL) THEN nextval('case_no_seq') END AS n
  FROM jsonb_to_recordset($1::jsonb) AS r(i int, user_id uuid, key text, merchant_ref uuid)
  LEFT JOIN idempotency_keys k ON k.user_id = r.user_id AND k.key = r.key
  LEFT JOIN merchants m ON m.id = r.merchant_ref`;

const INSERT = `WITH r AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, case_no text, kind text, status text, consumer_id uuid, merchant_id uuid,
      merchant_name text, merchant_address text, category text, priority boolean, body jsonb, contact_enc text, share_contact boolean,
      next_due_at timestamptz, clock text, due_date date, provisional boolean, target_due_at timestamptz, key text, request_hash text,
      answer_enc text, at timestamptz)),
  k AS (
    INSERT INTO idempotency_keys (user_id, key, request_hash, case_id, answer_enc)
    SELECT consumer_id, key, request_hash, id, answer_enc FROM r
    ON CONFLICT DO NOTHING RETURNING case_id),
  c AS (
    INSERT INTO cases (id, case_no, kind, status, consumer_id, merchant_id, merchant_name, merchant_address, category, priority, body, contact_enc, share_contact, next_due_at, created_at, updated_at)
    SELECT r.id, r.case_no, r.kind, r.status, r.consumer_id, r.merchant_id, r.merchant_name, r.merchant_address, r.category, r.priority, r.body,
      r.contact_enc, r.share_contact, r.next_due_at, r.at, r.at
    FROM r JOIN k ON k.case_id = r.id
    RETURNING id),
  e AS (
    INSERT INTO case_events (case_id, type, actor_role, actor_id, from_status, to_status, data, at)
    SELECT r.id, 'filed', 'consumer', r.consumer_id, NULL, r.status, '{}'::jsonb, r.at FROM r JOIN c ON c.id = r.id),
  d AS (
    INSERT INTO deadlines (case_id, kind, started_at, due_date, due_at, provisional, target_due_at)
    SELECT r.id, r.clock, r.at, r.due_date, r.next_due_at, r.provisional, r.target_due_at FROM r JOIN c ON c.id = r.id WHERE r.clock IS NOT NULL)
  SELECT id FROM c`;

export function createFilingBatches(db: Queryable, maxBatchSize = 64) {
  const lookups = new DataLoader<FilingLookup, FilingLookupRow>(
    isolatingFailures(async (items) => {
      const rows = await db.query<FilingLookupRow & { i: number }>(LOOKUP, [JSON.stringify(items.map((f, i) => ({ i, user_id: f.userId, key: f.key, merchant_ref: f.merchantRef })))]);
      const found: FilingLookupRow[] = [];
      for (const { i, ...row } of rows) found[i] = row;
      return items.map((_, i) => found[i]);
    }),
    perTurnBatches<FilingLookup, FilingLookupRow>(maxBatchSize),
  );
  const inserts = new DataLoader<FilingInsert, boolean>(
    isolatingFailures(async (items) => {
      const rows = await db.query<{ id: string }>(INSERT, [JSON.stringify(items)]);
      const filed = new Set(rows.map((r) => r.id));
      return items.map((f) => filed.has(f.id));
    }),
    perTurnBatches<FilingInsert, boolean>(maxBatchSize),
  );
  return {
    /** The prior answer for this key, the merchant, and a case number for a new filing. */
    lookup: (f: FilingLookup) => lookups.load(f),
    /** Writes the filing; false when another filing with the same key claimed it first (replay that one). */
    insert: (f: FilingInsert) => inserts.load(f),
  };
}
