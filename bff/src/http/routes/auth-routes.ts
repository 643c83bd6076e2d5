import { Router } from 'express';
import { bindMerchantBody, refreshBody, staffLoginBody, wechatLoginBody } from '@weiquan/shared';
import { callerOf } from '../middleware/authenticate';
import type { RateLimits } from '../middleware/rate-limits';
import { parse } from '../parse';
import type { Services } from '../../services';

export function authRoutes({ auth }: Services, limits: RateLimits): Router {
  const r = Router();
  r.post('/auth/wechat', limits.wechatLogin, async (req, res) => {
    const body = parse(wechatLoginBody, req.body);
    res.json(await auth.loginWechat(body.code, body.as));
  });
  r.post('/auth/refresh', limits.wechatLogin, async (req, res) => {
    const body = parse(refreshBody, req.body);
    res.json(await auth.refresh(body.refreshToken));
  });
  r.post('/auth/staff', limits.staffLogin, async (req, res) => {
    const body = parse(staffLoginBody, req.body);
    res.json(await auth.loginStaff(body.username, body.password));
  });
  r.post('/merchant/bind', limits.actions, async (req, res) => {
    const caller = callerOf(req);
    const body = parse(bindMerchantBody, req.body);
    res.json(await auth.bindMerchant(caller, body.bindingCode));
  });
  return r;
}
