import { Router } from 'express';
import { notFound } from '../../errors';
import { sendUpload } from '../send-upload';
import type { Services } from '../../services';

/** `GET /media/:token` (outside /api/v1): the bytes behind a signed, expiring link, for WeChat's image check. */
export function mediaRoutes({ mediaLinks, uploads }: Services): Router {
  const r = Router();
  r.get('/media/:token', async (req, res) => {
    const uploadId = mediaLinks.uploadOf(String(req.params.token));
    if (!uploadId) throw notFound('Link unknown or expired');
    await sendUpload(req, res, await uploads.open({ role: 'staff', id: uploadId }, uploadId));
  });
  return r;
}
