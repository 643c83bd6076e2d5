import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { z } from 'zod';
import { API_ROUTES } from '../api-routes';

// PostgreSQL refuses NUL in text (a 500 if it gets that far): every query-string value of every route
// is parsed by a schema that refuses control characters, so none can reach SQL.
test('when any route query value carries a NUL or another control character, then its schema refuses it', () => {
  const queried = API_ROUTES.filter((r) => r.query);
  assert.ok(queried.length >= 5, 'the route table names its query schemas');
  for (const route of queried) {
    const shape = (route.query as unknown as { shape?: Record<string, z.ZodType> }).shape;
    assert.ok(shape, `${route.path}: the query schema is an object`);
    for (const key of Object.keys(shape)) {
      for (const bad of ['\u0000', 'a\u0000b', 'x\u0001', '\u007f', '\u001b[31m']) {
        const parsed = route.query!.safeParse({ [key]: bad });
        assert.equal(
          parsed.success,
          false,
          `${route.method.toUpperCase()} ${route.path} ?${key}=${JSON.stringify(bad)} must be refused`,
        );
      }
    }
  }
});
