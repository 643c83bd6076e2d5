/**
 * GET /metrics: Prometheus text behind METRICS_TOKEN, with process metrics, request durations by
 * route template (not by raw path) and the weiquan_ figures of the outbox and the deadlines.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createMerchant, fileComplaint, loginConsumer } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { storeKinds } from '../support/test-db';

const TOKEN = 'metrics-token-for-tests-0123456789';

const value = (text: string, series: string): number => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  assert.ok(line, `series ${series} in:\n${text.slice(0, 2000)}`);
  return Number(line.slice(series.length + 1));
};

for (const store of storeKinds()) {
  describe(`metrics (${store})`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp({ store, env: { METRICS_TOKEN: TOKEN } });
    });
    after(() => app.close());

    const scrape = (token?: string) =>
      fetch(`${app.baseUrl}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

    test('when /metrics is called without the token or with a wrong one, then it is a 401 in the error shape', async () => {
      for (const res of [await scrape(), await scrape('not-the-token-0123456789abcdef')]) {
        assert.equal(res.status, 401);
        assert.equal(((await res.json()) as any).error.code, 'UNAUTHENTICATED');
      }
    });

    test('when cases are filed and read, then the scrape shows process metrics, durations by route template, and an outbox whose oldest event ages with the clock', async () => {
      const consumer = await loginConsumer(app);
      const merchant = await createMerchant(app, { odr: true });
      const filed = await fileComplaint(app, consumer.accessToken, {
        merchant: { id: merchant.id },
      });
      await app.api.get(`/cases/${filed.id}`, { token: consumer.accessToken });
      await app.api.get(`/cases/${randomUUID()}`, { token: consumer.accessToken });
      app.clock.advance(90_000);

      const res = await scrape(TOKEN);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
      const text = await res.text();
      assert.match(text, /^process_cpu_seconds_total \d/m);
      assert.match(
        text,
        /^http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/cases\/:id",status="200"\} 1$/m,
      );
      assert.match(
        text,
        /^http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/cases\/:id",status="404"\} 1$/m,
      );
      assert.doesNotMatch(text, new RegExp(filed.id), 'no raw ids in the series');
      // The notifier does not run in this app: the filing's events wait in the outbox.
      assert.ok(value(text, 'weiquan_outbox_oldest_unsent_seconds') >= 90);
      assert.ok(value(text, 'weiquan_deadlines_running') >= 1, 'the ODR reply deadline runs');
      assert.equal(value(text, 'weiquan_deadlines_overdue'), 0);
      assert.equal(value(text, 'weiquan_push_dead_letters'), 0);
      if (store === 'postgres') assert.ok(value(text, 'weiquan_db_pool_connections{state="total"}') >= 1);

      app.clock.advance(30 * 24 * 3600_000);
      assert.ok(
        value(await (await scrape(TOKEN)).text(), 'weiquan_deadlines_overdue') >= 1,
        'a month later it is overdue',
      );
    });
  });
}
