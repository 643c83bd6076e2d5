import { Router } from 'express';
import {
  auditQuery,
  createTemplateBody,
  exportQuery,
  staffMerchantQuery,
  templateQuery,
  updateFaqBody,
  updateMerchantBody,
} from '@weiquan/shared';
import { requireStaffRole } from '../../auth/account-state';
import { callerOf } from '../middleware/authenticate';
import { parse } from '../parse';
import type { Services } from '../../services';

const LEADS = ['supervisor', 'admin'] as const;

export function staffDeskRoutes({ staff }: Services): Router {
  const r = Router();
  r.get('/staff/templates', async (req, res) => {
    callerOf(req, 'staff');
    res.json(await staff.templates.list(parse(templateQuery, req.query).action));
  });
  r.post('/staff/templates', async (req, res) => {
    const caller = callerOf(req, 'staff');
    requireStaffRole(caller, LEADS);
    res.status(201).json(await staff.templates.create(caller, parse(createTemplateBody, req.body)));
  });
  r.delete('/staff/templates/:id', async (req, res) => {
    requireStaffRole(callerOf(req, 'staff'), LEADS);
    await staff.templates.remove(String(req.params.id));
    res.status(204).end();
  });
  r.get('/staff/merchants', async (req, res) => {
    callerOf(req, 'staff');
    res.json(await staff.merchants.list(parse(staffMerchantQuery, req.query)));
  });
  r.put('/staff/merchants/:id', async (req, res) => {
    requireStaffRole(callerOf(req, 'staff'), ['admin']);
    res.json(await staff.merchants.update(String(req.params.id), parse(updateMerchantBody, req.body)));
  });
  r.put('/staff/faq/:id', async (req, res) => {
    requireStaffRole(callerOf(req, 'staff'), LEADS);
    res.json(await staff.faq.update(String(req.params.id), parse(updateFaqBody, req.body)));
  });
  r.delete('/staff/faq/:id', async (req, res) => {
    requireStaffRole(callerOf(req, 'staff'), LEADS);
    await staff.faq.unpublish(String(req.params.id));
    res.status(204).end();
  });
  r.get('/staff/audit', async (req, res) => {
    requireStaffRole(callerOf(req, 'staff'), ['admin']);
    res.json(await staff.audit.list(parse(auditQuery, req.query)));
  });
  r.get('/staff/exports/cases.csv', async (req, res) => {
    const caller = callerOf(req, 'staff');
    requireStaffRole(caller, LEADS);
    const csv = staff.exports.cases(caller, parse(exportQuery, req.query));
    const first = await csv.next();
    res.type('text/csv; charset=utf-8').attachment('cases.csv');
    res.write(first.value ?? '');
    for await (const chunk of csv) res.write(chunk);
    res.end();
  });
  return r;
}
