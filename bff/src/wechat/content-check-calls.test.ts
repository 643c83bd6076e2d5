import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { createFakeWechat, type FakeWechatServer } from '../../../test/fakes/fake-wechat-server';
import { createMemoryTokenCache, createWechatClient } from './wechat-client';

const open: FakeWechatServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function world(opts: { textChecksPerMinute?: number; checkTimeoutMs?: number } = {}) {
  const clock = { ms: Date.parse('2026-11-24T02:00:00Z') };
  const fake = createFakeWechat({ now: () => clock.ms, textChecksPerMinute: opts.textChecksPerMinute });
  const server = await fake.start();
  open.push(server);
  const client = createWechatClient({
    appId: fake.appId,
    secret: fake.secret,
    apiBase: server.baseUrl,
    checkTimeoutMs: opts.checkTimeoutMs ?? 300,
    tokenCache: createMemoryTokenCache(),
    now: () => new Date(clock.ms),
  });
  fake.addUser('oAuthor');
  return { fake, client, clock };
}
const text = (content: string, openid = 'oAuthor') => ({ openid, content, scene: 2 as const });

describe('msgSecCheck v2', () => {
  test('when WeChat answers pass, review or risky, then the verdict carries the label and trace id', async () => {
    const { fake, client } = await world();
    fake.flagText('赌博', { suggest: 'risky', label: 20006 });
    fake.flagText('再议', { suggest: 'review', label: 21000 });
    const pass = await client.checkText(text('商家拒绝退货'));
    assert.equal(pass.kind, 'pass');
    assert.deepEqual(
      [await client.checkText(text('网上赌博')), await client.checkText(text('此事再议'))].map((v) => [
        v.kind,
        'label' in v ? v.label : null,
        'traceId' in v && typeof v.traceId === 'string',
      ]),
      [
        ['risky', 20006, true],
        ['review', 21000, true],
      ],
    );
    assert.deepEqual(fake.requests.filter((r) => r.endpoint === 'msg_sec_check').map((r) => r.body)[0], {
      content: '商家拒绝退货',
      version: 2,
      scene: 2,
      openid: 'oAuthor',
    });
  });

  test('when WeChat fails, hangs, is over its limit or the author is not active, then unchecked (never a throw)', async () => {
    const { fake, client, clock } = await world({ textChecksPerMinute: 2 });
    fake.failNext('msg_sec_check', { status: 502 });
    assert.equal((await client.checkText(text('一'))).kind, 'unchecked');
    fake.failNext('msg_sec_check', { hang: true });
    assert.equal((await client.checkText(text('二'))).kind, 'unchecked');
    assert.equal((await client.checkText(text('三'))).kind, 'pass');
    assert.equal((await client.checkText(text('四'))).kind, 'pass');
    const limited = await client.checkText(text('五'));
    assert.deepEqual([limited.kind, 'rateLimited' in limited && limited.rateLimited], ['unchecked', true]);
    clock.ms += 3 * 3600_000; // the author has not opened the mini-program for 3 hours: 61010
    const stale = await client.checkText(text('六'));
    assert.equal(stale.kind, 'unchecked');
    assert.match('reason' in stale ? stale.reason : '', /61010/);
  });

  test('when the token was replaced, then the check refreshes it once and still answers', async () => {
    const { fake, client } = await world();
    assert.equal((await client.checkText(text('一'))).kind, 'pass');
    fake.expireToken();
    assert.equal((await client.checkText(text('二'))).kind, 'pass');
  });
});

describe('mediaCheckAsync v2', () => {
  test('when the image URL is accepted, then a trace id comes back; a bad URL or unknown user is a failure', async () => {
    const { fake, client } = await world();
    const ok = await client.startMediaCheck({
      openid: 'oAuthor',
      mediaUrl: 'https://x.example/m/1',
      scene: 2,
    });
    assert.ok(ok.ok && ok.traceId);
    assert.deepEqual(
      fake.mediaChecks.map((c) => c.mediaUrl),
      ['https://x.example/m/1'],
    );
    assert.equal(
      (await client.startMediaCheck({ openid: 'oAuthor', mediaUrl: 'ftp://x', scene: 2 })).ok,
      false,
    );
    assert.equal(
      (await client.startMediaCheck({ openid: 'oNobody', mediaUrl: 'https://x.example/m/2', scene: 2 })).ok,
      false,
    );
  });
});
