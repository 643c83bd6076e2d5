import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createFakeWechat,
  type FakeWechat,
  type FakeWechatOptions,
  type FakeWechatServer,
} from '../../../test/fakes/fake-wechat-server';
import { AppError } from '../errors';
import {
  createMemoryTokenCache,
  createWechatClient,
  type SubscribeMessage,
  type Wechat,
} from './wechat-client';
import { amount, characterString, name, phrase, thing, time } from './subscribe-values';

const TEMPLATE = 'tpl-case-update';
const TEMPLATE_KEYS = ['thing1', 'thing2', 'time3', 'character_string4', 'phrase5', 'amount6', 'name7'];

interface World {
  fake: FakeWechat;
  server: FakeWechatServer;
  client: Wechat;
  clock: { ms: number };
}

const open: FakeWechatServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function world(
  over: { secret?: string; timeoutMs?: number; fake?: FakeWechatOptions } = {},
): Promise<World> {
  const clock = { ms: Date.parse('2026-11-24T02:00:00Z') };
  const fake = createFakeWechat({
    appId: 'wx1234567890abcdef',
    secret: 'the-real-secret-0123456789abcdef',
    templates: { [TEMPLATE]: TEMPLATE_KEYS },
    now: () => clock.ms,
    ...over.fake,
  });
  const server = await fake.start();
  open.push(server);
  const client = createWechatClient({
    appId: fake.appId,
    secret: over.secret ?? fake.secret,
    apiBase: server.baseUrl,
    timeoutMs: over.timeoutMs,
    tokenCache: createMemoryTokenCache(),
    now: () => new Date(clock.ms),
  });
  return { fake, server, client, clock };
}

function aMessage(touser: string, over: Partial<SubscribeMessage> = {}): SubscribeMessage {
  return {
    touser,
    templateId: TEMPLATE,
    page: 'pages/case/index?id=c_1',
    data: {
      thing1: { value: thing('某某电器专卖店') },
      thing2: { value: thing('商家已回复您的投诉') },
      time3: { value: time(new Date('2026-11-24T02:00:00Z')) },
      character_string4: { value: characterString('WQ-2026-000123') },
      phrase5: { value: phrase('已回复') },
      amount6: { value: amount(39900) },
      name7: { value: name('张三') },
    },
    miniprogramState: 'formal',
    lang: 'zh_CN',
    ...over,
  };
}

async function rejectsWith(p: Promise<unknown>, code: string, re?: RegExp): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof AppError, `expected AppError, got ${String(err)}`);
    assert.equal(err.code, code);
    if (re) assert.match(err.message, re);
    return err;
  }
  assert.fail(`expected ${code}`);
}

describe('code2Session', () => {
  test('when the code is fresh, then the session has the openid and unionid but no session_key', async () => {
    const { fake, client } = await world();
    const code = fake.issueCode('oUser_login_ok', { unionid: 'uUnion1' });
    const session = await client.code2Session(code);
    assert.deepEqual(session, { openid: 'oUser_login_ok', unionid: 'uUnion1' });
    assert.equal(fake.calls.jscode2session, 1);
  });

  test('when the code is unknown, then UNAUTHENTICATED (401)', async () => {
    const { client } = await world();
    const err = await rejectsWith(client.code2Session('0a1b2c3d-not-issued'), 'UNAUTHENTICATED');
    assert.equal(err.status, 401);
  });

  test('when the code was already used, then UNAUTHENTICATED with reason code_used', async () => {
    const { fake, client } = await world();
    const code = fake.issueCode('oUser_reuse');
    await client.code2Session(code);
    const err = await rejectsWith(client.code2Session(code), 'UNAUTHENTICATED', /already used/);
    assert.deepEqual(err.details, { reason: 'code_used', errcode: 40163 });
  });

  test('when the code is older than 5 minutes, then UNAUTHENTICATED', async () => {
    const { fake, client, clock } = await world();
    const code = fake.issueCode('oUser_slow');
    clock.ms += 5 * 60_000 + 1;
    await rejectsWith(client.code2Session(code), 'UNAUTHENTICATED');
  });

  test('when WeChat blocks the user, then UNAUTHENTICATED with reason blocked_user', async () => {
    const { fake, client } = await world();
    fake.block('oUser_risky');
    const err = await rejectsWith(client.code2Session(fake.issueCode('oUser_risky')), 'UNAUTHENTICATED');
    assert.deepEqual(err.details, { reason: 'blocked_user', errcode: 40226 });
  });

  test('when WeChat is down, then UNAVAILABLE', async () => {
    const { fake, server, client } = await world();
    const code = fake.issueCode('oUser_down');
    await server.close();
    const err = await rejectsWith(client.code2Session(code), 'UNAVAILABLE', /network error/);
    assert.equal(err.status, 503);
  });

  test('when WeChat never answers, then UNAVAILABLE after the timeout', async () => {
    const { fake, client } = await world({ timeoutMs: 150 });
    fake.failNext('jscode2session', { hang: true });
    const started = Date.now();
    await rejectsWith(client.code2Session(fake.issueCode('oUser_hang')), 'UNAVAILABLE', /150 ms/);
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 140 && elapsed < 2000, `took ${elapsed} ms`);
  });

  test('when WeChat answers 5xx, -1 or 45011, then UNAVAILABLE', async () => {
    const { fake, client } = await world();
    fake.failNext('jscode2session', { status: 502 });
    fake.failNext('jscode2session', { errcode: -1 });
    fake.failNext('jscode2session', { errcode: 45011 });
    await rejectsWith(client.code2Session(fake.issueCode('oA')), 'UNAVAILABLE', /HTTP 502/);
    await rejectsWith(client.code2Session(fake.issueCode('oA')), 'UNAVAILABLE', /errcode -1/);
    await rejectsWith(client.code2Session(fake.issueCode('oA')), 'UNAVAILABLE', /rate limited/);
  });

  test('when the secret is wrong, then UNAVAILABLE naming the setting without leaking the secret', async () => {
    const { fake, client } = await world({ secret: 'a-wrong-secret-value' });
    const err = await rejectsWith(
      client.code2Session(fake.issueCode('oA')),
      'UNAVAILABLE',
      /WECHAT_SECRET is wrong/,
    );
    assert.doesNotMatch(err.message, /a-wrong-secret-value/);
    assert.doesNotMatch(JSON.stringify(err.details), /a-wrong-secret-value/);
  });
});

