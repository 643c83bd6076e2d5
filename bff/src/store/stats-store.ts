/**
 * The public figures. Two summary tables (numerators and denominators per month and category, and
 * per ODR merchant) are rebuilt whole at most every 60 seconds, the lag the contract allows; an
 * answer then sums a few hundred rows whatever the number of cases. A worker may call refresh() on
 * a timer so that no request ever waits for a rebuild.
 */
import {
  ENDED_STATUSES,
  beijingDate,
  type StatsAnswer,
  type StatsFigures,
  type StatsQuery,
} from '@weiquan/shared';
import type { Db } from './db';
import { empty, identifier, join, sql, type Sql } from './sql';

/** The contract: figures may lag the store by at most 60 seconds. */
export const STATS_MAX_AGE_MS = 60_000;
/**
 * Past this age a request still answers from the tables but starts a rebuild in the background
 * (2.5-3 s over a million cases on PostgreSQL), so under steady traffic no request waits for one.
 */
export const STATS_REBUILD_AFTER_MS = 40_000;
const REFRESH_LOCK = 7_315_002;
// The last second of a due day counts in full (see isOverdue): on time means before due_at + 1 s.
const ON_TIME = sql`d.state = 'met' AND d.closed_at < d.due_at + interval '1 second'`;
// A deadline counts once it was met, or its due time passed before it stopped (or before now).
const COUNTED = (at: Date) =>
  sql`(d.state = 'met' OR d.due_at + interval '1 second' <= coalesce(d.closed_at, ${at}::timestamptz))`;
// Beijing month of a timestamptz. China has kept UTC+8 without DST since 1991, so a fixed offset is
// exact, and twice as fast over a million rows as AT TIME ZONE 'Asia/Shanghai' with to_char per row.
const MONTH_OF = (col: Sql) => sql`date_trunc('month', (${col} AT TIME ZONE 'UTC') + interval '8 hours')`;

const refreshMonthly = (at: Date) => sql`
INSERT INTO stats_monthly (month, category, received_complaint, received_report, received_consultation, complaints_ended,
  acceptance_counted, acceptance_on_time, closes, closes_mediated, ratings, rating_sum, ratings_4or5, recovered_fen,
  visits, visits_reached, visits_satisfied)
SELECT to_char(month, 'YYYY-MM'), category, sum(rc), sum(rr), sum(rq), sum(ended), sum(ac), sum(ao), sum(cl), sum(cm), sum(rt), sum(rs), sum(r45), sum(rec),
       sum(vi), sum(vr), sum(vs)
FROM (
  SELECT ${MONTH_OF(sql`c.created_at`)} AS month, c.category,
         count(*) FILTER (WHERE c.kind = 'complaint') AS rc, count(*) FILTER (WHERE c.kind = 'report') AS rr,
         count(*) FILTER (WHERE c.kind = 'consultation') AS rq,
         count(*) FILTER (WHERE c.kind = 'complaint' AND c.status = ANY(${ENDED_STATUSES}::text[])) AS ended,
         0 AS ac, 0 AS ao, 0 AS cl, 0 AS cm, 0 AS rt, 0 AS rs, 0 AS r45, 0 AS rec, 0 AS vi, 0 AS vr, 0 AS vs
    FROM cases c GROUP BY 1, 2
  UNION ALL
  SELECT date_trunc('month', d.due_date::timestamp), c.category, 0, 0, 0, 0,
         count(*), count(*) FILTER (WHERE ${ON_TIME}), 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM deadlines d JOIN cases c ON c.id = d.case_id
   WHERE d.kind = 'acceptance' AND ${COUNTED(at)}
   GROUP BY 1, 2
  UNION ALL
  SELECT ${MONTH_OF(sql`e.at`)}, c.category, 0, 0, 0, 0, 0, 0,
         count(*) FILTER (WHERE e.type = 'close'),
         count(*) FILTER (WHERE e.type = 'close' AND e.data->>'outcome' = 'mediated'),
         count(*) FILTER (WHERE e.type = 'rate'),
         coalesce(sum((e.data->>'score')::int) FILTER (WHERE e.type = 'rate'), 0),
         count(*) FILTER (WHERE e.type = 'rate' AND (e.data->>'score')::int >= 4),
         coalesce(sum(CASE WHEN e.type = 'close' THEN (e.data->>'recoveredFen')::bigint
                           WHEN e.type = 'accept_proposal' THEN (e.data->>'refundFen')::bigint END), 0),
         0, 0, 0
    FROM case_events e JOIN cases c ON c.id = e.case_id
   WHERE e.type IN ('close', 'rate', 'accept_proposal')
   GROUP BY 1, 2
  UNION ALL
  -- Follow-up visits (回访): a case's last visit counts, in the month it was recorded.
  SELECT ${MONTH_OF(sql`c.visit_at`)}, c.category, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
         count(*), count(*) FILTER (WHERE c.visit_result <> 'unreachable'),
         count(*) FILTER (WHERE c.visit_result IN ('satisfied', 'basically_satisfied'))
    FROM cases c WHERE c.visit_at IS NOT NULL
   GROUP BY 1, 2
) x
GROUP BY month, category`;

