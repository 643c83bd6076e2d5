/** `npm start`: the BFF with its store, clocks and notifier, serving the H5 app at `/`. */
import type { Server } from 'node:http';
import { createApp } from './app';
import { buildServices } from './bootstrap';
import { loadConfigOrExit } from './config';
import { createLogger } from './logger';
import { createNotifications } from './notify';
import { seedDemo } from './store/demo-seed';

async function main() {
  const config = loadConfigOrExit();
  const logger = createLogger(config.LOG_LEVEL);
  const services = await buildServices(config, logger);
  if (config.wechatMode === 'emulator') {
    logger.warn(
      'WeChat EMULATOR mode: no WECHAT_APPID is set; log in with codes "dev:<name>"; pushes go to the in-app inbox only',
    );
  }
  if (config.STAFF_BOOTSTRAP_USER && config.STAFF_BOOTSTRAP_PASSWORD) {
    const created = await services.auth.bootstrapStaff(
      config.STAFF_BOOTSTRAP_USER,
      config.STAFF_BOOTSTRAP_PASSWORD,
    );
    if (created) logger.info({ username: config.STAFF_BOOTSTRAP_USER }, 'staff account created');
  }
  const seed = config.DEMO_SEED ?? config.NODE_ENV !== 'production';
  if (seed && (await services.store.merchants.count()) === 0) {
    const merchants = await seedDemo(services.store.merchants);
    // Printed, not logged: binding codes are secrets only in production, where nothing is seeded.
    console.log('\nDemo merchants (bind in 商家入口 with these codes):');
    for (const m of merchants) console.log(`  ${m.bindingCode}  ${m.name}${m.badges.odr ? '  [ODR]' : ''}`);
    console.log('');
  }

  // The notifier and the clocks run here unless NOTIFIER=off (then `npm run worker` runs them).
  const notifications = config.NOTIFIER ? createNotifications(services) : null;
  notifications?.start();
  services.uploadTemp.start((err) => logger.warn({ err }, 'sweeping upload temp files failed'));

  const app = createApp(services);
  const server: Server = app.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    logger.info(
      { port, store: services.store.db.kind, mode: config.wechatMode },
      `Weiquan BFF listening on http://localhost:${port}`,
    );
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close(async () => {
      await notifications?.stop().catch(() => {});
      await services.store.db.close().catch(() => {});
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  console.error('Weiquan BFF failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
