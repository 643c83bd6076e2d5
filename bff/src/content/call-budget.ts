/**
 * WeChat's per-app limits on the content-security APIs (msg_sec_check: 4,000 a minute) hold for the
 * app as a whole, so the count lives in the database every BFF shares: one row per API, the current
 * minute's count, and a back-off instant set when WeChat answers that a frequency limit was reached.
 */
import type { Db } from '../store/db';

/** How long to stop asking after WeChat said "slow down" (its limits are per minute). */
export const BACKOFF_MS = 60_000;

export function createCallBudget(db: Db, now: () => Date) {
  return {
    /** Takes one call from this minute's budget: false when the budget is spent or WeChat asked us to wait. */
    async take(api: string, perMinute: number): Promise<boolean> {
      const at = now();
      const minute = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
      const [row] = await db.query<{ count: number; backoff_until: Date | null }>(
        `INSERT INTO wechat_call_budget (api, window_start, count) VALUES ($1, $2, 1)
         ON CONFLICT (api) DO UPDATE SET
           count = CASE WHEN wechat_call_budget.window_start = $2 THEN wechat_call_budget.count + 1 ELSE 1 END,
           window_start = $2
         RETURNING count, backoff_until`,
        [api, minute],
      );
      if (row.backoff_until && row.backoff_until > at) return false;
      return row.count <= perMinute;
    },

    async backOff(api: string): Promise<void> {
      await db.query('UPDATE wechat_call_budget SET backoff_until = $2 WHERE api = $1', [
        api,
        new Date(now().getTime() + BACKOFF_MS),
      ]);
    },
  };
}
export type CallBudget = ReturnType<typeof createCallBudget>;
