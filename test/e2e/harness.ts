/**
 * End-to-end plumbing: build the H5 app when its output is missing or older than its sources, start
 * the BFF on a free port with a fresh DATA_DIR, and launch Debian's chromium through playwright-core.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts/e2e');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The newest modification time of any source file below dir (builds are skipped when newer). */
export function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    const st = statSync(full);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(full) : st.mtimeMs);
  }
  return newest;
}

/** Builds `miniapp/dist/<target>` unless it is newer than every source it is built from. */
export function buildIfNeeded(target: 'h5' | 'weapp'): void {
  const marker = path.join(ROOT, 'miniapp/dist', target, target === 'h5' ? 'index.html' : 'app.json');
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'miniapp/src')),
    newestMtime(path.join(ROOT, 'miniapp/config')),
    newestMtime(path.join(ROOT, 'shared/src')),
  );
  if (existsSync(marker) && statSync(marker).mtimeMs > sources) return;
  const r = spawnSync('npm', ['run', `build:${target}`, '-w', 'miniapp'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`build:${target} failed`);
}

export interface Bff {
  base: string;
  bindingCodes: Array<{ code: string; name: string; odr: boolean }>;
  stop(): Promise<void>;
}

export const STAFF = { username: 'e2e-staff', password: 'e2e-staff-password-0123456789' };

export async function startBff(): Promise<Bff> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'weiquan-e2e-'));
  const child: ChildProcess = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['bff/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      DATA_DIR: dataDir,
      NODE_ENV: 'development',
      DEMO_SEED: 'on',
      RATE_LIMIT: 'off',
      LOG_LEVEL: 'info',
      STAFF_BOOTSTRAP_USER: STAFF.username,
      STAFF_BOOTSTRAP_PASSWORD: STAFF.password,
      WECHAT_APPID: '',
      WECHAT_SECRET: '',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const bindingCodes: Bff['bindingCodes'] = [];
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`BFF did not start in 60 s:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /"port":(\d+)/.exec(out) ?? /listening on http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`BFF exited with ${code}:\n${out}`)));
  });
  for (const m of out.matchAll(/^\s+([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})\s+(.+?)(\s+\[ODR\])?\s*$/gm)) {
    bindingCodes.push({ code: m[1], name: m[2].trim(), odr: !!m[3] });
  }
  return {
    base: `http://127.0.0.1:${port}`,
    bindingCodes,
    async stop() {
      child.removeAllListeners('exit');
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchChromium(): Promise<{ browser: Browser; stop(): Promise<void> }> {
  // playwright gives every launch a new temporary profile (it refuses --user-data-dir here)
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    async stop() {
      await browser.close();
    },
  };
}

let shots = 0;
/** Serious and critical axe-core violations per screen, as the screenshots found them. */
export const a11yFindings: Record<string, AxeViolation[]> = {};

/**
 * Waits out Taro's page transition, saves `test-artifacts/e2e/NN-name.png` and runs axe-core on
 * the screen shown (its serious and critical findings are kept in `a11yFindings` and written to
 * `test-artifacts/e2e/axe.json`).
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.waitForTimeout(700);
  shots += 1;
  const file = path.join(ARTIFACTS, `${String(shots).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  const found = await axe(page);
  if (found.length) {
    a11yFindings[name] = found;
    writeFileSync(path.join(ARTIFACTS, 'axe.json'), JSON.stringify(a11yFindings, null, 2));
  }
  return file;
}

export function cleanArtifacts(): void {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
}

/** An 8x8 PNG, enough for the BFF's type sniffing. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4oSGHFTEMLQkAis5DgUjR6usAAAAASUVORK5CYII=',
  'base64',
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

let axeSource: string | undefined;
/**
 * axe-core over the visible page (WCAG 2.1 A and AA rules), answering the serious and critical
 * violations. The source is evaluated through CDP, which the BFF's Content-Security-Policy does not
 * govern (an injected <script> would be refused, as it should be).
 */
export async function axe(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<any> } }).axe.run;
    // Taro H5 keeps earlier pages of the stack in the DOM, hidden: check the page on show only
    const shown = [...document.querySelectorAll('.taro_page')].filter(
      (p) => (p as HTMLElement).offsetParent !== null || getComputedStyle(p).display !== 'none',
    );
    const context = shown.length ? shown[shown.length - 1] : document;
    const result = await run(context, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n: any) => String(n.target)),
    }));
  });
  return (violations as AxeViolation[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
