import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors';
import { createWechatEmulator } from './wechat-emulator';
import { createWechat } from './create-wechat';
import { createMemoryTokenCache } from './wechat-client';

test('when the code is dev:<name>, then the emulator answers that openid', async () => {
  const wx = createWechatEmulator();
  assert.equal(wx.mode, 'emulator');
  assert.deepEqual(await wx.code2Session('dev:alice'), { openid: 'dev:alice' });
  assert.deepEqual(await wx.code2Session('dev:张三_merchant-1'), { openid: 'dev:张三_merchant-1' });
  assert.deepEqual(await wx.code2Session(`dev:${'好'.repeat(32)}`), { openid: `dev:${'好'.repeat(32)}` });
});

test('when the code is anything else, then UNAUTHENTICATED', async () => {
  const wx = createWechatEmulator();
  for (const code of [
    '',
    'alice',
    'dev:',
    'dev:a b',
    'dev:a/b',
    `dev:${'a'.repeat(33)}`,
    'dev:😀',
    'DEV:alice',
    'dev:alice\n',
  ]) {
    await assert.rejects(
      wx.code2Session(code),
      (err: unknown) => err instanceof AppError && err.code === 'UNAUTHENTICATED',
      code,
    );
  }
});

test('when a subscribe message is sent, then the emulator records it and answers ok', async () => {
  const wx = createWechatEmulator();
  const msg = {
    touser: 'dev:alice',
    templateId: 'tpl',
    page: 'pages/index/index',
    data: { thing1: { value: '你好' } },
  };
  const outcome = await wx.sendSubscribeMessage(msg);
  assert.equal(outcome.ok, true);
  assert.deepEqual(wx.sent, [msg]);
});

test('when no app id and secret are configured, then createWechat picks the emulator; half a pair is refused', () => {
  const cache = createMemoryTokenCache();
  assert.equal(createWechat({ WECHAT_API_BASE: 'https://api.weixin.qq.com' }, cache).mode, 'emulator');
  assert.equal(
    createWechat(
      { WECHAT_APPID: 'wx1', WECHAT_SECRET: 's', WECHAT_API_BASE: 'https://api.weixin.qq.com' },
      cache,
    ).mode,
    'wechat',
  );
  assert.throws(
    () => createWechat({ WECHAT_APPID: 'wx1', WECHAT_API_BASE: 'https://api.weixin.qq.com' }, cache),
    /together/,
  );
});