// Reports never count toward a merchant's figures: complaints only (merchant_response clocks are complaints').
const refreshMerchants = (at: Date) => sql`
INSERT INTO stats_merchant_monthly (month, merchant_id, category, received, response_counted, response_on_time)
SELECT to_char(month, 'YYYY-MM'), merchant_id, category, sum(r), sum(rc), sum(ro)
FROM (
  SELECT ${MONTH_OF(sql`c.created_at`)} AS month, c.merchant_id, c.category, count(*) AS r, 0 AS rc, 0 AS ro
    FROM cases c WHERE c.kind = 'complaint' AND c.merchant_id IS NOT NULL GROUP BY 1, 2, 3
  UNION ALL
  SELECT date_trunc('month', d.due_date::timestamp), c.merchant_id, c.category, 0, count(*), count(*) FILTER (WHERE ${ON_TIME})
    FROM deadlines d JOIN cases c ON c.id = d.case_id
   WHERE d.kind = 'merchant_response' AND c.kind = 'complaint' AND c.merchant_id IS NOT NULL AND ${COUNTED(at)}
   GROUP BY 1, 2, 3
) x
GROUP BY month, merchant_id, category`;

interface SumRow {
  month: string;
  received_complaint: number;
  received_report: number;
  received_consultation: number;
  complaints_ended: number;
  acceptance_counted: number;
  acceptance_on_time: number;
  closes: number;
  closes_mediated: number;
  ratings: number;
  rating_sum: number;
  ratings_4or5: number;
  recovered_fen: number;
  visits: number;
  visits_reached: number;
  visits_satisfied: number;
}
const SUM_COLUMNS: (keyof Omit<SumRow, 'month'>)[] = [
  'received_complaint',
  'received_report',
  'received_consultation',
  'complaints_ended',
  'acceptance_counted',
  'acceptance_on_time',
  'closes',
  'closes_mediated',
  'ratings',
  'rating_sum',
  'ratings_4or5',
  'recovered_fen',
  'visits',
  'visits_reached',
  'visits_satisfied',
];

const ratio = (num: number, den: number) => (den > 0 ? num / den : null);
function figures(r: Omit<SumRow, 'month'>): StatsFigures {
  return {
    received: {
      complaint: r.received_complaint,
      report: r.received_report,
      consultation: r.received_consultation,
    },
    acceptanceOnTimeRate: ratio(r.acceptance_on_time, r.acceptance_counted),
    completionRate: ratio(r.complaints_ended, r.received_complaint),
    mediationSuccessRate: ratio(r.closes_mediated, r.closes),
    satisfaction: {
      average: ratio(r.rating_sum, r.ratings),
      count: r.ratings,
      share4or5: ratio(r.ratings_4or5, r.ratings),
    },
    recoveredFen: r.recovered_fen,
    visit: { count: r.visits, satisfiedShare: ratio(r.visits_satisfied, r.visits_reached) },
  };
}
const zero = (): Omit<SumRow, 'month'> =>
  Object.fromEntries(SUM_COLUMNS.map((c) => [c, 0])) as Omit<SumRow, 'month'>;

/** 'YYYY-MM' months from..to inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (;;) {
    const s = `${y}-${String(m).padStart(2, '0')}`;
    if (s > to) return out;
    out.push(s);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
}
/** The default period: the 12 months ending with the current one (Beijing), inclusive. */
export function defaultPeriod(now: Date): { from: string; to: string } {
  const to = beijingDate(now).slice(0, 7);
  const idx = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - 1 - 11;
  return { from: `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`, to };
}

