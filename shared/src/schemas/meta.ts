import { z } from 'zod';
import { CATEGORY_CODES } from '../categories';

export const metaAnswer = z.object({
  mode: z.enum(['emulator', 'wechat']),
  templates: z.object({
    caseUpdate: z.string().optional(),
    merchantNewCase: z.string().optional(),
    deadline: z.string().optional(),
  }),
  version: z.string(),
  /** the last year whose official holiday arrangement is known (GET /calendar has the days) */
  calendar: z.object({ coveredThrough: z.number().int().nullable() }),
  categories: z.array(
    z.object({
      code: z.enum(CATEGORY_CODES),
      name: z.string(),
      nameEn: z.string(),
      greenChannel: z.boolean(),
    }),
  ),
});
export type MetaAnswer = z.infer<typeof metaAnswer>;

/** GET /openapi.json: an OpenAPI 3.1 document (generated from the route table). */
export const openApiDocument = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});
