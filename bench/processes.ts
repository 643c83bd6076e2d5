/** Child processes of the bench: the BFF and the bare Express server, each in its own process. */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');

export interface Server {
  child: ChildProcess;
  pid: number;
  base: string;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Whatever happens to the bench, the servers it started do not outlive it.
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** The first `"port":n` the process wrote to its log file, once it has. */
async function portFrom(logFile: string, child: ChildProcess, timeoutMs: number): Promise<number> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null)
      throw new Error(`process exited (${child.exitCode}) before listening; see ${logFile}`);
    const m = /"port":(\d+)/.exec(readFileSync(logFile, 'utf8'));
    if (m) return Number(m[1]);
    await sleep(10);
  }
  throw new Error(`no port logged within ${timeoutMs} ms; see ${logFile}`);
}

export async function waitReady(base: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await sleep(10);
  }
  throw new Error(`${base}/readyz did not answer 200 within ${timeoutMs} ms`);
}

function stopper(child: ChildProcess, fd: number) {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(closeSync(fd));
      const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(force);
        closeSync(fd);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

/** Logs go to a file, as in production: reading them through a pipe would load the bench's own thread. */
export async function startNode(
  args: string[],
  env: NodeJS.ProcessEnv,
  logFile: string,
  timeoutMs = 120_000,
): Promise<Server> {
  const fd = openSync(logFile, 'w');
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', fd, fd] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const port = await portFrom(logFile, child, timeoutMs);
  return { child, pid: child.pid!, base: `http://127.0.0.1:${port}`, stop: stopper(child, fd) };
}

export function startBff(env: Record<string, string>, logFile: string): Promise<Server> {
  return startNode(['--import', 'tsx', 'bff/src/main.ts'], { ...process.env, ...env }, logFile);
}

export function startBare(logFile: string): Promise<Server> {
  return startNode(['--import', 'tsx', 'bench/bare-express.ts'], { ...process.env }, logFile);
}

/** Resident set size of a process now, in bytes (Linux). */
export function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU time a process has used so far (user + system), in milliseconds (Linux, 100 ticks a second). */
export function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}
