/**
 * The API's route table: every route under /api/v1 once, by name, with its method, path, roles,
 * request schemas and answer. The BFF registers its routes from it (bff/src/http/route-adapter.ts),
 * the OpenAPI document is generated from it, the mini-program's endpoint functions are typed from it,
 * and test/api/route-table.test.ts fails when what the server answers differs from it.
 *
 * Adding a route: add an entry to the area's file in ./routes (or a new area file, spread below),
 * then bind a handler to it in the BFF (see docs/conventions.md, "Adding a route").
 */
import type { ApiRoute } from './api-route';
import { AUTH_ROUTES } from './routes/auth-routes';
import { BREADTH_ROUTES } from './routes/breadth-routes';
import { CALENDAR_ROUTES } from './routes/calendar-routes';
import { CASE_ROUTES } from './routes/case-routes';
import { MERCHANT_ROUTES } from './routes/merchant-routes';
import { META_ROUTES } from './routes/meta-routes';
import { MODERATION_ROUTES } from './routes/moderation-routes';
import { NOTIFICATION_ROUTES } from './routes/notification-routes';
import { STAFF_ACCOUNT_ROUTES } from './routes/staff-account-routes';
import { STAFF_DESK_ROUTES } from './routes/staff-desk-routes';
import { UPLOAD_ROUTES } from './routes/upload-routes';

/** Each area's routes, kept apart so a test can check no name is defined twice (a spread would hide it). */
export const API_AREAS = {
  auth: AUTH_ROUTES,
  merchants: MERCHANT_ROUTES,
  cases: CASE_ROUTES,
  uploads: UPLOAD_ROUTES,
  meta: META_ROUTES,
  notifications: NOTIFICATION_ROUTES,
  breadth: BREADTH_ROUTES,
  staffAccounts: STAFF_ACCOUNT_ROUTES,
  staffDesk: STAFF_DESK_ROUTES,
  moderation: MODERATION_ROUTES,
  calendar: CALENDAR_ROUTES,
} as const;

export const API = {
  ...AUTH_ROUTES,
  ...MERCHANT_ROUTES,
  ...CASE_ROUTES,
  ...UPLOAD_ROUTES,
  ...META_ROUTES,
  ...NOTIFICATION_ROUTES,
  ...BREADTH_ROUTES,
  ...STAFF_ACCOUNT_ROUTES,
  ...STAFF_DESK_ROUTES,
  ...MODERATION_ROUTES,
  ...CALENDAR_ROUTES,
} as const satisfies Record<string, ApiRoute>;

export type Api = typeof API;
export type RouteName = keyof Api;

/** The table as a list, in the order above (the OpenAPI document keeps it). */
export const API_ROUTES: readonly ApiRoute[] = Object.values(API);
