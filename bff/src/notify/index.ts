/** The notification area wired from the services: notifier + clocks (one handle to start and stop). */
import type { Services } from '../http/services';
import { createClocks, type ClocksOptions } from './clocks';
import { createNotifier, type NotifierOptions } from './notifier';
import { templateIds } from './templates';

export interface NotificationsOptions {
  notifier?: Partial<Omit<NotifierOptions, 'db' | 'logger' | 'now' | 'templates'>>;
  clocks?: Partial<Pick<ClocksOptions, 'intervalMs'>>;
}

export function createNotifications(services: Services, opts: NotificationsOptions = {}) {
  const { config, store, logger, now } = services;
  const templates = templateIds(config);
  const wechat = opts.notifier?.wechat ?? services.wechat;
  const notifier = createNotifier({
    db: store.db,
    wechat,
    logger: logger.child({ component: 'notifier' }),
    now,
    templates,
    miniprogramState: config.WECHAT_MINIPROGRAM_STATE,
    lang: config.WECHAT_LANG,
    ...opts.notifier,
  });
  const clocks = createClocks({
    db: store.db,
    cases: store.cases,
    logger: logger.child({ component: 'clocks' }),
    now,
    templates,
    emulator: wechat.mode === 'emulator',
    ...opts.clocks,
  });
  return {
    notifier,
    clocks,
    start() {
      notifier.start();
      clocks.start();
    },
    async stop() {
      await Promise.all([clocks.stop(), notifier.stop()]);
    },
  };
}
export type Notifications = ReturnType<typeof createNotifications>;
