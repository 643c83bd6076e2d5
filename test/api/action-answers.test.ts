import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  createMerchant,
  fileComplaint,
  loginConsumer,
  loginMerchant,
  loginStaff,
} from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { storeKinds } from '../support/test-db';

// An action's answer is built from the locked row and what the action wrote, not read back:
// it must be the same bytes (and so the same ETag) as a GET of the case right after, for the actor.
for (const store of storeKinds()) {
  describe(`action answers (${store})`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp({ store });
      app.clock.set('2026-11-24T02:00:00Z');
    });
    after(() => app.close());

    const actAndCompare = async (token: string, caseId: string, action: Record<string, unknown>) => {
      const res = await app.api.post(`/cases/${caseId}/actions`, action, { token });
      assert.equal(res.status, 200, `${action.type}: ${JSON.stringify(res.body)}`);
      const got = await app.api.get(`/cases/${caseId}`, { token });
      assert.equal(got.status, 200);
      assert.equal(
        JSON.stringify(res.body),
        JSON.stringify(got.body),
        `${action.type}: the answer differs from a GET`,
      );
      assert.equal(res.headers.get('etag'), got.headers.get('etag'), `${action.type}: ETag`);
      return res.body;
    };

    test('when a complaint walks every step (merchant with a masked contact, consumer, staff), then each answer equals a following GET', async () => {
      const merchant = await createMerchant(app, { odr: true });
      const shop = (await loginMerchant(app, merchant)).accessToken;
      const consumer = (await loginConsumer(app)).accessToken;
      const staff = (await loginStaff(app)).accessToken;
      const c = await fileComplaint(app, consumer, {
        merchant: { id: merchant.id },
        shareContactWithMerchant: false,
      });

      const proposed = await actAndCompare(shop, c.id, {
        type: 'propose',
        text: '同意退款300元',
        refundFen: 30000,
      });
      assert.equal(proposed.contactMasked, true);
      const [met] = await app.services.store.db.query<{ state: string; next_due_at: Date | null }>(
        'SELECT d.state, c.next_due_at FROM deadlines d JOIN cases c ON c.id = d.case_id WHERE d.case_id = $1',
        [c.id],
      );
      assert.deepEqual(
        met,
        { state: 'met', next_due_at: null },
        'the merchant_response clock is met and nothing else runs',
      );
      await actAndCompare(shop, c.id, { type: 'message', text: '请尽快回复' });
      await actAndCompare(consumer, c.id, { type: 'reject_proposal', reason: '金额不够' });
      await actAndCompare(consumer, c.id, { type: 'supplement', text: '补充说明' });
      await actAndCompare(staff, c.id, { type: 'split_report', facts: '该店还存在虚假宣传。' });
      await actAndCompare(staff, c.id, { type: 'accept' });
      await actAndCompare(staff, c.id, { type: 'pause_clock', reason: '送检' });
      app.clock.advance(3 * 86_400_000);
      await actAndCompare(staff, c.id, { type: 'resume_clock' });
      await actAndCompare(staff, c.id, { type: 'start_mediation' });
      await actAndCompare(staff, c.id, {
        type: 'close',
        outcome: 'mediated',
        recoveredFen: 39900,
        text: '调解成功',
      });
      const [closed] = await app.services.store.db.query<{ open: number; next_due_at: Date | null }>(
        "SELECT count(*) FILTER (WHERE d.state IN ('running', 'paused'))::int AS open, min(c.next_due_at) AS next_due_at FROM deadlines d JOIN cases c ON c.id = d.case_id WHERE d.case_id = $1",
        [c.id],
      );
      assert.deepEqual(closed, { open: 0, next_due_at: null });
      await actAndCompare(consumer, c.id, { type: 'rate', score: 4, comment: '处理及时' });
    });

    test('when a merchant with the contact shared proposes and the consumer accepts or withdraws, then each answer equals a following GET', async () => {
      const merchant = await createMerchant(app, { odr: true });
      const shop = (await loginMerchant(app, merchant)).accessToken;
      const consumer = (await loginConsumer(app)).accessToken;
      const a = await fileComplaint(app, consumer, {
        merchant: { id: merchant.id },
        shareContactWithMerchant: true,
      });
      await actAndCompare(shop, a.id, { type: 'propose', text: '换新' });
      await actAndCompare(consumer, a.id, { type: 'accept_proposal' });
      const b = await fileComplaint(app, consumer);
      await actAndCompare(consumer, b.id, { type: 'withdraw', reason: '已自行解决' });
    });

    test('when a list is read, then its instants are the ones a GET of each case shows, in toISOString form', async () => {
      const consumer = (await loginConsumer(app)).accessToken;
      const staff = (await loginStaff(app)).accessToken;
      const a = await fileComplaint(app, consumer);
      app.clock.advance(1234);
      await actAndCompare(staff, a.id, { type: 'accept' });
      const list = await app.api.get('/cases?limit=5', { token: consumer });
      assert.equal(list.status, 200);
      const item = list.body.items.find((i: { id: string }) => i.id === a.id);
      const got = (await app.api.get(`/cases/${a.id}`, { token: consumer })).body;
      assert.equal(item.createdAt, got.createdAt);
      assert.equal(item.updatedAt, got.updatedAt);
      assert.notEqual(item.createdAt, item.updatedAt);
      assert.equal(item.nextDueAt, new Date(got.deadlines[0].dueAt).toISOString());
      assert.match(item.nextDueAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });

    test('when a report and a consultation are acted on, then each answer equals a following GET', async () => {
      const merchant = await createMerchant(app, { odr: true });
      const consumer = (await loginConsumer(app)).accessToken;
      const staff = (await loginStaff(app)).accessToken;
      const filed = await app.api.post(
        '/cases',
        {
          kind: 'report',
          category: 'food_safety',
          merchant: { id: merchant.id },
          facts: '该店后厨卫生极差，使用过期食材制作菜品。',
          attachments: [],
          reporter: { name: '李四', phone: '13912345678', address: '福建省厦门市湖里区县后路8号' },
        },
        { token: consumer, headers: { 'Idempotency-Key': randomUUID() } },
      );
      assert.equal(filed.status, 201, JSON.stringify(filed.body));
      await actAndCompare(staff, filed.body.id, { type: 'extend', reason: '需现场核查' });
      await actAndCompare(staff, filed.body.id, { type: 'open_case', text: '立案调查' });

      const asked = await app.api.post(
        '/cases',
        { kind: 'consultation', category: 'prepaid_cards', question: '预付卡商家停业怎么办？' },
        { token: consumer, headers: { 'Idempotency-Key': randomUUID() } },
      );
      assert.equal(asked.status, 201, JSON.stringify(asked.body));
      await actAndCompare(staff, asked.body.id, {
        type: 'answer',
        text: '可要求退还余额。',
        publishAsFaq: true,
      });
      await actAndCompare(consumer, asked.body.id, { type: 'follow_up', text: '商家联系不上怎么办？' });
    });
  });
}
