import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  act,
  complaintBody,
  createMerchant,
  fileComplaint,
  loginConsumer,
  loginMerchant,
  loginStaff,
  upload,
} from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { storeKinds } from '../support/test-db';

// Evidence is shown to the merchant unless the consumer marks it as for the 12315 centre only: then
// the merchant neither sees it in the case nor can read it (404, as for anything it may not see).
for (const store of storeKinds()) {
  describe(`evidence for the centre only (${store})`, () => {
    let app: TestApp;
    let staff: string;
    before(async () => {
      app = await startTestApp({ store });
      staff = (await loginStaff(app)).accessToken;
    });
    after(() => app.close());

    const ids = (view: { attachments: { id: string }[] }) => view.attachments.map((a) => a.id).sort();

    test('when a consumer files with one photo for the centre only, then the merchant sees and reads only the other; the consumer and staff see both, the one marked', async () => {
      const merchant = await createMerchant(app, { odr: true });
      const shop = (await loginMerchant(app, merchant)).accessToken;
      const consumer = (await loginConsumer(app)).accessToken;
      const shared = (await upload(app, consumer)).body.id as string;
      const privy = (await upload(app, consumer)).body.id as string;
      const filed = await fileComplaint(app, consumer, {
        merchant: { id: merchant.id },
        attachments: [shared, privy],
        centreOnlyAttachments: [privy],
      });
      assert.deepEqual(ids(filed), [shared, privy].sort());
      assert.deepEqual(
        filed.attachments.find((a) => a.id === privy),
        { id: privy, mime: 'image/png', size: filed.attachments[0].size, centreOnly: true },
      );
      assert.equal(filed.attachments.find((a) => a.id === shared)!.centreOnly, undefined);

      const seen = await app.api.get(`/cases/${filed.id}`, { token: shop });
      assert.deepEqual(ids(seen.body), [shared], 'the merchant sees the shared photo only');
      assert.ok(!JSON.stringify(seen.body).includes(privy), 'no trace of the other');
      assert.equal((await app.api.get(`/uploads/${shared}`, { token: shop })).status, 200);
      const hidden = await app.api.get(`/uploads/${privy}`, { token: shop });
      assert.equal(hidden.status, 404);
      assert.equal(hidden.body.error.code, 'NOT_FOUND');

      for (const token of [consumer, staff]) {
        const view = await app.api.get(`/cases/${filed.id}`, { token });
        assert.deepEqual(ids(view.body), [shared, privy].sort());
        assert.equal((await app.api.get(`/uploads/${privy}`, { token })).status, 200);
      }
    });

    test('when a supplement carries a photo for the centre only, then the merchant does not see it either', async () => {
      const merchant = await createMerchant(app, { odr: true });
      const shop = (await loginMerchant(app, merchant)).accessToken;
      const consumer = (await loginConsumer(app)).accessToken;
      const filed = await fileComplaint(app, consumer, { merchant: { id: merchant.id } });
      const privy = (await upload(app, consumer)).body.id as string;
      const shared = (await upload(app, consumer)).body.id as string;
      await act(app, consumer, filed.id, {
        type: 'supplement',
        attachments: [privy, shared],
        centreOnlyAttachments: [privy],
      });
      const seen = await app.api.get(`/cases/${filed.id}`, { token: shop });
      assert.deepEqual(ids(seen.body), [shared]);
      assert.ok(!JSON.stringify(seen.body).includes(privy), 'not in the timeline entry either');
      assert.equal((await app.api.get(`/uploads/${privy}`, { token: shop })).status, 404);
      const mine = await app.api.get(`/cases/${filed.id}`, { token: consumer });
      assert.deepEqual(ids(mine.body), [privy, shared].sort());
      assert.deepEqual(mine.body.timeline.at(-1).attachments.sort(), [privy, shared].sort());
    });

    test('when centreOnlyAttachments names a photo that is not among the attachments, then it is a 400 and nothing is filed', async () => {
      const consumer = (await loginConsumer(app)).accessToken;
      const photo = (await upload(app, consumer)).body.id as string;
      const res = await app.api.post(
        '/cases',
        complaintBody({ attachments: [], centreOnlyAttachments: [photo] }),
        { token: consumer, headers: { 'Idempotency-Key': randomUUID() } },
      );
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.equal(res.body.error.details[0].path, 'centreOnlyAttachments');
      const list = await app.api.get('/cases', { token: consumer });
      assert.deepEqual(list.body.items, []);
    });
  });
}
