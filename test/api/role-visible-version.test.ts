import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  act,
  createMerchant,
  fileComplaint,
  loginConsumer,
  loginMerchant,
  loginStaff,
} from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { storeKinds } from '../support/test-db';

// What a role may not see leaves no trace in what it can see: a staff entry hidden from the merchant
// (split_report) moves neither the merchant's version nor its updatedAt nor its ETag, and the
// merchant's expectedVersion is checked against the version as the merchant sees it.
for (const store of storeKinds()) {
  describe(`versions as each role sees them (${store})`, () => {
    let app: TestApp;
    let staff: string;
    before(async () => {
      app = await startTestApp({ store });
      staff = (await loginStaff(app)).accessToken;
    });
    after(() => app.close());

    async function splitComplaint() {
      const merchant = await createMerchant(app, { odr: true });
      const shop = (await loginMerchant(app, merchant)).accessToken;
      const consumer = (await loginConsumer(app)).accessToken;
      const c = await fileComplaint(app, consumer, { merchant: { id: merchant.id } });
      const get = (token: string) => app.api.get(`/cases/${c.id}`, { token });
      const list = async (token: string) =>
        (await app.api.get('/cases?limit=100', { token })).body.items.find(
          (i: { id: string }) => i.id === c.id,
        );
      const before = { detail: await get(shop), item: await list(shop), consumer: await get(consumer) };
      assert.equal(before.detail.status, 200);
      assert.ok(before.detail.headers.get('etag'), 'the detail carries an ETag');
      app.clock.advance(60_000);
      await act(app, staff, c.id, { type: 'split_report', text: '投诉中含举报内容，已拆分' });
      return { c, shop, consumer, get, list, before };
    }

    test('when staff split a report off a complaint, then the merchant sees the same version, updatedAt and ETag as before, in the detail and the list', async () => {
      const { shop, get, list, before } = await splitComplaint();
      const detail = await get(shop);
      assert.equal(detail.status, 200);
      assert.equal(detail.body.version, before.detail.body.version, 'version');
      assert.equal(detail.body.updatedAt, before.detail.body.updatedAt, 'updatedAt');
      assert.deepEqual(detail.body, before.detail.body, 'the whole answer');
      assert.equal(detail.headers.get('etag'), before.detail.headers.get('etag'), 'ETag');
      assert.deepEqual(await list(shop), before.item, 'the list item');
    });

    test('when staff split a report off a complaint, then staff and the consumer (who see the entry) see the version move on', async () => {
      const { consumer, get, before } = await splitComplaint();
      const staffView = await get(staff);
      assert.equal(staffView.body.version, before.consumer.body.version + 1);
      const mine = await get(consumer);
      assert.equal(mine.body.version, before.consumer.body.version + 1);
      assert.equal(mine.body.timeline.at(-1).type, 'split_report');
      assert.notEqual(mine.body.updatedAt, before.consumer.body.updatedAt);
    });

    test("when the merchant acts with the version it saw, then a hidden entry since is no conflict, and a visible one is a 409 naming the merchant's version", async () => {
      const { c, shop, consumer, get, before } = await splitComplaint();
      const seen = before.detail.body.version;
      const proposed = await app.api.post(
        `/cases/${c.id}/actions`,
        { type: 'message', text: '您好，我们正在核实。', expectedVersion: seen },
        { token: shop },
      );
      assert.equal(proposed.status, 200, JSON.stringify(proposed.body));
      assert.equal(proposed.body.version, seen + 1, 'one visible change since');
      assert.equal((await get(shop)).body.version, seen + 1, 'the answer and a read agree');

      await act(app, consumer, c.id, { type: 'supplement', text: '补充：商家电话无人接听。' });
      const stale = await app.api.post(
        `/cases/${c.id}/actions`,
        { type: 'message', text: '好的。', expectedVersion: seen + 1 },
        { token: shop },
      );
      assert.equal(stale.status, 409, JSON.stringify(stale.body));
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      assert.deepEqual(stale.body.error.details, { currentVersion: seen + 2 });
      assert.ok(!JSON.stringify(stale.body).includes(String(seen + 3)), 'the staff version is not leaked');
      const fresh = await app.api.post(
        `/cases/${c.id}/actions`,
        { type: 'message', text: '好的。', expectedVersion: seen + 2 },
        { token: shop },
      );
      assert.equal(fresh.status, 200, JSON.stringify(fresh.body));
      // Staff keep the full count (filed, split, two messages, a supplement) and the same rule for their own actions.
      const staffView = await get(staff);
      assert.equal(staffView.body.version, seen + 4);
      const staffStale = await app.api.post(
        `/cases/${c.id}/actions`,
        { type: 'message', text: '已关注。', expectedVersion: seen + 3 },
        { token: staff },
      );
      assert.equal(staffStale.status, 409);
      assert.deepEqual(staffStale.body.error.details, { currentVersion: seen + 4 });
    });
  });
}
