/**
 * The H5 build as the BFF serves it, over a real listener with raw HTTP (no client that decodes
 * for us): the precompressed twin the request accepts, with Content-Encoding and Vary, a year of
 * caching for hashed files and revalidation for the HTML.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import express from 'express';
import type { Server } from 'node:http';
import { h5Static } from '../../bff/src/static/h5-static';

const JS = `console.log(${JSON.stringify('维权'.repeat(2000))});`;
const HTML = '<!doctype html><html><head><script src="./js/app.1a2b3c4d.js"></script></head></html>';
let dir: string;
let server: Server;
let base: string;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'wq-h5-'));
  mkdirSync(path.join(dir, 'js'));
  writeFileSync(path.join(dir, 'index.html'), HTML);
  const js = path.join(dir, 'js/app.1a2b3c4d.js');
  writeFileSync(js, JS);
  writeFileSync(`${js}.br`, brotliCompressSync(JS));
  writeFileSync(`${js}.gz`, gzipSync(JS));
  // a file built without twins (too small to compress)
  writeFileSync(path.join(dir, 'js/tiny.9f8e7d6c.js'), '1;');
  const app = express();
  app.use(h5Static(dir));
  app.use((_req, res) => void res.status(404).end());
  server = app.listen(0);
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${url}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

test('when the browser accepts brotli, then the brotli twin is sent with Content-Encoding br, Vary and a year of immutable caching', async () => {
  const res = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-encoding'], 'br');
  assert.match(String(res.headers['content-type']), /javascript/);
  assert.match(String(res.headers.vary), /Accept-Encoding/i);
  assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal(brotliDecompressSync(res.body).toString(), JS);
  assert.ok(res.body.length < Buffer.byteLength(JS) / 5, `brotli is small: ${res.body.length} bytes`);
});

test('when only gzip is accepted (or brotli is refused with q=0), then the gzip twin is sent', async () => {
  for (const accept of ['gzip', 'br;q=0, gzip']) {
    const res = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': accept });
    assert.equal(res.headers['content-encoding'], 'gzip', accept);
    assert.equal(gunzipSync(res.body).toString(), JS);
  }
});

test('when no encoding is accepted, then the plain bytes are sent without Content-Encoding, still with Vary', async () => {
  const res = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': 'identity' });
  assert.equal(res.headers['content-encoding'], undefined);
  assert.match(String(res.headers.vary), /Accept-Encoding/i);
  assert.equal(res.body.toString(), JS);
});

test('when the HTML is asked for (by / or by name), then it must be revalidated on every load', async () => {
  for (const url of ['/', '/index.html']) {
    const res = await get(url, { 'accept-encoding': 'br' });
    assert.equal(res.status, 200);
    assert.equal(res.headers['cache-control'], 'no-cache', url);
    assert.match(String(res.headers['content-type']), /text\/html/);
    assert.equal(res.body.toString(), HTML);
  }
});

test('when a file has no compressed twin or does not exist, then it is sent plain or passed on (404)', async () => {
  const tiny = await get('/js/tiny.9f8e7d6c.js', { 'accept-encoding': 'br' });
  assert.equal(tiny.headers['content-encoding'], undefined);
  assert.equal(tiny.body.toString(), '1;');
  assert.equal((await get('/js/app.1a2b3c4d.js.br')).status, 404, 'the twins are not addressable');
  assert.equal((await get('/../package.json')).status, 404);
  assert.equal((await get('/nope.js')).status, 404);
});
