/** Consumer warnings (消费警示) and typical cases (典型案例) that staff publish for the home feed. */
import type { Article, ArticleList, ArticleListQuery, CreateArticleBody } from '@weiquan/shared';
import type { Caller } from '../auth/caller';
import { AppError, notFound } from '../http/app-error';
import type { Db } from './db';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ArticleRow {
  id: string;
  kind: Article['kind'];
  title: string;
  category: Article['category'];
  body: string;
  published_at: Date;
}
const toArticle = (r: ArticleRow): Article => ({ id: r.id, kind: r.kind, title: r.title, category: r.category, body: r.body, publishedAt: new Date(r.published_at).toISOString() });

const encodeCursor = (at: Date, id: string) => Buffer.from(JSON.stringify([new Date(at).toISOString(), id])).toString('base64url');
function decodeCursor(cursor: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && !Number.isNaN(Date.parse(v[0])) && typeof v[1] === 'string' && UUID.test(v[1])) return v as [string, string];
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION_FAILED', 'Invalid request', [{ path: 'cursor', message: 'unknown cursor' }]);
}

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
      const [row] = await db.query<ArticleRow>('SELECT id, kind, title, category, body, published_at FROM articles WHERE id = $1', [id]);
      if (!row) throw notFound('Article not found');
      return toArticle(row);
    },

    /** Newest first, keyset-paginated. */
    async list(query: ArticleListQuery): Promise<ArticleList> {
      const params: unknown[] = [];
      const add = (v: unknown) => `$${params.push(v)}`;
      const where: string[] = [];
      if (query.kind) where.push(`kind = ${add(query.kind)}`);
      if (query.cursor) {
        const [at, id] = decodeCursor(query.cursor);
        where.push(`(published_at, id) < (${add(at)}::timestamptz, ${add(id)}::uuid)`);
      }
      const rows = await db.query<ArticleRow>(
        `SELECT id, kind, title, category, body, published_at FROM articles ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
          ORDER BY published_at DESC, id DESC LIMIT ${add(query.limit + 1)}`,
        params,
      );
      const items = rows.slice(0, query.limit);
      const last = items.at(-1);
      return { items: items.map(toArticle), nextCursor: rows.length > query.limit && last ? encodeCursor(last.published_at, last.id) : null };
    },
  };
}
export type ArticleStore = ReturnType<typeof createArticleStore>;
