import { z } from 'zod';
import { CATEGORY_CODES } from '../categories';
import { isoDateTime, text } from './common';

export const faqQuery = z.strictObject({
  /** Chinese or English; absent or empty: the newest entries */
  q: text(0, 100).optional(),
  category: z.enum(CATEGORY_CODES).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type FaqQuery = z.infer<typeof faqQuery>;
export const faqEntry = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
  category: z.enum(CATEGORY_CODES),
  updatedAt: isoDateTime,
});
export type FaqEntry = z.infer<typeof faqEntry>;
/** best match first */
export const faqList = z.object({ items: z.array(faqEntry) });
export type FaqList = z.infer<typeof faqList>;
