/**
 * Uploads past the happy path: bytes missing under a row, downloads that must not run on the API's
 * origin, and bodies whose client goes away mid-upload (nothing may stay open or on disk).
 */
import assert from 'node:assert/strict';
import { readdir, readlink, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loginConsumer, PNG_1X1, upload } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { storeKinds } from '../support/test-db';

/** A minimal PDF: file-type sniffs it from the header. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function removeBlobBytes(app: TestApp, sha256: string) {
  const kind = app.services.blobs.kind;
  if (kind === 'disk') await rm(path.join(app.dataDir, 'uploads', sha256.slice(0, 2), sha256));
  else if (kind === 'postgres')
    await app.services.store.db.query('DELETE FROM blobs WHERE sha256 = $1', [sha256]);
  else throw new Error(`no way to remove bytes from a ${kind} store in this test`);
}

const tempFiles = (app: TestApp) => readdir(path.join(app.dataDir, 'uploads', 'tmp'));

async function openTempHandles(app: TestApp): Promise<number> {
  const tmp = path.join(app.dataDir, 'uploads', 'tmp');
  let n = 0;
  for (const fd of await readdir('/proc/self/fd')) {
    const target = await readlink(`/proc/self/fd/${fd}`).catch(() => '');
    if (target.startsWith(tmp)) n++;
  }
  return n;
}

async function eventually(what: string, check: () => Promise<boolean>) {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`never came true: ${what}`);
}

for (const store of storeKinds()) {
  describe(`uploads (${store})`, () => {
    let app: TestApp;
    let token: string;
    before(async () => {
      app = await startTestApp({ store });
      token = (await loginConsumer(app)).accessToken;
    });
    after(() => app.close());

    test('when an upload row points at bytes the blob store lacks, then reading it is a logged 500 INTERNAL and the BFF serves on', async () => {
      const lost = await upload(app, token, Buffer.concat([PNG_1X1, Buffer.from('lost')]));
      const kept = await upload(app, token);
      assert.equal(lost.status, 201);
      await removeBlobBytes(app, lost.body.sha256);
      const res = await app.api.get(`/uploads/${lost.body.id}`, { token });
      assert.equal(res.status, 500);
      assert.equal(res.body.error.code, 'INTERNAL');
      assert.doesNotMatch(JSON.stringify(res.body), /ENOENT|sha256|\/uploads\//);
      assert.ok(
        app.logLines.some((l) => l.includes('"level":50') && l.includes(lost.body.id)),
        'an error line names the upload',
      );
      const again = await fetch(`${app.baseUrl}/api/v1/uploads/${kept.body.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(again.status, 200);
      assert.deepEqual(Buffer.from(await again.arrayBuffer()), PNG_1X1);
      assert.equal((await app.api.get('/healthz')).status, 200);
    });

    test('when a PDF is read back, then it is an attachment in a CSP sandbox; an image shows inline, sandboxed too', async () => {
      const pdf = await upload(app, token, PDF, 'receipt.pdf', 'application/pdf');
      assert.equal(pdf.status, 201, JSON.stringify(pdf.body));
      assert.equal(pdf.body.mime, 'application/pdf');
      const asPdf = await fetch(`${app.baseUrl}/api/v1/uploads/${pdf.body.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(asPdf.headers.get('content-disposition'), 'attachment');
      assert.match(asPdf.headers.get('content-security-policy') ?? '', /\bsandbox\b/);
      assert.deepEqual(Buffer.from(await asPdf.arrayBuffer()), PDF);
      const png = await upload(app, token);
      const asPng = await fetch(`${app.baseUrl}/api/v1/uploads/${png.body.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(asPng.headers.get('content-disposition'), 'inline');
      assert.match(asPng.headers.get('content-security-policy') ?? '', /\bsandbox\b/);
      assert.deepEqual(Buffer.from(await asPng.arrayBuffer()), PNG_1X1);
    });

    test('when a client goes away in the middle of an upload body, then its temp file and file handle are released at once and no row is written', async () => {
      const [{ n: rowsBefore }] = await app.services.store.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM uploads',
      );
      const url = new URL(app.baseUrl);
      const boundary = 'xBOUNDARYx';
      const socket = connect(Number(url.port), url.hostname);
      await new Promise<void>((resolve) => socket.once('connect', resolve));
      socket.write(
        [
          'POST /api/v1/uploads HTTP/1.1',
          `Host: ${url.host}`,
          `Authorization: Bearer ${token}`,
          `Content-Type: multipart/form-data; boundary=${boundary}`,
          `Content-Length: ${5 * 1024 * 1024}`,
          '',
          `--${boundary}`,
          'Content-Disposition: form-data; name="file"; filename="big.png"',
          'Content-Type: image/png',
          '',
          '',
        ].join('\r\n'),
      );
      socket.write(Buffer.concat([PNG_1X1, Buffer.alloc(512 * 1024, 7)]));
      await eventually('the partial upload is on disk', async () => (await tempFiles(app)).length === 1);
      assert.equal(await openTempHandles(app), 1);
      socket.destroy();
      await eventually('the temp file is gone', async () => (await tempFiles(app)).length === 0);
      await eventually('no handle stays open on it', async () => (await openTempHandles(app)) === 0);
      const [{ n: rowsAfter }] = await app.services.store.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM uploads',
      );
      assert.equal(rowsAfter, rowsBefore);
      assert.equal((await upload(app, token)).status, 201, 'the next upload works');
    });
  });
}
