import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { createUploadTempFiles } from './upload-temp-files';

test("when a process died leaving upload temp files (kill -9), then a sweep removes them, and keeps a live process's upload in progress", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'weiquan-tmp-'));
  try {
    const temp = await createUploadTempFiles(dir);
    const host = hostname().replace(/[^\w.]/g, '_');
    // A pid that surely exited: a child that has finished.
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid;
    await writeFile(path.join(dir, `${host}-${deadPid}-aaaa`), 'partial upload of a dead process');
    await writeFile(path.join(dir, `${host}-${process.ppid}-bbbb`), 'a live process is still writing');
    const mine = temp.next();
    await writeFile(mine, 'this process is still writing');
    const old = path.join(dir, `otherhost-1-cccc`);
    await writeFile(old, 'left on another machine sharing the directory, hours ago');
    const hoursAgo = new Date(Date.now() - 3 * 3600_000);
    await utimes(old, hoursAgo, hoursAgo);

    assert.equal(await temp.sweep(), 2);
    assert.deepEqual(
      (await readdir(dir)).sort(),
      [path.basename(mine), `${host}-${process.ppid}-bbbb`].sort(),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
