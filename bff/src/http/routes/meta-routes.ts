import { Router } from 'express';
import { CATEGORIES, type MetaAnswer } from '@weiquan/shared';
import type { Services } from '../services';
import { buildOpenApi } from '../openapi';

export function metaRoutes({ config, version }: Services): Router {
  const r = Router();
  const meta: MetaAnswer = {
    mode: config.wechatMode,
    templates: {
      ...(config.WECHAT_TEMPLATE_CASE_UPDATE ? { caseUpdate: config.WECHAT_TEMPLATE_CASE_UPDATE } : {}),
      ...(config.WECHAT_TEMPLATE_MERCHANT_NEW_CASE ? { merchantNewCase: config.WECHAT_TEMPLATE_MERCHANT_NEW_CASE } : {}),
      ...(config.WECHAT_TEMPLATE_DEADLINE ? { deadline: config.WECHAT_TEMPLATE_DEADLINE } : {}),
    },
    version,
    categories: CATEGORIES.map((c) => ({ code: c.code, name: c.name, nameEn: c.nameEn, greenChannel: c.greenChannel })),
  };
  const openapi = buildOpenApi(version);
  r.get('/meta', (_req, res) => void res.json(meta));
  r.get('/openapi.json', (_req, res) => void res.json(openapi));
  return r;
}
