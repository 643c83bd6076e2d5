import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  createMerchant,
  fileComplaint,
  loginConsumer,
  loginMerchant,
  loginStaff,
  type MerchantFixture,
} from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { storeKinds } from '../support/test-db';

const DAY = 86_400_000;
const MINUTE = 60_000;
const NOW = '2026-11-24T02:00:00Z';

for (const store of storeKinds()) {
  describe(`articles and hot spots (${store})`, () => {
    let app: TestApp;
    let staff: string;
    before(async () => {
      app = await startTestApp({ store });
      app.clock.set(NOW);
      staff = (await loginStaff(app)).accessToken;
    });
    after(() => app.close());

    test('when staff publish warnings and typical cases, then anyone reads them newest first, by kind, a page at a time', async () => {
      const post = (body: Record<string, unknown>) => app.api.post('/staff/articles', body, { token: staff });
      const w1 = await post({
        kind: 'warning',
        title: '警惕健身房预付卡“跑路”',
        category: 'prepaid_cards',
        body: '办理预付卡前请核实经营者资质，避免一次性大额充值。',
      });
      assert.equal(w1.status, 201, JSON.stringify(w1.body));
      assert.deepEqual(
        { ...w1.body, id: undefined },
        {
          id: undefined,
          kind: 'warning',
          title: '警惕健身房预付卡“跑路”',
          category: 'prepaid_cards',
          body: '办理预付卡前请核实经营者资质，避免一次性大额充值。',
          publishedAt: '2026-11-24T02:00:00.000Z',
        },
      );
      app.clock.advance(MINUTE);
      const t1 = await post({
        kind: 'typical_case',
        title: '电饭煲质量问题调解成功',
        body: '消费者购买电饭煲三天后无法加热，经调解商家全额退款。',
      });
      assert.equal(t1.body.category, null);
      app.clock.advance(MINUTE);
      const w2 = await post({
        kind: 'warning',
        title: '节日旅游消费提示',
        category: 'tourism',
        body: '选择正规旅行社，签订书面合同，警惕低价团。',
      });

      const warnings = await app.api.get('/articles?kind=warning');
      assert.deepEqual(
        warnings.body.items.map((a: { id: string }) => a.id),
        [w2.body.id, w1.body.id],
      );
      assert.equal(warnings.body.nextCursor, null);
      const first = await app.api.get('/articles?limit=2');
      assert.deepEqual(
        first.body.items.map((a: { id: string }) => a.id),
        [w2.body.id, t1.body.id],
      );
      const second = await app.api.get(`/articles?limit=2&cursor=${first.body.nextCursor}`);
      assert.deepEqual(
        second.body.items.map((a: { id: string }) => a.id),
        [w1.body.id],
      );
      assert.equal(second.body.nextCursor, null);
      const one = await app.api.get(`/articles/${t1.body.id}`);
      assert.equal(one.body.title, '电饭煲质量问题调解成功');
      assert.equal((await app.api.get('/articles/00000000-0000-0000-0000-000000000000')).status, 404);
      assert.equal((await app.api.get('/articles?kind=news')).status, 400);
      assert.equal((await app.api.get('/articles?cursor=bogus')).status, 400);
    });

    test('when a non-staff caller publishes, or the body is wrong, then it is refused', async () => {
      const body = { kind: 'warning', title: '标题', body: '这是一条消费警示的正文。' };
      assert.equal((await app.api.post('/staff/articles', body)).status, 401);
      const consumer = await loginConsumer(app);
      assert.equal(
        (await app.api.post('/staff/articles', body, { token: consumer.accessToken })).status,
        403,
      );
      const bad = await app.api.post(
        '/staff/articles',
        { ...body, kind: 'news', extra: 1 },
        { token: staff },
      );
      assert.equal(bad.status, 400);
    });

    test('when complaints against a merchant in a category surge, then staff see the pair as a hot spot (>= 5 and >= 3x the prior 8-week weekly average)', async () => {
      const fileAt = async (m: MerchantFixture, count: number, daysAgo: number, category = 'food_safety') => {
        for (let i = 0; i < count; i++) {
          app.clock.set(new Date(Date.parse(NOW) - daysAgo * DAY + i * MINUTE));
          const consumer = await loginConsumer(app);
          await fileComplaint(app, consumer.accessToken, {
            merchant: { id: m.id },
            category: category as never,
          });
        }
        app.clock.set(NOW);
      };
      const fresh = await createMerchant(app, { name: '新开餐厅' }); // 5 this week, none before: hot
      const steady = await createMerchant(app, { name: '老字号酒楼' }); // 8 in the prior weeks (1/week), 5 this week: hot
      const busy = await createMerchant(app, { name: '连锁快餐' }); // 16 before (2/week), 5 this week: below 3x
      const few = await createMerchant(app, { name: '街角小吃' }); // 4 this week: below 5
      const old = await createMerchant(app, { name: '旧账商家' }); // 6 but 8 days ago: outside the week
      await fileAt(fresh, 5, 2);
      await fileAt(steady, 8, 30);
      await fileAt(steady, 5, 1);
      await fileAt(busy, 16, 20);
      await fileAt(busy, 5, 3);
      await fileAt(few, 4, 1);
      await fileAt(old, 6, 8);
      await fileAt(fresh, 2, 1, 'catering'); // another category of a hot merchant: its own pair, not hot

      const res = await app.api.get('/staff/hotspots', { token: staff });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body.items, [
        {
          merchant: { id: fresh.id, name: '新开餐厅' },
          category: 'food_safety',
          last7Days: 5,
          weeklyAverage8Weeks: 0,
        },
        {
          merchant: { id: steady.id, name: '老字号酒楼' },
          category: 'food_safety',
          last7Days: 5,
          weeklyAverage8Weeks: 1,
        },
      ]);
      const consumer = await loginConsumer(app);
      assert.equal((await app.api.get('/staff/hotspots', { token: consumer.accessToken })).status, 403);
      const shop = await loginMerchant(app, fresh);
      assert.equal((await app.api.get('/staff/hotspots', { token: shop.accessToken })).status, 403);
    });
  });
}
