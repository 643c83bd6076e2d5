import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CATEGORY_CODES, REFUSAL_GROUNDS_CODES } from '@weiquan/shared';
import { startTestApp, type TestApp } from '../support/test-app';

describe('meta, health and the OpenAPI document', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ store: 'pglite', env: { WECHAT_TEMPLATE_CASE_UPDATE: 'tpl-case-update' } });
  });
  after(() => app.close());

  test('when a client starts, then /meta tells the mode, the template ids and the category names', async () => {
    const res = await app.api.get('/meta');
    assert.equal(res.status, 200);
    assert.equal(res.body.mode, 'emulator');
    assert.deepEqual(res.body.templates, { caseUpdate: 'tpl-case-update' });
    assert.deepEqual(
      res.body.categories.map((c: { code: string }) => c.code),
      [...CATEGORY_CODES],
    );
    assert.ok(
      res.body.categories.find((c: { code: string; greenChannel: boolean }) => c.code === 'tourism')
        .greenChannel,
    );
  });

  test('when the OpenAPI document is fetched, then POST /cases carries the category catalogue as an enum', async () => {
    const res = await app.api.get('/openapi.json');
    assert.equal(res.status, 200);
    assert.equal(res.body.openapi, '3.1.0');
    const body = res.body.paths['/cases'].post.requestBody.content['application/json'].schema;
    const branches = (body.oneOf ?? body.anyOf) as { properties: Record<string, { enum?: string[] }> }[];
    assert.ok(branches.length >= 1);
    const complaint = branches.find(
      (b) => b.properties.kind && JSON.stringify(b.properties.kind).includes('complaint'),
    );
    assert.deepEqual(complaint?.properties.category.enum, [...CATEGORY_CODES]);
    const action = JSON.stringify(res.body.paths['/cases/{id}/actions'].post.requestBody);
    for (const ground of REFUSAL_GROUNDS_CODES) assert.ok(action.includes(ground), ground);
    assert.equal(
      res.body.paths['/cases'].post.parameters.find((p: { name: string }) => p.name === 'Idempotency-Key')
        .required,
      true,
    );
  });

  test('when the store is up, then /healthz and /readyz are green; an unknown API path is a 404 in the error shape', async () => {
    assert.equal((await app.api.get('/healthz')).status, 200);
    const ready = await app.api.get('/readyz');
    assert.deepEqual([ready.status, ready.body.store], [200, 'up']);
    const missing = await app.api.get('/nope');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'NOT_FOUND');
  });
});
