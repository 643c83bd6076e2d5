import { constants } from 'node:fs';
import { access, copyFile, mkdir, open, rename } from 'node:fs/promises';
import path from 'node:path';
import type { BlobStore } from './blob-store';

/** Bytes under DATA_DIR/uploads/<2 hex>/<sha256>: for the embedded store, where one process serves everything. */
export async function createDiskBlobStore(root: string): Promise<BlobStore> {
  await mkdir(root, { recursive: true });
  const final = (sha: string) => path.join(root, sha.slice(0, 2), sha);
  return {
    kind: 'disk',
    async put(sha256, file) {
      const target = final(sha256);
      const exists = await access(target).then(
        () => true,
        () => false,
      );
      if (exists) return;
      await mkdir(path.dirname(target), { recursive: true });
      // A rename is atomic, so a reader sees all the bytes or none; a temp dir on another device needs the copy.
      await rename(file, target).catch(async (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EXDEV') throw err;
        const staged = `${target}.${process.pid}.part`;
        await copyFile(file, staged, constants.COPYFILE_FICLONE);
        await rename(staged, target);
      });
    },
    async open(sha256) {
      // Opened before the answer starts, so that a missing file is a clean error, not a broken stream.
      const handle = await open(final(sha256), 'r').catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return null;
        throw err;
      });
      return handle ? handle.createReadStream() : null;
    },
  };
}
