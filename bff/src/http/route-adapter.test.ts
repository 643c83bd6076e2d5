import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Router } from 'express';
import { z } from 'zod';
import type { ApiRoute } from '@weiquan/shared';
import { bind, serveRoutes } from './route-adapter';

const ping = {
  method: 'get',
  path: '/ping',
  summary: 'ping',
  roles: 'public',
  answer: { status: 200, schema: z.object({ ok: z.boolean() }) },
  tags: ['test'],
} as const satisfies ApiRoute;
const pong = { ...ping, path: '/pong' } as const satisfies ApiRoute;
const handler = () => ({ ok: true });

describe('serveRoutes', () => {
  test('when a table route has no handler, then the app refuses to start and names it', () => {
    assert.throws(
      () => serveRoutes(Router(), [ping, pong], [bind(ping, handler)]),
      /without a handler: GET \/pong/,
    );
  });

  test('when a handler is bound to a route the table lacks, then the app refuses to start', () => {
    assert.throws(
      () => serveRoutes(Router(), [ping], [bind(ping, handler), bind(pong, handler)]),
      /GET \/pong is bound but not in the route table/,
    );
  });

  test('when a route is bound twice, then the app refuses to start', () => {
    assert.throws(
      () => serveRoutes(Router(), [ping], [bind(ping, handler), bind(ping, handler)]),
      /bound twice/,
    );
  });
});
