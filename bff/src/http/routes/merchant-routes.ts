import { Router } from 'express';
import { createMerchantBody, merchantSearchQuery } from '@weiquan/shared';
import { callerOf } from '../middleware/authenticate';
import { parse } from '../parse';
import type { Services } from '../../services';

export function merchantRoutes({ store }: Services): Router {
  const r = Router();
  r.get('/merchants', async (req, res) => {
    const query = parse(merchantSearchQuery, req.query);
    res.json({ items: await store.merchants.search(query.q, query.limit) });
  });
  r.post('/staff/merchants', async (req, res) => {
    callerOf(req, 'staff');
    const body = parse(createMerchantBody, req.body);
    res.status(201).json(await store.merchants.create(body));
  });
  return r;
}
