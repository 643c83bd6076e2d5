/**
 * `npm run worker`: the notifier and the clocks alone, without HTTP. Run any number of these beside
 * BFFs started with NOTIFIER=off; they share the work through the database (SKIP LOCKED, leases).
 */
import { buildServices } from './bootstrap';
import { loadConfigOrExit } from './config';
import { DRAIN_MS, runUntilStopped, within } from './lifecycle';
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
  runUntilStopped(logger, async () => {
    // Stops claiming, and waits for the sends it leased to be recorded; a send still unrecorded
    // after 10 s keeps its lease until the lease runs out, and another worker sends it then.
    await within(DRAIN_MS, notifications.stop());
    await services.close();
  });
}

main().catch((err) => {
  console.error('Weiquan worker failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
