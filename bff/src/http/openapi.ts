import { z } from 'zod';
import { API_ROUTES, errorBody } from '@weiquan/shared';

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

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });

/** The OpenAPI 3.1 document, generated from the shared route table and zod schemas. */
export function buildOpenApi(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) {
    const parameters: unknown[] = [];
    for (const [name] of route.path.matchAll(/\{(\w+)\}/g))
      parameters.push({ name: name.slice(1, -1), in: 'path', required: true, schema: { type: 'string' } });
    if (route.query) {
      const q = jsonSchema(route.query, 'input') as {
        properties?: Record<string, unknown>;
        required?: string[];
      };
      for (const [name, schema] of Object.entries(q.properties ?? {}))
        parameters.push({ name, in: 'query', required: q.required?.includes(name) ?? false, schema });
    }
    for (const [name, h] of Object.entries(route.headers ?? {}))
      parameters.push({
        name,
        in: 'header',
        required: h.required,
        description: h.description,
        schema: jsonSchema(h.schema, 'input'),
      });
    const responses: Record<string, unknown> = {
      [route.answer?.status ?? 200]: {
        description: 'OK',
        content: route.answer?.binary
          ? { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } }
          : route.answer?.schema
            ? { 'application/json': { schema: jsonSchema(route.answer.schema, 'output') } }
            : undefined,
      },
    };
    for (const [status, codes] of Object.entries(ERRORS))
      responses[status] = {
        description: codes,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    paths[route.path] ??= {};
    paths[route.path][route.method] = {
      summary: route.summary,
      tags: route.tags,
      security: route.auth === 'none' ? [] : [{ bearer: [] }],
      ...(parameters.length ? { parameters } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
            },
          }
        : {}),
      ...(route.multipart
        ? {
            requestBody: {
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
            },
          }
        : {}),
      responses,
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
