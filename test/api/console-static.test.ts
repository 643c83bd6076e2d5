/**
 * The staff console at /console/: its built files served by the BFF on the API's origin, every
 * screen's address answered with index.html (the console routes in the browser), a missing asset a
 * plain 404 rather than the page.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../support/test-app';

const INDEX =
  '<!doctype html><html lang="zh-Hans"><title>12315 维权工作台</title><div id="root"></div></html>';

describe('the staff console is served at /console/', () => {
  let app: TestApp;
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'weiquan-console-'));
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'index.html'), INDEX);
    await writeFile(path.join(dir, 'assets/index-abc123.js'), 'console.log(1)');
    app = await startTestApp({ store: 'pglite', env: { CONSOLE_DIR: dir } });
  });
  after(async () => {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('when a screen address is opened, then index.html is answered, never cached', async () => {
    for (const p of [
      '/console/',
      '/console',
      '/console/cases/0b5c6b5e-1f1a-4a57-9d2f-1a2b3c4d5e6f',
      '/console/intake',
    ]) {
      const res = await fetch(`${app.baseUrl}${p}`);
      assert.equal(res.status, 200, p);
      assert.match(res.headers.get('content-type') ?? '', /text\/html/);
      assert.equal(res.headers.get('cache-control'), 'no-cache', p);
      assert.equal(await res.text(), INDEX);
    }
  });

  test('when a hashed asset is fetched, then it is cached for a year', async () => {
    const res = await fetch(`${app.baseUrl}/console/assets/index-abc123.js`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('cache-control') ?? '', /max-age=31536000, immutable/);
    assert.equal(await res.text(), 'console.log(1)');
  });

  test('when a missing asset is fetched, then the answer is 404, not the page', async () => {
    const res = await fetch(`${app.baseUrl}/console/assets/missing.js`);
    assert.equal(res.status, 404);
    assert.notEqual(await res.text(), INDEX);
  });

  test('when the console is served, then the API beside it still answers', async () => {
    const res = await fetch(`${app.baseUrl}/api/v1/meta`);
    assert.equal(res.status, 200);
  });
});
