/** Reply templates (text modules): canned texts staff pick beside a case action in the console. */
import type { ActionType, CreateTemplateBody, ReplyTemplate } from '@weiquan/shared';
import type { Caller } from '../auth/caller';
import { notFound } from '../errors';
import type { Db } from '../store/db';
import { UUID } from '../store/page-cursor';

export function createReplyTemplates(db: Db, now: () => Date) {
  return {
    /** oldest first, so that the order staff built stays put; with `action`, only that action's */
    async list(action?: ActionType): Promise<{ items: ReplyTemplate[] }> {
      const items = action
        ? await db.query<ReplyTemplate>(
            'SELECT id, title, action, text FROM reply_templates WHERE action = $1 ORDER BY created_at, id',
            [action],
          )
        : await db.query<ReplyTemplate>(
            'SELECT id, title, action, text FROM reply_templates ORDER BY created_at, id',
          );
      return { items };
    },

    async create(caller: Caller, body: CreateTemplateBody): Promise<ReplyTemplate> {
      const [row] = await db.query<ReplyTemplate>(
        `INSERT INTO reply_templates (title, action, text, created_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id, title, action, text`,
        [body.title, body.action ?? null, body.text, caller.id, now()],
      );
      return row;
    },

    async remove(id: string): Promise<void> {
      const gone = UUID.test(id)
        ? await db.query('DELETE FROM reply_templates WHERE id = $1 RETURNING id', [id])
        : [];
      if (!gone.length) throw notFound('No such template');
    },
  };
}
export type ReplyTemplates = ReturnType<typeof createReplyTemplates>;
