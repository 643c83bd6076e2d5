import { createReadStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where upload bytes live, content-addressed by sha256. The local-disk store sits under DATA_DIR;
 * an S3-compatible store can implement the same three calls.
 */
export interface BlobStorage {
  /** a scratch path to stream a new upload into before its hash is known */
  tempPath(): string;
  /** moves a finished temp file under its hash (a no-op copy when the same bytes exist) */
  commit(tempFile: string, sha256: string): Promise<void>;
  read(sha256: string): Readable;
}

export async function createDiskBlobStorage(root: string): Promise<BlobStorage> {
  const tmp = path.join(root, 'tmp');
  await mkdir(tmp, { recursive: true });
  let n = 0;
  const final = (sha: string) => path.join(root, sha.slice(0, 2), sha);
  return {
    tempPath: () => path.join(tmp, `${process.pid}-${Date.now()}-${n++}`),
    async commit(tempFile, sha256) {
      const target = final(sha256);
      const exists = await access(target).then(
        () => true,
        () => false,
      );
      if (exists) return void (await rm(tempFile, { force: true }));
      await mkdir(path.dirname(target), { recursive: true });
      await rename(tempFile, target);
    },
    read: (sha256) => createReadStream(final(sha256)),
  };
}
