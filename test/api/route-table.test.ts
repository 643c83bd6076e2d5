/**
 * The shared route table is the whole truth about /api/v1: the server registers exactly its routes
 * (walked from the Express app that createApp builds), each route's role gate lets in exactly the
 * roles the table names (probed over HTTP by every role), and nothing else answers.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { API_ROUTES, fillPath, pathParams, ROLES, routeKey, type ApiRoute, type Role } from '@weiquan/shared';
import { createApp } from '../../bff/src/app';
import { createMerchant, loginConsumer, loginMerchant, loginStaff } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { storeKinds } from '../support/test-db';

/** The routes the contract puts outside /api/v1: health, metrics, WeChat's message push, the signed media links WeChat downloads, and the staff console's pages. */
const OUTSIDE_API = [
  'GET /console/{*rest}',
  'GET /healthz',
  'GET /media/{token}',
  'GET /metrics',
  'GET /readyz',
  'GET /wechat/push',
  'POST /wechat/push',
];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface StackLayer {
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: StackLayer[] };
  rawPath?: unknown;
  slash?: boolean;
}

/** Every (method, path) the app's routers serve, with the mount paths of nested routers prefixed. */
function servedRoutes(stack: StackLayer[], prefix = ''): string[] {
  const served: string[] = [];
  for (const layer of stack) {
    if (layer.route) {
      const path = (prefix + layer.route.path).replace(/:(\w+)/g, '{$1}');
      for (const [method, on] of Object.entries(layer.route.methods))
        if (on) served.push(`${method === '_all' ? 'ALL' : method.toUpperCase()} ${path}`);
    } else if (layer.handle.stack) {
      const mount = layer.slash ? '' : String(layer.rawPath ?? '?');
      served.push(...servedRoutes(layer.handle.stack, prefix + mount));
    }
  }
  return served;
}

const sorted = (list: string[]) => [...list].sort();

/** A path's parameters filled with ids that name nothing. */
const unknownIds = (path: string) => Object.fromEntries(pathParams(path).map((name) => [name, randomUUID()]));

/** What the route's role gate should answer a caller in `actor`: 401, 403, or "passes the gate". */
function gateFor(route: ApiRoute, actor: Role | 'anonymous'): 401 | 403 | 'pass' {
  if (route.roles === 'public') return 'pass';
  if (actor === 'anonymous') return 401;
  if (route.roles === 'any') return 'pass';
  return route.roles.includes(actor) ? 'pass' : 403;
}

for (const store of storeKinds()) {
  describe(`the route table is what the server serves (${store})`, () => {
    let app: TestApp;
    let tokens: Record<Role, string>;
    before(async () => {
      app = await startTestApp({ store });
      const merchant = await createMerchant(app);
      tokens = {
        consumer: (await loginConsumer(app)).accessToken,
        merchant: (await loginMerchant(app, merchant)).accessToken,
        staff: (await loginStaff(app)).accessToken,
      };
    });
    after(() => app.close());

    test('when the Express app is walked, then /api/v1 serves each table route exactly once and nothing else', () => {
      // the console is served only when built: give the walk a built one, whatever this checkout holds
      const consoleDir = mkdtempSync(join(tmpdir(), 'weiquan-console-'));
      writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>console</title>');
      const services = { ...app.services, config: { ...app.services.config, CONSOLE_DIR: consoleDir } };
      const express = createApp(services) as unknown as { router: { stack: StackLayer[] } };
      const served = servedRoutes(express.router.stack);
      const api = served.filter((r) => r.split(' ')[1].startsWith('/api'));
      const table = API_ROUTES.map((r) => `${r.method.toUpperCase()} /api/v1${r.path}`);
      assert.deepEqual(sorted(api), sorted(table));
      assert.deepEqual(sorted(served.filter((r) => !api.includes(r))), sorted(OUTSIDE_API));
    });

    test('when every table route is called by every role with an empty request, then only the roles the table names pass its gate', async () => {
      const wrong: string[] = [];
      for (const route of API_ROUTES) {
        const path = fillPath(route.path, unknownIds(route.path));
        const body = route.method === 'get' ? undefined : {};
        for (const actor of [...ROLES, 'anonymous'] as const) {
          const token = actor === 'anonymous' ? undefined : tokens[actor];
          const res = await app.api.request(route.method.toUpperCase(), path, body, { token });
          const gate = gateFor(route, actor);
          const code = res.body?.error?.code;
          const ok =
            gate === 'pass'
              ? res.status !== 401 && res.status !== 403
              : res.status === gate && code === (gate === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
          if (!ok)
            wrong.push(`${routeKey(route)} as ${actor}: ${res.status} ${code ?? ''}, expected ${gate}`);
        }
      }
      assert.deepEqual(wrong, []);
    });

    test('when a table path is called with a method the table does not list, then it is a 404 in the error shape', async () => {
      const wrong: string[] = [];
      for (const path of new Set(API_ROUTES.map((r) => r.path))) {
        const listed = new Set(API_ROUTES.filter((r) => r.path === path).map((r) => r.method));
        for (const method of METHODS.filter((m) => !listed.has(m))) {
          const res = await app.api.request(
            method.toUpperCase(),
            fillPath(path, unknownIds(path)),
            method === 'get' ? undefined : {},
            {
              token: tokens.staff,
            },
          );
          if (res.status !== 404 || res.body?.error?.code !== 'NOT_FOUND')
            wrong.push(`${method.toUpperCase()} ${path}: ${res.status}`);
        }
      }
      assert.deepEqual(wrong, []);
    });
  });
}
