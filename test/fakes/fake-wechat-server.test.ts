import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { createFakeWechat, type FakeWechatServer } from './fake-wechat-server';

const open: FakeWechatServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function started(seed?: number) {
  const clock = { ms: Date.parse('2026-11-24T02:00:00Z') };
  const fake = createFakeWechat({ now: () => clock.ms, seed, templates: { T: ['thing1'] } });
  const server = await fake.start();
  open.push(server);
  const token = async (force_refresh = false) => {
    const res = await fetch(`${server.baseUrl}/cgi-bin/stable_token`, {
      method: 'POST',
      body: JSON.stringify({
        grant_type: 'client_credential',
        appid: fake.appId,
        secret: fake.secret,
        force_refresh,
      }),
    });
    return (await res.json()) as { access_token?: string; expires_in?: number; errcode?: number };
  };
  const send = async (accessToken: string, touser = 'oU') => {
    const res = await fetch(`${server.baseUrl}/cgi-bin/message/subscribe/send?access_token=${accessToken}`, {
      method: 'POST',
      body: JSON.stringify({
        touser,
        template_id: 'T',
        page: 'pages/index/index',
        data: { thing1: { value: 'hi' } },
      }),
    });
    return (await res.json()) as { errcode: number; errmsg: string; msgid?: number };
  };
  return { fake, server, clock, token, send };
}

test('when stable_token is asked twice in normal mode, then it answers the same token', async () => {
  const { token } = await started();
  const a = await token();
  const b = await token();
  assert.equal(a.access_token, b.access_token);
  assert.equal(a.expires_in, 7200);
});

test('when less than 5 minutes are left, then normal mode hands out a new token and the old one still works', async () => {
  const { fake, clock, token, send } = await started();
  fake.addUser('oU');
  const a = await token();
  clock.ms += 7000 * 1000;
  const b = await token();
  assert.notEqual(a.access_token, b.access_token);
  assert.equal((await send(a.access_token!)).errcode, 0);
  clock.ms += 201 * 1000;
  assert.equal((await send(a.access_token!)).errcode, 42001);
  assert.equal((await send(b.access_token!)).errcode, 0);
});

test('when force_refresh is true, then the old token stops working at once', async () => {
  const { fake, token, send } = await started();
  fake.addUser('oU');
  const a = await token();
  const b = await token(true);
  assert.notEqual(a.access_token, b.access_token);
  assert.equal((await send(a.access_token!)).errcode, 40001);
  assert.equal((await send(b.access_token!)).errcode, 0);
});

test('when the secret is wrong, then 40125', async () => {
  const { fake, server } = await started();
  const res = await fetch(`${server.baseUrl}/cgi-bin/stable_token`, {
    method: 'POST',
    body: JSON.stringify({ grant_type: 'client_credential', appid: fake.appId, secret: 'nope' }),
  });
  assert.equal(((await res.json()) as { errcode: number }).errcode, 40125);
});

test('when a failure ratio is set with a seed, then the same calls fail on every run', async () => {
  const pattern = async () => {
    const { fake, token, send } = await started(42);
    fake.addUser('oU');
    const t = (await token()).access_token!;
    fake.failRandomly('send', 0.5, { errcode: -1 });
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await send(t)).errcode);
    return codes;
  };
  const first = await pattern();
  assert.deepEqual(await pattern(), first);
  assert.ok(first.includes(-1) && first.includes(0), first.join(','));
});
