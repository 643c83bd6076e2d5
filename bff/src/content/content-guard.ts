/**
 * Text that another party will read is checked with WeChat's msg_sec_check (v2, the author's openid,
 * scene 2) before it is stored:
 * - risky: 422 CONTENT_REJECTED naming each field, and nothing is stored;
 * - review: stored and shown, and listed for staff moderation;
 * - WeChat failing, slow, over its limit or asked to back off: stored and listed (never lost, never 5xx).
 * Staff- and system-written text is not checked. The emulator checks locally (wechat-emulator.ts).
 */
import type { Logger } from 'pino';
import type { Caller } from '../auth/caller';
import { AppError } from '../errors';
import type { Db, Queryable } from '../store/db';
import type { Wechat } from '../wechat/wechat-client';
import type { CallBudget } from './call-budget';

/** One field of a request body: its path as the client wrote it (`facts`, `text`...) and its text. */
export interface TextField {
  path: string;
  text: string;
}

/** What staff must look at once the text is stored. */
export interface Finding {
  path: string;
  text: string;
  reason: 'review' | 'unchecked';
  label: number | null;
}

const API = 'msg_sec_check';
const SCENE_COMMENT = 2;

export function createContentGuard(deps: {
  db: Db;
  wechat: Wechat;
  budget: CallBudget;
  perMinute: number;
  logger: Logger;
  now: () => Date;
}) {
  const { db, wechat, budget, perMinute, logger, now } = deps;

  async function openidOf(userId: string): Promise<string | null> {
    const [row] = await db.query<{ openid: string }>('SELECT openid FROM users WHERE id = $1', [userId]);
    return row?.openid ?? null;
  }

  async function checkOne(openid: string, field: TextField) {
    // the emulator costs nothing and has no limits
    if (wechat.mode === 'wechat' && !(await budget.take(API, perMinute)))
      return {
        kind: 'unchecked' as const,
        reason: 'over the per-minute budget or backing off',
        rateLimited: false,
      };
    const verdict = await wechat.checkText({ openid, content: field.text, scene: SCENE_COMMENT });
    if (verdict.kind === 'unchecked' && verdict.rateLimited) await budget.backOff(API);
    return verdict;
  }

  return {
    /**
     * Checks every non-empty field an author (consumer or merchant) wrote. Throws CONTENT_REJECTED when
     * any is risky; answers what must be listed for staff after the text is stored.
     */
    async screen(author: Caller, fields: TextField[]): Promise<Finding[]> {
      if (author.role === 'staff') return [];
      const texts = fields.filter((f) => f.text.trim().length > 0);
      if (!texts.length) return [];
      // the emulator checks locally and needs no openid: the filing's hot path stays one query
      const openid = wechat.mode === 'emulator' ? author.id : await openidOf(author.id);
      if (!openid) return texts.map((f) => ({ ...f, reason: 'unchecked', label: null }));
      const verdicts = await Promise.all(texts.map((f) => checkOne(openid, f)));
      const risky = texts.flatMap((f, i) => {
        const v = verdicts[i];
        return v.kind === 'risky' ? [{ path: f.path, label: v.label }] : [];
      });
      if (risky.length)
        throw new AppError(
          'CONTENT_REJECTED',
          'This text cannot be published; please rewrite it without the flagged content',
          risky,
        );
      return texts.flatMap((f, i): Finding[] => {
        const v = verdicts[i];
        if (v.kind === 'review') return [{ ...f, reason: 'review', label: v.label }];
        if (v.kind === 'unchecked') {
          logger.warn({ field: f.path, reason: v.reason }, 'text not checked by WeChat; listed for staff');
          return [{ ...f, reason: 'unchecked', label: null }];
        }
        return [];
      });
    },

    /** Lists findings for staff, inside the caller's transaction where there is one. */
    async list(q: Queryable, caseId: string, target: (path: string) => string, findings: Finding[]) {
      for (const f of findings) {
        await q.query(
          `INSERT INTO moderation_items (case_id, target, field, text, label, reason, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [caseId, target(f.path), f.path, f.text, f.label, f.reason, now()],
        );
      }
    },
  };
}
export type ContentGuard = ReturnType<typeof createContentGuard>;
