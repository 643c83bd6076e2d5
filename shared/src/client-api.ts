import type { ApiRoute } from './api-route';
import { AUTH_ROUTES } from './routes/auth-routes';
import { BREADTH_ROUTES } from './routes/breadth-routes';
import { CASE_ROUTES } from './routes/case-routes';
import { MERCHANT_ROUTES } from './routes/merchant-routes';
import { META_ROUTES } from './routes/meta-routes';
import { NOTIFICATION_ROUTES } from './routes/notification-routes';
import { UPLOAD_ROUTES } from './routes/upload-routes';

/**
 * The routes consumers and merchants call: the mini-program imports this part alone, so the staff
 * areas' routes and schemas stay out of its WeChat main package (600 KB budget): a module of its own, so that
 * importing it never brings in the whole table.
 */
export const CLIENT_API = {
  ...AUTH_ROUTES,
  ...MERCHANT_ROUTES,
  ...CASE_ROUTES,
  ...UPLOAD_ROUTES,
  ...META_ROUTES,
  ...NOTIFICATION_ROUTES,
  ...BREADTH_ROUTES,
} as const satisfies Record<string, ApiRoute>;
export type ClientApi = typeof CLIENT_API;
export type ClientRouteName = keyof ClientApi;
