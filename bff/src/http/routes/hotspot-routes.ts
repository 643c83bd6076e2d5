import { Router } from 'express';
import { callerOf } from '../middleware/authenticate';
import type { Services } from '../../services';

export function hotspotRoutes({ store }: Services): Router {
  const r = Router();
  r.get('/staff/hotspots', async (req, res) => {
    callerOf(req, 'staff');
    res.json(await store.hotspots.list());
  });
  return r;
}
