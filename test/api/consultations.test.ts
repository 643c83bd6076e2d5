import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { CaseView } from '@weiquan/shared';
import { act, createMerchant, loginConsumer, loginMerchant, loginStaff } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { storeKinds } from '../support/test-db';

async function ask(
  app: TestApp,
  token: string,
  question: string,
  category = 'prepaid_cards',
): Promise<CaseView> {
  const res = await app.api.post(
    '/cases',
    { kind: 'consultation', category, question },
    { token, headers: { 'Idempotency-Key': randomUUID() } },
  );
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

for (const store of storeKinds()) {
  describe(`consultations and the FAQ (${store})`, () => {
    let app: TestApp;
    let staff: string;
    let consumer: string;
    const faq = (q: string) => app.api.get(`/faq?q=${encodeURIComponent(q)}`);
    const publish = async (question: string, answer: string, category = 'prepaid_cards') => {
      const c = await ask(app, consumer, question, category);
      return act(app, staff, c.id, { type: 'answer', text: answer, publishAsFaq: true });
    };

    before(async () => {
      app = await startTestApp({ store });
      app.clock.set('2026-11-24T02:00:00Z');
      staff = (await loginStaff(app)).accessToken;
      consumer = (await loginConsumer(app)).accessToken;
    });
    after(() => app.close());

    test('when a consumer asks, then the consultation is open with no merchant and no deadline; staff answer, one follow-up reopens it', async () => {
      const c = await ask(app, consumer, '办理的健身卡商家不让退，怎么办？');
      assert.equal(c.kind, 'consultation');
      assert.equal(c.status, 'open');
      assert.equal(c.merchant, null);
      assert.equal(c.question, '办理的健身卡商家不让退，怎么办？');
      assert.deepEqual(c.deadlines, []);
      assert.deepEqual(c.allowedActions, []);
      const list = await app.api.get('/cases?kind=consultation', { token: consumer });
      assert.equal(list.body.items[0].merchant, null);

      const answered = await act(app, staff, c.id, {
        type: 'answer',
        text: '可凭合同向12315投诉，要求退还剩余费用。',
      });
      assert.equal(answered.status, 'answered');
      const mine = await app.api.get(`/cases/${c.id}`, { token: consumer });
      assert.deepEqual(mine.body.allowedActions, ['follow_up']);
      const reopened = await act(app, consumer, c.id, { type: 'follow_up', text: '没有合同怎么办？' });
      assert.equal(reopened.status, 'open');
      const again = await act(app, staff, c.id, { type: 'answer', text: '付款记录、聊天记录也可作为证据。' });
      // an admin (the bootstrap account) may also take the staff's own actions on an unassigned case
      assert.deepEqual(again.allowedActions, ['message', 'claim', 'assign', 'note', 'supervise']);
      const second = await app.api.post(
        `/cases/${c.id}/actions`,
        { type: 'follow_up', text: '还有问题' },
        { token: consumer },
      );
      assert.equal(second.status, 409);
      assert.deepEqual(
        again.timeline.map((e) => e.type),
        ['filed', 'answer', 'follow_up', 'answer'],
      );
      // Not published: the FAQ does not know it.
      assert.deepEqual((await faq('健身卡')).body.items, []);
    });

    test('when a merchant or another consumer asks for a consultation, then it is a 404; a consultation with a merchant is a 400', async () => {
      const c = await ask(app, consumer, '请问预付卡有什么法律规定？');
      const shop = await loginMerchant(app, await createMerchant(app));
      const other = await loginConsumer(app);
      assert.equal((await app.api.get(`/cases/${c.id}`, { token: shop.accessToken })).status, 404);
      assert.equal((await app.api.get(`/cases/${c.id}`, { token: other.accessToken })).status, 404);
      const bad = await app.api.post(
        '/cases',
        {
          kind: 'consultation',
          category: 'other',
          question: '这是一个问题吗？',
          merchant: { name: '某店', address: '厦门市思明区' },
        },
        { token: consumer, headers: { 'Idempotency-Key': randomUUID() } },
      );
      assert.equal(bad.status, 400);
    });

    test('when an answer is given with publishAsFaq, then it is in the FAQ; answering again after the follow-up replaces the entry', async () => {
      const c = await ask(app, consumer, '理发店会员卡余额能退吗？', 'beauty_health');
      await act(app, staff, c.id, {
        type: 'answer',
        text: '经营者单方面停业的，应退还余额。',
        publishAsFaq: true,
      });
      const first = await faq('会员卡');
      assert.equal(first.status, 200);
      const entry = first.body.items.find(
        (i: { question: string }) => i.question === '理发店会员卡余额能退吗？',
      );
      assert.deepEqual(
        { ...entry, id: undefined, updatedAt: undefined },
        {
          id: undefined,
          updatedAt: undefined,
          question: '理发店会员卡余额能退吗？',
          answer: '经营者单方面停业的，应退还余额。',
          category: 'beauty_health',
        },
      );

      await act(app, consumer, c.id, { type: 'follow_up', text: '店没有停业，只是我不想办了呢？' });
      await act(app, staff, c.id, {
        type: 'answer',
        text: '按合同约定处理；合同未约定的，可协商退还扣除已消费部分后的余额。',
        publishAsFaq: true,
      });
      const replaced = (await faq('会员卡')).body.items.filter(
        (i: { question: string }) => i.question === '理发店会员卡余额能退吗？',
      );
      assert.equal(replaced.length, 1);
      assert.equal(replaced[0].id, entry.id);
      assert.match(replaced[0].answer, /按合同约定处理/);
    });

    test('when the FAQ is searched in Chinese or English, then matching answers come back best first, and nothing for an unrelated query', async () => {
      await publish(
        '健身房老板跑路了，预付卡里的钱怎么要回来？',
        '可向12315投诉，并保留付款凭证；涉嫌诈骗的可向公安机关报案。',
      );
      await publish(
        '网购的衣服不合适，可以七天无理由退货吗？',
        '网购商品自收货之日起七日内可无理由退货，但定制商品等除外。',
        'e_commerce',
      );
      await publish(
        '外卖里吃出异物怎么办？',
        '保存好食品和订单截图，向平台和12315投诉，可要求赔偿。',
        'food_safety',
      );
      await publish(
        'How do I get a refund for a prepaid gym card?',
        'File a complaint with 12315 and keep the payment receipt; the merchant must refund the unused balance.',
      );

      const prepaid = await faq('预付卡');
      assert.equal(prepaid.body.items[0].question, '健身房老板跑路了，预付卡里的钱怎么要回来？');
      const runaway = await faq('老板跑路');
      assert.equal(runaway.body.items[0].question, '健身房老板跑路了，预付卡里的钱怎么要回来？');
      const returns = await faq('无理由退货');
      assert.equal(returns.body.items[0].question, '网购的衣服不合适，可以七天无理由退货吗？');
      // A query that is not a substring of any entry still finds the closest one by trigram similarity.
      const loose = await faq('外卖异物');
      assert.equal(loose.body.items[0]?.question, '外卖里吃出异物怎么办？');
      const english = await faq('refund prepaid card');
      assert.equal(english.body.items[0].question, 'How do I get a refund for a prepaid gym card?');
      const typo = await faq('prepiad gym');
      assert.equal(typo.body.items[0]?.question, 'How do I get a refund for a prepaid gym card?');
      assert.deepEqual((await faq('量子力学')).body.items, []);
      assert.deepEqual((await faq('100%_')).body.items, [], 'LIKE wildcards are matched literally');
      const byCategory = await app.api.get(`/faq?q=${encodeURIComponent('投诉')}&category=food_safety`);
      assert.deepEqual(
        byCategory.body.items.map((i: { category: string }) => i.category),
        ['food_safety'],
      );
      const newest = await app.api.get('/faq?limit=2');
      assert.equal(newest.body.items.length, 2);
      assert.equal((await app.api.get('/faq?limit=0')).status, 400);
    });

    test('when the FAQ is searched, then the GIN trigram index serves the match', async () => {
      const plan = await app.services.store.db.tx(async (q) => {
        await q.query('SET LOCAL enable_seqscan = off');
        return q.query<Record<string, string>>(
          `EXPLAIN SELECT id FROM faq_entries f WHERE (f.question || ' ' || f.answer) ILIKE '%预付卡%'`,
        );
      });
      assert.match(plan.map((r) => Object.values(r)[0]).join('\n'), /faq_entries_text_trgm/);
    });
  });
}
