import { constants } from 'node:fs';
import { access, copyFile, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BlobStore } from './blob-store';

const HASH = /^[0-9a-f]{64}$/;

/** Bytes under DATA_DIR/uploads/<2 hex>/<sha256>: for the embedded store, where one process serves everything. */
export async function createDiskBlobStore(root: string): Promise<BlobStore> {
  await mkdir(root, { recursive: true });
  const final = (sha: string) => path.join(root, sha.slice(0, 2), sha);
  const exists = (file: string) =>
    access(file).then(
      () => true,
      () => false,
    );
  /** when the file was last written, or null when there is none */
  const written = (file: string) =>
    stat(file).then(
      (s) => s.mtime,
      () => null,
    );
  return {
    kind: 'disk',
    async put(sha256, file) {
      const target = final(sha256);
      if (await exists(target)) return;
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
    has: (sha256) => exists(final(sha256)),
    async *stale(cutoff) {
      // The <2 hex> folders only (tmp/ beside them is the upload temp files' own sweep).
      for (const prefix of (await readdir(root)).filter((d) => /^[0-9a-f]{2}$/.test(d)).sort()) {
        const hashes: string[] = [];
        for (const name of await readdir(path.join(root, prefix)).catch(() => [])) {
          const full = path.join(root, prefix, name);
          const at = await written(full);
          if (!at || at >= cutoff) continue;
          if (HASH.test(name)) hashes.push(name);
          // a copy from another device cut short before its rename: never a blob, nobody reads it
          else if (name.endsWith('.part')) await rm(full, { force: true });
        }
        if (hashes.length) yield hashes;
      }
    },
    async remove(sha256, cutoff) {
      const at = await written(final(sha256));
      if (!at || at >= cutoff) return false;
      await rm(final(sha256), { force: true });
      return true;
    },
  };
}
