import { Router } from 'express';
import { createMerchantBody, merchantSearchQuery } from '@weiquan/shared';
import { requireStaffRole } from '../../auth/account-state';
import { callerOf } from '../middleware/authenticate';
import { parse } from '../parse';
import type { Services } from '../../services';

export function merchantRoutes({ store, bindings }: Services): Router {
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
  r.post('/staff/merchants/:id/binding-code', async (req, res) => {
    requireStaffRole(callerOf(req, 'staff'), ['admin']);
    res.json(await bindings.rotateCode(req.params.id));
  });
  r.delete('/staff/merchants/:id/bindings/:userId', async (req, res) => {
    requireStaffRole(callerOf(req, 'staff'), ['admin']);
    await bindings.unbind(req.params.id, req.params.userId);
    res.status(204).end();
  });
  return r;
}
