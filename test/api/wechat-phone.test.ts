import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createFakeWechat, type FakeWechat, type FakeWechatServer } from '../fakes/fake-wechat-server';
import { loginConsumer } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { storeKinds } from '../support/test-db';

const PROFILE = { name: '李四', phone: '13900001111', address: '福建省厦门市思明区莲前东路100号' };

for (const store of storeKinds()) {
  describe(`POST /me/phone with getuserphonenumber (${store})`, () => {
    let wx: FakeWechat;
    let server: FakeWechatServer;
    let app: TestApp;
    before(async () => {
      wx = createFakeWechat({ appId: 'wx-phone-app', secret: 'wx-phone-secret' });
      server = await wx.start();
      app = await startTestApp({
        store,
        env: {
          WECHAT_APPID: wx.appId,
          WECHAT_SECRET: wx.secret,
          WECHAT_API_BASE: server.baseUrl,
          WECHAT_TIMEOUT_MS: '500',
        },
      });
    });
    after(async () => {
      await app.close();
      await server.close();
    });
    const login = async (openid: string) =>
      (await app.api.post('/auth/wechat', { code: wx.issueCode(openid) })).body.accessToken as string;

    test('when the code is fresh, then the verified phone replaces the profile phone, answered masked, stored sealed', async () => {
      const token = await login(`o-phone-${store}-1`);
      await app.api.put('/me/profile', PROFILE, { token });
      const res = await app.api.post('/me/phone', { code: wx.issuePhoneCode('13712345678') }, { token });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body, {
        profile: { ...PROFILE, phone: '137****5678' },
        verifiedPhone: '137****5678',
      });
      const me = await app.api.get('/me', { token });
      assert.equal(me.body.profile.phone, '13712345678');
      assert.equal(me.body.verifiedPhone, '13712345678');
      const [row] = await app.services.store.db.query<{ v: string }>(
        'SELECT verified_phone_enc AS v FROM users WHERE id = $1',
        [me.body.user.id],
      );
      assert.ok(row.v && !row.v.includes('13712345678'), 'sealed at rest');
      assert.ok(!app.logLines.some((l) => l.includes('13712345678')), 'no phone number in the logs');
    });

    test('when the code is bad, used or expired, then 401 UNAUTHENTICATED and the profile is unchanged', async () => {
      const token = await login(`o-phone-${store}-2`);
      await app.api.put('/me/profile', PROFILE, { token });
      const bad = await app.api.post('/me/phone', { code: 'never-issued-code' }, { token });
      assert.deepEqual([bad.status, bad.body.error.code], [401, 'UNAUTHENTICATED']);
      const code = wx.issuePhoneCode('13700000001');
      assert.equal((await app.api.post('/me/phone', { code }, { token })).status, 200);
      assert.equal((await app.api.post('/me/phone', { code }, { token })).status, 401, 'single use');
      const expired = wx.issuePhoneCode('13700000002');
      wx.advance(5 * 60_000 + 1000);
      const late = await app.api.post('/me/phone', { code: expired }, { token });
      assert.deepEqual([late.status, late.body.error.code], [401, 'UNAUTHENTICATED']);
      assert.equal((await app.api.get('/me', { token })).body.profile.phone, '13700000001');
    });

    test('when WeChat fails or hangs, then 503 UNAVAILABLE; a missing code is 400', async () => {
      const token = await login(`o-phone-${store}-3`);
      wx.failNext('getuserphonenumber', { errcode: -1 });
      assert.equal(
        (await app.api.post('/me/phone', { code: wx.issuePhoneCode('13700000003') }, { token })).status,
        503,
      );
      wx.failNext('getuserphonenumber', { hang: true });
      assert.equal(
        (await app.api.post('/me/phone', { code: wx.issuePhoneCode('13700000004') }, { token })).status,
        503,
      );
      const missing = await app.api.post('/me/phone', {}, { token });
      assert.deepEqual([missing.status, missing.body.error.code], [400, 'VALIDATION_FAILED']);
    });
  });

  describe(`POST /me/phone in emulator mode (${store})`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp({ store });
    });
    after(() => app.close());

    test('when the code is dev:<11 digits>, then that number is verified; anything else is 401', async () => {
      const { accessToken: token } = await loginConsumer(app);
      const res = await app.api.post('/me/phone', { code: 'dev:13600001234' }, { token });
      assert.deepEqual(res.body, { profile: null, verifiedPhone: '136****1234' });
      assert.equal((await app.api.get('/me', { token })).body.verifiedPhone, '13600001234');
      assert.equal((await app.api.post('/me/phone', { code: 'dev:123' }, { token })).status, 401);
    });
  });
}
