import { Router } from 'express';
import { missingNextYear } from '../../calendar/next-year';
import type { Services } from '../../services';

export function healthRoutes({ store, lifecycle, calendarBook, now }: Services): Router {
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
    // A missing next-year arrangement keeps the process ready (deadlines are provisional, not wrong).
    const calendar = missingNextYear(calendarBook.current(), now()) ? 'next year missing' : 'ok';
    res
      .status(ok ? 200 : 503)
      .json(ok ? { ok: true, store: 'up', calendar } : { ok: false, store: 'down', calendar });
  });
  return r;
}
