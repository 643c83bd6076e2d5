/** The real BFF as a child process (`bff/src/main.ts` through tsx), for tests that kill or starve it. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface BffProcess {
  baseUrl: string;
  child: ChildProcess;
  lines: string[];
  /** SIGTERM, or SIGKILL when asked; resolves when it has exited */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

// Generous: a start takes 1-3 s on a quiet machine, but tsx compiles the BFF on every start and a
// loaded 2-core CI machine was seen taking over 30 s before the first line
const START_TIMEOUT_MS = 90_000;

export async function startBffProcess(
  env: Record<string, string>,
  timeoutMs = START_TIMEOUT_MS,
): Promise<BffProcess> {
  return startProcess('bff/src/main.ts', env, timeoutMs);
}

/** The worker (`npm run worker`): resolves once it says it runs; its baseUrl is empty (no HTTP). */
export async function startWorkerProcess(
  env: Record<string, string>,
  timeoutMs = START_TIMEOUT_MS,
): Promise<BffProcess> {
  return startProcess('bff/src/worker-main.ts', env, timeoutMs);
}

async function startProcess(
  entry: string,
  env: Record<string, string>,
  timeoutMs: number,
): Promise<BffProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, entry)], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      RATE_LIMIT: 'off',
      NOTIFIER: 'off',
      DEMO_SEED: 'off',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      // a start given up on must not outlive the test (one went on to listen on a freed port)
      child.kill('SIGKILL');
      reject(new Error(`the BFF did not start in ${timeoutMs} ms:\n${lines.join('\n')}`));
    }, timeoutMs);
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        lines.push(line);
        try {
          const parsed = JSON.parse(line) as { port?: number; msg?: string };
          if (typeof parsed.port === 'number') {
            clearTimeout(timer);
            resolve(parsed.port);
          } else if (parsed.msg?.startsWith('Weiquan worker running')) {
            clearTimeout(timer);
            resolve(0);
          }
        } catch {
          // not a log line
        }
      });
    }
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the BFF exited with ${code}:\n${lines.join('\n')}`));
    });
  });
  return {
    baseUrl: port ? `http://127.0.0.1:${port}` : '',
    child,
    lines,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
