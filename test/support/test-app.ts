/**
 * Starts the real BFF on a real listener (port 0) over a fresh store, for API-level tests.
 * Logs are kept in memory so tests can read them (and check nothing secret is in them).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createApp, type ExtraRoutes } from '../../bff/src/app';
import { buildServices, type BootOptions } from '../../bff/src/bootstrap';
import { loadConfig } from '../../bff/src/config';
import type { Services } from '../../bff/src/services';
import { createLogger } from '../../bff/src/logger';
import { createNotifications, type Notifications, type NotificationsOptions } from '../../bff/src/notify';
import { createApiClient, type ApiClient } from './api-client';
import { createTestClock, type TestClock } from './test-clock';
import { createTestDatabase, type StoreKind, type TestDatabase } from './test-db';

export const STAFF = { username: 'staff-test', password: 'staff-password-1' };

export interface TestApp {
  baseUrl: string;
  api: ApiClient;
  services: Services;
  clock: TestClock;
  dataDir: string;
  logLines: string[];
  database: TestDatabase;
  /** the notifier and clocks over this app's services: call drain()/tick() directly, or start them */
  notifications: Notifications;
  /** stop the listener; keeps the database and DATA_DIR (for restart tests) */
  stop(): Promise<void>;
  /** stop and remove everything */
  close(): Promise<void>;
}

export interface TestAppOptions extends Omit<BootOptions, 'db' | 'now'> {
  store: StoreKind;
  env?: Record<string, string>;
  clock?: TestClock;
  /** reuse a database and DATA_DIR (restart tests) */
  database?: TestDatabase;
  dataDir?: string;
  extraRoutes?: ExtraRoutes;
  /** notifier and clocks options; they run in the background only with `start: true` (default off) */
  notify?: NotificationsOptions & { start?: boolean };
}

export async function startTestApp(opts: TestAppOptions): Promise<TestApp> {
  const dataDir = opts.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'weiquan-test-')));
  const database = opts.database ?? (await createTestDatabase(opts.store));
  const clock = opts.clock ?? createTestClock();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    PORT: '0',
    RATE_LIMIT: 'off',
    LOG_LEVEL: 'info',
    NOTIFIER: 'off',
    ...opts.env,
  });
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logLines.push(...String(chunk).split('\n').filter(Boolean));
      cb();
    },
  });
  const logger = createLogger(config.LOG_LEVEL, sink);
  const services = await buildServices(config, logger, { ...opts, db: database.db, now: clock.now });
  await services.auth.bootstrapStaff(STAFF.username, STAFF.password);
  const notifications = createNotifications(services, opts.notify);
  if (opts.notify?.start) notifications.start();
  const app = createApp(services, opts.extraRoutes);
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await notifications.stop();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    baseUrl,
    api: createApiClient(baseUrl),
    services,
    clock,
    dataDir,
    logLines,
    database,
    notifications,
    stop,
    async close() {
      await stop();
      await database.drop();
      if (!opts.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
