/**
 * The sweep of blob bytes no upload points at (ADR 0016), for each store on each database (the S3
 * store against a real S3 server): an orphan older than the grace is removed, a fresh one and an
 * old one an upload points at stay; a PostgreSQL write cut short (chunks, no blob row) goes too; and
 * an old orphan uploaded again while the sweep removes it still ends with its row's bytes there;
 * and the background work sweeps as it starts.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buffer } from 'node:stream/consumers';
import { loadConfig } from '../../bff/src/config';
import { createLogger } from '../../bff/src/logger';
import { migrate } from '../../bff/src/store/migrate';
import { sql } from '../../bff/src/store/sql';
import { createUploadStore, type UploadStore } from '../../bff/src/store/upload-store';
import { createBlobStore, type BlobStore } from '../../bff/src/uploads/blob-store';
import { BLOB_GRACE_MS, createBlobSweep, ensureBytes } from '../../bff/src/uploads/blob-sweep';
import { loginConsumer, PNG_1X1, upload } from '../support/factories';
import { startTestS3, type TestS3 } from '../support/s3-server';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, storeKinds, type TestDatabase } from '../support/test-db';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Kind = 'disk' | 'postgres' | 's3';
const setups: { kind: Kind; store: 'pglite' | 'postgres' }[] = [
  { kind: 'disk', store: 'pglite' },
  ...storeKinds().flatMap((store) => [
    { kind: 'postgres' as const, store },
    { kind: 's3' as const, store },
  ]),
];

const envFor = (kind: Kind, s3: TestS3 | undefined): Record<string, string> =>
  kind === 's3' ? s3!.env : kind === 'postgres' ? { BLOB_STORE: 'postgres' } : {};

for (const { kind, store } of setups) {
  describe(`blob sweep: ${kind} (${store})`, () => {
    let database: TestDatabase;
    let blobs: BlobStore;
    let uploads: UploadStore;
    let dir: string;
    // A bucket of its own: another database's uploads would be orphans to this one's sweep.
    let s3: TestS3 | undefined;
    before(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'weiquan-sweep-'));
      database = await createTestDatabase(store);
      await migrate(database.db);
      if (kind === 's3') s3 = await startTestS3();
      blobs = await createBlobStore(loadConfig({ DATA_DIR: dir, ...envFor(kind, s3) }), database.db);
      uploads = createUploadStore(database.db);
    });
    after(async () => {
      await blobs.close?.();
      await s3?.close();
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    });

    /** Bytes put under their hash, as an upload's first step; the temp file is kept for a second put. */
    async function putBytes(size = 300 * 1024) {
      const bytes = randomBytes(size);
      const file = path.join(dir, `upload-${randomUUID()}`);
      await writeFile(file, bytes);
      await blobs.put(sha(bytes), file, bytes.length);
      return { bytes, sha256: sha(bytes), file };
    }
    const row = (b: { bytes: Buffer; sha256: string; file: string }) =>
      uploads.create(
        randomUUID(),
        { sha256: b.sha256, mime: 'image/png', size: b.bytes.length },
        ensureBytes(blobs, b.sha256, b.file, b.bytes.length),
      );
    const read = async (sha256: string) => {
      const stream = await blobs.open(sha256);
      return stream ? buffer(stream) : null;
    };
    /**
     * A cutoff with whole seconds on both sides (S3 stamps objects to the second): what was written
     * before this resolves is older than the cutoff, what is written after it is newer.
     */
    async function cutoffHere(): Promise<number> {
      await sleep(1100);
      const cutoff = Date.now();
      await sleep(1100);
      return cutoff;
    }
    /** A sweep as it runs a grace period after `cutoff`. */
    const sweepAt = (cutoff: number) =>
      createBlobSweep({
        blobs,
        uploads,
        logger: createLogger('silent'),
        clock: () => cutoff + BLOB_GRACE_MS,
      });

    test('when blobs are swept, then an orphan older than the grace is removed, and a fresh orphan and an old blob an upload points at stay', async () => {
      const orphan = await putBytes();
      const used = await putBytes();
      await row(used);
      // A PostgreSQL write cut short: two chunks and no blob row (the BFF was killed mid-upload).
      const cut = sha(randomBytes(8));
      if (kind === 'postgres') {
        for (const seq of [0, 1])
          await database.db.query(
            sql`INSERT INTO blob_chunks (sha256, seq, data) VALUES (${cut}, ${seq}, ${randomBytes(1024)})`,
          );
      }
      const cutoff = await cutoffHere();
      const fresh = await putBytes();

      const removed = await sweepAt(cutoff).sweep();

      assert.equal(removed, kind === 'postgres' ? 2 : 1, 'the old orphan (and the cut-short write)');
      assert.equal(await read(orphan.sha256), null, 'the old orphan is gone');
      assert.equal(await blobs.has(orphan.sha256), false);
      assert.deepEqual(await read(used.sha256), used.bytes, 'an upload’s bytes stay, however old');
      assert.deepEqual(await read(fresh.sha256), fresh.bytes, 'bytes within the grace stay');
      if (kind === 'postgres') {
        const left = await database.db.query(sql`SELECT 1 FROM blob_chunks WHERE sha256 = ${cut}`);
        assert.equal(left.length, 0, 'the chunks of the cut-short write are gone');
      }
      assert.equal(await sweepAt(cutoff).sweep(), 0, 'a second sweep finds nothing');
    });

    test('when an old orphan is uploaded again and the sweep removes it before the row is written, then the row still reads back', async () => {
      const orphan = await putBytes();
      const cutoff = await cutoffHere();
      // The same bytes uploaded again: put finds them there and stores nothing; the sweep takes them.
      const again = { ...orphan, file: path.join(dir, `upload-${randomUUID()}`) };
      await writeFile(again.file, orphan.bytes);
      await blobs.put(again.sha256, again.file, again.bytes.length);
      await sweepAt(cutoff).sweep();
      assert.equal(await blobs.has(orphan.sha256), false, 'swept');
      const written = await row(again);
      assert.equal(written.sha256, orphan.sha256);
      assert.deepEqual(await read(orphan.sha256), orphan.bytes, 'put again under the lock');
      await sweepAt(cutoff).sweep();
      assert.deepEqual(await read(orphan.sha256), orphan.bytes, 'and now an upload points at them');
    });
  });
}

