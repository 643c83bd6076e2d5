/**
 * GET /metrics for Prometheus: process metrics, request durations by route template, and the
 * `weiquan_` figures of the outbox, the deadlines and the database pool (read when scraped).
 */
import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../store/db';
import { readStoreFigures } from './store-figures';

export interface Metrics {
  /** times every answer by method, route template (never the raw path: ids would explode the series) and status */
  timeRequests: RequestHandler;
  /** the scrape endpoint, behind METRICS_TOKEN when it is set */
  scrape: RequestHandler;
}

// Express restores baseUrl when a router is left with an error, so an errored API route would lose
// its mount point by the time the answer is finished: it is put back from the URL.
const routeOf = (req: Request) => {
  if (!req.route) return 'unmatched';
  const base = req.baseUrl || (req.originalUrl.startsWith('/api/v1/') ? '/api/v1' : '');
  return `${base}${String(req.route.path)}`;
};

export function createMetrics(db: Db, now: () => Date, token: string | undefined): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP answers by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  // One query per scrape fills every store gauge; the gauges' collect() calls share it.
  let figures: ReturnType<typeof readStoreFigures> | null = null;
  const read = () =>
    (figures ??= readStoreFigures(db, now()).finally(() => setTimeout(() => (figures = null))));
  const gauge = (
    name: string,
    help: string,
    labelNames: string[],
    fill: (g: Gauge, f: Awaited<ReturnType<typeof readStoreFigures>>) => void,
  ) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        this.reset();
        fill(this, await read());
      },
    });
  gauge(
    'weiquan_outbox_oldest_unsent_seconds',
    'Age of the oldest case event not yet turned into notices (0 when none)',
    [],
    (g, f) => g.set(f.oldestUnnotifiedSeconds),
  );
  gauge(
    'weiquan_push_oldest_due_seconds',
    'How long the oldest due push delivery has waited (0 when none)',
    [],
    (g, f) => g.set(f.oldestDueDeliverySeconds),
  );
  gauge(
    'weiquan_push_deliveries',
    'Push deliveries by state (sent, pending, sending, no_subscription, dead)',
    ['state'],
    (g, f) => {
      for (const [state, n] of Object.entries(f.deliveries)) g.set({ state }, n);
    },
  );
  gauge('weiquan_push_dead_letters', 'Push deliveries given up on (state dead)', [], (g, f) =>
    g.set(f.deliveries.dead ?? 0),
  );
  gauge('weiquan_deadlines_running', 'Deadlines running', [], (g, f) => g.set(f.deadlinesRunning));
  gauge('weiquan_deadlines_overdue', 'Running deadlines past their due time', [], (g, f) =>
    g.set(f.deadlinesOverdue),
  );
  new Gauge({
    name: 'weiquan_db_pool_connections',
    help: 'Database pool connections by state (total, idle, waiting clients); PostgreSQL only',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const stats = db.poolStats?.();
      if (!stats) return;
      for (const [state, n] of Object.entries(stats)) this.set({ state }, n);
    },
  });

  const expected = token ? Buffer.from(`Bearer ${token}`) : null;
  const allowed = (header: string | undefined) => {
    if (!expected) return true;
    const given = Buffer.from(header ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  return {
    timeRequests: (req, res, next) => {
      const end = duration.startTimer();
      res.once('finish', () => end({ method: req.method, route: routeOf(req), status: res.statusCode }));
      next();
    },
    scrape: (req, res, next) => {
      if (!allowed(req.headers.authorization)) {
        res.setHeader('WWW-Authenticate', 'Bearer');
        return void res
          .status(401)
          .json({ error: { code: 'UNAUTHENTICATED', message: 'A metrics token is required' } });
      }
      registry.metrics().then((text) => {
        res.setHeader('Content-Type', registry.contentType);
        res.end(text);
      }, next);
    },
  };
}
