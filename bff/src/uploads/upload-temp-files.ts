import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';

/** An upload whose temp file is older than this is gone for good (uploads time out much sooner). */
const STALE_MS = 60 * 60_000;
const SWEEP_EVERY_MS = 10 * 60_000;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Scratch files that uploads stream into before their hash is known. Named <host>-<pid>-<random>, so
 * that a sweep can tell a crashed process's leftovers (kill -9 leaves them) from another live BFF's
 * uploads in progress when several share one DATA_DIR.
 */
export async function createUploadTempFiles(dir: string) {
  await mkdir(dir, { recursive: true });
  const host = hostname().replace(/[^\w.]/g, '_');
  const sweep = async (): Promise<number> => {
    let removed = 0;
    for (const name of await readdir(dir).catch(() => [])) {
      const [fileHost, pid] = name.split('-');
      const full = path.join(dir, name);
      const orphaned = fileHost === host && Number(pid) !== process.pid && !alive(Number(pid));
      const old = await stat(full).then(
        (s) => Date.now() - s.mtimeMs > STALE_MS,
        () => false,
      );
      if (orphaned || old) {
        await rm(full, { force: true });
        removed++;
      }
    }
    return removed;
  };
  let timer: NodeJS.Timeout | undefined;
  return {
    dir,
    next: () => path.join(dir, `${host}-${process.pid}-${randomBytes(8).toString('hex')}`),
    sweep,
    /** sweeps every ten minutes until stop() (bootstrap sweeps once at start) */
    start(onError: (err: unknown) => void) {
      timer = setInterval(() => sweep().catch(onError), SWEEP_EVERY_MS).unref();
    },
    stop: () => clearInterval(timer),
  };
}
export type UploadTempFiles = Awaited<ReturnType<typeof createUploadTempFiles>>;
