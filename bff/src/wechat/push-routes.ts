import express, { Router } from 'express';
import type { Services } from '../services';

/** `/wechat/push`, outside /api/v1: WeChat's message push (URL check and events). */
export function wechatPushRoutes({ wechatPush }: Services): Router {
  const r = Router();
  // WeChat's JSON pushes are small; whatever content type it names, the body is read as JSON
  r.use('/wechat/push', express.json({ limit: '64kb', type: () => true }));
  r.get('/wechat/push', (req, res) => {
    res.type('text/plain').send(wechatPush.verifyUrl(req.query));
  });
  r.post('/wechat/push', async (req, res) => {
    const received = await wechatPush.receive(req.query, req.body);
    res.type('text/plain').send('success');
    received.work();
  });
  return r;
}
