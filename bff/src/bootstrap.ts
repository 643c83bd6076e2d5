/** Builds every service from the configuration: shared by main.ts, the worker and the tests. */
import path from 'node:path';
import type { Logger } from 'pino';
import { createAccountStates } from './auth/account-state';
import { createCalendarBook } from './calendar/calendar-book';
import { createCalendarService } from './calendar/calendar-service';
import { seedFromPackage } from './calendar/package-seed';
import { createAuthService } from './auth/auth-service';
import { createAccessTokens } from './auth/jwt';
import { createMerchantBindings } from './auth/merchant-bindings';
import type { Config } from './config';
import { createLifecycle } from './lifecycle';
import { createCounterStore } from './limits/counter-store';
import type { Services } from './services';
import { createPiiCipher } from './security/pii-cipher';
import { loadSecrets } from './security/secrets';
import { createPgliteDb, createPostgresDb, type Db } from './store/db';
import { migrate } from './store/migrate';
import { createStaffDesk } from './staff/staff-desk';
import { createStore } from './store/store';
import { createBlobStore } from './uploads/blob-store';
import { createBlobSweep } from './uploads/blob-sweep';
import { createUploadTempFiles } from './uploads/upload-temp-files';
import { createUploadService } from './uploads/upload-service';
import { createGrantStore } from './notify/grant-store';
import { createInboxStore } from './notify/inbox-store';
import { templateIds } from './notify/templates';
import { createDbTokenCache } from './notify/token-cache';
import { createContentSecurity } from './content';
import { createWechat } from './wechat/create-wechat';
import { createPhoneService } from './wechat/phone-service';
import { createPushHandlers } from './wechat/push-handlers';
import { createPushService } from './wechat/push-service';
import type { Wechat } from './wechat/wechat-client';

export const VERSION = '0.1.0';

export interface BootOptions {
  now?: () => Date;
  /** a database to use instead of opening one from the configuration (tests share one PGlite) */
  db?: Db;
  wechat?: Wechat;
}

export async function openDb(config: Config): Promise<Db> {
  return config.DATABASE_URL
    ? createPostgresDb(config.DATABASE_URL)
    : createPgliteDb(path.join(config.DATA_DIR, 'pglite'));
}

export async function buildServices(
  config: Config,
  logger: Logger,
  opts: BootOptions = {},
): Promise<Services> {
  const now = opts.now ?? (() => new Date());
  const secrets = await loadSecrets(config);
  const db = opts.db ?? (await openDb(config));
  const applied = await migrate(db);
  if (applied.length) logger.info({ migrations: applied }, 'store migrated');
  const cipher = createPiiCipher({
    current: { id: config.PII_KEY_ID, key: secrets.piiKey },
    previous: config.piiPreviousKeys,
  });
  const seeded = await seedFromPackage(db, now());
  if (seeded.length) logger.info({ years: seeded }, 'calendar years seeded from the holiday package');
  const calendarBook = await createCalendarBook(
    db,
    logger.child({ component: 'calendar' }),
    config.CALENDAR_POLL_MS,
  );
  calendarBook.start();
  const wechat =
    opts.wechat ??
    // The token cache is only read in WeChat mode (the emulator needs none); it is lazy, so nothing runs here.
    createWechat(config, createDbTokenCache(db, cipher, config.WECHAT_APPID ?? ''), now);
  const content = createContentSecurity({
    db,
    wechat,
    config,
    secret: secrets.jwtKey.export(),
    logger,
    now,
  });
  const store = createStore(db, {
    cipher,
    now,
    caseNoPrefix: config.CASE_NO_PREFIX,
    content: content.caseContent,
    calendar: calendarBook.current,
  });
  const access = createAccessTokens(secrets.jwtKey);
  const accountStates = createAccountStates(store.staffAccounts, now);
  const bindings = createMerchantBindings({
    store: store.bindings,
    now,
    maxUsersPerCode: config.BINDING_CODE_MAX_USERS,
  });
  const blobs = await createBlobStore(config, db);
  const counters = createCounterStore(config, db);
  const uploadTemp = await createUploadTempFiles(path.join(config.DATA_DIR, 'uploads', 'tmp'));
  const swept = await uploadTemp.sweep();
  if (swept) logger.info({ swept }, 'removed upload temp files left by a stopped process');
  const wechatPush = createPushService({
    db,
    settings: config.WECHAT_PUSH_TOKEN
      ? {
          token: config.WECHAT_PUSH_TOKEN,
          aesKey: config.WECHAT_PUSH_AES_KEY,
          appId: config.WECHAT_APPID ?? '',
        }
      : null,
    handle: createPushHandlers({
      db,
      templateIds: Object.values(templateIds(config)),
      onMediaVerdict: content.mediaChecks.answered,
    }),
    logger: logger.child({ component: 'wechat-push' }),
    now,
  });
  return {
    config,
    logger,
    store,
    access,
    accountStates,
    staff: createStaffDesk({
      db,
      staffAccounts: store.staffAccounts,
      states: accountStates,
      tokens: store.tokens,
      now,
    }),
    bindings,
    wechat,
    wechatPush,
    mediaChecks: content.mediaChecks,
    mediaLinks: content.mediaLinks,
    mediaSharing: content.mediaSharing,
    moderation: content.moderation,
    phone: createPhoneService({ db, cipher, users: store.users, wechat }),
    blobs,
    blobSweep: createBlobSweep({
      blobs,
      uploads: store.uploads,
      logger: logger.child({ component: 'blob-sweep' }),
    }),
    uploadTemp,
    auth: createAuthService({
      wechat,
      users: store.users,
      staff: store.staffAccounts,
      now,
      bindings,
      tokens: store.tokens,
      access,
    }),
    uploads: createUploadService(blobs, store.uploads, uploadTemp),
    inbox: createInboxStore(db, now),
    grants: createGrantStore(db),
    templates: templateIds(config),
    calendarBook,
    calendar: createCalendarService({
      db,
      book: calendarBook,
      cases: store.cases,
      refreshStats: () => store.stats.refresh(),
      logger: logger.child({ component: 'calendar' }),
      now,
    }),
    version: VERSION,
    now,
    lifecycle: createLifecycle(),
    counters,
    async close() {
      await counters.close().catch((err) => logger.warn({ err }, 'closing the rate-limit counters failed'));
      await blobs.close?.().catch((err) => logger.warn({ err }, 'closing the blob store failed'));
      await db.close().catch((err) => logger.warn({ err }, 'closing the database failed'));
    },
  };
}
