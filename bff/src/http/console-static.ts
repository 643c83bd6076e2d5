import express, { Router } from 'express';
import path from 'node:path';

/**
 * The staff console at /console/: hashed assets cached for a year, and every other path answered
 * with index.html (the console routes in the browser), never cached so a new build shows at once.
 */
export function consoleStatic(dir: string): Router {
  const r = Router();
  const index = path.join(dir, 'index.html');
  r.use(
    '/assets',
    express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '365d' }),
    (_req, res) => {
      res.status(404).end();
    },
  );
  r.use(express.static(dir, { index: false, maxAge: '1h' }));
  r.get('/{*rest}', (_req, res) => {
    res.set('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return r;
}
