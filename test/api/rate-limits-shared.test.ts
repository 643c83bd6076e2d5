/**
 * Limits that hold across instances: two BFFs on one database count one user's filings together,
 * in PostgreSQL (with a database server) or in Redis (REDIS_URL), so N BFFs never allow N times a limit.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { complaintBody, fileComplaint, loginConsumer } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { storeKinds, type StoreKind } from '../support/test-db';

const LIMITS = {
  RATE_LIMIT: 'on',
  RATE_LIMIT_FILINGS_PER_DAY: '3',
  RATE_LIMIT_WECHAT_LOGIN_PER_MINUTE: '10000',
  JWT_SECRET: 's'.repeat(40),
  PII_KEY: Buffer.alloc(32, 5).toString('base64'),
};

const setups: { counters: 'postgres' | 'redis'; store: StoreKind; env: Record<string, string> }[] = [
  ...storeKinds()
    .filter((s) => s === 'postgres')
    .map((store) => ({ counters: 'postgres' as const, store, env: {} })),
  ...(process.env.REDIS_URL
    ? [{ counters: 'redis' as const, store: 'pglite' as const, env: { REDIS_URL: process.env.REDIS_URL } }]
    : []),
];

for (const { counters, store, env } of setups) {
  describe(`rate limits shared by two BFFs: ${counters} (${store})`, () => {
    let a: TestApp;
    let b: TestApp;
    before(async () => {
      a = await startTestApp({ store, env: { ...LIMITS, ...env } });
      b = await startTestApp({ store, env: { ...LIMITS, ...env }, database: a.database });
    });
    after(async () => {
      await b.stop();
      await b.services.counters.close();
      await a.services.counters.close();
      await a.close();
    });

    test('when a user files through both BFFs in turn, then the daily limit holds in total: the fourth filing is a 429 with Retry-After on either', async () => {
      assert.equal(a.services.counters.kind, counters);
      const user = await loginConsumer(a);
      await fileComplaint(a, user.accessToken);
      await fileComplaint(b, user.accessToken);
      await fileComplaint(a, user.accessToken);
      for (const app of [b, a]) {
        const res = await app.api.post('/cases', complaintBody(), {
          token: user.accessToken,
          headers: { 'Idempotency-Key': randomUUID() },
        });
        assert.equal(res.status, 429);
        assert.equal(res.body.error.code, 'RATE_LIMITED');
        assert.ok(Number(res.headers.get('retry-after')) > 3600, 'a daily limit: retry in hours');
      }
      const [{ n }] = await a.services.store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases');
      assert.equal(n, 3);
      const other = await loginConsumer(b);
      await fileComplaint(b, other.accessToken);
    });
  });
}
