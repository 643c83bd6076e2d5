import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Db, Queryable } from '../store/db';
import { sql } from '../store/sql';
import type { BlobStore } from './blob-store';

/** Bytes per row: a 10 MB upload is 40 rows, and at most CHUNKS_PER_READ of them are in memory at once. */
const CHUNK_BYTES = 256 * 1024;
const CHUNKS_PER_READ = 4;
const STALE_PAGE = 500;

const asBuffer = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/**
 * Bytes in the database itself (the default with DATABASE_URL): every BFF reads what any of them
 * received, and the backups of the database hold them. Streamed both ways in chunks of 256 KiB; a
 * blob counts only once its `blobs` row is written, after all its chunks. Each chunk carries when it
 * was last written, so the sweep tells a write in progress (fresh chunks) from an abandoned one.
 */
export function createPostgresBlobStore(db: Db): BlobStore {
  return {
    kind: 'postgres',
    async put(sha256, file, size, q: Queryable = db) {
      const [seen] = await q.query(sql`SELECT 1 FROM blobs WHERE sha256 = ${sha256}`);
      if (seen) return;
      let seq = 0;
      for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES })) {
        // Same bytes, same chunks: a second writer of this hash (or one after a crash) writes what
        // is there, and makes it fresh again, so the sweep leaves a write in progress alone.
        await q.query(
          sql`INSERT INTO blob_chunks (sha256, seq, data) VALUES (${sha256}, ${seq++}, ${chunk as Buffer})
              ON CONFLICT (sha256, seq) DO UPDATE SET data = EXCLUDED.data, written_at = now()`,
        );
      }
      await q.query(
        sql`INSERT INTO blobs (sha256, size, chunks) VALUES (${sha256}, ${size}, ${seq}) ON CONFLICT (sha256) DO NOTHING`,
      );
    },
    async open(sha256) {
      const [blob] = await db.query<{ chunks: number }>(
        sql`SELECT chunks FROM blobs WHERE sha256 = ${sha256}`,
      );
      if (!blob) return null;
      async function* chunks() {
        for (let from = 0; from < blob.chunks; from += CHUNKS_PER_READ) {
          const to = Math.min(from + CHUNKS_PER_READ, blob.chunks);
          const rows = await db.query<{ data: Uint8Array }>(
            sql`SELECT data FROM blob_chunks WHERE sha256 = ${sha256} AND seq >= ${from} AND seq < ${to} ORDER BY seq`,
          );
          for (const row of rows) yield asBuffer(row.data);
        }
      }
      return Readable.from(chunks(), { objectMode: false });
    },
    async has(sha256, q: Queryable = db) {
      const [row] = await q.query<{ whole: boolean }>(
        sql`SELECT b.chunks = (SELECT count(*) FROM blob_chunks c WHERE c.sha256 = b.sha256) AS whole
              FROM blobs b WHERE b.sha256 = ${sha256}`,
      );
      return row?.whole === true;
    },
    async *stale(cutoff) {
      // Whole blobs by their row's age, then chunks no row completed (a write cut short) by their
      // newest. The uploads in the same database are left out here already (the sweep asks again
      // under the lock): an hourly pass over a million blobs then sends a few pages, not thousands.
      for (let after = ''; ;) {
        const rows = await db.query<{ sha256: string }>(
          sql`SELECT b.sha256 FROM blobs b
               WHERE b.created_at < ${cutoff} AND b.sha256 > ${after}
                 AND NOT EXISTS (SELECT 1 FROM uploads u WHERE u.sha256 = b.sha256)
               ORDER BY b.sha256 LIMIT ${STALE_PAGE}`,
        );
        if (rows.length) yield rows.map((r) => r.sha256);
        if (rows.length < STALE_PAGE) break;
        after = rows[rows.length - 1].sha256;
      }
      for (let after = ''; ;) {
        const rows = await db.query<{ sha256: string }>(
          sql`SELECT c.sha256 FROM blob_chunks c
               WHERE c.sha256 > ${after} AND NOT EXISTS (SELECT 1 FROM blobs b WHERE b.sha256 = c.sha256)
               GROUP BY c.sha256 HAVING max(c.written_at) < ${cutoff}
               ORDER BY c.sha256 LIMIT ${STALE_PAGE}`,
        );
        if (rows.length) yield rows.map((r) => r.sha256);
        if (rows.length < STALE_PAGE) break;
        after = rows[rows.length - 1].sha256;
      }
    },
    async remove(sha256, cutoff, q: Queryable = db) {
      // One statement, each row judged by its own age: a put rewriting this hash meanwhile keeps the
      // chunks it has written and writes the others again, so it still ends with every chunk.
      const [row] = await q.query<{ n: number }>(
        sql`WITH blob AS (
              DELETE FROM blobs WHERE sha256 = ${sha256} AND created_at < ${cutoff} RETURNING 1
            ), chunks AS (
              DELETE FROM blob_chunks WHERE sha256 = ${sha256} AND written_at < ${cutoff}
                AND (EXISTS (SELECT 1 FROM blob) OR NOT EXISTS (SELECT 1 FROM blobs WHERE sha256 = ${sha256}))
              RETURNING 1
            )
            SELECT ((SELECT count(*) FROM blob) + (SELECT count(*) FROM chunks))::int AS n`,
      );
      return (row?.n ?? 0) > 0;
    },
  };
}
