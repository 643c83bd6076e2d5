/**
 * What the mini-program costs a phone: the weapp main package (every file of dist/weapp outside
 * the subpackage roots app.json names; WeChat's limit is 2 MB, ours 600 KB) and the JavaScript the
 * H5 app loads first (the scripts and module preloads index.html names, gzipped; ours 200 KB).
 * And what the staff console costs a desk: the JavaScript and CSS its first screen loads (login,
 * then the 工作台 a login lands on), gzipped, from Vite's chunk graph (ours 500 KB).
 * `npx tsx bench/client-size.ts` prints the console's figures alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './processes';

const MINIAPP = path.join(ROOT, 'miniapp');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

export function weappMainPackageBytes(): number | null {
  const dir = path.join(MINIAPP, 'dist/weapp');
  const appJson = path.join(dir, 'app.json');
  if (!existsSync(appJson)) return null;
  const app = JSON.parse(readFileSync(appJson, 'utf8')) as {
    subPackages?: { root: string }[];
    subpackages?: { root: string }[];
  };
  const roots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((s) =>
    path.join(dir, s.root).replace(/\/?$/, '/'),
  );
  return filesUnder(dir)
    .filter((f) => !roots.some((r) => f.startsWith(r)))
    .reduce((sum, f) => sum + statSync(f).size, 0);
}

export function h5FirstLoadJsGzipBytes(): { bytes: number; files: number } | null {
  const dir = path.join(MINIAPP, 'dist/h5');
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) return null;
  const html = readFileSync(index, 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) refs.add(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) refs.add(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="modulepreload"/g)) refs.add(m[1]);
  let bytes = 0;
  let files = 0;
  for (const ref of refs) {
    if (/^(https?:)?\/\//.test(ref)) continue;
    const file = path.join(dir, ref.replace(/^\.?\//, '').split('?')[0]);
    if (!existsSync(file)) continue;
    bytes += gzipSync(readFileSync(file), { level: 9 }).length;
    files += 1;
  }
  return { bytes, files };
}

/** Runs a miniapp build script when the workspace has it; answers its duration or why not. */
export function buildMiniapp(script: 'build:weapp' | 'build:h5'): { ms: number } | { skipped: string } {
  const pkg = JSON.parse(readFileSync(path.join(MINIAPP, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  if (!pkg.scripts?.[script]) return { skipped: `no ${script} script` };
  const t0 = performance.now();
  const r = spawnSync('npm', ['run', script], { cwd: ROOT, stdio: 'ignore', env: process.env });
  return r.status === 0 ? { ms: performance.now() - t0 } : { skipped: `${script} failed (exit ${r.status})` };
}

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
}

/** The console's first load, gzipped: the entry's static chunk graph, and with the 工作台 route. */
export function consoleFirstLoadGzipBytes(): { login: number; workbench: number; files: number } | null {
  const dir = path.join(ROOT, 'console/dist');
  const manifestFile = path.join(dir, '.vite/manifest.json');
  if (!existsSync(manifestFile)) return null;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
  const closure = (key: string, into: Set<string>) => {
    const chunk = manifest[key];
    if (!chunk) return into;
    into.add(chunk.file);
    for (const css of chunk.css ?? []) into.add(css);
    for (const dep of chunk.imports ?? []) if (!into.has(manifest[dep]?.file ?? '')) closure(dep, into);
    return into;
  };
  const gz = (files: Set<string>) =>
    [...files].reduce((sum, f) => sum + gzipSync(readFileSync(path.join(dir, f)), { level: 9 }).length, 0);
  const login = closure('index.html', new Set());
  const workbench = closure('src/pages/workbench/workbench-page.tsx', new Set(login));
  return { login: gz(login), workbench: gz(workbench), files: workbench.size };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const c = consoleFirstLoadGzipBytes();
  console.log(
    c === null
      ? 'console: n/a (run npm run build:console)'
      : `console first load: login ${(c.login / 1024).toFixed(0)} KB gzip, with the 工作台 ${(c.workbench / 1024).toFixed(0)} KB gzip in ${c.files} files (limit 500 KB)`,
  );
}
