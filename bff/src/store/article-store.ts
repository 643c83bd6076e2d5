/** Consumer warnings (消费警示) and typical cases (典型案例) that staff publish for the home feed. */
import type { Article, ArticleList, ArticleListQuery, CreateArticleBody } from '@weiquan/shared';
import type { Caller } from '../auth/caller';
import { notFound } from '../errors';
import type { Db } from './db';
import { empty, join, sql, type Sql } from './sql';
import { UUID, decodeCursor, encodeCursor, invalidCursor } from './page-cursor';

interface ArticleRow {
  id: string;
  kind: Article['kind'];
  title: string;
  category: Article['category'];
  body: string;
  published_at: Date;
}
const toArticle = (r: ArticleRow): Article => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  category: r.category,
  body: r.body,
  publishedAt: new Date(r.published_at).toISOString(),
});

export function createArticleStore(db: Db, now: () => Date) {
  return {
    async publish(caller: Caller, body: CreateArticleBody): Promise<Article> {
      const [row] = await db.query<ArticleRow>(
        'INSERT INTO articles (kind, title, category, body, author_id, published_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, kind, title, category, body, published_at',
        [body.kind, body.title, body.category ?? null, body.body, caller.id, now()],
      );
      return toArticle(row);
    },

    async get(id: string): Promise<Article> {
      if (!UUID.test(id)) throw notFound('Article not found');
      const [row] = await db.query<ArticleRow>(
        'SELECT id, kind, title, category, body, published_at FROM articles WHERE id = $1',
        [id],
      );
      if (!row) throw notFound('Article not found');
      return toArticle(row);
    },

    /** Newest first, keyset-paginated. */
    async list(query: ArticleListQuery): Promise<ArticleList> {
      const where: Sql[] = [];
      if (query.kind) where.push(sql`kind = ${query.kind}`);
      if (query.cursor) {
        const [at, id] = decodeCursor(query.cursor);
        if (at === null) throw invalidCursor();
        where.push(sql`(published_at, id) < (${at}::timestamptz, ${id}::uuid)`);
      }
      const rows = await db.query<ArticleRow>(
        sql`SELECT id, kind, title, category, body, published_at FROM articles
             ${where.length ? sql`WHERE ${join(where, sql` AND `)}` : empty}
          ORDER BY published_at DESC, id DESC LIMIT ${query.limit + 1}`,
      );
      const items = rows.slice(0, query.limit);
      const last = items.at(-1);
      return {
        items: items.map(toArticle),
        nextCursor: rows.length > query.limit && last ? encodeCursor(last.published_at, last.id) : null,
      };
    },
  };
}
export type ArticleStore = ReturnType<typeof createArticleStore>;
