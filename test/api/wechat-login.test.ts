import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createFakeWechat, type FakeWechat } from '../fakes/fake-wechat-server';
import { startTestApp, type TestApp } from '../support/test-app';

describe('WeChat login against a faithful fake WeChat', () => {
  let wx: FakeWechat;
  let server: { baseUrl: string; close(): Promise<void> };
  let app: TestApp;
  before(async () => {
    wx = createFakeWechat({ appId: 'wx-test-app', secret: 'wx-test-secret' });
    server = await wx.start();
    app = await startTestApp({
      store: 'pglite',
      env: {
        WECHAT_APPID: 'wx-test-app',
        WECHAT_SECRET: 'wx-test-secret',
        WECHAT_API_BASE: server.baseUrl,
        WECHAT_TIMEOUT_MS: '500',
      },
    });
  });
  after(async () => {
    await app.close();
    await server.close();
  });

  test('when the code is fresh, then the same openid logs in as the same stable user', async () => {
    const first = await app.api.post('/auth/wechat', { code: wx.issueCode('openid-alice') });
    const second = await app.api.post('/auth/wechat', { code: wx.issueCode('openid-alice') });
    assert.equal(first.status, 200);
    assert.equal(second.body.user.id, first.body.user.id);
    assert.equal(first.body.user.role, 'consumer');
    assert.equal(first.body.expiresIn, 900);
    assert.ok(!JSON.stringify(first.body).includes('session_key'));
  });

  test('when the code is reused, unknown, or the user blocked, then 401 UNAUTHENTICATED', async () => {
    const code = wx.issueCode('openid-bob');
    assert.equal((await app.api.post('/auth/wechat', { code })).status, 200);
    const reused = await app.api.post('/auth/wechat', { code });
    assert.deepEqual([reused.status, reused.body.error.code], [401, 'UNAUTHENTICATED']);
    assert.equal((await app.api.post('/auth/wechat', { code: 'never-issued' })).status, 401);
    wx.block('openid-carol');
    assert.equal((await app.api.post('/auth/wechat', { code: wx.issueCode('openid-carol') })).status, 401);
  });

  test('when in WeChat mode, then emulator codes are refused and /meta says "wechat"', async () => {
    assert.equal((await app.api.post('/auth/wechat', { code: 'dev:mallory' })).status, 401);
    assert.equal((await app.api.get('/meta')).body.mode, 'wechat');
  });

  test('when WeChat fails, hangs or is busy, then 503 UNAVAILABLE, quickly, without a stack trace', async () => {
    wx.failNext('jscode2session', { status: 502 });
    const down = await app.api.post('/auth/wechat', { code: wx.issueCode('openid-dave') });
    assert.deepEqual([down.status, down.body.error.code], [503, 'UNAVAILABLE']);
    wx.failNext('jscode2session', { errcode: -1 });
    assert.equal((await app.api.post('/auth/wechat', { code: wx.issueCode('openid-dave') })).status, 503);
    wx.failNext('jscode2session', { hang: true });
    const started = Date.now();
    const hung = await app.api.post('/auth/wechat', { code: wx.issueCode('openid-dave') });
    assert.equal(hung.status, 503);
    assert.ok(Date.now() - started < 3000);
    assert.ok(!JSON.stringify(hung.body).includes(' at '), 'no stack trace');
  });
});
