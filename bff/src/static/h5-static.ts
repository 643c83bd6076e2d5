/**
 * The H5 build, served as built: each text asset has a brotli and a gzip twin made at build time
 * (miniapp/config/precompress.ts), chosen by the request's Accept-Encoding and sent with
 * `Content-Encoding` and `Vary: Accept-Encoding`. Hashed files (`name.1a2b3c4d.js`) never change
 * under their name, so caches keep them a year; the HTML names the current hashes, so it is
 * revalidated on every load. Files are indexed once at start: a rebuild needs a restart.
 */
import type { RequestHandler } from 'express';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

interface Entry {
  file: string;
  br?: string;
  gzip?: string;
}

function index(dir: string): Map<string, Entry> {
  const all = new Set<string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else all.add(full);
    }
  };
  walk(dir);
  const entries = new Map<string, Entry>();
  for (const file of all) {
    if (file.endsWith('.br') || file.endsWith('.gz')) continue;
    const url = `/${path.relative(dir, file).split(path.sep).join('/')}`;
    entries.set(url, {
      file,
      ...(all.has(`${file}.br`) ? { br: `${file}.br` } : {}),
      ...(all.has(`${file}.gz`) ? { gzip: `${file}.gz` } : {}),
    });
  }
  return entries;
}

export function h5Static(dir: string): RequestHandler {
  const files = index(dir);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const entry = files.get(req.path === '/' ? '/index.html' : req.path);
    if (!entry) return next();
    // the server's preference (brotli is smaller) among what the client accepts at all (q > 0)
    const accepted = req.acceptsEncodings();
    const ok = (e: string) => accepted.includes(e) || accepted.includes('*');
    const encoding = entry.br && ok('br') ? 'br' : entry.gzip && ok('gzip') ? 'gzip' : undefined;
    res.vary('Accept-Encoding');
    res.type(path.extname(entry.file));
    if (encoding) res.setHeader('Content-Encoding', encoding);
    res.sendFile(
      encoding === 'br' ? entry.br! : encoding === 'gzip' ? entry.gzip! : entry.file,
      {
        cacheControl: false,
        headers: { 'Cache-Control': HASHED.test(entry.file) ? IMMUTABLE : REVALIDATE },
      },
      (err) => {
        if (err && !res.headersSent) next(err);
      },
    );
  };
}