export function createStatsStore(
  db: Db,
  now: () => Date,
  opts: { maxAgeMs?: number; rebuildAfterMs?: number } = {},
) {
  const maxAge = opts.maxAgeMs ?? STATS_MAX_AGE_MS;
  const rebuildAfter = opts.rebuildAfterMs ?? STATS_REBUILD_AFTER_MS;
  let refreshedAt: number | null = null;
  let inflight: Promise<void> | null = null;

  const fresh = (at: number) => refreshedAt !== null && at >= refreshedAt && at - refreshedAt < maxAge;

  /** Rebuilds both summary tables in one transaction (readers keep the old rows until it commits). */
  /** Rebuilds unless the tables (perhaps rebuilt by another BFF meanwhile) are younger than minAgeMs. */
  async function refresh(minAgeMs: number): Promise<void> {
    const at = now();
    refreshedAt = await db.tx(async (q) => {
      // Several BFFs: one rebuild at a time; one that waited finds the tables fresh and stops.
      await q.query('SELECT pg_advisory_xact_lock($1)', [REFRESH_LOCK]);
      const [row] = await q.query<{ refreshed_at: Date | null }>(
        'SELECT refreshed_at FROM stats_refresh WHERE id = 1',
      );
      const last = row?.refreshed_at ? new Date(row.refreshed_at).getTime() : null;
      if (last !== null && at.getTime() >= last && at.getTime() - last < minAgeMs) return last;
      await q.query('DELETE FROM stats_monthly');
      await q.query('DELETE FROM stats_merchant_monthly');
      await q.query(refreshMonthly(at));
      await q.query(refreshMerchants(at));
      await q.query('UPDATE stats_refresh SET refreshed_at = $1 WHERE id = 1', [at]);
      return at.getTime();
    });
  }

  async function ensureFresh(): Promise<void> {
    const at = now().getTime();
    if (fresh(at)) {
      if (!inflight && refreshedAt !== null && at - refreshedAt >= rebuildAfter) {
        inflight = refresh(rebuildAfter)
          .catch(() => {}) // the next request past 60 s rebuilds (and reports) in the foreground
          .finally(() => {
            inflight = null;
          });
      }
      return;
    }
    if (!inflight) {
      // Another instance may have rebuilt them a moment ago.
      const [row] = await db.query<{ refreshed_at: Date | null }>(
        'SELECT refreshed_at FROM stats_refresh WHERE id = 1',
      );
      if (row?.refreshed_at) refreshedAt = new Date(row.refreshed_at).getTime();
      if (fresh(now().getTime())) return;
    }
    inflight ??= refresh(maxAge).finally(() => {
      inflight = null;
    });
    await inflight;
  }

  return {
    /** Rebuild now (a worker's timer, a benchmark's set-up); answers when done. */
    async refresh() {
      inflight ??= refresh(0).finally(() => {
        inflight = null;
      });
      await inflight;
    },

    async figures(query: StatsQuery): Promise<StatsAnswer> {
      await ensureFresh();
      const { from, to } =
        query.from && query.to ? { from: query.from, to: query.to } : resolvePeriod(query, now());
      const byCategory = query.category ? sql`AND category = ${query.category}` : empty;
      const sums = join(SUM_COLUMNS.map((c) => sql`sum(${identifier(c)})::bigint AS ${identifier(c)}`));
      const rows = await db.query<SumRow>(
        sql`SELECT month, ${sums} FROM stats_monthly WHERE month BETWEEN ${from} AND ${to} ${byCategory} GROUP BY month`,
      );
      const byMonth = new Map(rows.map((r) => [r.month, r]));
      const total = zero();
      const months = monthsBetween(from, to).map((month) => {
        const r = byMonth.get(month) ?? { month, ...zero() };
        for (const c of SUM_COLUMNS) total[c] += r[c];
        return { month, ...figures(r) };
      });

      const mCategory = query.category ? sql`AND s.category = ${query.category}` : empty;
      const mOnly = query.merchantId ? sql`AND m.id = ${query.merchantId}::uuid` : empty;
      const merchants = await db.query<{
        id: string;
        name: string;
        received: number;
        counted: number;
        on_time: number;
      }>(
        sql`SELECT m.id, m.name, coalesce(sum(s.received), 0)::bigint AS received,
                coalesce(sum(s.response_counted), 0)::bigint AS counted, coalesce(sum(s.response_on_time), 0)::bigint AS on_time
           FROM merchants m
           LEFT JOIN stats_merchant_monthly s ON s.merchant_id = m.id AND s.month BETWEEN ${from} AND ${to} ${mCategory}
          WHERE m.odr ${mOnly}
          GROUP BY m.id, m.name
          ORDER BY received DESC, m.name, m.id`,
      );
      return {
        from,
        to,
        months,
        totals: figures(total),
        merchants: merchants.map((m) => ({
          id: m.id,
          name: m.name,
          received: m.received,
          timelyRate: ratio(m.on_time, m.counted),
        })),
        asOf: new Date(refreshedAt ?? now().getTime()).toISOString(),
      };
    },
  };
}

/** A missing end: 12 months ending with the given one, or starting with it. */
function resolvePeriod(query: StatsQuery, at: Date): { from: string; to: string } {
  if (query.to) return { from: defaultPeriod(new Date(`${query.to}-15T00:00:00+08:00`)).from, to: query.to };
  if (query.from) {
    const idx = Number(query.from.slice(0, 4)) * 12 + Number(query.from.slice(5, 7)) - 1 + 11;
    const to = `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
    const current = beijingDate(at).slice(0, 7);
    return { from: query.from, to: to < current ? to : current < query.from ? query.from : current };
  }
  return defaultPeriod(at);
}
export type StatsStore = ReturnType<typeof createStatsStore>;
