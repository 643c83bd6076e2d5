import { Router } from 'express';
import { callerOf } from '../middleware/authenticate';
import type { RateLimits } from '../middleware/rate-limits';
import { sendUpload } from '../send-upload';
import type { Services } from '../../services';

export function uploadRoutes({ uploads }: Services, limits: RateLimits): Router {
  const r = Router();
  r.post('/uploads', limits.uploads, async (req, res) => {
    const caller = callerOf(req);
    res.status(201).json(await uploads.receive(caller, req.headers, req));
  });
  r.get('/uploads/:id', async (req, res) => {
    const caller = callerOf(req);
    await sendUpload(req, res, await uploads.open(caller, String(req.params.id)));
  });
  return r;
}
