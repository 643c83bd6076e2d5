/**
 * The FAQ: consultation answers staff chose to publish, searched with trigrams so that Chinese
 * (no spaces between words) and English queries both find them without a segmenter.
 */
import type { CategoryCode, FaqEntry, FaqList, FaqQuery } from '@weiquan/shared';
import type { Db, Queryable } from './db';
import { join, sql, typed, type Sql } from './sql';

/** Word similarity a match needs when the query is not a plain substring (0..1; CJK bigrams score ~0.33). */
export const FAQ_MIN_WORD_SIMILARITY = 0.3;

/** The searched text: the same expression as the GIN trigram index in migration 003. */
const DOC = sql`(f.question || ' ' || f.answer)`;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

interface FaqRow {
  id: string;
  question: string;
  answer: string;
  category: CategoryCode;
  updated_at: Date;
}
const toEntry = (r: FaqRow): FaqEntry => ({
  id: r.id,
  question: r.question,
  answer: r.answer,
  category: r.category,
  updatedAt: new Date(r.updated_at).toISOString(),
});

/** Publishes (or replaces) the FAQ entry of one consultation, inside the answering transaction. */
export async function publishFaq(
  q: Queryable,
  entry: { caseId: string; category: string; question: string; answer: string; at: Date },
): Promise<void> {
  await q.query(
    sql`INSERT INTO faq_entries (case_id, category, question, answer, published_at, updated_at)
        VALUES (${entry.caseId}, ${entry.category}, ${entry.question}, ${entry.answer}, ${entry.at}, ${entry.at})
        ON CONFLICT (case_id) DO UPDATE SET category = EXCLUDED.category, question = EXCLUDED.question, answer = EXCLUDED.answer,
          updated_at = EXCLUDED.updated_at, unpublished_at = NULL`,
  );
}

export function createFaqStore(db: Db) {
  return {
    /** Best match first: a whole-query substring ranks above similarity alone; newest breaks ties. */
    async search(query: FaqQuery): Promise<FaqList> {
      const q = query.q?.trim() ?? '';
      // Entries staff unpublished stay in the table (a new publishAsFaq answer republishes them).
      const where: Sql[] = [sql`f.unpublished_at IS NULL`];
      if (query.category) where.push(sql`f.category = ${query.category}`);
      let score = sql`0`;
      if (q) {
        const qp = typed('text', q);
        const like = typed('text', `%${escapeLike(q)}%`);
        // `<%` (word similarity above the threshold) and ILIKE both use the trigram index.
        where.push(sql`(${DOC} ILIKE ${like} OR ${qp} <% ${DOC})`);
        score = sql`(CASE WHEN f.question ILIKE ${like} THEN 2 WHEN f.answer ILIKE ${like} THEN 1 ELSE 0 END
          + word_similarity(${qp}, ${DOC}) + 0.5 * word_similarity(${qp}, f.question))`;
      }
      const search = sql`SELECT f.id, f.question, f.answer, f.category, f.updated_at, ${score} AS score
          FROM faq_entries f WHERE ${join(where, sql` AND `)}
         ORDER BY score DESC, f.updated_at DESC, f.id DESC LIMIT ${query.limit}`;
      const rows = await db.tx(async (t) => {
        await t.query(
          sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(FAQ_MIN_WORD_SIMILARITY)}, true)`,
        );
        return t.query<FaqRow>(search);
      });
      return { items: rows.map(toEntry) };
    },
  };
}
export type FaqStore = ReturnType<typeof createFaqStore>;
