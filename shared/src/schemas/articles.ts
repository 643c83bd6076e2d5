import { z } from 'zod';
import { CATEGORY_CODES } from '../categories';
import { isoDateTime, page, pageQuery, text } from './common';

/** 消费警示 (consumer warnings) and 典型案例 (typical cases), for the home feed. */
export const ARTICLE_KINDS = ['warning', 'typical_case'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

export const articleListQuery = z.strictObject({ kind: z.enum(ARTICLE_KINDS).optional(), ...pageQuery });
export type ArticleListQuery = z.infer<typeof articleListQuery>;
export const createArticleBody = z.strictObject({
  kind: z.enum(ARTICLE_KINDS),
  title: text(2, 100),
  category: z.enum(CATEGORY_CODES).optional(),
  body: text(10, 20000),
});
export type CreateArticleBody = z.infer<typeof createArticleBody>;
export const article = z.object({
  id: z.string(),
  kind: z.enum(ARTICLE_KINDS),
  title: z.string(),
  category: z.enum(CATEGORY_CODES).nullable(),
  body: z.string(),
  publishedAt: isoDateTime,
});
export type Article = z.infer<typeof article>;
/** newest first */
export const articleList = page(article);
export type ArticleList = z.infer<typeof articleList>;
