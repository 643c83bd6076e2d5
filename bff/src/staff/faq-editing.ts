/** Staff edit or unpublish published FAQ entries; an unpublished entry leaves GET /faq at once. */
import type { FaqEntry, UpdateFaqBody } from '@weiquan/shared';
import { notFound } from '../errors';
import type { Db } from '../store/db';
import { UUID } from '../store/page-cursor';

export function createFaqEditing(db: Db, now: () => Date) {
  return {
    async update(id: string, body: UpdateFaqBody): Promise<FaqEntry> {
      const [row] = UUID.test(id)
        ? await db.query<{
            id: string;
            question: string;
            answer: string;
            category: FaqEntry['category'];
            updated_at: Date;
          }>(
            `UPDATE faq_entries SET question = coalesce($2, question), answer = coalesce($3, answer), updated_at = $4
             WHERE id = $1 AND unpublished_at IS NULL RETURNING id, question, answer, category, updated_at`,
            [id, body.question ?? null, body.answer ?? null, now()],
          )
        : [];
      if (!row) throw notFound('No such FAQ entry');
      return {
        id: row.id,
        question: row.question,
        answer: row.answer,
        category: row.category,
        updatedAt: row.updated_at.toISOString(),
      };
    },

    /** Kept (not deleted), so that answering the consultation again with publishAsFaq can publish it anew. */
    async unpublish(id: string): Promise<void> {
      const gone = UUID.test(id)
        ? await db.query(
            'UPDATE faq_entries SET unpublished_at = $2 WHERE id = $1 AND unpublished_at IS NULL RETURNING id',
            [id, now()],
          )
        : [];
      if (!gone.length) throw notFound('No such FAQ entry');
    },
  };
}
export type FaqEditing = ReturnType<typeof createFaqEditing>;
