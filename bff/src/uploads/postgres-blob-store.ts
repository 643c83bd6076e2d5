import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Db } from '../store/db';
import type { BlobStore } from './blob-store';

/** Bytes per row: a 10 MB upload is 40 rows, and at most CHUNKS_PER_READ of them are in memory at once. */
const CHUNK_BYTES = 256 * 1024;
const CHUNKS_PER_READ = 4;

const asBuffer = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/**
 * Bytes in the database itself (the default with DATABASE_URL): every BFF reads what any of them
 * received, and the backups of the database hold them. Streamed both ways in chunks of 256 KiB; a
 * blob counts only once its `blobs` row is written, after all its chunks.
 */
export function createPostgresBlobStore(db: Db): BlobStore {
  return {
    kind: 'postgres',
    async put(sha256, file, size) {
      const [seen] = await db.query('SELECT 1 FROM blobs WHERE sha256 = $1', [sha256]);
      if (seen) return;
      let seq = 0;
      for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES })) {
        // Same bytes, same chunks: a second writer of this hash (or one after a crash) writes what is there.
        await db.query(
          `INSERT INTO blob_chunks (sha256, seq, data) VALUES ($1, $2, $3)
           ON CONFLICT (sha256, seq) DO UPDATE SET data = EXCLUDED.data`,
          [sha256, seq++, chunk as Buffer],
        );
      }
      await db.query(
        'INSERT INTO blobs (sha256, size, chunks) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING',
        [sha256, size, seq],
      );
    },
    async open(sha256) {
      const [blob] = await db.query<{ chunks: number }>('SELECT chunks FROM blobs WHERE sha256 = $1', [
        sha256,
      ]);
      if (!blob) return null;
      async function* chunks() {
        for (let from = 0; from < blob.chunks; from += CHUNKS_PER_READ) {
          const rows = await db.query<{ data: Uint8Array }>(
            'SELECT data FROM blob_chunks WHERE sha256 = $1 AND seq >= $2 AND seq < $3 ORDER BY seq',
            [sha256, from, Math.min(from + CHUNKS_PER_READ, blob.chunks)],
          );
          for (const row of rows) yield asBuffer(row.data);
        }
      }
      return Readable.from(chunks(), { objectMode: false });
    },
  };
}
