/**
 * Hot spots: merchant and category pairs whose complaints cluster, the trigger for summoning the
 * merchant (约谈). Read live from the covering index on recent complaints.
 */
import { HOTSPOT_FACTOR, HOTSPOT_MIN_COMPLAINTS, type CategoryCode, type HotspotList } from '@weiquan/shared';
import type { Db } from './db';

const DAY = 86_400_000;

export function createHotspotStore(db: Db, now: () => Date) {
  return {
    /**
     * The last 7 days (to now) against the 8 weeks before them: a baseline that excludes the surge
     * itself, so a merchant with no history and 5 complaints this week is a hot spot.
     */
    async list(): Promise<HotspotList> {
      const at = now();
      const weekStart = new Date(at.getTime() - 7 * DAY);
      const baseStart = new Date(weekStart.getTime() - 56 * DAY);
      const rows = await db.query<{
        merchant_id: string;
        name: string;
        category: CategoryCode;
        last7: number;
        prior: number;
      }>(
        `SELECT x.merchant_id, m.name, x.category, x.last7, x.prior
           FROM (SELECT merchant_id, category,
                        count(*) FILTER (WHERE created_at >= $1)::int AS last7,
                        count(*) FILTER (WHERE created_at < $1)::int AS prior
                   FROM cases
                  WHERE kind = 'complaint' AND merchant_id IS NOT NULL AND created_at >= $2 AND created_at <= $3
                  GROUP BY merchant_id, category) x
           JOIN merchants m ON m.id = x.merchant_id
          WHERE x.last7 >= $4 AND x.last7 * 8 >= $5 * x.prior
          ORDER BY x.last7 DESC, x.prior ASC, m.name, x.category`,
        [weekStart, baseStart, at, HOTSPOT_MIN_COMPLAINTS, HOTSPOT_FACTOR],
      );
      return {
        items: rows.map((r) => ({
          merchant: { id: r.merchant_id, name: r.name },
          category: r.category,
          last7Days: r.last7,
          weeklyAverage8Weeks: Math.round((r.prior / 8) * 100) / 100,
        })),
        asOf: at.toISOString(),
      };
    },
  };
}
export type HotspotStore = ReturnType<typeof createHotspotStore>;
