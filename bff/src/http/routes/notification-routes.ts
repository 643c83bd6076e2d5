import { Router } from 'express';
import { notificationListQuery, notificationsReadBody, subscriptionsBody } from '@weiquan/shared';
import { createGrantStore } from '../../notify/grant-store';
import { createInboxStore } from '../../notify/inbox-store';
import { templateIds } from '../../notify/templates';
import { callerOf } from '../middleware/authenticate';
import { parse } from '../parse';
import type { Services } from '../../services';

export function notificationRoutes({ config, store, now }: Services): Router {
  const r = Router();
  const templates = templateIds(config);
  const grants = createGrantStore(store.db);
  const inbox = createInboxStore(store.db, now);
  r.post('/subscriptions', async (req, res) => {
    const caller = callerOf(req, 'consumer', 'merchant');
    const body = parse(subscriptionsBody, req.body);
    res.json(await grants.record(caller.id, body.results, templates, now()));
  });
  r.get('/notifications', async (req, res) => {
    const caller = callerOf(req);
    res.json(await inbox.list(caller, parse(notificationListQuery, req.query)));
  });
  r.post('/notifications/read', async (req, res) => {
    const caller = callerOf(req);
    res.json(await inbox.markRead(caller, parse(notificationsReadBody, req.body)));
  });
  return r;
}
