import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { routeFiling } from '@weiquan/shared';
import type { Caller } from '../../bff/src/auth/caller';
import { complaintBody, createMerchant, loginConsumer } from '../support/factories';
import { startRecordingTestApp, type RecordingDb } from '../support/recording-db';
import type { TestApp } from '../support/test-app';
import { storeKinds } from '../support/test-db';

// Filings without uploads are batched: the filings of one event-loop turn share one lookup and one
// insert. Each must keep its own outcome: a case, a replay, a 409, or its own failure.
for (const store of storeKinds()) {
  describe(`batched filings (${store})`, () => {
    let app: TestApp;
    let recorded: RecordingDb;
    before(async () => {
      ({ app, recorded } = await startRecordingTestApp(store));
    });
    after(() => app.close());

    const caller = async (): Promise<Caller> =>
      app.services.access.verify((await loginConsumer(app)).accessToken);
    const countCases = async (consumerId: string) =>
      (
        await app.services.store.db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM cases WHERE consumer_id = $1',
          [consumerId],
        )
      )[0].n;

    test('when several consumers file in the same turn, then two queries file them all, each with its own case and number', async () => {
      const merchant = await createMerchant(app, { odr: true });
      const consumers = await Promise.all([1, 2, 3, 4].map(() => caller()));
      const before = recorded.sql.length;
      const filed = await Promise.all(
        consumers.map((c, i) =>
          app.services.store.cases.file(
            c,
            randomUUID(),
            complaintBody({ merchant: { id: merchant.id }, facts: `第${i}号投诉：电饭煲无法加热。` }),
          ),
        ),
      );
      assert.equal(recorded.sql.length - before, 2, 'one lookup and one insert for the batch');
      assert.equal(new Set(filed.map((f) => f.view.caseNo)).size, 4, 'distinct case numbers');
      for (const [i, c] of consumers.entries()) {
        assert.equal(filed[i].replayed, false);
        assert.equal(filed[i].view.status, 'merchant_negotiating', 'an ODR merchant gets it first');
        assert.match(filed[i].view.facts as string, new RegExp(`第${i}号`));
        assert.equal(await countCases(c.id), 1);
        assert.deepEqual(
          await app.services.store.cases.get(c, filed[i].view.id),
          filed[i].view,
          'the answer equals a later read',
        );
      }
    });

    test('when the same key arrives twice in one turn, then one case is written and the twin replays it, or is refused for another body', async () => {
      const c = await caller();
      const key = randomUUID();
      const body = complaintBody();
      const [first, twin] = await Promise.all([
        app.services.store.cases.file(c, key, body),
        app.services.store.cases.file(c, key, body),
      ]);
      assert.deepEqual([first.replayed, twin.replayed].sort(), [false, true]);
      assert.deepEqual(first.view, twin.view);
      assert.equal(await countCases(c.id), 1);

      const other = await caller();
      const otherKey = randomUUID();
      const outcomes = await Promise.allSettled([
        app.services.store.cases.file(other, otherKey, complaintBody({ facts: '第一份：电饭煲无法加热。' })),
        app.services.store.cases.file(other, otherKey, complaintBody({ facts: '第二份：电饭煲漏电。' })),
      ]);
      const refused = outcomes.filter((o) => o.status === 'rejected');
      assert.equal(refused.length, 1);
      assert.equal((refused[0] as PromiseRejectedResult).reason.code, 'IDEMPOTENCY_KEY_REUSED');
      assert.equal(await countCases(other.id), 1);
    });

    test('when a remembered merchant is filed against again, then the filing is one query; when the directory changed meanwhile, then it is routed and named by the new record', async () => {
      const merchant = await createMerchant(app, { odr: true });
      const c = await caller();
      const first = await app.services.store.cases.file(
        c,
        randomUUID(),
        complaintBody({ merchant: { id: merchant.id } }),
      );
      assert.equal(first.view.status, routeFiling('complaint', true).to);

      const before = recorded.sql.length;
      const second = await app.services.store.cases.file(
        c,
        randomUUID(),
        complaintBody({ merchant: { id: merchant.id } }),
      );
      assert.equal(recorded.sql.length - before, 1, 'the merchant is remembered: one insert');
      assert.match(second.view.caseNo, /^XM\d{14,}$/);
      assert.deepEqual(await app.services.store.cases.get(c, second.view.id), second.view);

      // The centre takes the merchant out of ODR and renames it.
      await app.services.store.db.query(
        "UPDATE merchants SET odr = false, name = '新店名电器行' WHERE id = $1",
        [merchant.id],
      );
      const third = await app.services.store.cases.file(
        c,
        randomUUID(),
        complaintBody({ merchant: { id: merchant.id } }),
      );
      assert.equal(third.view.status, routeFiling('complaint', false).to, 'routed as a non-ODR merchant now');
      assert.equal(third.view.merchant?.name, '新店名电器行');
      assert.deepEqual(await app.services.store.cases.get(c, third.view.id), third.view);
      assert.equal(await countCases(c.id), 3, 'the stale attempt wrote nothing');

      // A replay answers the stored answer, case number included.
      const key = randomUUID();
      const body = complaintBody({ merchant: { id: merchant.id } });
      const filed = await app.services.store.cases.file(c, key, body);
      const again = await app.services.store.cases.file(c, key, body);
      assert.equal(again.replayed, true);
      assert.deepEqual(again.view, filed.view);
    });

    test('when one filing of a batch cannot be written, then only it fails and the others are filed', async () => {
      const good = await Promise.all([1, 2].map(() => caller()));
      // A caller the store does not know: its case breaks the users foreign key.
      const ghost: Caller = { role: 'consumer', id: randomUUID() };
      const outcomes = await Promise.allSettled(
        [good[0], ghost, good[1]].map((c) => app.services.store.cases.file(c, randomUUID(), complaintBody())),
      );
      assert.deepEqual(
        outcomes.map((o) => o.status),
        ['fulfilled', 'rejected', 'fulfilled'],
      );
      assert.equal(await countCases(good[0].id), 1);
      assert.equal(await countCases(good[1].id), 1);
      const [{ n }] = await app.services.store.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM idempotency_keys WHERE user_id = $1',
        [ghost.id],
      );
      assert.equal(n, 0, 'nothing half written for the failed filing');
    });
  });
}
