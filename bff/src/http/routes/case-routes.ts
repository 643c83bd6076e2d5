import { Router } from 'express';
import { caseAction, caseListQuery, fileCaseBody, idempotencyKey } from '@weiquan/shared';
import { callerOf } from '../middleware/authenticate';
import type { RateLimits } from '../middleware/rate-limits';
import { parse } from '../parse';
import type { Services } from '../../services';

export function caseRoutes({ store }: Services, limits: RateLimits): Router {
  const r = Router();
  r.post('/cases', limits.filing, async (req, res) => {
    const caller = callerOf(req, 'consumer');
    const key = parse(idempotencyKey, req.header('Idempotency-Key'), 'Idempotency-Key');
    const body = parse(fileCaseBody, req.body);
    const { view } = await store.cases.file(caller, key, body);
    res.status(201).json(view);
  });
  r.get('/cases', async (req, res) => {
    const caller = callerOf(req);
    const query = parse(caseListQuery, req.query);
    res.type('json').send(await store.cases.listJson(caller, query));
  });
  r.get('/cases/:id', async (req, res) => {
    const caller = callerOf(req);
    res.json(await store.cases.get(caller, String(req.params.id)));
  });
  r.post('/cases/:id/actions', limits.actions, async (req, res) => {
    const caller = callerOf(req);
    const action = parse(caseAction, req.body);
    res.json(await store.cases.act(caller, String(req.params.id), action));
  });
  return r;
}
