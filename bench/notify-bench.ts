/**
 * `npm run bench:notify`: the notification pipeline against the fake WeChat (a benchmark, not a test).
 * 1. throughput: N changes already in the outbox, one worker (fan-out + sends) -> sends per second;
 * 2. latency: changes at a steady rate while the worker runs -> p50/p99 from the change to its send call.
 * PGlite by default; PostgreSQL too when DATABASE_URL is set. Options: BENCH_CHANGES, BENCH_RATE, BENCH_SECONDS.
 */
import os from 'node:os';
import type { Caller } from '../bff/src/auth/caller';
import { createNotifications } from '../bff/src/notify';
import { fileComplaint } from '../test/support/factories';
import { storeKinds } from '../test/support/test-db';
import { TEMPLATES, startNotifyWorld } from '../test/notify/notify-world';

// at most 50 grants per user and template: CHANGES <= 50 * CONSUMERS
const CHANGES = Math.min(Number(process.env.BENCH_CHANGES ?? 2500), 2500);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONSUMERS = 50;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function run(store: 'pglite' | 'postgres') {
  const realClock = { now: () => new Date(), set() {}, advance() {} };
  const w = await startNotifyWorld(store, { clock: realClock, env: { LOG_LEVEL: 'warn' } });
  const { app, fake } = w;
  try {
    const consumers = [];
    for (let i = 0; i < CONSUMERS; i++) consumers.push(await w.login(`oBench_${i}`));
    await app.services.store.db.query(
      `INSERT INTO subscription_grants (user_id, template_id, remaining) SELECT id, $1, 50 FROM users WHERE openid LIKE 'oBench_%'`,
      [TEMPLATES.caseUpdate],
    );
    const cases = [];
    for (const c of consumers) cases.push(await fileComplaint(app, c.accessToken));
    const [staffRow] = await app.services.store.db.query<{ id: string }>(
      'SELECT id FROM staff_accounts LIMIT 1',
    );
    const staff: Caller = { role: 'staff', id: staffRow.id };
    const notifications = createNotifications(app.services);
    await notifications.notifier.drain();
    const refill = () =>
      app.services.store.db.query(`UPDATE subscription_grants SET remaining = 50 WHERE template_id = $1`, [
        TEMPLATES.caseUpdate,
      ]);

    // 1. Throughput: the outbox holds CHANGES events; one worker fans out and sends them all.
    await refill();
    for (let i = 0; i < CHANGES; i++)
      await app.services.store.cases.act(staff, cases[i % CONSUMERS].id, {
        type: 'message',
        text: `进展 ${i}`,
      });
    const sentBefore = fake.sent.length;
    const t0 = performance.now();
    await notifications.notifier.drain();
    const seconds = (performance.now() - t0) / 1000;
    const sends = fake.sent.length - sentBefore;

    // 2. Latency: RATE changes per second for SECONDS while the worker's loops run.
    await refill();
    notifications.start();
    const latencyFrom = fake.sent.length;
    const total = RATE * SECONDS;
    const started = performance.now();
    const inflight: Promise<unknown>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      inflight.push(
        app.services.store.cases.act(staff, cases[i % CONSUMERS].id, { type: 'message', text: `延迟 ${i}` }),
      );
      if (i % 1000 === 999) void refill();
    }
    await Promise.all(inflight);
    const deadline = Date.now() + 30_000;
    while (fake.sent.length - latencyFrom < total && Date.now() < deadline) await sleep(50);
    await notifications.stop();
    const rows = await app.services.store.db.query<{ page: string; source_at: Date }>(
      'SELECT page, source_at FROM deliveries',
    );
    const sourceAt = new Map(rows.map((r) => [r.page, r.source_at.getTime()]));
    const latencies = fake.sent.slice(latencyFrom).map((m) => m.at.getTime() - sourceAt.get(m.page!)!);
    return {
      store,
      throughput: { sends, seconds: Number(seconds.toFixed(2)), sendsPerSecond: Math.round(sends / seconds) },
      latency: {
        rate: RATE,
        changes: total,
        delivered: latencies.length,
        p50ms: pct(latencies, 50),
        p99ms: pct(latencies, 99),
        maxms: Math.max(...latencies),
      },
    };
  } finally {
    await w.close();
  }
}

const results = [];
for (const store of storeKinds()) results.push(await run(store));
console.log(
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpu: os.cpus()[0]?.model,
      cpus: os.cpus().length,
      results,
    },
    null,
    2,
  ),
);
process.exit(0);
