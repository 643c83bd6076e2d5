/**
 * Whose request counts against which limit: the staff-login limit keys on the name login reads
 * (whitespace and case do not buy fresh guesses), and X-Forwarded-For is believed only from the
 * proxies TRUST_PROXY names (off by default: a client cannot pick its own bucket).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { STAFF, startTestApp, type TestApp } from '../support/test-app';
import { storeKinds } from '../support/test-db';

const LIMITS = {
  RATE_LIMIT: 'on',
  RATE_LIMIT_STAFF_LOGIN_PER_15_MINUTES: '3',
  RATE_LIMIT_WECHAT_LOGIN_PER_MINUTE: '3',
};

const loginFrom = (app: TestApp, n: number, forwardedFor?: string) =>
  app.api.post(
    '/auth/wechat',
    { code: `dev:xff${n}` },
    forwardedFor ? { headers: { 'X-Forwarded-For': forwardedFor } } : {},
  );

for (const store of storeKinds()) {
  describe(`rate-limit keys (${store})`, () => {
    let app: TestApp;
    let proxied: TestApp;
    before(async () => {
      app = await startTestApp({ store, env: LIMITS });
      proxied = await startTestApp({ store, env: { ...LIMITS, TRUST_PROXY: 'loopback' } });
    });
    after(async () => {
      await app.close();
      await proxied.close();
    });

    test('when staff-login guesses spell the username with spaces, tabs or capitals, then they share one limit, and the right password is refused past it', async () => {
      for (const username of [` ${STAFF.username}`, `${STAFF.username}\t`, STAFF.username.toUpperCase()])
        assert.equal((await app.api.post('/auth/staff', { username, password: 'wrong-guess' })).status, 401);
      const res = await app.api.post('/auth/staff', {
        username: ` ${STAFF.username}\t`,
        password: STAFF.password,
      });
      assert.equal(res.status, 429);
      assert.equal(res.body.error.code, 'RATE_LIMITED');
      assert.ok(Number(res.headers.get('retry-after')) >= 1);
    });

    test('when TRUST_PROXY is not set, then a client rotating X-Forwarded-For still counts as one client', async () => {
      for (let i = 0; i < 3; i++) assert.equal((await loginFrom(app, i, `203.0.113.${i}`)).status, 200);
      assert.equal((await loginFrom(app, 3, '203.0.113.99')).status, 429);
    });

    test('when TRUST_PROXY names the proxy, then each forwarded client has its own limit', async () => {
      for (let i = 0; i < 3; i++) assert.equal((await loginFrom(proxied, i, '198.51.100.7')).status, 200);
      assert.equal((await loginFrom(proxied, 3, '198.51.100.7')).status, 429);
      assert.equal((await loginFrom(proxied, 4, '198.51.100.8')).status, 200, 'another client is unaffected');
    });
  });
}
