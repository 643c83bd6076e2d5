import type { ApiRoute } from '../api-route';
import * as s from '../schemas';

export const META_ROUTES = {
  meta: {
    method: 'get',
    path: '/meta',
    summary: 'What the client needs before login',
    roles: 'public',
    answer: { status: 200, schema: s.metaAnswer },
    tags: ['meta'],
  },
  openapi: {
    method: 'get',
    path: '/openapi.json',
    summary: 'This document: the OpenAPI 3.1 description generated from the route table',
    roles: 'public',
    answer: { status: 200, schema: s.openApiDocument },
    tags: ['meta'],
  },
} as const satisfies Record<string, ApiRoute>;
