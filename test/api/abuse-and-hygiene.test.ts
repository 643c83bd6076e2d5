/**
 * Abuse limits (429 with Retry-After, per user and per IP), HTTP hygiene (security headers, the
 * CORS allow-list) and secrets: a whole lifecycle leaves no token, phone, ID number or password in
 * any log line, and no phone or ID number in plaintext anywhere in the store.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  act,
  complaintBody,
  createMerchant,
  fileComplaint,
  loginConsumer,
  loginMerchant,
  loginStaff,
  upload,
} from '../support/factories';
import { STAFF, startTestApp, type TestApp } from '../support/test-app';
import { storeKinds } from '../support/test-db';

function expect429(res: { status: number; body: any; headers: Headers }, what: string) {
  assert.equal(res.status, 429, `${what}: ${JSON.stringify(res.body)}`);
  assert.equal(res.body.error.code, 'RATE_LIMITED');
  const retry = Number(res.headers.get('retry-after'));
  assert.ok(
    Number.isInteger(retry) && retry >= 1,
    `${what}: Retry-After in seconds, got ${res.headers.get('retry-after')}`,
  );
}

for (const store of storeKinds()) {
  describe(`rate limits (${store})`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp({
        store,
        env: {
          RATE_LIMIT: 'on',
          RATE_LIMIT_WECHAT_LOGIN_PER_MINUTE: '12',
          RATE_LIMIT_STAFF_LOGIN_PER_15_MINUTES: '3',
          RATE_LIMIT_FILINGS_PER_DAY: '3',
          RATE_LIMIT_UPLOADS_PER_DAY: '2',
          RATE_LIMIT_ACTIONS_PER_MINUTE: '4',
        },
      });
    });
    after(() => app.close());

    test('when a user files more than the daily limit, valid or not, then the next filing is a 429 with Retry-After, and another user is unaffected', async () => {
      const a = await loginConsumer(app);
      const b = await loginConsumer(app);
      await fileComplaint(app, a.accessToken);
      assert.equal(
        (
          await app.api.post(
            '/cases',
            { kind: 'complaint' },
            { token: a.accessToken, headers: { 'Idempotency-Key': randomUUID() } },
          )
        ).status,
        400,
      );
      await fileComplaint(app, a.accessToken);
      expect429(
        await app.api.post('/cases', complaintBody(), {
          token: a.accessToken,
          headers: { 'Idempotency-Key': randomUUID() },
        }),
        'fourth filing',
      );
      const [{ n }] = await app.services.store.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM cases',
      );
      assert.equal(n, 2);
      await fileComplaint(app, b.accessToken);
    });

    test('when a user sends more actions or uploads than allowed, then those are 429s for that user only', async () => {
      const a = await loginConsumer(app);
      const b = await loginConsumer(app);
      const c = await fileComplaint(app, a.accessToken);
      for (let i = 0; i < 4; i++)
        await act(app, a.accessToken, c.id, { type: 'supplement', text: `补充${i}` });
      expect429(
        await app.api.post(
          `/cases/${c.id}/actions`,
          { type: 'supplement', text: '再补充' },
          { token: a.accessToken },
        ),
        'fifth action',
      );
      assert.equal((await upload(app, b.accessToken)).status, 201);
      assert.equal((await upload(app, b.accessToken)).status, 201);
      expect429(await upload(app, b.accessToken), 'third upload');
      assert.equal((await upload(app, a.accessToken)).status, 201, 'another user still uploads');
    });

    test('when staff logins fail past the limit for one username, then even the right password is a 429 there, and other usernames are unaffected', async () => {
      for (let i = 0; i < 3; i++)
        assert.equal(
          (await app.api.post('/auth/staff', { username: STAFF.username, password: `guess-${i}` })).status,
          401,
        );
      expect429(await app.api.post('/auth/staff', STAFF), 'staff login after failures');
      assert.equal(
        (await app.api.post('/auth/staff', { username: 'someone-else', password: 'x' })).status,
        401,
      );
    });

    test('when one IP logs in too often, then WeChat logins are 429s with Retry-After', async () => {
      let last: Awaited<ReturnType<typeof app.api.post>> | undefined;
      for (let i = 0; i < 15; i++) {
        last = await app.api.post('/auth/wechat', { code: `dev:flood${i}` });
        if (last.status === 429) break;
      }
      expect429(last!, 'login flood');
    });
  });

  describe(`HTTP hygiene (${store})`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp({ store, env: { CORS_ORIGINS: 'https://h5.weiquan.example' } });
    });
    after(() => app.close());

    test('when any answer is sent, then it carries the security headers and no X-Powered-By', async () => {
      for (const res of [
        await app.api.get('/meta'),
        await app.api.get('/cases'),
        await app.api.get('/nope'),
        await app.api.get('/healthz'),
      ]) {
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
        assert.equal(res.headers.get('x-frame-options'), 'SAMEORIGIN');
        assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
        assert.match(res.headers.get('content-security-policy') ?? '', /object-src 'none'/);
        assert.match(res.headers.get('strict-transport-security') ?? '', /max-age=\d+/);
        assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
        assert.equal(res.headers.get('x-powered-by'), null);
        assert.ok(res.headers.get('x-request-id'));
      }
    });

    test('when an upload is read back, then it is served with its sniffed type and nosniff, never as HTML', async () => {
      const consumer = await loginConsumer(app);
      const up = await upload(app, consumer.accessToken, undefined, 'evil.html', 'text/html');
      assert.equal(up.status, 201);
      const res = await fetch(`${app.baseUrl}/api/v1/uploads/${up.body.id}`, {
        headers: { authorization: `Bearer ${consumer.accessToken}` },
      });
      assert.equal(res.headers.get('content-type'), 'image/png');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.match(res.headers.get('cache-control') ?? '', /private/);
    });

    test('when an allowed origin calls, then CORS answers it; an unlisted origin gets no Access-Control-Allow-Origin', async () => {
      const ok = await app.api.get('/meta', { headers: { origin: 'https://h5.weiquan.example' } });
      assert.equal(ok.headers.get('access-control-allow-origin'), 'https://h5.weiquan.example');
      const evil = await app.api.get('/meta', { headers: { origin: 'https://evil.example' } });
      assert.equal(evil.headers.get('access-control-allow-origin'), null);
      const lookalike = await app.api.get('/meta', {
        headers: { origin: 'https://h5.weiquan.example.evil.example' },
      });
      assert.equal(lookalike.headers.get('access-control-allow-origin'), null);
      const preflight = await app.api.request('OPTIONS', '/cases', undefined, {
        headers: {
          origin: 'https://evil.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization',
        },
      });
      assert.equal(preflight.headers.get('access-control-allow-origin'), null);
      const goodPreflight = await app.api.request('OPTIONS', '/cases', undefined, {
        headers: {
          origin: 'https://h5.weiquan.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,idempotency-key,content-type',
        },
      });
      assert.equal(goodPreflight.headers.get('access-control-allow-origin'), 'https://h5.weiquan.example');
      assert.match(goodPreflight.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/i);
      assert.equal(
        goodPreflight.headers.get('access-control-allow-credentials'),
        null,
        'bearer tokens, no cookies: no credentials',
      );
    });
  });

  describe(`secrets and personal data (${store})`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp({ store, env: { LOG_LEVEL: 'trace' } });
      app.clock.set('2026-11-24T02:00:00Z');
    });
    after(() => app.close());

    test('when a whole lifecycle runs (with failures), then no log line holds a token, phone, ID number, password or binding code, and the store holds no plaintext phone or ID number', async () => {
      const PHONE = '13987654321';
      const ID_NUMBER = '350203199001011234';
      const secrets: string[] = [PHONE, ID_NUMBER, STAFF.password];
      const merchant = await createMerchant(app, { odr: true });
      secrets.push(merchant.bindingCode);
      const shop = await loginMerchant(app, merchant);
      const consumer = await loginConsumer(app);
      const staff = await loginStaff(app);
      secrets.push(
        shop.accessToken,
        shop.refreshToken,
        consumer.accessToken,
        consumer.refreshToken,
        staff.accessToken,
        staff.refreshToken,
      );

      const profile = await app.api.put(
        '/me/profile',
        { name: '王五', phone: PHONE, address: '福建省厦门市思明区莲前东路100号', idNumber: ID_NUMBER },
        { token: consumer.accessToken },
      );
      assert.equal(profile.status, 200);
      const key = `idem-${randomUUID()}`;
      const filed = await app.api.post(
        '/cases',
        complaintBody({
          merchant: { id: merchant.id },
          complainant: { name: '王五', phone: PHONE, address: '福建省厦门市思明区莲前东路100号' },
        }),
        { token: consumer.accessToken, headers: { 'Idempotency-Key': key } },
      );
      assert.equal(filed.status, 201);
      await act(app, shop.accessToken, filed.body.id, {
        type: 'propose',
        text: `请拨打 ${PHONE} 联系我们`,
        refundFen: 100,
      });
      await act(app, consumer.accessToken, filed.body.id, { type: 'reject_proposal', reason: '不够' });
      await act(app, staff.accessToken, filed.body.id, { type: 'accept' });
      await act(app, staff.accessToken, filed.body.id, {
        type: 'close',
        outcome: 'mediated',
        text: '调解成功',
        recoveredFen: 100,
      });
      await act(app, consumer.accessToken, filed.body.id, { type: 'rate', score: 4 });
      const refreshed = await app.api.post('/auth/refresh', { refreshToken: consumer.refreshToken });
      secrets.push(refreshed.body.refreshToken, refreshed.body.accessToken);
      // Failures too: they are logged with more detail.
      await app.api.post('/auth/refresh', { refreshToken: consumer.refreshToken });
      await app.api.post('/auth/staff', { username: STAFF.username, password: `${STAFF.password}-wrong` });
      secrets.push(`${STAFF.password}-wrong`);
      await app.api.get(`/cases?access_token=${consumer.accessToken}&phone=${PHONE}`, {
        token: consumer.accessToken,
      });
      await app.api.post(
        '/cases',
        { ...complaintBody(), complainant: { name: '王五', phone: `${PHONE}x`, address: '福建省厦门市' } },
        { token: consumer.accessToken, headers: { 'Idempotency-Key': randomUUID() } },
      );
      await app.api.put(
        '/me/profile',
        { name: '王五', phone: PHONE, address: '福建省厦门市', idNumber: `${ID_NUMBER}9` },
        { token: consumer.accessToken },
      );
      await app.api.post('/auth/wechat', { code: `dev:${'x'.repeat(40)}` });
      await app.api.get('/me', { headers: { authorization: `Bearer ${consumer.accessToken}x` } });

      assert.ok(app.logLines.length > 20, 'the lifecycle was logged');
      const leaks = app.logLines.flatMap((line) => [
        ...secrets
          .filter((s) => line.includes(s))
          .map((s) => `${s.slice(0, 12)}... in ${line.slice(0, 200)}`),
        ...(/eyJ[\w-]{10,}\.[\w-]{10,}\./.test(line) ? [`a JWT in ${line.slice(0, 200)}`] : []),
        // Bounded by non-word characters: a UUID's hex group (e.g. "d14122349544") is not a phone number.
        ...(/(?<![\w-])1[3-9]\d{9}(?!\w)/.test(line) ? [`a phone number in ${line.slice(0, 200)}`] : []),
        ...(/(?<![\w-])\d{17}[\dXx](?!\w)/.test(line) ? [`an ID number in ${line.slice(0, 200)}`] : []),
      ]);
      assert.deepEqual(leaks, []);

      // The raw tables: every row of every table, as text.
      const tables = await app.services.store.db.query<{ tablename: string }>(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
      );
      const plaintext: string[] = [];
      for (const { tablename } of tables) {
        const rows = await app.services.store.db.query<{ t: string }>(
          `SELECT t::text AS t FROM "${tablename.replace(/"/g, '""')}" t`,
        );
        for (const { t } of rows) {
          if (t.includes(PHONE) && tablename !== 'case_events' && tablename !== 'cases')
            plaintext.push(`${tablename}: phone`);
          if (t.includes(ID_NUMBER)) plaintext.push(`${tablename}: ID number`);
          if (t.includes(STAFF.password)) plaintext.push(`${tablename}: staff password`);
          if (t.includes(merchant.bindingCode)) plaintext.push(`${tablename}: binding code`);
          for (const token of [consumer.refreshToken, refreshed.body.refreshToken])
            if (t.includes(token)) plaintext.push(`${tablename}: refresh token`);
        }
      }
      assert.deepEqual(plaintext, []);
      // The phone appears in cases/case_events only where the merchant typed it into a proposal, never as the contact.
      const [c] = await app.services.store.db.query<{ contact_enc: string; body: unknown }>(
        'SELECT contact_enc, body FROM cases WHERE id = $1',
        [filed.body.id],
      );
      assert.match(c.contact_enc, /^v1\.k1\./);
      assert.ok(!c.contact_enc.includes(PHONE) && !JSON.stringify(c.body).includes(PHONE));
      const [u] = await app.services.store.db.query<{ profile_enc: string }>(
        'SELECT profile_enc FROM users WHERE id = $1',
        [consumer.user.id],
      );
      assert.match(u.profile_enc, /^v1\.k1\./);
      const [k] = await app.services.store.db.query<{ answer_enc: string }>(
        'SELECT answer_enc FROM idempotency_keys WHERE key = $1',
        [key],
      );
      assert.match(k.answer_enc, /^v1\.k1\./);
    });
  });
}
