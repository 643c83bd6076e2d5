/**
 * One tap in the subscribe dialog can reach us twice: the client reports it (POST /subscriptions) and
 * WeChat pushes it (subscribe_msg_popup_event). The rule (ADR 0011): the first report of an accept adds
 * the grant; a report from the other source for the same user and template within PAIR_WINDOW_MS of
 * an unpaired one is the same tap and adds nothing. Two reports from the same source are two taps.
 */
import type { Queryable } from '../store/db';

export type TapSource = 'client' | 'push';

/** WeChat pushes within seconds and retries within 15 s; the client reports right after the dialog. */
export const PAIR_WINDOW_MS = 5 * 60_000;
const TAP_LOCK_SPACE = 7_315_002;

/** Records an accept inside the caller's transaction; true when it is the tap's first report (add a grant). */
export async function recordAcceptTap(
  q: Queryable,
  userId: string,
  templateId: string,
  source: TapSource,
  at: Date,
): Promise<boolean> {
  // both reports of a tap may arrive at once: serialise them per user and template
  await q.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
    TAP_LOCK_SPACE,
    `${userId}|${templateId}`,
  ]);
  const other: TapSource = source === 'client' ? 'push' : 'client';
  const [match] = await q.query<{ id: string }>(
    `SELECT id FROM subscription_taps
      WHERE user_id = $1 AND template_id = $2 AND source = $3 AND paired_with IS NULL AND at BETWEEN $4 AND $5
      ORDER BY abs(extract(epoch FROM at - $6::timestamptz)) LIMIT 1`,
    [
      userId,
      templateId,
      other,
      new Date(at.getTime() - PAIR_WINDOW_MS),
      new Date(at.getTime() + PAIR_WINDOW_MS),
      at,
    ],
  );
  const [tap] = await q.query<{ id: string }>(
    'INSERT INTO subscription_taps (user_id, template_id, source, at, paired_with) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [userId, templateId, source, at, match?.id ?? null],
  );
  if (!match) return true;
  await q.query('UPDATE subscription_taps SET paired_with = $2 WHERE id = $1', [match.id, tap.id]);
  return false;
}
