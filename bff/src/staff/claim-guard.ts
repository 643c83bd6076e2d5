/**
 * The claim-code guard (POST /cases/claim): 5 wrong tries per user per hour, then 429 until the
 * oldest of them is an hour old. Not one of the configurable rate limits: an 8-digit code must
 * not be guessable with RATE_LIMIT=off either. Counted in the store, so it holds across every BFF.
 */
import { AppError } from '../errors';
import type { Queryable } from '../store/db';

export const CLAIM_WRONG_TRIES_PER_HOUR = 5;
const HOUR_MS = 3_600_000;
// Any fixed number, apart from the other advisory locks (migrations, figures).
const CLAIM_LOCK = 7_315_014;

/**
 * Inside the claim's transaction: serialises one user's tries (so that concurrent wrong ones cannot
 * slip past the count) and refuses once the hour's allowance is spent.
 */
export async function guardClaim(q: Queryable, userId: string, now: Date): Promise<void> {
  await q.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [CLAIM_LOCK, userId]);
  const rows = await q.query<{ at: Date }>(
    'SELECT at FROM claim_attempts WHERE user_id = $1 AND at > $2 ORDER BY at LIMIT $3',
    [userId, new Date(now.getTime() - HOUR_MS), CLAIM_WRONG_TRIES_PER_HOUR],
  );
  if (rows.length >= CLAIM_WRONG_TRIES_PER_HOUR) {
    const retryAfter = Math.max(1, Math.ceil((rows[0].at.getTime() + HOUR_MS - now.getTime()) / 1000));
    throw new AppError('RATE_LIMITED', 'Too many wrong claim codes; try again later', undefined, retryAfter);
  }
}

export async function recordWrongClaim(q: Queryable, userId: string, now: Date): Promise<void> {
  await q.query('INSERT INTO claim_attempts (user_id, at) VALUES ($1, $2)', [userId, now]);
}
