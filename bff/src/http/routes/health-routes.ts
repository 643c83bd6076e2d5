import { Router } from 'express';
import type { Services } from '../../services';

export function healthRoutes({ store, lifecycle }: Services): Router {
  const r = Router();
  r.get('/healthz', (_req, res) => void res.json({ ok: true }));
  r.get('/readyz', async (_req, res) => {
    // A stopping instance takes no new work, however healthy its store.
    if (lifecycle.draining) return void res.status(503).json({ ok: false, store: 'up', stopping: true });
    const ok = await Promise.race([
      store.db.ping().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => setTimeout(resolve, 2000, false)),
    ]);
    res.status(ok ? 200 : 503).json(ok ? { ok: true, store: 'up' } : { ok: false, store: 'down' });
  });
  return r;
}
