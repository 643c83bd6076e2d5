/**
 * Staff moderation of what content security listed: `GET /staff/moderation` (open items, oldest
 * first), redact (the text reads 该内容已被屏蔽 for everyone but staff, who still see it marked; an
 * image is hidden from the merchant) and release (off the list, nothing changes). Each decision is
 * made once: a decided or unknown item is a 404.
 */
import type { ModerationItem, ModerationListQuery } from '@weiquan/shared';
import type { Caller } from '../auth/caller';
import { AppError, notFound } from '../errors';
import type { Db, Queryable } from '../store/db';
import { hideUpload } from './media-checks';
import { bumpVersion, redactCaseField, redactEventField } from '../cases/case-repository';

interface ItemRow {
  id: string;
  case_id: string;
  target: string;
  field: string;
  text: string;
  label: number | null;
  reason: ModerationItem['reason'];
  created_at: Date;
}

const encode = (id: string) => Buffer.from(id).toString('base64url');
function decode(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (/^\d{1,18}$/.test(id)) return id;
  throw new AppError('VALIDATION_FAILED', 'Invalid request', [{ path: 'cursor', message: 'unknown cursor' }]);
}

const toItem = (r: ItemRow): ModerationItem => ({
  id: r.id,
  caseId: r.case_id,
  field: r.field,
  text: r.text,
  label: r.label,
  reason: r.reason,
  ...(r.target.startsWith('upload:') ? { uploadId: r.target.slice('upload:'.length) } : {}),
  at: new Date(r.created_at).toISOString(),
});

/** Marks the stored text as redacted where the case view reads it (flags.redacted, an event's data.redacted). */
async function redactTarget(q: Queryable, item: ItemRow, at: Date) {
  const [kind, ref] = [
    item.target.slice(0, item.target.indexOf(':')),
    item.target.slice(item.target.indexOf(':') + 1),
  ];
  if (kind === 'upload') {
    await q.query(
      `UPDATE media_checks SET state = 'risky', answered_at = coalesce(answered_at, $3) WHERE upload_id = $1 AND case_id = $2`,
      [ref, item.case_id, at],
    );
    await hideUpload(q, item.case_id, ref, at);
    return;
  } else if (kind === 'event') {
    const type = await redactEventField(q, ref, item.case_id, item.field);
    // a proposal's text is also the case's current proposal
    if (type === 'propose') await redactCaseField(q, item.case_id, 'proposal');
  } else {
    await redactCaseField(q, item.case_id, ref);
  }
  // what viewers see changed: the case's version (and ETag) moves on
  await bumpVersion(q, item.case_id, at);
}

export function createModeration(db: Db, now: () => Date) {
  async function decide(staff: Caller, id: string, state: 'released' | 'redacted', reason: string | null) {
    if (!/^\d{1,18}$/.test(id)) throw notFound('Moderation item not found');
    return db.tx(async (q) => {
      const [item] = await q.query<ItemRow>(
        `UPDATE moderation_items SET state = $2, decision_reason = $3, decided_by = $4, decided_at = $5
          WHERE id = $1 AND state = 'open'
          RETURNING id, case_id, target, field, text, label, reason, created_at`,
        [id, state, reason, staff.id, now()],
      );
      if (!item) throw notFound('Moderation item not found or already decided');
      if (state === 'redacted') await redactTarget(q, item, now());
      return { id: item.id, state };
    });
  }

  return {
    async list(query: ModerationListQuery) {
      const after = query.cursor ? decode(query.cursor) : '0';
      const rows = await db.query<ItemRow>(
        `SELECT id, case_id, target, field, text, label, reason, created_at FROM moderation_items
          WHERE state = 'open' AND id > $1 ORDER BY id LIMIT $2`,
        [after, query.limit + 1],
      );
      const items = rows.slice(0, query.limit).map(toItem);
      return { items, nextCursor: rows.length > query.limit ? encode(items[items.length - 1].id) : null };
    },
    redact: (staff: Caller, id: string, reason: string) => decide(staff, id, 'redacted', reason),
    release: (staff: Caller, id: string) => decide(staff, id, 'released', null),
  };
}
export type Moderation = ReturnType<typeof createModeration>;
