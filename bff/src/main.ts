/** `npm start`: the BFF with its store, clocks and notifier, serving the H5 app at `/`. */
import { createServer } from 'node:http';
import { createApp } from './app';
import { buildServices } from './bootstrap';
import { loadConfigOrExit } from './config';
import { DRAIN_MS, runUntilStopped, within } from './lifecycle';
import { createLogger } from './logger';
import { createNotifications } from './notify';
import { seedDemoDesk } from './staff/demo-desk';
import { reissueDemoCodes, seedDemo } from './store/demo-seed';

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
  const firstStart = seed && (await services.store.merchants.count()) === 0;
  // Every start of a demo (development or emulator) prints the codes, not only the first: a new code
  // for each demo merchant, since only hashes are kept.
  const restartedDemo =
    seed && !firstStart && (config.NODE_ENV === 'development' || config.wechatMode === 'emulator');
  const { merchants, bindings } = services.store;
  const demo = firstStart
    ? await seedDemo(merchants)
    : restartedDemo
      ? await reissueDemoCodes(merchants, bindings)
      : [];
  if (demo.length) {
    // Printed, not logged: binding codes are secrets only in production, where nothing is seeded.
    console.log(
      firstStart
        ? '\nDemo merchants (bind in 商家入口 with these codes):'
        : '\nDemo merchants (bind in 商家入口 with these codes, new at this start; shops bound before stay bound):',
    );
    for (const m of demo) console.log(`  ${m.bindingCode}  ${m.name}${m.badges.odr ? '  [ODR]' : ''}`);
  }
  if (firstStart) {
    const desk = await seedDemoDesk(services, demo[0]?.id);
    // Staff passwords only ever printed in development mode (npm start's default).
    if (config.NODE_ENV === 'development') {
      console.log('\nDemo staff (log in to /console/):');
      for (const a of desk.staff)
        console.log(`  ${a.username} / ${a.password}  ${a.displayName} [${a.staffRole}]`);
      if (desk.claimable)
        console.log(
          `Demo hotline case to claim (查询电话登记的投诉): ${desk.claimable.caseNo} / ${desk.claimable.claimCode}`,
        );
    }
    console.log('');
  }

  const server = createServer(createApp(services));
  // Express 5 hands a listen error to the callback; listening on the server ourselves sees it as 'error'.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((err: NodeJS.ErrnoException) => {
    logger.fatal(
      { err, listen: { host: config.HOST, port: config.PORT } },
      `cannot listen on ${config.HOST}:${config.PORT}: ${err.code === 'EADDRINUSE' ? 'the port is in use' : err.message}`,
    );
    process.exit(1);
  });

  // The notifier and the clocks run here unless NOTIFIER=off (then `npm run worker` runs them).
  const notifications = config.NOTIFIER ? createNotifications(services) : null;
  notifications?.start();
  services.uploadTemp.start((err) => logger.warn({ err }, 'sweeping upload temp files failed'));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info(
    { port, store: services.store.db.kind, blobs: services.blobs.kind, mode: config.wechatMode },
    `Weiquan BFF listening on http://localhost:${port}`,
  );

  runUntilStopped(logger, async () => {
    // /readyz answers 503 from now on, so balancers stop sending; the listener closes, so new
    // connections are refused; answers in flight go out with Connection: close.
    services.lifecycle.draining = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const finished = await within(
      DRAIN_MS,
      closed.then(() => true),
    );
    if (finished !== true) {
      logger.warn('requests still running after 10 s: closing their connections');
      server.closeAllConnections();
    }
    await within(DRAIN_MS, notifications?.stop() ?? Promise.resolve());
    services.uploadTemp.stop();
    await services.close();
  });
}

main().catch((err) => {
  console.error('Weiquan BFF failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
