/**
 * The background work wired from the services: notifier, deadline clocks, the public figures'
 * summary tables kept fresh (so no /stats request waits for a rebuild), and the sweep of blob bytes
 * no upload points at. One handle to start and stop.
 */
import type { Services } from '../services';
import { createClocks, type ClocksOptions } from './clocks';
import { createNotifier, type NotifierOptions } from './notifier';
import { templateIds } from './templates';

export interface NotificationsOptions {
  notifier?: Partial<Omit<NotifierOptions, 'db' | 'logger' | 'now' | 'templates'>>;
  clocks?: Partial<Pick<ClocksOptions, 'intervalMs'>>;
  /** how often the figures' summary tables are rebuilt; the contract allows them to lag 60 s */
  statsRefreshMs?: number;
}

const STATS_REFRESH_MS = 45_000;
/** image checks without a verdict after an hour are listed for staff; minutes are precise enough */
const MEDIA_SWEEP_MS = 60_000;

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
    calendar: services.calendarBook.current,
    ...opts.clocks,
  });
  let statsTimer: NodeJS.Timeout | null = null;
  let mediaTimer: NodeJS.Timeout | null = null;
  const sweepMedia = () =>
    void services.mediaChecks
      .sweepUnanswered()
      .catch((err) => logger.warn({ err }, 'image check sweep failed; the next one retries'));
  let statsRun: Promise<void> = Promise.resolve();
  const refreshStats = () => {
    statsRun = store.stats
      .refresh()
      .catch((err) => logger.warn({ err }, 'stats refresh failed; the next request rebuilds'));
  };
  return {
    notifier,
    clocks,
    start() {
      notifier.start();
      clocks.start();
      // Here rather than in each BFF: one sweep per worker is plenty, and BFFs may run NOTIFIER=off.
      services.blobSweep.start();
      statsTimer = setInterval(refreshStats, opts.statsRefreshMs ?? STATS_REFRESH_MS);
      statsTimer.unref();
      mediaTimer = setInterval(sweepMedia, MEDIA_SWEEP_MS);
      mediaTimer.unref();
    },
    async stop() {
      if (statsTimer) clearInterval(statsTimer);
      if (mediaTimer) clearInterval(mediaTimer);
      await Promise.all([clocks.stop(), notifier.stop(), statsRun, services.blobSweep.stop()]);
    },
  };
}
export type Notifications = ReturnType<typeof createNotifications>;
