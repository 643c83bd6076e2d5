import { API, CATEGORIES, type MetaAnswer } from '@weiquan/shared';
import type { Services } from '../../services';
import { buildOpenApi } from '../openapi';
import { bind, type Binding } from '../route-adapter';
import { configuredTemplateIds } from '../../notify/templates';

export function metaRoutes({ config, version, calendarBook }: Services): Binding[] {
  const meta: Omit<MetaAnswer, 'calendar'> = {
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
  // The calendar part is read per request: a year entered later shows without a restart.
  const answer = (): MetaAnswer => ({
    ...meta,
    calendar: { coveredThrough: calendarBook.current().coveredThrough },
  });
  return [bind(API.meta, answer), bind(API.openapi, () => openapi)];
}
