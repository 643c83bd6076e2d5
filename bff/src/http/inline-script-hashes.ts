import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * CSP sources for the inline scripts of the H5 app's index.html (Taro writes one: the root font
 * size), each as its 'sha256-...' hash, so the CSP needs no 'unsafe-inline' and any other inline
 * script is refused. Read once at start: rebuilding the H5 app needs a restart of the BFF.
 */
export function inlineScriptHashes(h5Dir: string): string[] {
  const index = path.join(h5Dir, 'index.html');
  if (!existsSync(index)) return [];
  const html = readFileSync(index, 'utf8');
  const hashes = new Set<string>();
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(m[1] ?? '')) continue;
    hashes.add(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}
