/**
 * The WeChat build: `app.json` lists every page the source defines (main package and subpackages),
 * each listed page was emitted, and every package stays under WeChat's 2 MB limit. Prints the sizes.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { buildIfNeeded, ROOT } from './harness';

const DIST = path.join(ROOT, 'miniapp/dist/weapp');
const SRC = path.join(ROOT, 'miniapp/src');
const LIMIT = 2 * 1024 * 1024;
/** issue 5: the main package (what WeChat downloads before the first screen) stays under 600 KB */
const MAIN_BUDGET = 600 * 1024;

interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  subpackages?: Array<{ root: string; pages: string[] }>;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

/** Every folder holding an `index.config.ts` is a page: `pages/home/index`, `merchant/bind/index`. */
function sourcePages(): string[] {
  return files(SRC)
    .filter((f) => f.endsWith(`${path.sep}index.config.ts`))
    .map((f) =>
      path
        .relative(SRC, f)
        .replace(/\\/g, '/')
        .replace(/\.config\.ts$/, ''),
    );
}

before(() => buildIfNeeded('weapp'));

test('when the weapp build is done, then app.json lists every source page and each listed page was emitted', () => {
  const app = JSON.parse(readFileSync(path.join(DIST, 'app.json'), 'utf8')) as AppJson;
  const subs = app.subPackages ?? app.subpackages ?? [];
  const listed = [
    ...app.pages,
    ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`)),
  ];
  assert.deepEqual([...listed].sort(), sourcePages().sort());
  for (const page of listed) {
    for (const ext of ['js', 'json', 'wxml'])
      assert.ok(existsSync(path.join(DIST, `${page}.${ext}`)), `${page}.${ext} was emitted`);
  }
});

test('when the weapp build is done, then the main package stays under 600 KB and every package under 2 MB', () => {
  const app = JSON.parse(readFileSync(path.join(DIST, 'app.json'), 'utf8')) as AppJson;
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const sizes = new Map<string, number>([['main', 0], ...roots.map((r) => [r, 0] as [string, number])]);
  for (const f of files(DIST)) {
    const rel = path.relative(DIST, f).replace(/\\/g, '/');
    if (rel === 'project.config.json' || rel.endsWith('.map')) continue;
    const root = roots.find((r) => rel.startsWith(`${r}/`)) ?? 'main';
    sizes.set(root, sizes.get(root)! + statSync(f).size);
  }
  let total = 0;
  for (const [name, bytes] of sizes) {
    total += bytes;
    console.log(`weapp package ${name.padEnd(10)} ${(bytes / 1024).toFixed(1).padStart(8)} KB`);
    assert.ok(bytes < LIMIT, `package ${name} is ${bytes} bytes, over WeChat's 2 MB`);
  }
  console.log(`weapp total ${(total / 1024).toFixed(1).padStart(17)} KB`);
  const main = sizes.get('main')!;
  assert.ok(
    main < MAIN_BUDGET,
    `the main package is ${(main / 1024).toFixed(1)} KB, over the 600 KB budget (WQ_BUNDLE_REPORT=1 npm run build:weapp shows what weighs)`,
  );
});

test('when the weapp build is done, then the holiday table and subpackage-only code stay out of the main package', () => {
  const app = JSON.parse(readFileSync(path.join(DIST, 'app.json'), 'utf8')) as AppJson;
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const mainJs = files(DIST).filter(
    (f) => f.endsWith('.js') && !roots.some((r) => path.relative(DIST, f).startsWith(`${r}/`)),
  );
  const text = mainJs.map((f) => readFileSync(f, 'utf8')).join('\n');
  // chinese-days' table names every holiday in English and Chinese: the client never counts working days
  assert.ok(!text.includes('Mid-autumn Festival'), 'the holiday table is not in the main package');
  // the wizards' own modules travel with the consumer subpackage
  assert.ok(
    existsSync(path.join(DIST, 'consumer/common.js')),
    'the consumer subpackage has its own shared chunk',
  );
});
