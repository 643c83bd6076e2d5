/**
 * One-time subscribe-message grants: each `accept` the mini-program reports adds one message for
 * that (user, template); each message sent spends one; `ban` is remembered until a later accept.
 */
import type { SubscriptionsBody, TemplateSlot } from '@weiquan/shared';
import type { Db, Queryable } from '../store/db';
import { recordAcceptTap } from '../wechat/subscription-taps';

/** A user cannot bank more than this many messages per template: WeChat's own counter is what counts. */
const MAX_REMAINING = 50;

export function createGrantStore(db: Db) {
  return {
    /** Records the results for known templates (others are ignored); answers the state per slot. */
    async record(
      userId: string,
      results: SubscriptionsBody['results'],
      templates: Partial<Record<TemplateSlot, string>>,
      at: Date,
    ) {
      const known = new Set(Object.values(templates));
      await db.tx(async (q) => {
        for (const [templateId, result] of Object.entries(results)) {
          if (!known.has(templateId)) continue;
          if (result === 'accept') {
            // the push may already have reported this tap (ADR 0011)
            if (await recordAcceptTap(q, userId, templateId, 'client', at))
              await addGrant(q, userId, templateId, at);
          } else if (result === 'ban') {
            await q.query(
              `INSERT INTO subscription_grants (user_id, template_id, remaining, banned, updated_at) VALUES ($1, $2, 0, true, $3)
               ON CONFLICT (user_id, template_id) DO UPDATE SET remaining = 0, banned = true, updated_at = $3`,
              [userId, templateId, at],
            );
          }
          // reject and filter change nothing: earlier grants still stand
        }
      });
      return this.state(userId, templates);
    },

    async state(userId: string, templates: Partial<Record<TemplateSlot, string>>) {
      const rows = await db.query<{ template_id: string; remaining: number; banned: boolean }>(
        'SELECT template_id, remaining, banned FROM subscription_grants WHERE user_id = $1',
        [userId],
      );
      const by = new Map(rows.map((r) => [r.template_id, r]));
      return {
        templates: (Object.entries(templates) as [TemplateSlot, string][]).map(([slot, templateId]) => ({
          slot,
          templateId,
          remaining: by.get(templateId)?.remaining ?? 0,
          banned: by.get(templateId)?.banned ?? false,
        })),
      };
    },
  };
}
export type GrantStore = ReturnType<typeof createGrantStore>;

/** One more message for (user, template), inside the caller's transaction; an accept also lifts a ban. */
export async function addGrant(q: Queryable, userId: string, templateId: string, at: Date): Promise<void> {
  await q.query(
    `INSERT INTO subscription_grants (user_id, template_id, remaining, banned, updated_at) VALUES ($1, $2, 1, false, $3)
     ON CONFLICT (user_id, template_id) DO UPDATE SET remaining = least(subscription_grants.remaining + 1, $4), banned = false, updated_at = $3`,
    [userId, templateId, at, MAX_REMAINING],
  );
}

/** The user turned the template off in WeChat's settings: whatever is left can no longer be sent. */
export async function dropGrants(q: Queryable, userId: string, templateId: string, at: Date): Promise<void> {
  await q.query(
    'UPDATE subscription_grants SET remaining = 0, updated_at = $3 WHERE user_id = $1 AND template_id = $2',
    [userId, templateId, at],
  );
}

/** Spends one grant inside the caller's transaction; false when none is left (or banned). */
export async function spendGrant(
  q: Queryable,
  userId: string,
  templateId: string,
  at: Date,
): Promise<boolean> {
  const rows = await q.query(
    'UPDATE subscription_grants SET remaining = remaining - 1, updated_at = $3 WHERE user_id = $1 AND template_id = $2 AND remaining > 0 AND NOT banned RETURNING remaining',
    [userId, templateId, at],
  );
  return rows.length > 0;
}

/** Gives a grant back when WeChat never took the message (it was refused before it reached the user). */
export async function refundGrant(q: Queryable, userId: string, templateId: string, at: Date): Promise<void> {
  await q.query(
    'UPDATE subscription_grants SET remaining = least(remaining + 1, $4), updated_at = $3 WHERE user_id = $1 AND template_id = $2 AND NOT banned',
    [userId, templateId, at, MAX_REMAINING],
  );
}
