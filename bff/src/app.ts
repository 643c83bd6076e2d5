import express, { type Express } from 'express';
import { API_ROUTES } from '@weiquan/shared';
import cors from 'cors';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { consoleStatic } from './http/console-static';
import { inlineScriptHashes } from './http/inline-script-hashes';
import { authenticate } from './http/middleware/authenticate';
import { errorHandler, notFoundRoute } from './http/middleware/error-handler';
import { requestLog } from './http/middleware/request-log';
import { createRateLimits } from './http/middleware/rate-limits';
import { createMetrics } from './metrics/metrics';
import { articleRoutes } from './http/routes/article-routes';
import { authRoutes } from './http/routes/auth-routes';
import { caseRoutes } from './http/routes/case-routes';
import { faqRoutes } from './http/routes/faq-routes';
import { healthRoutes } from './http/routes/health-routes';
import { hotspotRoutes } from './http/routes/hotspot-routes';
import { meRoutes } from './http/routes/me-routes';
import { merchantRoutes } from './http/routes/merchant-routes';
import { metaRoutes } from './http/routes/meta-routes';
import { staffAccountRoutes } from './http/routes/staff-account-routes';
import { calendarRoutes } from './http/routes/calendar-routes';
import { staffDeskRoutes } from './http/routes/staff-desk-routes';
import { statsRoutes } from './http/routes/stats-routes';
import { notificationRoutes } from './http/routes/notification-routes';
import { uploadRoutes } from './http/routes/upload-routes';
import { serveRoutes } from './http/route-adapter';
import type { Services } from './services';
import { wechatPushRoutes } from './wechat/push-routes';
import { mediaRoutes } from './http/routes/media-routes';
import { moderationRoutes } from './http/routes/moderation-routes';
import { h5Static } from './static/h5-static';
import type { Router } from 'express';

/**
 * Routers a test may mount under /api/v1 beside the table's routes. The product's own routes all go
 * through the route table (http/route-adapter.ts); test/api/route-table.test.ts fails on any other.
 */
export type ExtraRoutes = (services: Services) => Router[];

export function createApp(services: Services, extraRoutes: ExtraRoutes = () => []): Express {
  const { config, logger } = services;
  const app = express();
  app.disable('x-powered-by');
  // Off unless configured: a client could otherwise choose its own address (and rate-limit bucket).
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(requestLog(app, logger));
  const metrics = createMetrics(services.store.db, services.now, config.METRICS_TOKEN);
  app.use(metrics.timeRequests);
  // While draining (SIGTERM), every answer closes its connection, so keep-alive clients reconnect elsewhere.
  app.use((_req, res, next) => {
    if (services.lifecycle.draining) res.setHeader('Connection', 'close');
    next();
  });
  const h5 = config.H5_DIR ?? path.resolve(import.meta.dirname, '../../miniapp/dist/h5');
  app.use(
    helmet({
      contentSecurityPolicy: {
        // The H5 build is served from here and loads images of uploads and data: URIs.
        directives: {
          'img-src': ["'self'", 'data:', 'blob:'],
          'connect-src': ["'self'", 'blob:'],
          // No 'unsafe-inline': the H5 app's one inline script is allowed by its hash.
          'script-src': ["'self'", ...inlineScriptHashes(h5)],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(
    '/api',
    cors({
      origin: config.corsOrigins,
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'],
      maxAge: 600,
    }),
  );
  app.use(healthRoutes(services));
  app.get('/metrics', metrics.scrape);
  app.use(wechatPushRoutes(services));
  app.use(mediaRoutes(services));

  const rateLimits = createRateLimits(config, services.counters);
  const api = express.Router();
  api.use(express.json({ limit: '64kb', strict: true }));
  api.use(authenticate(services.access, services.accountStates, services.bindings));
  // Cases first: the busiest routes (the paths are disjoint, so the order changes no answer).
  const bindings = [
    ...caseRoutes(services, rateLimits),
    ...authRoutes(services, rateLimits),
    ...meRoutes(services),
    ...merchantRoutes(services),
    ...uploadRoutes(services, rateLimits),
    ...metaRoutes(services),
    ...notificationRoutes(services),
    ...statsRoutes(services),
    ...faqRoutes(services),
    ...articleRoutes(services),
    ...hotspotRoutes(services),
    ...staffAccountRoutes(services),
    ...calendarRoutes(services),
    ...staffDeskRoutes(services),
    ...moderationRoutes(services),
  ];
  serveRoutes(api, API_ROUTES, bindings);
  for (const router of extraRoutes(services)) api.use(router);
  api.use(notFoundRoute);
  app.use('/api/v1', api);
  app.use('/api', notFoundRoute);

  const consoleDir = config.CONSOLE_DIR ?? path.resolve(import.meta.dirname, '../../console/dist');
  if (existsSync(path.join(consoleDir, 'index.html'))) app.use('/console', consoleStatic(consoleDir));
  if (existsSync(h5)) app.use(h5Static(h5));
  app.use(errorHandler(logger));
  return app;
}
