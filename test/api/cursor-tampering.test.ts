import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createCaseReader } from '../../bff/src/cases/case-reader';
import { sql, typed } from '../../bff/src/store/sql';
import {
  createMerchant,
  fileComplaint,
  loginConsumer,
  loginMerchant,
  loginStaff,
} from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { storeKinds } from '../support/test-db';

const cursorOf = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');

// Instants that JavaScript's Date.parse takes but that are not what the BFF ever writes into a
// cursor (Date#toISOString of a stored row): PostgreSQL refuses some of them, so they must never reach it.
const TAMPERED_INSTANTS = [
  '0',
  '1',
  '2026-02-30',
  '2026-02-30T00:00:00.000Z',
  '+275760-09-13T00:00:00.000Z',
  '-000001-01-01T00:00:00.000Z',
  '2026-11-24 10:00',
  '2026-11-24T10:00:00.000+08:00',
  '0000-01-01T00:00:00.000Z',
];

// A tampered cursor is a 400 for its sender alone; the lists read in the same event-loop turn
// (which share one query) answer as if it had not been sent.
for (const store of storeKinds()) {
  describe(`tampered cursors (${store})`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp({ store });
    });
    after(() => app.close());

    test('when a case-list cursor carries an instant the BFF never writes, then it is a 400 for that request and every concurrent list of the same shape answers 200', async () => {
      const merchant = await createMerchant(app, { odr: true });
      const shop = (await loginMerchant(app, merchant)).accessToken;
      const staff = (await loginStaff(app)).accessToken;
      const consumers = await Promise.all([1, 2, 3].map(() => loginConsumer(app)));
      for (const c of consumers) {
        app.clock.advance(60_000);
        await fileComplaint(app, c.accessToken, { merchant: { id: merchant.id } });
        await fileComplaint(app, c.accessToken, { merchant: { id: merchant.id } });
      }
      // A valid cursor of each shape, so the honest lists share the shape (and the batch) of the tampered ones.
      const firstPage = async (token: string) => {
        const res = await app.api.get('/cases?limit=1', { token });
        assert.equal(res.status, 200);
        assert.ok(res.body.nextCursor);
        return res.body.nextCursor as string;
      };
      const tokens = [...consumers.map((c) => c.accessToken), shop, staff];
      const honest = await Promise.all(
        tokens.map(async (token) => ({ token, cursor: await firstPage(token) })),
      );
      const expected = await Promise.all(
        honest.map(({ token, cursor }) => app.api.get(`/cases?limit=1&cursor=${cursor}`, { token })),
      );
      for (const res of expected) assert.equal(res.status, 200);

      for (const instant of TAMPERED_INSTANTS) {
        const bad = cursorOf([instant, randomUUID()]);
        const answers = await Promise.all([
          ...honest.map(({ token, cursor }) => app.api.get(`/cases?limit=1&cursor=${cursor}`, { token })),
          ...tokens.map((token) => app.api.get(`/cases?limit=1&cursor=${bad}`, { token })),
        ]);
        for (const [i, res] of answers.slice(0, honest.length).entries()) {
          assert.equal(res.status, 200, `${instant}: an honest list beside it (${i}) answered ${res.status}`);
          assert.deepEqual(res.body, expected[i].body, `${instant}: list ${i} is unchanged`);
        }
        for (const res of answers.slice(honest.length)) {
          assert.equal(res.status, 400, `${instant}: ${JSON.stringify(res.body)}`);
          assert.equal(res.body.error.code, 'VALIDATION_FAILED');
          assert.deepEqual(res.body.error.details, [{ path: 'cursor', message: 'unknown cursor' }]);
        }
      }
    });

    test('when an article-list cursor carries an instant the BFF never writes, then it is a 400', async () => {
      const staff = (await loginStaff(app)).accessToken;
      for (let i = 0; i < 2; i++) {
        app.clock.advance(1_000);
        const res = await app.api.post(
          '/staff/articles',
          { kind: 'warning', title: `警示${i}`, body: '请保留购物凭证，遇到纠纷及时投诉。' },
          { token: staff },
        );
        assert.equal(res.status, 201, JSON.stringify(res.body));
      }
      const page = await app.api.get('/articles?limit=1');
      assert.equal(page.status, 200);
      assert.ok(page.body.nextCursor, 'a real cursor pages on');
      assert.equal((await app.api.get(`/articles?limit=1&cursor=${page.body.nextCursor}`)).status, 200);
      for (const instant of TAMPERED_INSTANTS) {
        const res = await app.api.get(`/articles?limit=1&cursor=${cursorOf([instant, randomUUID()])}`);
        assert.equal(res.status, 400, `${instant}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.error.code, 'VALIDATION_FAILED');
      }
    });

    test('when one list of a batch fails in the database, then it fails alone and the others of its batch answer their rows', async () => {
      const reader = createCaseReader(app.services.store.db);
      const query = (instant: string, limit: number) =>
        sql`SELECT n FROM generate_series(1, 3) AS n WHERE ${typed('text', instant)}::timestamptz < 'infinity' LIMIT ${typed('int', limit)}`;
      const results = await Promise.allSettled([
        reader.list(query('2026-11-24T00:00:00.000Z', 2), sql`x.n`),
        reader.list(query('0', 2), sql`x.n`),
        reader.list(query('2026-11-24T00:00:00.000Z', 3), sql`x.n`),
      ]);
      assert.equal(results[0].status, 'fulfilled');
      assert.equal(results[1].status, 'rejected', 'the bad item fails');
      assert.equal(results[2].status, 'fulfilled');
      assert.deepEqual(
        results.map((r) => (r.status === 'fulfilled' ? r.value.map((row) => row.n) : null)),
        [[1, 2], null, [1, 2, 3]],
      );
    });
  });
}
