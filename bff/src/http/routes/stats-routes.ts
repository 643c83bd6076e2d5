import { Router } from 'express';
import { statsQuery } from '@weiquan/shared';
import { parse } from '../parse';
import type { Services } from '../../services';

export function statsRoutes({ store }: Services): Router {
  const r = Router();
  r.get('/stats', async (req, res) => {
    const query = parse(statsQuery, req.query);
    // Public and the same for everyone for up to a minute: shared caches may keep it that long.
    res.set('Cache-Control', 'public, max-age=60');
    res.json(await store.stats.figures(query));
  });
  return r;
}
