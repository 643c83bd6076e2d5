/**
 * `npm run worker`: the notifier and the clocks alone, without HTTP. Run any number of these beside
 * BFFs started with NOTIFIER=off; they share the work through the database (SKIP LOCKED, leases).
 */
import { buildServices } from './bootstrap';
import { loadConfigOrExit } from './config';
import { createLogger } from './logger';
import { createNotifications } from './notify';

async function main() {
  const config = loadConfigOrExit();
  const logger = createLogger(config.LOG_LEVEL);
  const services = await buildServices(config, logger);
  const notifications = createNotifications(services);
  notifications.start();
  logger.info(
    { store: services.store.db.kind, mode: config.wechatMode },
    'Weiquan worker running (notifier and clocks)',
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker shutting down');
    setTimeout(() => process.exit(1), 10_000).unref();
    await notifications.stop().catch(() => {});
    await services.store.db.close().catch(() => {});
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  console.error('Weiquan worker failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
