/**
 * The three blob stores behind one interface (local disk, PostgreSQL, S3-compatible, the last
 * against a real S3 server): bytes read back exactly, a second put of the same hash is harmless,
 * unknown hashes are null; and through the API, an upload made through one BFF reads back byte for
 * byte through another BFF with its own DATA_DIR.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buffer } from 'node:stream/consumers';
import { loadConfig } from '../../bff/src/config';
import { migrate } from '../../bff/src/store/migrate';
import { createBlobStore, type BlobStore } from '../../bff/src/uploads/blob-store';
import { loginConsumer, PNG_1X1, upload } from '../support/factories';
import { startTestS3, type TestS3 } from '../support/s3-server';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, storeKinds, type TestDatabase } from '../support/test-db';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

type Kind = 'disk' | 'postgres' | 's3';
const setups: { kind: Kind; store: 'pglite' | 'postgres' }[] = [
  { kind: 'disk', store: 'pglite' },
  ...storeKinds().map((store) => ({ kind: 'postgres' as const, store })),
  { kind: 's3', store: 'pglite' },
];

let s3: TestS3;
before(async () => {
  s3 = await startTestS3();
});
after(() => s3.close());

const envFor = (kind: Kind): Record<string, string> =>
  kind === 's3' ? s3.env : kind === 'postgres' ? { BLOB_STORE: 'postgres' } : {};

for (const { kind, store } of setups) {
  describe(`blob store: ${kind} (${store})`, () => {
    let database: TestDatabase;
    let blobs: BlobStore;
    let dir: string;
    before(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'weiquan-blobs-'));
      database = await createTestDatabase(store);
      await migrate(database.db);
      blobs = await createBlobStore(loadConfig({ DATA_DIR: dir, ...envFor(kind) }), database.db);
    });
    after(async () => {
      await blobs.close?.();
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    });

    test('when 3 MB are put under their hash, then open streams the same bytes back, and a second put of them changes nothing', async () => {
      assert.equal(blobs.kind, kind);
      const bytes = randomBytes(3 * 1024 * 1024 + 123);
      const file = path.join(dir, 'upload-a');
      await writeFile(file, bytes);
      await blobs.put(sha(bytes), file, bytes.length);
      await writeFile(file, bytes);
      await blobs.put(sha(bytes), file, bytes.length);
      const stream = await blobs.open(sha(bytes));
      assert.ok(stream);
      assert.ok(Buffer.compare(await buffer(stream), bytes) === 0, 'the same bytes');
    });

    test('when a hash was never put, then open answers null, not a stream that fails', async () => {
      assert.equal(await blobs.open(sha(randomBytes(16))), null);
    });
  });
}

for (const { kind, store } of setups.filter((s) => s.kind !== 'disk')) {
  describe(`two BFFs, one database, blobs in ${kind} (${store})`, () => {
    let a: TestApp;
    let b: TestApp;
    before(async () => {
      // Every BFF of a site shares the keys (the contract); each has its own DATA_DIR.
      const env = {
        ...envFor(kind),
        JWT_SECRET: 'j'.repeat(40),
        PII_KEY: Buffer.alloc(32, 3).toString('base64'),
      };
      a = await startTestApp({ store, env });
      b = await startTestApp({ store, env, database: a.database });
    });
    after(async () => {
      await b.stop();
      await a.close();
    });

    test('when a consumer uploads through one BFF, then another BFF with its own DATA_DIR serves the same bytes', async () => {
      assert.notEqual(a.dataDir, b.dataDir);
      const token = (await loginConsumer(a)).accessToken;
      const bytes = Buffer.concat([PNG_1X1, randomBytes(600 * 1024)]);
      const up = await upload(a, token, bytes);
      assert.equal(up.status, 201, JSON.stringify(up.body));
      assert.equal(up.body.sha256, sha(bytes));
      const res = await fetch(`${b.baseUrl}/api/v1/uploads/${up.body.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(res.status, 200);
      assert.ok(Buffer.compare(Buffer.from(await res.arrayBuffer()), bytes) === 0, 'byte for byte');
    });
  });
}
