import type { Db } from '../store/db';

export interface StoreFigures {
  oldestUnnotifiedSeconds: number;
  oldestDueDeliverySeconds: number;
  deliveries: Record<string, number>;
  deadlinesRunning: number;
  deadlinesOverdue: number;
}

/** What the outbox, the push queue and the deadlines look like now: one round trip per scrape. */
export async function readStoreFigures(db: Db, now: Date): Promise<StoreFigures> {
  const [row] = await db.query<{
    unnotified: number | null;
    due: number | null;
    deliveries: Record<string, number> | null;
    running: number;
    overdue: number;
  }>(
    `SELECT
       (SELECT extract(epoch FROM $1::timestamptz - min(at))::float8 FROM case_events WHERE notified_at IS NULL) AS unnotified,
       (SELECT extract(epoch FROM $1::timestamptz - min(next_attempt_at))::float8 FROM deliveries
         WHERE state = 'pending' AND next_attempt_at <= $1) AS due,
       (SELECT jsonb_object_agg(state, n) FROM (SELECT state, count(*)::int AS n FROM deliveries GROUP BY state) s) AS deliveries,
       (SELECT count(*)::int FROM deadlines WHERE state = 'running') AS running,
       (SELECT count(*)::int FROM deadlines WHERE state = 'running' AND due_at < $1) AS overdue`,
    [now],
  );
  return {
    oldestUnnotifiedSeconds: Math.max(0, row.unnotified ?? 0),
    oldestDueDeliverySeconds: Math.max(0, row.due ?? 0),
    deliveries: row.deliveries ?? {},
    deadlinesRunning: row.running,
    deadlinesOverdue: row.overdue,
  };
}
