import { Router } from 'express';
import { phoneCodeBody, profileBody } from '@weiquan/shared';
import { callerOf } from '../middleware/authenticate';
import { parse } from '../parse';
import type { Services } from '../../services';

export function meRoutes({ store, auth, phone }: Services): Router {
  const r = Router();
  r.get('/me', async (req, res) => {
    const caller = callerOf(req);
    res.json({
      user: await auth.sessionUser(caller),
      profile: caller.role === 'staff' ? null : await store.users.profileOf(caller.id),
      verifiedPhone: caller.role === 'staff' ? null : await phone.verifiedPhoneOf(caller.id),
    });
  });
  r.post('/me/phone', async (req, res) => {
    const caller = callerOf(req, 'consumer', 'merchant');
    const body = parse(phoneCodeBody, req.body);
    res.json(await phone.verify(caller.id, body.code));
  });
  r.put('/me/profile', async (req, res) => {
    const caller = callerOf(req, 'consumer', 'merchant');
    const profile = parse(profileBody, req.body);
    await store.users.saveProfile(caller.id, profile);
    res.json({ user: await auth.sessionUser(caller), profile });
  });
  return r;
}
