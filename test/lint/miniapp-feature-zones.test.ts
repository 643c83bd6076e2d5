/**
 * The mini-program's feature-boundary lint zones name every feature folder: a new folder left out
 * of both lists would escape the rule without anyone noticing.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** the string array `name` is set to in eslint.config.js (the config is plain JS, without types) */
function listIn(config: string, name: string): string[] {
  const m = new RegExp(`const ${name} = \\[([^\\]]*)\\]`).exec(config);
  assert.ok(m, `eslint.config.js sets ${name}`);
  return [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1]);
}

test('when a folder exists under miniapp/src/features, then the lint zones list it exactly once', () => {
  const config = readFileSync(path.join(ROOT, 'eslint.config.js'), 'utf8');
  const dir = path.join(ROOT, 'miniapp/src/features');
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const listed = [...listIn(config, 'MINIAPP_FEATURES'), ...listIn(config, 'MINIAPP_SHARED_FEATURES')].sort();
  assert.deepEqual(listed, folders);
});
