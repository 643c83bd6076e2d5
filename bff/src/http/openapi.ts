import { z } from 'zod';
import { API, errorBody, pathParams, type ApiRoute } from '@weiquan/shared';

const ERRORS: Record<string, string> = {
  '400': 'VALIDATION_FAILED',
  '401': 'UNAUTHENTICATED',
  '403': 'FORBIDDEN',
  '404': 'NOT_FOUND',
  '409': 'ACTION_NOT_ALLOWED, VERSION_CONFLICT or IDEMPOTENCY_KEY_REUSED',
  '413': 'PAYLOAD_TOO_LARGE',
  '415': 'UNSUPPORTED_MEDIA_TYPE',
  '429': 'RATE_LIMITED',
  '503': 'UNAVAILABLE',
};

type JsonSchema = { properties?: Record<string, unknown>; required?: string[] };

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;

function parameters(route: ApiRoute): unknown[] {
  const list: unknown[] = [];
  const params = route.params ? jsonSchema(route.params, 'input').properties : undefined;
  for (const name of pathParams(route.path))
    list.push({ name, in: 'path', required: true, schema: params?.[name] ?? { type: 'string' } });
  if (route.query) {
    const q = jsonSchema(route.query, 'input');
    for (const [name, schema] of Object.entries(q.properties ?? {}))
      list.push({ name, in: 'query', required: q.required?.includes(name) ?? false, schema });
  }
  for (const [name, h] of Object.entries(route.headers ?? {}))
    list.push({
      name,
      in: 'header',
      required: h.required,
      description: h.description,
      schema: jsonSchema(h.schema, 'input'),
    });
  return list;
}

function requestBody(route: ApiRoute) {
  if (route.multipart)
    return {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: { file: { type: 'string', format: 'binary' } },
            required: ['file'],
          },
        },
      },
    };
  if (route.body)
    return { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } };
  return undefined;
}

function responses(route: ApiRoute) {
  const { answer } = route;
  const ok = {
    description: 'OK',
    ...('binary' in answer
      ? {
          content: {
            [answer.mediaType ?? 'application/octet-stream']: {
              schema: { type: 'string', format: 'binary' },
            },
          },
        }
      : 'schema' in answer
        ? { content: { 'application/json': { schema: jsonSchema(answer.schema, 'output') } } }
        : {}),
    ...(answer.cacheControl
      ? { headers: { 'Cache-Control': { schema: { type: 'string', const: answer.cacheControl } } } }
      : {}),
  };
  const all: Record<string, unknown> = { [answer.status]: ok };
  for (const [status, codes] of Object.entries(ERRORS))
    all[status] = {
      description: codes,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  return all;
}

/** The OpenAPI 3.1 document, generated from the shared route table and zod schemas. */
export function buildOpenApi(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, route] of Object.entries(API) as [string, ApiRoute][]) {
    const params = parameters(route);
    const body = requestBody(route);
    paths[route.path] ??= {};
    paths[route.path][route.method] = {
      operationId: name,
      summary: route.summary,
      tags: route.tags,
      security: route.roles === 'public' ? [] : [{ bearer: [] }],
      'x-roles': route.roles,
      ...(route.staffRoles ? { 'x-staff-roles': route.staffRoles } : {}),
      ...(params.length ? { parameters: params } : {}),
      ...(body ? { requestBody: body } : {}),
      responses: responses(route),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Weiquan BFF API',
      version,
      description:
        'Consumer complaints for the 12315 system. Money is integer fen; times are ISO 8601 with offset.',
    },
    servers: [{ url: '/api/v1' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: jsonSchema(errorBody, 'output') },
    },
    paths,
  };
}
