/**
 * Time from `npm start` to /readyz answering 200: once on an empty DATA_DIR (embedded store created,
 * migrated, demo merchants seeded) and once more on the same directory (a restart).
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, waitReady } from './processes';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function timeToReady(dataDir: string, logFile: string): Promise<number> {
  const h5 = path.join(ROOT, 'miniapp/dist/h5');
  const fd = openSync(logFile, 'w');
  const t0 = performance.now();
  // Its own process group, so that npm, the start script and the BFF all stop together.
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', fd, fd],
    // H5_DIR keeps `npm start` from building the H5 app first when it is missing (that is not startup).
    env: {
      ...process.env,
      PORT: '0',
      DATA_DIR: dataDir,
      H5_DIR: existsSync(path.join(h5, 'index.html')) ? h5 : path.join(dataDir, 'no-h5'),
      NOTIFIER: 'off',
      DATABASE_URL: '',
    },
  });
  try {
    let port = 0;
    while (!port) {
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}); see ${logFile}`);
      if (performance.now() - t0 > 120_000)
        throw new Error(`npm start did not listen within 120 s; see ${logFile}`);
      port = Number(/"port":(\d+)/.exec(readFileSync(logFile, 'utf8'))?.[1] ?? 0);
      if (!port) await sleep(5);
    }
    await waitReady(`http://127.0.0.1:${port}`);
    return performance.now() - t0;
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
    closeSync(fd);
  }
}
