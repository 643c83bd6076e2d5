import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { fillPath, pathParams, routeKey } from './api-route';
import { API, API_AREAS, API_ROUTES } from './api-routes';
import { ROLES } from './roles';

describe('the route table', () => {
  test('when the areas are merged, then no route name is defined in two areas', () => {
    const names = Object.values(API_AREAS).flatMap((area) => Object.keys(area));
    assert.deepEqual(
      names.filter((n, i) => names.indexOf(n) !== i),
      [],
    );
    assert.equal(Object.keys(API).length, names.length);
  });

  test('when routes are listed, then each method and path appears once', () => {
    const keys = API_ROUTES.map(routeKey);
    assert.deepEqual(
      keys.filter((k, i) => keys.indexOf(k) !== i),
      [],
    );
  });

  test('when a path has parameters, then its params schema names exactly those', () => {
    for (const route of API_ROUTES) {
      const names = pathParams(route.path);
      const shape = route.params instanceof z.ZodObject ? Object.keys(route.params.shape) : [];
      assert.deepEqual(shape.sort(), [...names].sort(), routeKey(route));
    }
  });

  test('when roles are named, then they are known roles and at least one', () => {
    for (const route of API_ROUTES) {
      if (route.roles === 'public' || route.roles === 'any') continue;
      assert.ok(route.roles.length > 0, routeKey(route));
      for (const role of route.roles) assert.ok(ROLES.includes(role), `${routeKey(route)}: ${role}`);
    }
  });

  test('when staff roles are named, then the route is for staff alone', () => {
    for (const route of API_ROUTES)
      if (route.staffRoles) assert.deepEqual(route.roles, ['staff'], routeKey(route));
  });

  test('when a path is filled, then each parameter is URI-encoded and a missing one is refused', () => {
    assert.equal(fillPath('/cases/{id}/actions', { id: 'a/b c' }), '/cases/a%2Fb%20c/actions');
    assert.throws(() => fillPath('/cases/{id}', {}), /needs the path parameter id/);
  });
});
