import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkTemplateValue } from '../fakes/fake-wechat-server';
import { act, createMerchant, fileComplaint, loginStaff } from '../support/factories';
import { storeKinds } from '../support/test-db';
import { createNotifications } from '../../bff/src/notify';
import type { Wechat } from '../../bff/src/wechat/wechat-client';
import { TEMPLATES, deliveries, startNotifyWorld, type NotifyWorld } from './notify-world';

const MINUTE = 60_000;
let seq = 0;
const openid = (p = 'o') => `${p}_${process.pid}_${++seq}`;

for (const store of storeKinds()) {
  describe(`notification delivery against the fake WeChat (${store})`, () => {
    let w: NotifyWorld;
    let staffToken: string;
    before(async () => {
      w = await startNotifyWorld(store, { env: { WECHAT_TIMEOUT_MS: '1000' } });
      staffToken = (await loginStaff(w.app)).accessToken;
    });
    after(() => w.close());

    /** A consumer with a filed free-text complaint and `grants` caseUpdate grants. */
    async function consumerWithCase(grants: number) {
      const consumer = await w.login(openid('oC'));
      if (grants) await w.grant(consumer.accessToken, TEMPLATES.caseUpdate, grants);
      const c = await fileComplaint(w.app, consumer.accessToken);
      await w.app.notifications.notifier.drain();
      return { consumer, c };
    }
    const staffMessage = (caseId: string, text = '请补充购买凭证') =>
      act(w.app, staffToken, caseId, { type: 'message', text });
    const sentTo = (to: string) => w.fake.sent.filter((m) => m.touser === to);

    test('when changes happen, then each change someone else made is pushed once per grant, and without a grant only the inbox tells', async () => {
      const merchant = await createMerchant(w.app, { odr: true });
      const shop = await w.loginMerchant(merchant, openid('oShop'));
      await w.grant(shop.accessToken, TEMPLATES.merchantNewCase, 1);
      const consumer = await w.login(openid('oC'));
      await w.grant(consumer.accessToken, TEMPLATES.caseUpdate, 2);

      const filed = await fileComplaint(w.app, consumer.accessToken, { merchant: { id: merchant.id } });
      await act(w.app, shop.accessToken, filed.id, {
        type: 'propose',
        text: '同意退款300元',
        refundFen: 30000,
      });
      await act(w.app, consumer.accessToken, filed.id, { type: 'reject_proposal', reason: '金额不够' });
      await act(w.app, staffToken, filed.id, { type: 'accept' });
      await staffMessage(filed.id);
      await w.app.notifications.notifier.drain();

      const toShop = sentTo(shop.openid);
      assert.equal(toShop.length, 1, 'the new case, on the merchant template');
      assert.equal(toShop[0].template_id, TEMPLATES.merchantNewCase);
      assert.equal(toShop[0].data.character_string1.value, filed.caseNo);
      assert.equal(toShop[0].data.amount3.value, '399.00元');
      assert.match(toShop[0].page!, new RegExp(`^merchant/case/index\\?id=${filed.id}&notice=\\d+$`));

      const toConsumer = sentTo(consumer.openid);
      // The grants went to the first two changes (fan-out follows the events); the sends themselves run
      // concurrently, so WeChat may receive them in either order.
      assert.deepEqual(
        toConsumer.map((m) => [m.data.thing4.value, m.data.phrase3.value]).sort(),
        [
          ['商家提出了和解方案', '待您确认'],
          ['您的投诉已受理', '已受理'],
        ].sort(),
        'two grants, two pushes; the third change is inbox only',
      );
      assert.ok(
        toConsumer.every(
          (m) =>
            m.miniprogram_state === 'formal' &&
            m.lang === 'zh_CN' &&
            m.page!.startsWith(`consumer/case/index?id=${filed.id}&notice=`),
        ),
      );

      const inbox = await w.app.api.get('/notifications', { token: consumer.accessToken });
      assert.equal(inbox.status, 200);
      assert.deepEqual(
        inbox.body.items.map((n: { type: string }) => n.type),
        ['message', 'accept', 'propose'],
        'newest first; never the consumer’s own filing or rejection',
      );
      assert.deepEqual(
        inbox.body.items.map((n: { push: { state: string } | null }) => n.push?.state ?? null),
        [null, 'sent', 'sent'],
      );
      assert.equal(inbox.body.items[2].body, '同意退款300元');
      assert.equal(inbox.body.unreadCount, 3);

      const shopInbox = await w.app.api.get('/notifications', { token: shop.accessToken });
      assert.deepEqual(
        shopInbox.body.items.map((n: { type: string }) => n.type),
        ['message', 'accept', 'reject_proposal', 'filed'],
        'never its own proposal',
      );

      const read = await w.app.api.post(
        '/notifications/read',
        { ids: [inbox.body.items[0].id, shopInbox.body.items[0].id] },
        { token: consumer.accessToken },
      );
      assert.deepEqual(read.body, { unreadCount: 2 }, 'someone else’s notice id is ignored');
      const unread = await w.app.api.get('/notifications?unread=true&limit=1', {
        token: consumer.accessToken,
      });
      assert.equal(unread.body.items.length, 1);
      assert.ok(unread.body.nextCursor);
      const all = await w.app.api.post('/notifications/read', { all: true }, { token: consumer.accessToken });
      assert.deepEqual(all.body, { unreadCount: 0 });
      const shopAfter = await w.app.api.get('/notifications', { token: shop.accessToken });
      assert.equal(shopAfter.body.unreadCount, 4);
    });

    test('when the user banned the template, then nothing is pushed until they accept again', async () => {
      const consumer = await w.login(openid('oBan'));
      await w.grant(consumer.accessToken, TEMPLATES.caseUpdate, 3);
      await w.grant(consumer.accessToken, TEMPLATES.caseUpdate, 1, 'ban');
      const res = await w.app.api.post(
        '/subscriptions',
        { results: { [TEMPLATES.caseUpdate]: 'reject', 'tpl-unknown': 'accept' } },
        { token: consumer.accessToken },
      );
      assert.deepEqual(
        res.body.templates.find((t: { slot: string }) => t.slot === 'caseUpdate'),
        { slot: 'caseUpdate', templateId: TEMPLATES.caseUpdate, remaining: 0, banned: true },
      );
      const c = await fileComplaint(w.app, consumer.accessToken);
      await staffMessage(c.id);
      await w.app.notifications.notifier.drain();
      assert.equal(sentTo(consumer.openid).length, 0);
      const bad = await w.app.api.post(
        '/subscriptions',
        { results: { a: 'accept', b: 'accept', c: 'accept', d: 'accept' } },
        { token: consumer.accessToken },
      );
      assert.equal(bad.status, 400);
    });

    test('when the merchant name is very long, then every value keeps within its platform limit and WeChat takes it', async () => {
      const longName =
        '厦门市思明区某某某某某某某某某某某某某某某某电子科技有限公司湖滨南路旗舰体验店（第二分店）';
      const consumer = await w.login(openid('oLong'));
      await w.grant(consumer.accessToken, TEMPLATES.caseUpdate, 1);
      const c = await fileComplaint(w.app, consumer.accessToken, {
        merchant: { name: longName, address: '福建省厦门市思明区湖滨南路1号' },
      });
      await act(w.app, staffToken, c.id, { type: 'accept' });
      await w.app.notifications.notifier.drain();
      const [msg] = sentTo(consumer.openid);
      assert.ok(msg, JSON.stringify(await deliveries(w.app)));
      assert.equal(Array.from(msg.data.thing2.value).length, 20);
      assert.ok(msg.data.thing2.value.endsWith('…'));
      for (const [key, { value }] of Object.entries(msg.data))
        assert.equal(checkTemplateValue(key.replace(/\d+$/, ''), value), null, key);
    });

    test('when many messages go out, then one access token serves them all, and after a 40001 it is refreshed once', async () => {
      const consumer = await w.login(openid('oTok'));
      await w.grant(consumer.accessToken, TEMPLATES.caseUpdate, 6);
      const c = await fileComplaint(w.app, consumer.accessToken);
      const tokensBefore = w.fake.calls.stable_token;
      for (let i = 0; i < 5; i++) await staffMessage(c.id, `第${i}条留言`);
      await w.app.notifications.notifier.drain();
      assert.equal(sentTo(consumer.openid).length, 5);
      assert.ok(w.fake.calls.stable_token - tokensBefore <= 1, 'at most one token for five sends');
      const [cached] = await w.app.services.store.db.query<{ token_enc: string }>(
        'SELECT token_enc FROM wechat_access_tokens',
      );
      assert.ok(
        cached && !cached.token_enc.includes(w.fake.currentToken!),
        'the cached token is sealed at rest',
      );

      const issued = w.fake.tokensIssued.length;
      w.fake.expireToken();
      await staffMessage(c.id, '令牌失效后的留言');
      await w.app.notifications.notifier.drain();
      assert.equal(sentTo(consumer.openid).length, 6);
      assert.equal(w.fake.tokensIssued.length, issued + 1, 'refreshed exactly once');
    });

    test('when WeChat answers 43101, then the grant is spent and the message is not retried', async () => {
      const { consumer, c } = await consumerWithCase(2);
      w.fake.refuse(consumer.openid);
      const sendsBefore = w.fake.calls.send;
      await staffMessage(c.id);
      await w.app.notifications.notifier.drain();
      w.app.clock.advance(2 * 60 * MINUTE);
      await w.app.notifications.notifier.drain();
      assert.equal(w.fake.calls.send - sendsBefore, 1);
      const mine = (await deliveries(w.app)).filter((d) => d.touser === consumer.openid);
      assert.deepEqual(
        mine.map((d) => [d.state, d.attempts]),
        [['no_subscription', 1]],
      );
      assert.match(mine[0].last_error!, /43101/);
      const grants = await w.app.api.post(
        '/subscriptions',
        { results: { [TEMPLATES.caseUpdate]: 'reject' } },
        { token: consumer.accessToken },
      );
      assert.equal(grants.body.templates.find((t: { slot: string }) => t.slot === 'caseUpdate').remaining, 1);
    });

    test('when WeChat fails with 5xx and hangs, then the message is retried with backoff and delivered once', async () => {
      const { consumer, c } = await consumerWithCase(1);
      w.fake.failNext('send', { status: 502 });
      w.fake.failNext('send', { hang: true });
      await staffMessage(c.id);
      await w.app.notifications.notifier.drain();
      let [d] = (await deliveries(w.app)).filter((x) => x.touser === consumer.openid);
      assert.deepEqual([d.state, d.attempts], ['pending', 1]);
      assert.match(d.last_error!, /HTTP 502/);
      await w.app.notifications.notifier.drain();
      assert.equal(
        (await deliveries(w.app)).find((x) => x.id === d.id)!.attempts,
        1,
        'not before its backoff',
      );
      w.app.clock.advance(MINUTE);
      await w.app.notifications.notifier.drain(); // the hang: times out after 1 s
      [d] = (await deliveries(w.app)).filter((x) => x.touser === consumer.openid);
      assert.deepEqual([d.state, d.attempts], ['pending', 2]);
      assert.match(d.last_error!, /no answer within 1000 ms/);
      w.app.clock.advance(2 * MINUTE);
      await w.app.notifications.notifier.drain();
      [d] = (await deliveries(w.app)).filter((x) => x.touser === consumer.openid);
      assert.deepEqual([d.state, d.attempts], ['sent', 3]);
      assert.equal(sentTo(consumer.openid).length, 1);
    });

    test('when WeChat keeps failing for more than an hour, then the message is dead-lettered with its reason and an error log', async () => {
      const { consumer, c } = await consumerWithCase(1);
      w.fake.failRandomly('send', 1, { status: 503 });
      try {
        await staffMessage(c.id);
        for (let i = 0; i < 12; i++) {
          await w.app.notifications.notifier.drain();
          w.app.clock.advance(10 * MINUTE);
        }
      } finally {
        w.fake.failRandomly('send', 0, { status: 503 });
      }
      const [d] = (await deliveries(w.app)).filter((x) => x.touser === consumer.openid);
      assert.equal(d.state, 'dead');
      assert.match(d.last_error!, /retry budget exhausted after \d+ attempts: .*HTTP 503/);
      assert.ok(d.attempts >= 5 && d.attempts <= 12, `attempts ${d.attempts}`);
      assert.ok(
        w.app.logLines.some(
          (l) => l.includes('"level":50') && l.includes('push dead-lettered') && l.includes(String(d.id)),
        ),
      );
      const inbox = await w.app.api.get('/notifications', { token: consumer.accessToken });
      assert.equal(inbox.body.items[0].push.state, 'failed', 'the inbox still tells');
    });

    test('when WeChat refuses a value (47003), then it is dead-lettered at once, logged, and the grant given back', async () => {
      const { consumer, c } = await consumerWithCase(1);
      w.fake.failNext('send', {
        errcode: 47003,
        errmsg: 'argument invalid! data.thing2.value exceeds the limit',
      });
      await staffMessage(c.id);
      await w.app.notifications.notifier.drain();
      const [d] = (await deliveries(w.app)).filter((x) => x.touser === consumer.openid);
      assert.deepEqual([d.state, d.attempts], ['dead', 1]);
      assert.match(d.last_error!, /47003/);
      assert.ok(w.app.logLines.some((l) => l.includes('push dead-lettered') && l.includes('47003')));
      const grants = await w.app.api.post(
        '/subscriptions',
        { results: { [TEMPLATES.caseUpdate]: 'reject' } },
        { token: consumer.accessToken },
      );
      assert.equal(grants.body.templates.find((t: { slot: string }) => t.slot === 'caseUpdate').remaining, 1);
    });

    test('when two workers run at once, then no message is sent twice', async () => {
      const consumers: Awaited<ReturnType<NotifyWorld['login']>>[] = [];
      for (let i = 0; i < 10; i++) consumers.push(await w.login(openid('oTwo')));
      for (const consumer of consumers) await w.grant(consumer.accessToken, TEMPLATES.caseUpdate, 4);
      const cases = await Promise.all(
        consumers.map((consumer) => fileComplaint(w.app, consumer.accessToken)),
      );
      for (let i = 0; i < 4; i++) await Promise.all(cases.map((c) => staffMessage(c.id, `第${i}条`)));
      const a = createNotifications(w.app.services, { notifier: { concurrency: 4, batchSize: 5 } });
      const b = createNotifications(w.app.services, { notifier: { concurrency: 4, batchSize: 5 } });
      await Promise.all([a.notifier.drain(), b.notifier.drain(), a.notifier.drain(), b.notifier.drain()]);
      const pages = consumers.flatMap((consumer) => sentTo(consumer.openid).map((m) => m.page));
      assert.equal(pages.length, 40);
      assert.equal(new Set(pages).size, 40);
    });

    test('when a worker dies between sending and recording, then another worker finishes the job: nothing lost, at most one repeat each', async () => {
      const consumers: Awaited<ReturnType<NotifyWorld['login']>>[] = [];
      for (let i = 0; i < 4; i++) consumers.push(await w.login(openid('oKill')));
      for (const consumer of consumers) await w.grant(consumer.accessToken, TEMPLATES.caseUpdate, 5);
      const cases = await Promise.all(
        consumers.map((consumer) => fileComplaint(w.app, consumer.accessToken)),
      );
      await w.app.notifications.notifier.drain();
      for (let i = 0; i < 5; i++) await Promise.all(cases.map((c) => staffMessage(c.id, `第${i}条`)));

      // Worker A sends for real, then "dies": its sends never come back to be recorded.
      const real = w.app.services.wechat;
      let sentByA = 0;
      const dying: Wechat = {
        ...real,
        async sendSubscribeMessage(msg) {
          await real.sendSubscribeMessage(msg);
          sentByA += 1;
          return new Promise(() => {});
        },
      };
      const a = createNotifications(w.app.services, { notifier: { wechat: dying, concurrency: 6 } });
      await a.notifier.fanOutOnce();
      void a.notifier.sendOnce();
      while (sentByA < 6) await new Promise((r) => setTimeout(r, 10));

      // Worker B takes over once A's leases have run out.
      const b = createNotifications(w.app.services);
      await b.notifier.drain();
      assert.equal(
        consumers.flatMap((c) => sentTo(c.openid)).length,
        20 - 6 + 6,
        'before the leases expire, B leaves A’s six alone',
      );
      w.app.clock.advance(61_000);
      await b.notifier.drain();
      const pages = consumers.flatMap((c) => sentTo(c.openid).map((m) => m.page!));
      const counts = new Map<string, number>();
      for (const p of pages) counts.set(p, (counts.get(p) ?? 0) + 1);
      assert.equal(counts.size, 20, 'every message arrived');
      assert.equal(
        [...counts.values()].filter((n) => n === 2).length,
        6,
        'the six in flight when A died were repeated once',
      );
      assert.ok([...counts.values()].every((n) => n <= 2));
      const mine = (await deliveries(w.app)).filter((d) => consumers.some((c) => c.openid === d.touser));
      assert.ok(mine.every((d) => d.state === 'sent'));
    });
  });
}
