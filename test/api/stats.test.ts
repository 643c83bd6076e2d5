import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { CATEGORY_CODES } from '@weiquan/shared';
import {
  act,
  createMerchant,
  fileComplaint,
  loginConsumer,
  loginMerchant,
  loginStaff,
  type MerchantFixture,
} from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { storeKinds } from '../support/test-db';

const MINUTE = 60_000;

for (const store of storeKinds()) {
  describe(`public figures (${store})`, () => {
    let app: TestApp;
    let odr: MerchantFixture;
    let plain: MerchantFixture;
    let idle: MerchantFixture;

    before(async () => {
      app = await startTestApp({ store });
      const staff = (await loginStaff(app)).accessToken;
      odr = await createMerchant(app, { odr: true, name: '甲商场' });
      idle = await createMerchant(app, { odr: true, name: '乙商场' });
      plain = await createMerchant(app, { odr: false, name: '丙小店' });
      const shop = (await loginMerchant(app, odr)).accessToken;
      const a = (await loginConsumer(app)).accessToken;
      const b = (await loginConsumer(app)).accessToken;
      const file = (token: string, body: Record<string, unknown>) =>
        app.api
          .post('/cases', body, { token, headers: { 'Idempotency-Key': randomUUID() } })
          .then((r) => (assert.equal(r.status, 201, JSON.stringify(r.body)), r.body));

      // October (Mon 2026-10-12, 10:00 Beijing): acceptance due Wed 10-21, merchant response due Mon 10-26.
      app.clock.set('2026-10-12T02:00:00Z');
      const c1 = await fileComplaint(app, a, { merchant: { id: odr.id } });
      await act(app, shop, c1.id, { type: 'propose', text: '退款300元', refundFen: 30000 }); // merchant on time
      await act(app, a, c1.id, { type: 'accept_proposal' }); // settled: 30000 recovered
      await act(app, a, c1.id, { type: 'rate', score: 5 });
      const c2 = await fileComplaint(app, b, { merchant: { id: plain.id } });
      await act(app, staff, c2.id, { type: 'accept' }); // acceptance on time
      await act(app, staff, c2.id, {
        type: 'close',
        outcome: 'mediated',
        recoveredFen: 10000,
        text: '调解成功',
      });
      await act(app, b, c2.id, { type: 'rate', score: 3 });
      await fileComplaint(app, b, { merchant: { id: plain.id } }); // c3: never accepted, acceptance passes unmet
      await fileComplaint(app, b, { merchant: { id: odr.id } }); // c4: the merchant never answers
      await file(a, {
        kind: 'report',
        merchant: { id: odr.id },
        category: 'food_safety',
        facts: '该商场销售过期食品，情节严重。',
        attachments: [],
      });
      await file(a, { kind: 'consultation', category: 'prepaid_cards', question: '预付卡能退吗？' });
      const c7 = await fileComplaint(app, a, { merchant: { id: plain.id } });
      app.clock.set('2026-10-20T02:00:00Z');
      await act(app, a, c7.id, { type: 'withdraw' }); // withdrawn before its due date: not counted for acceptance

      // November (Tue 2026-11-24): acceptance due Thu 12-03, so these count in December.
      app.clock.set('2026-11-24T02:00:00Z');
      const c5 = await fileComplaint(app, a, { merchant: { id: plain.id }, category: 'catering' });
      await act(app, staff, c5.id, { type: 'refuse', ground: 'over_three_years', text: '超过三年' });
      const c6 = await fileComplaint(app, b, { merchant: { id: plain.id } });
      await act(app, staff, c6.id, { type: 'accept' });
      await act(app, staff, c6.id, {
        type: 'close',
        outcome: 'terminated',
        ground: 'agreement_impossible',
        text: '无法达成协议',
      });
    });
    after(() => app.close());

    test('when figures are asked for by month, then each follows the contract definitions', async () => {
      const res = await app.api.get('/stats?from=2026-10&to=2026-12');
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const { months, totals, merchants, from, to } = res.body;
      assert.deepEqual([from, to], ['2026-10', '2026-12']);
      assert.deepEqual(
        months.map((m: { month: string }) => m.month),
        ['2026-10', '2026-11', '2026-12'],
      );
      const [oct, nov, dec] = months;
      assert.deepEqual(oct, {
        month: '2026-10',
        received: { complaint: 5, report: 1, consultation: 1 },
        acceptanceOnTimeRate: 0.5, // c2 met, c3 passed unmet; c7 withdrawn before due does not count
        completionRate: 3 / 5, // c1 settled, c2 closed, c7 withdrawn
        mediationSuccessRate: 1,
        satisfaction: { average: 4, count: 2, share4or5: 0.5 },
        recoveredFen: 40000,
        visit: { count: 0, satisfiedShare: null },
      });
      assert.deepEqual(nov, {
        month: '2026-11',
        received: { complaint: 2, report: 0, consultation: 0 },
        acceptanceOnTimeRate: null,
        completionRate: 1,
        mediationSuccessRate: 0,
        satisfaction: { average: null, count: 0, share4or5: null },
        recoveredFen: 0,
        visit: { count: 0, satisfiedShare: null },
      });
      assert.equal(dec.acceptanceOnTimeRate, 1, 'c5 and c6 were decided by their due date in December');
      assert.equal(dec.completionRate, null);
      assert.deepEqual(totals, {
        received: { complaint: 7, report: 1, consultation: 1 },
        acceptanceOnTimeRate: 3 / 4,
        completionRate: 5 / 7,
        mediationSuccessRate: 1 / 2,
        satisfaction: { average: 4, count: 2, share4or5: 0.5 },
        recoveredFen: 40000,
        visit: { count: 0, satisfiedShare: null },
      });
      // ODR merchants only; the report against 甲商场 does not count; c1 answered in time, c4's deadline passed.
      assert.deepEqual(merchants, [
        { id: odr.id, name: '甲商场', received: 2, timelyRate: 0.5 },
        { id: idle.id, name: '乙商场', received: 0, timelyRate: null },
      ]);
    });

    test('when a category or a merchant is asked for, then only its figures come back', async () => {
      const catering = await app.api.get('/stats?from=2026-10&to=2026-12&category=catering');
      assert.deepEqual(catering.body.totals.received, { complaint: 1, report: 0, consultation: 0 });
      const own = await app.api.get(`/stats?from=2026-10&to=2026-11&merchantId=${odr.id}`);
      assert.deepEqual(own.body.merchants, [{ id: odr.id, name: '甲商场', received: 2, timelyRate: 0.5 }]);
    });

    test('when no period is given, then it is the 12 months ending with the current one', async () => {
      const res = await app.api.get('/stats');
      assert.equal(res.body.from, '2025-12');
      assert.equal(res.body.to, '2026-11');
      assert.equal(res.body.months.length, 12);
      assert.equal(res.body.totals.received.complaint, 7);
    });

    test('when the store changes, then the figures follow within 60 seconds', async () => {
      const before = (await app.api.get('/stats?from=2026-11&to=2026-11')).body.totals.received.complaint;
      const consumer = (await loginConsumer(app)).accessToken;
      await fileComplaint(app, consumer, { merchant: { id: plain.id } });
      app.clock.advance(30_000);
      assert.equal(
        (await app.api.get('/stats?from=2026-11&to=2026-11')).body.totals.received.complaint,
        before,
        'may lag',
      );
      app.clock.advance(MINUTE);
      const after = await app.api.get('/stats?from=2026-11&to=2026-11');
      assert.equal(after.body.totals.received.complaint, before + 1, 'no more than 60 s');
      assert.equal(after.body.asOf, app.clock.now().toISOString());
    });

    test('when the figures are over 40 seconds old, then a request answers without waiting and starts a rebuild in the background', async () => {
      const before = (await app.api.get('/stats?from=2026-11&to=2026-11')).body.totals.received.complaint;
      const consumer = (await loginConsumer(app)).accessToken;
      await fileComplaint(app, consumer, { merchant: { id: plain.id } });
      app.clock.advance(45_000);
      // The first request answers from the tables as they are (PGlite, serialising queries, may already
      // answer after the rebuild); the clock stays short of 60 s, so only the background rebuild can update them.
      let seen = (await app.api.get('/stats?from=2026-11&to=2026-11')).body.totals.received.complaint;
      for (let i = 0; i < 50 && seen === before; i++) {
        await new Promise((r) => setTimeout(r, 100));
        seen = (await app.api.get('/stats?from=2026-11&to=2026-11')).body.totals.received.complaint;
      }
      assert.equal(seen, before + 1, 'rebuilt without a request waiting for it');
    });

    test('when the period is malformed or reversed, then it is a 400 naming the field', async () => {
      for (const q of [
        'from=2026-13&to=2026-12',
        'from=2026-11&to=2026-10',
        'from=2016-01&to=2026-12',
        'category=nope',
        'to=2026',
      ]) {
        const res = await app.api.get(`/stats?${q}`);
        assert.equal(res.status, 400, q);
        assert.equal(res.body.error.code, 'VALIDATION_FAILED');
      }
    });

    test('when the OpenAPI document is read, then /stats lists its query with the category enum and its answer shape', async () => {
      const doc = (await app.api.get('/openapi.json')).body;
      const params = doc.paths['/stats'].get.parameters as { name: string; schema: { enum?: string[] } }[];
      assert.deepEqual(params.map((p) => p.name).sort(), ['category', 'from', 'merchantId', 'to']);
      assert.deepEqual(params.find((p) => p.name === 'category')?.schema.enum, [...CATEGORY_CODES]);
      const answer = doc.paths['/stats'].get.responses['200'].content['application/json'].schema;
      assert.deepEqual(Object.keys(answer.properties).sort(), [
        'asOf',
        'from',
        'merchants',
        'months',
        'to',
        'totals',
      ]);
      assert.ok(
        doc.paths['/faq'].get &&
          doc.paths['/articles'].get &&
          doc.paths['/staff/articles'].post &&
          doc.paths['/staff/hotspots'].get,
      );
    });
  });
}
