import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { caseList } from '@weiquan/shared';
import type { Caller } from '../../bff/src/auth/caller';
import { createCaseReader } from '../../bff/src/cases/case-reader';
import {
  createMerchant,
  fileComplaint,
  loginConsumer,
  loginMerchant,
  loginStaff,
} from '../support/factories';
import { startRecordingTestApp, type RecordingDb } from '../support/recording-db';
import type { TestApp } from '../support/test-app';
import { storeKinds } from '../support/test-db';

// GET /cases/:id reads are batched: the reads of one event-loop turn share one query, and each
// read must still answer exactly what that caller may see (and 404 what it may not).
for (const store of storeKinds()) {
  describe(`batched case reads (${store})`, () => {
    let app: TestApp;
    let recorded: RecordingDb;
    before(async () => {
      ({ app, recorded } = await startRecordingTestApp(store));
    });
    after(() => app.close());

    test('when consumers, a merchant and staff read in the same turn, then one query answers them all and each read equals its own read alone', async () => {
      const merchant = await createMerchant(app, { odr: true });
      const shopLogin = await loginMerchant(app, merchant);
      const a = await loginConsumer(app);
      const b = await loginConsumer(app);
      const complaint = await fileComplaint(app, a.accessToken, {
        merchant: { id: merchant.id },
        shareContactWithMerchant: false,
      });
      const asked = await app.api.post(
        '/cases',
        { kind: 'consultation', category: 'prepaid_cards', question: '预付卡商家停业怎么办？' },
        { token: a.accessToken, headers: { 'Idempotency-Key': randomUUID() } },
      );
      assert.equal(asked.status, 201);
      const other = await fileComplaint(app, b.accessToken);
      const who = (token: string): Caller => app.services.access.verify(token);
      const consumerA = who(a.accessToken);
      const consumerB = who(b.accessToken);
      const shop = who(shopLogin.accessToken);
      const staff = who((await loginStaff(app)).accessToken);

      const reads: [Caller, string, boolean][] = [
        [consumerA, complaint.id, true],
        [consumerB, complaint.id, false],
        [shop, complaint.id, true],
        [shop, asked.body.id, false],
        [shop, other.id, false],
        [staff, other.id, true],
        [consumerB, other.id, true],
        [consumerA, randomUUID(), false],
      ];
      const reader = createCaseReader(recorded.db);
      const before = recorded.sql.length;
      const batched = await Promise.all(reads.map(([caller, id]) => reader.read(caller, id)));
      assert.equal(recorded.sql.length - before, 1, 'one query for the whole turn');
      for (const [i, [caller, id, visible]] of reads.entries()) {
        const alone = await reader.read(caller, id);
        assert.equal(
          batched[i] !== null,
          visible,
          `read ${i}: ${caller.role} ${visible ? 'sees' : 'must not see'} the case`,
        );
        assert.deepEqual(batched[i], alone, `read ${i}: the batched row equals the row read alone`);
        if (batched[i]) assert.equal(batched[i]!.id, id);
      }
    });

    test('when lists of one shape are read in the same turn, then one query answers them and each page equals the page read alone', async () => {
      const merchant = await createMerchant(app, { odr: true });
      const shop = app.services.access.verify((await loginMerchant(app, merchant)).accessToken);
      const a = await loginConsumer(app);
      const b = await loginConsumer(app);
      for (let i = 0; i < 3; i++) {
        app.clock.advance(60_000);
        await fileComplaint(app, a.accessToken, { merchant: { id: merchant.id } });
      }
      app.clock.advance(60_000);
      await fileComplaint(app, b.accessToken);
      const consumerA = app.services.access.verify(a.accessToken);
      const consumerB = app.services.access.verify(b.accessToken);
      const { cases } = app.services.store;
      const firstPage = await cases.list(consumerA, { limit: 2 });
      assert.ok(firstPage.nextCursor);

      const lists = [
        () => cases.list(consumerA, { limit: 2 }),
        () => cases.list(consumerB, { limit: 2 }),
        () => cases.list(consumerA, { limit: 2, cursor: firstPage.nextCursor! }),
        () => cases.list(consumerA, { limit: 20, open: true }),
        () => cases.list(consumerB, { limit: 20, open: true }),
        () => cases.list(shop, { limit: 20 }),
      ];
      const before = recorded.sql.length;
      const together = await Promise.all(lists.map((list) => list()));
      // Shapes: consumer plain (3 reads, with and without a cursor are two), consumer open (2), merchant (1).
      assert.equal(recorded.sql.length - before, 4, 'one query per shape');
      for (const [i, list] of lists.entries()) assert.deepEqual(together[i], await list(), `list ${i}`);
      assert.deepEqual(
        together.map((l) => l.items.length),
        [2, 1, 1, 3, 1, 3],
      );
      assert.ok(
        together[0].items.every((item) => item.merchant?.id === merchant.id),
        "A's own cases only",
      );
      assert.notDeepEqual(
        together[0].items.map((item) => item.id),
        together[2].items.map((item) => item.id),
        'the cursor moves on',
      );
    });

    test('when a page is written by the database, then its bytes are the compact JSON of the shared schema, in its key order, page after page', async () => {
      const merchant = await createMerchant(app, { odr: true });
      const shop = (await loginMerchant(app, merchant)).accessToken;
      const a = (await loginConsumer(app)).accessToken;
      const staff = (await loginStaff(app)).accessToken;
      for (let i = 0; i < 3; i++) {
        app.clock.advance(60_000);
        await fileComplaint(app, a, { merchant: { id: merchant.id } });
        await fileComplaint(app, a, { merchant: { name: '某"引号"\\店\n', address: '厦门市思明区' } });
      }
      for (const token of [a, shop, staff]) {
        let cursor: string | null = null;
        let pages = 0;
        do {
          const res: Response = await fetch(
            `${app.baseUrl}/api/v1/cases?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
            { headers: { authorization: `Bearer ${token}` } },
          );
          assert.equal(res.status, 200);
          assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
          const text = await res.text();
          const page = caseList.parse(JSON.parse(text));
          assert.equal(
            text,
            JSON.stringify(page),
            'the bytes equal JSON.stringify of the schema-parsed page',
          );
          cursor = page.nextCursor;
          pages++;
        } while (cursor && pages < 10);
        assert.ok(pages >= 2, 'paged through more than one page');
      }
    });

    test('when the same reads arrive over HTTP at once, then each answer equals the same GET made alone', async () => {
      const merchant = await createMerchant(app, { odr: true });
      const shop = (await loginMerchant(app, merchant)).accessToken;
      const a = (await loginConsumer(app)).accessToken;
      const b = (await loginConsumer(app)).accessToken;
      const staff = (await loginStaff(app)).accessToken;
      const mine = await fileComplaint(app, a, {
        merchant: { id: merchant.id },
        shareContactWithMerchant: false,
      });
      const reads: [string, string][] = [
        [a, mine.id],
        [b, mine.id],
        [shop, mine.id],
        [staff, mine.id],
        [a, 'not-a-uuid'],
        [b, randomUUID()],
      ];
      const together = await Promise.all(reads.map(([token, id]) => app.api.get(`/cases/${id}`, { token })));
      for (const [i, [token, id]] of reads.entries()) {
        const alone = await app.api.get(`/cases/${id}`, { token });
        assert.equal(together[i].status, alone.status, `read ${i}`);
        assert.deepEqual(together[i].body, alone.body, `read ${i}`);
      }
      assert.deepEqual(
        together.map((r) => r.status),
        [200, 404, 200, 200, 404, 404],
      );
      assert.equal(together[2].body.contactMasked, true, 'the merchant sees the contact masked');
      assert.equal(together[0].body.complainant.phone, '13812348000', 'the consumer sees their own contact');
    });
  });
}
