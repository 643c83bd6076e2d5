/**
 * The staff console's end-to-end plumbing beside the mini-program's (harness.ts): build the console
 * when its output is older than its sources, log in through the real login screen, save screenshots
 * under test-artifacts/console/ and run axe-core on every screen.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { newestMtime, ROOT } from './harness';

export const CONSOLE_ARTIFACTS = path.join(ROOT, 'test-artifacts/console');

export function buildConsoleIfNeeded(): void {
  const marker = path.join(ROOT, 'console/dist/index.html');
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'console/src')),
    newestMtime(path.join(ROOT, 'shared/src')),
  );
  if (existsSync(marker) && statSync(marker).mtimeMs > sources) return;
  const r = spawnSync('npm', ['run', 'build:console'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error('build:console failed');
}

export function cleanConsoleArtifacts(): void {
  rmSync(CONSOLE_ARTIFACTS, { recursive: true, force: true });
  mkdirSync(CONSOLE_ARTIFACTS, { recursive: true });
}

let shots = 0;
/** A full-page screenshot as `NN-name.png` in `dir` (a file running beside console.e2e keeps its own folder: that one cleans its). */
export async function consoleShot(page: Page, name: string, dir = CONSOLE_ARTIFACTS): Promise<string> {
  mkdirSync(dir, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  shots += 1;
  const file = path.join(dir, `${String(shots).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core's serious and critical violations on the page as it is now (WCAG 2 A and AA rules). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Screenshot and axe on one screen; answers the violations so the test can assert none. */
export async function checkScreen(
  page: Page,
  name: string,
  dir = CONSOLE_ARTIFACTS,
): Promise<AxeViolation[]> {
  await consoleShot(page, name, dir);
  return seriousViolations(page);
}
