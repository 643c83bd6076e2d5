/**
 * What a filing writes beside the case tables: the Idempotency-Key's claim and answer (filings with
 * uploads), and the uploads attached as evidence.
 */
import { AppError } from '../errors';
import type { Queryable } from '../store/db';
import { sql } from '../store/sql';

/** Claims an Idempotency-Key before a filing with uploads; false when another filing holds it. */
export async function claimKey(
  q: Queryable,
  userId: string,
  key: string,
  requestHash: string,
): Promise<boolean> {
  const claimed = await q.query(
    sql`INSERT INTO idempotency_keys (user_id, key, request_hash) VALUES (${userId}, ${key}, ${requestHash})
        ON CONFLICT DO NOTHING RETURNING key`,
  );
  return claimed.length > 0;
}

/** Stores the answer a claimed key replays. */
export async function saveAnswer(
  q: Queryable,
  userId: string,
  key: string,
  caseId: string,
  answerEnc: string,
) {
  await q.query(
    sql`UPDATE idempotency_keys SET case_id = ${caseId}, answer_enc = ${answerEnc} WHERE user_id = ${userId} AND key = ${key}`,
  );
}

/**
 * Marks uploads as evidence of this case, those in `centreOnly` as for the 12315 centre only (never
 * shown to the merchant); only their uploader may attach them, each once.
 */
export async function attachUploads(
  q: Queryable,
  caseId: string,
  ownerId: string,
  ids: string[],
  path: string,
  centreOnly: string[] = [],
) {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const rows = await q.query(
    sql`UPDATE uploads SET case_id = ${caseId}, centre_only = id = ANY(${centreOnly}::uuid[])
         WHERE id = ANY(${unique}::uuid[]) AND owner_id = ${ownerId} AND case_id IS NULL RETURNING id`,
  );
  if (rows.length !== unique.length) {
    throw new AppError('VALIDATION_FAILED', 'Invalid request', [
      { path, message: 'unknown upload, or not yours, or already attached to a case' },
    ]);
  }
}
