import { Router } from 'express';
import { CATEGORIES, type MetaAnswer } from '@weiquan/shared';
import type { Services } from '../../services';
import { buildOpenApi } from '../openapi';
import { configuredTemplateIds } from '../../notify/templates';

export function metaRoutes({ config, version }: Services): Router {
  const r = Router();
  const meta: MetaAnswer = {
    mode: config.wechatMode,
    // Only configured ids: the client must never ask WeChat to grant an emulator stand-in.
    templates: configuredTemplateIds(config),
    version,
    categories: CATEGORIES.map((c) => ({
      code: c.code,
      name: c.name,
      nameEn: c.nameEn,
      greenChannel: c.greenChannel,
    })),
  };
  const openapi = buildOpenApi(version);
  r.get('/meta', (_req, res) => void res.json(meta));
  r.get('/openapi.json', (_req, res) => void res.json(openapi));
  return r;
}
