/**
 * Removes blob bytes no upload points at: a BFF killed mid-upload, a request that failed between
 * storing the bytes and writing the row (ADR 0016). Two guards keep bytes in use:
 * - the grace period: only bytes last written longer ago than that are looked at, so an upload in
 *   flight (whose row is not written yet) is never removed from under it;
 * - the hash's lock (upload-store.ts): the sweep checks "no row" and removes under it, and a new
 *   row is written under it only after `ensureBytes` has seen the bytes there. An old orphan
 *   uploaded again (put finds its bytes and stores nothing) whose bytes the sweep removes meanwhile
 *   is put once more from the temp file, which the upload still holds.
 * Ages are the stores' own wall-clock stamps (the database's, the S3 server's, the file system's),
 * compared with this machine's clock; the grace dwarfs any skew between them.
 */
import type { Logger } from 'pino';
import type { Queryable } from '../store/db';
import type { UploadStore } from '../store/upload-store';
import type { BlobStore } from './blob-store';

/** Uploads finish (or time out) within minutes; a day leaves room for any clock skew and retries. */
export const BLOB_GRACE_MS = 24 * 3600_000;
const SWEEP_EVERY_MS = 3600_000;

/** What an upload runs under its hash's lock before its row is written: the bytes, again if need be. */
export const ensureBytes =
  (blobs: BlobStore, sha256: string, file: string, size: number) =>
  async (q: Queryable): Promise<void> => {
    if (!(await blobs.has(sha256, q))) await blobs.put(sha256, file, size, q);
  };

export interface BlobSweepOptions {
  blobs: BlobStore;
  uploads: Pick<UploadStore, 'unreferenced' | 'whileUnreferenced'>;
  logger: Logger;
  graceMs?: number;
  everyMs?: number;
  /** wall-clock ms (tests move it) */
  clock?: () => number;
}

export function createBlobSweep(opts: BlobSweepOptions) {
  const { blobs, uploads, logger } = opts;
  const graceMs = opts.graceMs ?? BLOB_GRACE_MS;
  const clock = opts.clock ?? Date.now;
  let running: Promise<number> | null = null;

  async function sweepOnce(): Promise<number> {
    const cutoff = new Date(clock() - graceMs);
    let removed = 0;
    for await (const page of blobs.stale(cutoff)) {
      for (const sha256 of await uploads.unreferenced(page)) {
        if (await uploads.whileUnreferenced(sha256, (q) => blobs.remove(sha256, cutoff, q))) removed++;
      }
    }
    if (removed) logger.info({ removed, blobStore: blobs.kind }, 'removed blob bytes no upload points at');
    return removed;
  }

  /** One sweep at a time per process (a slow one is not overtaken by the next tick). */
  const sweep = (): Promise<number> =>
    (running ??= sweepOnce().finally(() => {
      running = null;
    }));

  let timer: NodeJS.Timeout | undefined;
  const onError = (err: unknown) => logger.warn({ err }, 'blob sweep failed; the next one retries');
  return {
    sweep,
    /** sweeps now and then every hour until stop() */
    start() {
      void sweep().catch(onError);
      timer = setInterval(() => void sweep().catch(onError), opts.everyMs ?? SWEEP_EVERY_MS).unref();
    },
    /** stops the timer and waits for a sweep in flight */
    async stop() {
      clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}
export type BlobSweep = ReturnType<typeof createBlobSweep>;
