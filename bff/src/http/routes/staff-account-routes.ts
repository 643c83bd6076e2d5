import { Router } from 'express';
import { createStaffAccountBody, updateStaffAccountBody } from '@weiquan/shared';
import { requireStaffRole } from '../../auth/account-state';
import { callerOf } from '../middleware/authenticate';
import { parse } from '../parse';
import type { Services } from '../../services';

export function staffAccountRoutes({ staff }: Services): Router {
  const r = Router();
  r.post('/staff/accounts', async (req, res) => {
    const caller = callerOf(req, 'staff');
    requireStaffRole(caller, ['admin']);
    res.status(201).json(await staff.accounts.create(parse(createStaffAccountBody, req.body)));
  });
  r.get('/staff/accounts', async (req, res) => {
    callerOf(req, 'staff');
    res.json(await staff.accounts.list());
  });
  r.put('/staff/accounts/:id', async (req, res) => {
    const caller = callerOf(req, 'staff');
    requireStaffRole(caller, ['admin']);
    const body = parse(updateStaffAccountBody, req.body);
    res.json(await staff.accounts.update(caller, String(req.params.id), body));
  });
  return r;
}
