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
