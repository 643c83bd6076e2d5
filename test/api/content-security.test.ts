import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { REDACTED_TEXT } from '@weiquan/shared';
import { newEncodingAesKey } from '../fakes/fake-wechat-push';
import { act, complaintBody, createMerchant, loginStaff, PNG_1X1, upload } from '../support/factories';
import { storeKinds } from '../support/test-db';
import { startNotifyWorld, type NotifyWorld } from '../notify/notify-world';

const PUSH_TOKEN = 'contentPushToken1';
let seq = 0;
const openid = (p = 'oCS') => `${p}_${process.pid}_${++seq}`;
const RISKY = { suggest: 'risky', label: 20006 } as const;
const REVIEW = { suggest: 'review', label: 21000 } as const;

for (const store of storeKinds()) {
  describe(`content security against the fake WeChat (${store})`, () => {
    let w: NotifyWorld;
    let staffToken: string;
    const aesKey = newEncodingAesKey();
    before(async () => {
      w = await startNotifyWorld(store, {
        env: {
          WECHAT_PUSH_TOKEN: PUSH_TOKEN,
          WECHAT_PUSH_AES_KEY: aesKey,
          WECHAT_TIMEOUT_MS: '1000',
          WECHAT_CHECK_TIMEOUT_MS: '300',
        },
      });
      // the listener's port is known only now: where WeChat downloads images from
      w.app.services.config.PUBLIC_BASE_URL = w.app.baseUrl;
      w.fake.setPushTarget({ url: `${w.app.baseUrl}/wechat/push`, token: PUSH_TOKEN, aesKey, mode: 'safe' });
      w.fake.flagText('违禁词', RISKY);
      w.fake.flagText('待定词', REVIEW);
      staffToken = (await loginStaff(w.app)).accessToken;
    });
    after(() => w.close());

    const file = (token: string, over: Record<string, unknown> = {}) =>
      w.app.api.post('/cases', complaintBody(over), { token, headers: { 'Idempotency-Key': randomUUID() } });
    const listed = async () =>
      (await w.app.api.get('/staff/moderation?limit=100', { token: staffToken })).body.items as {
        id: string;
        caseId: string;
        field: string;
        text: string;
        label: number | null;
        reason: string;
        uploadId?: string;
      }[];

    test('when the facts are risky, then 422 CONTENT_REJECTED names the field and nothing is stored', async () => {
      const consumer = await w.login(openid());
      const res = await file(consumer.accessToken, { facts: '商家在店内售卖违禁词商品，拒绝退货。' });
      assert.equal(res.status, 422);
      assert.equal(res.body.error.code, 'CONTENT_REJECTED');
      assert.deepEqual(res.body.error.details, [{ path: 'facts', label: 20006 }]);
      const mine = await w.app.api.get('/cases', { token: consumer.accessToken });
      assert.deepEqual(mine.body.items, []);
      assert.equal(w.fake.textChecks.at(-1)?.openid, consumer.openid);
      assert.equal(w.fake.textChecks.at(-1)?.scene, 2);
    });

    test('when the facts need review, then the case is filed, shown, and listed for staff', async () => {
      const consumer = await w.login(openid());
      const res = await file(consumer.accessToken, { facts: '商家说的话里有待定词，请工作人员看看。' });
      assert.equal(res.status, 201);
      assert.equal(res.body.facts, '商家说的话里有待定词，请工作人员看看。');
      const item = (await listed()).find((i) => i.caseId === res.body.id);
      assert.deepEqual(item && [item.field, item.reason, item.label, item.text], [
        'facts',
        'review',
        21000,
        '商家说的话里有待定词，请工作人员看看。',
      ]);
    });

    test('when the facts pass, then the case is filed and nothing is listed', async () => {
      const consumer = await w.login(openid());
      const res = await file(consumer.accessToken);
      assert.equal(res.status, 201);
      assert.ok(!(await listed()).some((i) => i.caseId === res.body.id));
    });

    test('when WeChat fails or does not answer in time, then the case is filed (never a 5xx) and listed as unchecked', async () => {
      const consumer = await w.login(openid());
      w.fake.failNext('msg_sec_check', { status: 502 });
      const failed = await file(consumer.accessToken);
      w.fake.failNext('msg_sec_check', { hang: true });
      const slow = await file(consumer.accessToken);
      assert.deepEqual([failed.status, slow.status], [201, 201]);
      const items = await listed();
      for (const c of [failed.body, slow.body]) {
        const item = items.find((i) => i.caseId === c.id);
        assert.deepEqual(item && [item.field, item.reason], ['facts', 'unchecked']);
      }
    });

    test('when WeChat answers that a frequency limit was reached, then it is not asked again for a minute and texts are listed', async () => {
      const consumer = await w.login(openid());
      w.fake.failNext('msg_sec_check', { errcode: 45009 });
      assert.equal((await file(consumer.accessToken)).status, 201);
      const calls = w.fake.calls.msg_sec_check;
      const during = await file(consumer.accessToken, { facts: '又一次投诉，商家仍不退货，也不回应。' });
      assert.equal(during.status, 201);
      assert.equal(w.fake.calls.msg_sec_check, calls, 'backing off: WeChat not asked');
      assert.equal((await listed()).find((i) => i.caseId === during.body.id)?.reason, 'unchecked');
      w.app.clock.advance(61_000);
      assert.equal((await file(consumer.accessToken)).status, 201);
      assert.equal(w.fake.calls.msg_sec_check, calls + 1, 'asked again after the back-off');
    });

    test('when a merchant proposes risky text, then 422 naming text; a message under review is shown, redacted by staff, and then reads as blocked to everyone but staff', async () => {
      const merchant = await createMerchant(w.app, { odr: true });
      const shop = await w.loginMerchant(merchant, openid('oShop'));
      const consumer = await w.login(openid());
      const filed = await file(consumer.accessToken, { merchant: { id: merchant.id } });
      assert.equal(filed.status, 201);
      const risky = await w.app.api.post(
        `/cases/${filed.body.id}/actions`,
        { type: 'propose', text: '给你违禁词作为补偿', refundFen: 100 },
        { token: shop.accessToken },
      );
      assert.deepEqual([risky.status, risky.body.error.details], [422, [{ path: 'text', label: 20006 }]]);
      const unchanged = await w.app.api.get(`/cases/${filed.body.id}`, { token: consumer.accessToken });
      assert.equal(unchanged.body.status, 'merchant_negotiating');
      assert.equal(unchanged.body.version, filed.body.version);

      await act(w.app, shop.accessToken, filed.body.id, { type: 'message', text: '关于待定词的说明' });
      const item = (await listed()).find((i) => i.caseId === filed.body.id);
      assert.deepEqual(item && [item.field, item.reason], ['text', 'review']);
      const redact = await w.app.api.post(
        `/staff/moderation/${item!.id}/redact`,
        { reason: '含不当内容' },
        { token: staffToken },
      );
      assert.deepEqual(redact.body, { id: item!.id, state: 'redacted' });
      const lastMessage = (view: { timeline: { type: string; text?: string; redacted?: string[] }[] }) =>
        view.timeline.filter((e) => e.type === 'message').at(-1)!;
      for (const token of [consumer.accessToken, shop.accessToken]) {
        const view = (await w.app.api.get(`/cases/${filed.body.id}`, { token })).body;
        assert.equal(lastMessage(view).text, REDACTED_TEXT);
      }
      const staffView = (await w.app.api.get(`/cases/${filed.body.id}`, { token: staffToken })).body;
      assert.deepEqual(
        [lastMessage(staffView).text, lastMessage(staffView).redacted],
        ['关于待定词的说明', ['text']],
      );
      assert.ok(!(await listed()).some((i) => i.id === item!.id), 'off the list');
      const again = await w.app.api.post(`/staff/moderation/${item!.id}/release`, {}, { token: staffToken });
      assert.equal(again.status, 404, 'decided once');
    });

    test('when staff release an item, then it leaves the list and the text stays as written', async () => {
      const consumer = await w.login(openid());
      const filed = await file(consumer.accessToken, { facts: '这段投诉事实里有待定词但并无不妥。' });
      const item = (await listed()).find((i) => i.caseId === filed.body.id)!;
      const res = await w.app.api.post(`/staff/moderation/${item.id}/release`, {}, { token: staffToken });
      assert.deepEqual(res.body, { id: item.id, state: 'released' });
      assert.ok(!(await listed()).some((i) => i.id === item.id));
      const view = await w.app.api.get(`/cases/${filed.body.id}`, { token: consumer.accessToken });
      assert.equal(view.body.facts, '这段投诉事实里有待定词但并无不妥。');
      const consumerTry = await w.app.api.get('/staff/moderation', { token: consumer.accessToken });
      assert.equal(consumerTry.status, 403);
    });

    test('when staff write text, then it is not checked', async () => {
      const consumer = await w.login(openid());
      const filed = await file(consumer.accessToken);
      const before = w.fake.calls.msg_sec_check;
      await act(w.app, staffToken, filed.body.id, { type: 'message', text: '工作人员的违禁词说明' });
      assert.equal(w.fake.calls.msg_sec_check, before);
    });

    test('when an image shared with a merchant is judged risky after the async check, then the merchant cannot see it and staff are told', async () => {
      const merchant = await createMerchant(w.app, { odr: true });
      const shop = await w.loginMerchant(merchant, openid('oShop'));
      const consumer = await w.login(openid());
      const photo = (await upload(w.app, consumer.accessToken)).body;
      const filed = await file(consumer.accessToken, {
        merchant: { id: merchant.id },
        attachments: [photo.id],
      });
      assert.equal(filed.status, 201);
      await w.app.services.mediaSharing.idle();
      const check = w.fake.mediaChecks.find((c) => c.openid === consumer.openid)!;
      assert.match(check.mediaUrl, new RegExp(`^${w.app.baseUrl}/media/[A-Za-z0-9_-]+$`));
      assert.equal(
        (await w.app.api.get(`/cases/${filed.body.id}`, { token: shop.accessToken })).body.attachments.length,
        1,
        'shown while pending',
      );

      w.fake.flagMedia((bytes) => bytes.equals(PNG_1X1), { suggest: 'risky', label: 20002 });
      await w.fake.finishMediaChecks();
      await w.app.services.wechatPush.idle();
      assert.deepEqual(
        check.download,
        { status: 200, bytes: PNG_1X1.length },
        'WeChat downloaded it through the signed link',
      );
      assert.deepEqual(check.pushed, { status: 200, text: 'success' });

      const seenByShop = await w.app.api.get(`/cases/${filed.body.id}`, { token: shop.accessToken });
      assert.deepEqual(seenByShop.body.attachments, []);
      assert.equal((await w.app.api.get(`/uploads/${photo.id}`, { token: shop.accessToken })).status, 404);
      const seenByConsumer = await w.app.api.get(`/cases/${filed.body.id}`, { token: consumer.accessToken });
      assert.equal(seenByConsumer.body.attachments.length, 1);
      const item = (await listed()).find((i) => i.uploadId === photo.id);
      assert.deepEqual(item && [item.reason, item.label, item.field], ['media_risky', 20002, 'attachments']);
    });

    test('when no verdict comes within an hour, then the image is listed for staff review; media links expire', async () => {
      const merchant = await createMerchant(w.app, { odr: false });
      const consumer = await w.login(openid());
      const photo = (await upload(w.app, consumer.accessToken)).body;
      const filed = await file(consumer.accessToken, {
        merchant: { id: merchant.id },
        attachments: [photo.id],
      });
      await w.app.services.mediaSharing.idle();
      const check = w.fake.mediaChecks.find((c) => c.openid === consumer.openid)!;
      w.app.clock.advance(30 * 60_000);
      await w.app.services.mediaChecks.sweepUnanswered();
      assert.ok(!(await listed()).some((i) => i.uploadId === photo.id), 'not yet');
      w.app.clock.advance(31 * 60_000);
      await w.app.services.mediaChecks.sweepUnanswered();
      const item = (await listed()).find((i) => i.uploadId === photo.id);
      assert.deepEqual(item && [item.reason, item.caseId], ['media_unanswered', filed.body.id]);
      w.app.clock.advance(60 * 60_000);
      assert.equal((await fetch(check.mediaUrl)).status, 404, 'expired');
      assert.equal((await fetch(`${w.app.baseUrl}/media/${'A'.repeat(48)}`)).status, 404, 'forged');
    });
  });
}

describe('content security in emulator mode', () => {
  test('when text carries 【违规测试】 it is rejected, 【待审测试】 is filed and listed', async () => {
    const { startTestApp } = await import('../support/test-app');
    const { loginConsumer } = await import('../support/factories');
    const app = await startTestApp({ store: 'pglite' });
    try {
      const { accessToken } = await loginConsumer(app);
      const staff = (await loginStaff(app)).accessToken;
      const post = (facts: string) =>
        app.api.post('/cases', complaintBody({ facts }), {
          token: accessToken,
          headers: { 'Idempotency-Key': randomUUID() },
        });
      const rejected = await post('【违规测试】这是一段用于演示的投诉事实。');
      assert.deepEqual([rejected.status, rejected.body.error.details[0].path], [422, 'facts']);
      const review = await post('【待审测试】这是一段用于演示的投诉事实。');
      assert.equal(review.status, 201);
      const items = (await app.api.get('/staff/moderation', { token: staff })).body.items;
      assert.deepEqual(
        items.map((i: { caseId: string; reason: string }) => [i.caseId, i.reason]),
        [[review.body.id, 'review']],
      );
    } finally {
      await app.close();
    }
  });
});