for (const store of storeKinds()) {
  describe(`blob sweep in the background work (postgres blobs, ${store})`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp({ store, env: { BLOB_STORE: 'postgres' } });
    });
    after(() => app.close());

    test('when the background work starts, then it sweeps at once: old orphans go, an upload two days old still reads back', async () => {
      const token = (await loginConsumer(app)).accessToken;
      const bytes = Buffer.concat([PNG_1X1, randomBytes(1000)]);
      const up = await upload(app, token, bytes);
      assert.equal(up.status, 201, JSON.stringify(up.body));
      const orphanBytes = randomBytes(2000);
      const file = path.join(app.dataDir, 'orphan');
      await writeFile(file, orphanBytes);
      await app.services.blobs.put(sha(orphanBytes), file, orphanBytes.length);
      // Two days ago, as far as the store can tell.
      const db = app.services.store.db;
      await db.query(sql`UPDATE blobs SET created_at = now() - interval '2 days'`);
      await db.query(sql`UPDATE blob_chunks SET written_at = now() - interval '2 days'`);

      app.notifications.start();
      for (let i = 0; await app.services.blobs.has(sha(orphanBytes)); i++) {
        assert.ok(i < 100, 'the orphan was not swept within 10 s of the start');
        await sleep(100);
      }
      await app.notifications.stop();

      const res = await fetch(`${app.baseUrl}/api/v1/uploads/${up.body.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(res.status, 200);
      assert.deepEqual(Buffer.from(await res.arrayBuffer()), bytes);
      assert.ok(app.logLines.some((l) => l.includes('removed blob bytes no upload points at')));
    });
  });
}