describe('sendSubscribeMessage', () => {
  test('when many messages go out at once and in a row, then one access token serves them all', async () => {
    const { fake, client } = await world();
    fake.addUser('oMany');
    const burst = await Promise.all(
      Array.from({ length: 10 }, () => client.sendSubscribeMessage(aMessage('oMany'))),
    );
    for (let i = 0; i < 5; i++) burst.push(await client.sendSubscribeMessage(aMessage('oMany')));
    assert.ok(burst.every((o) => o.ok));
    assert.equal(fake.calls.stable_token, 1);
    assert.equal(fake.sent.length, 15);
    const tokenRequest = fake.requests.find((r) => r.endpoint === 'stable_token');
    assert.deepEqual(tokenRequest?.body, {
      grant_type: 'client_credential',
      appid: fake.appId,
      secret: '<redacted>',
      force_refresh: false,
    });
  });

  test('when the message is accepted, then ok with the msgid and WeChat got the snake_case body', async () => {
    const { fake, client } = await world();
    fake.addUser('oBody');
    const outcome = await client.sendSubscribeMessage(aMessage('oBody'));
    assert.equal(outcome.ok, true);
    assert.equal(outcome.ok && outcome.msgid, String(fake.sent[0].msgid));
    assert.equal(fake.sent[0].template_id, TEMPLATE);
    assert.equal(fake.sent[0].miniprogram_state, 'formal');
    assert.equal(fake.sent[0].lang, 'zh_CN');
    assert.equal(fake.sent[0].data.time3.value, '2026年11月24日 10:00');
  });

  test('when the token was invalidated (40001), then it is force-refreshed once and the send succeeds', async () => {
    const { fake, client } = await world();
    fake.addUser('oRefresh');
    assert.ok((await client.sendSubscribeMessage(aMessage('oRefresh'))).ok);
    fake.expireToken();
    const outcome = await client.sendSubscribeMessage(aMessage('oRefresh'));
    assert.equal(outcome.ok, true);
    assert.equal(fake.calls.stable_token, 2);
    assert.equal(fake.calls.send, 3);
    const tokenBodies = fake.requests
      .filter((r) => r.endpoint === 'stable_token')
      .map((r) => (r.body as { force_refresh: boolean }).force_refresh);
    assert.deepEqual(tokenBodies, [false, true]);
    // the refreshed token is kept for the next sends
    assert.ok((await client.sendSubscribeMessage(aMessage('oRefresh'))).ok);
    assert.equal(fake.calls.stable_token, 2);
  });

  test('when several sends hit 40001 together, then a single forced refresh serves them', async () => {
    const { fake, client } = await world();
    fake.addUser('oTogether');
    await client.sendSubscribeMessage(aMessage('oTogether'));
    fake.expireToken();
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => client.sendSubscribeMessage(aMessage('oTogether'))),
    );
    assert.ok(outcomes.every((o) => o.ok));
    assert.equal(fake.calls.stable_token, 2);
  });

  test('when WeChat says 42001 (expired), then the client refreshes and retries', async () => {
    const { fake, client } = await world();
    fake.addUser('oExpired');
    fake.failNext('send', { errcode: 42001 });
    const outcome = await client.sendSubscribeMessage(aMessage('oExpired'));
    assert.equal(outcome.ok, true);
    assert.equal(fake.calls.send, 2);
  });

  test('when the token keeps being refused, then only one retry and the outcome is retryable', async () => {
    const { fake, client } = await world();
    fake.addUser('oStuck');
    fake.failNext('send', { errcode: 40001 }, 2);
    const outcome = await client.sendSubscribeMessage(aMessage('oStuck'));
    assert.deepEqual(
      { ...outcome, message: undefined },
      { ok: false, kind: 'retryable', errcode: 40001, message: undefined },
    );
    assert.equal(fake.calls.send, 2);
  });

  test('when the cached token is within 5 minutes of expiry, then a fresh one is fetched', async () => {
    const { fake, client, clock } = await world();
    fake.addUser('oLate');
    await client.sendSubscribeMessage(aMessage('oLate'));
    clock.ms += (7200 - 299) * 1000;
    assert.ok((await client.sendSubscribeMessage(aMessage('oLate'))).ok);
    assert.equal(fake.calls.stable_token, 2);
    assert.equal(fake.tokensIssued.length, 2);
  });

  test('when the user has no subscription (43101), then no_subscription and no retry', async () => {
    const { fake, client } = await world();
    fake.addUser('oRefuses');
    fake.refuse('oRefuses');
    const outcome = await client.sendSubscribeMessage(aMessage('oRefuses'));
    assert.equal(outcome.ok, false);
    assert.equal(!outcome.ok && outcome.kind, 'no_subscription');
    assert.equal(!outcome.ok && outcome.errcode, 43101);
    assert.equal(fake.calls.send, 1);
    assert.equal(fake.sent.length, 0);
  });

  test('when WeChat answers 5xx, then retryable with the status and no retry by the client', async () => {
    const { fake, client } = await world();
    fake.addUser('o5xx');
    fake.failNext('send', { status: 503 });
    const outcome = await client.sendSubscribeMessage(aMessage('o5xx'));
    assert.deepEqual(
      { ...outcome, message: undefined },
      { ok: false, kind: 'retryable', httpStatus: 503, message: undefined },
    );
    assert.equal(fake.calls.send, 1);
  });

  test('when WeChat is busy (-1), hangs, or drops the connection, then retryable', async () => {
    const { fake, client } = await world({ timeoutMs: 150 });
    fake.addUser('oFlaky');
    fake.failNext('send', { errcode: -1 });
    fake.failNext('send', { hang: true });
    fake.failNext('send', { drop: true });
    for (let i = 0; i < 3; i++) {
      const outcome = await client.sendSubscribeMessage(aMessage('oFlaky'));
      assert.equal(!outcome.ok && outcome.kind, 'retryable', JSON.stringify(outcome));
    }
  });

  test('when the token endpoint is down, then retryable', async () => {
    const { fake, client } = await world();
    fake.addUser('oNoToken');
    fake.failNext('stable_token', { errcode: 45009 });
    const outcome = await client.sendSubscribeMessage(aMessage('oNoToken'));
    assert.equal(!outcome.ok && outcome.kind, 'retryable');
    assert.equal(fake.calls.send, 0);
  });

  test("when the openid, template or a value is wrong, then rejected with WeChat's errmsg", async () => {
    const { fake, client } = await world();
    fake.addUser('oRejected');
    const badOpenid = await client.sendSubscribeMessage(aMessage('oNobody'));
    const badTemplate = await client.sendSubscribeMessage(aMessage('oRejected', { templateId: 'tpl-nope' }));
    const longName = '深圳市南山区某某某某某某某某电子科技有限公司旗舰店';
    const badValue = await client.sendSubscribeMessage(
      aMessage('oRejected', { data: { ...aMessage('oRejected').data, thing1: { value: longName } } }),
    );
    assert.deepEqual(
      [badOpenid, badTemplate, badValue].map((o) => !o.ok && [o.kind, o.errcode]),
      [
        ['rejected', 40003],
        ['rejected', 40037],
        ['rejected', 47003],
      ],
    );
    assert.match(!badValue.ok ? badValue.message : '', /data\.thing1\.value/);
  });

  test("when merchant names and texts are very long, then the shaped values pass WeChat's checks", async () => {
    const { fake, client } = await world();
    fake.addUser('oShaped');
    const merchant = '深圳市南山区某某某某某某某某电子科技有限公司（科技园旗舰店）\n第二行';
    const outcome = await client.sendSubscribeMessage(
      aMessage('oShaped', {
        data: {
          thing1: { value: thing(merchant) },
          thing2: { value: thing('🎉🎉 商家已经回复了您的投诉，请在七日内确认处理结果 👍🏽👨‍👩‍👧') },
          time3: { value: time(new Date('2026-12-31T17:30:00Z')) },
          character_string4: {
            value: characterString('案件编号：WQ-2026-000123-深圳-ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
          },
          phrase5: { value: phrase('商家已经回复 ok') },
          amount6: { value: amount(9_999_999_999) },
          name7: { value: name('欧阳某某某某某某某某某某 Ouyang') },
        },
      }),
    );
    assert.equal(outcome.ok, true, JSON.stringify(outcome));
    const data = fake.sent[0].data;
    assert.equal(data.thing1.value, '深圳市南山区某某某某某某某某电子科技有…');
    assert.equal(data.time3.value, '2027年1月1日 01:30');
    assert.equal(data.amount6.value, '99999999.99元');
  });
});
