import { Router } from 'express';
import { callerOf } from '../middleware/authenticate';
import type { RateLimits } from '../middleware/rate-limits';
import { notFound } from '../../errors';
import type { Services } from '../../services';

export function uploadRoutes({ uploads, store, blobs }: Services, limits: RateLimits): Router {
  const r = Router();
  r.post('/uploads', limits.uploads, async (req, res) => {
    const caller = callerOf(req);
    res.status(201).json(await uploads.receive(caller, req.headers, req));
  });
  r.get('/uploads/:id', async (req, res) => {
    const caller = callerOf(req);
    const upload = await store.uploads.findReadable(caller, String(req.params.id));
    if (!upload) throw notFound('Upload not found');
    res.setHeader('Content-Type', upload.mime);
    res.setHeader('Content-Length', String(upload.size));
    res.setHeader('Cache-Control', 'private, max-age=3600');
    res.setHeader('Content-Disposition', 'inline');
    blobs.read(upload.sha256).pipe(res);
  });
  return r;
}
