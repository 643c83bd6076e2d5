// Issue 6, faults: the fake WeChat fails 30% of sends (HTTP 5xx and hangs, mixed) while 1,000 changes
// flow through a running notifier -> every message is delivered exactly once or dead-lettered with a reason.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fileComplaint, loginStaff } from '../support/factories';
import { storeKinds } from '../support/test-db';
import { TEMPLATES, startNotifyWorld, type NotifyWorld } from './notify-world';

const CONSUMERS = 50;
const CHANGES_EACH = 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function pool<T>(items: T[], width: number, fn: (item: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

for (const store of storeKinds()) {
  describe(`notifier under WeChat faults (${store})`, () => {
    let w: NotifyWorld;
    before(async () => {
      // The production timeout (5 s): embedded PGlite runs queries on the event loop and stalled it
      // for up to 2.5 s under this load, long enough for a shorter timeout to give up on a send
      // WeChat had accepted; the retry is then a real duplicate (WeChat's send has no idempotency key).
      w = await startNotifyWorld(store, {
        env: { WECHAT_TIMEOUT_MS: '5000' },
        notify: { notifier: { concurrency: 64, pollMs: 20, leaseMs: 24 * 3600_000 } },
      });
    });
    after(() => w.close());

    test(
      'when 30% of sends fail with 5xx or hang while 1,000 changes flow, then every message is delivered exactly once or dead-lettered with a reason',
      { timeout: 180_000 },
      async () => {
        const { app, fake } = w;
        const staff = (await loginStaff(app)).accessToken;
        const consumers = [];
        for (let i = 0; i < CONSUMERS; i++) consumers.push(await w.login(`oChaos_${process.pid}_${i}`));
        // Setup only (the subscriptions API has its own tests): CHANGES_EACH one-time grants each.
        await app.services.store.db.query(
          `INSERT INTO subscription_grants (user_id, template_id, remaining) SELECT id, $1, $2 FROM users WHERE openid LIKE 'oChaos_%'`,
          [TEMPLATES.caseUpdate, CHANGES_EACH],
        );
        const cases = [];
        for (const c of consumers) cases.push(await fileComplaint(app, c.accessToken));

        // Failures switch between kinds every 50 ms, so both kinds hit every phase of the run.
        let flip = 0;
        const faults = setInterval(
          () => fake.failRandomly('send', 0.3, ++flip % 2 ? { status: 503 } : { hang: true }),
          50,
        );
        fake.failRandomly('send', 0.3, { status: 502 });
        app.notifications.notifier.start();

        try {
          const changes = cases.flatMap((c) =>
            Array.from({ length: CHANGES_EACH }, (_, i) => ({ id: c.id, text: `第${i + 1}次进展通知` })),
          );
          await pool(changes, 4, async (ch) => {
            const res = await app.api.post(
              `/cases/${ch.id}/actions`,
              { type: 'message', text: ch.text },
              { token: staff },
            );
            assert.equal(res.status, 200, JSON.stringify(res.body));
          });

          // Retries wait for their backoff on the test clock: move it on whenever nothing is due. (No
          // worker dies here, so the lease is long: moving the clock never hands a send in flight to another.)
          const db = app.services.store.db;
          for (let round = 0; round < 3000; round++) {
            const [open] = await db.query<{ unsent: number; inflight: number; due: number; events: number }>(
              `SELECT count(*) FILTER (WHERE state IN ('pending', 'sending'))::int AS unsent,
                    count(*) FILTER (WHERE state = 'sending')::int AS inflight,
                    count(*) FILTER (WHERE state = 'pending' AND next_attempt_at <= $1)::int AS due,
                    (SELECT count(*)::int FROM case_events WHERE notified_at IS NULL) AS events
               FROM deliveries`,
              [app.clock.now()],
            );
            if (open.unsent === 0 && open.events === 0) break;
            if (open.due === 0 && open.events === 0) app.clock.advance(5 * 60_000);
            await sleep(50);
          }
        } finally {
          clearInterval(faults);

          await app.notifications.notifier.stop();
        }

        const rows = await app.services.store.db.query<{
          state: string;
          page: string;
          last_error: string | null;
          attempts: number;
        }>(
          `SELECT d.state, d.page, d.last_error, d.attempts, d.sent_at FROM deliveries d JOIN users u ON u.id = d.user_id WHERE u.openid LIKE 'oChaos_%'`,
        );
        assert.equal(
          rows.length,
          CONSUMERS * CHANGES_EACH,
          'one delivery per change (each consumer granted one per change)',
        );
        const sentPages = new Map<string, number>();
        for (const m of fake.sent) if (m.page) sentPages.set(m.page, (sentPages.get(m.page) ?? 0) + 1);
        let delivered = 0;
        let dead = 0;
        for (const r of rows) {
          if (r.state === 'sent') {
            assert.equal(sentPages.get(r.page), 1, `${r.page} delivered exactly once`);
            delivered += 1;
          } else {
            assert.equal(r.state, 'dead', `${r.page} is ${r.state}`);
            assert.ok(r.last_error && r.last_error.length > 0, 'a dead letter names its reason');
            assert.equal(sentPages.get(r.page) ?? 0, 0);
            dead += 1;
          }
        }
        assert.equal(delivered + dead, CONSUMERS * CHANGES_EACH);
        assert.ok(
          rows.some((r) => r.attempts > 1),
          'failures happened and were retried',
        );
        const [notices] = await app.services.store.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM inbox_notices n JOIN users u ON u.id = n.recipient_id WHERE u.openid LIKE 'oChaos_%'`,
        );
        assert.equal(notices.n, CONSUMERS * CHANGES_EACH, 'every change reached the inbox');
      },
    );
  });
}
