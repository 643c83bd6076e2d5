/**
 * Images shared with a merchant are checked asynchronously (media_check_async v2): the check is
 * recorded with WeChat's trace_id, the pushed wxa_media_check verdict is matched by it, and a risky
 * image is hidden from the merchant and listed for staff. No verdict within an hour: listed too.
 */
import type { Db, Queryable } from '../store/db';
import type { Suggest } from '../wechat/content-check-calls';
import { hideUploadFromMerchant } from '../cases/case-repository';

/** WeChat promises a result within 30 minutes; after an hour staff look instead. */
export const MEDIA_ANSWER_WITHIN_MS = 3600_000;

/** Hides an image of a case from its merchant: the case view filters flags.hiddenUploads for merchants. */
export const hideUpload = hideUploadFromMerchant;

export function createMediaChecks(db: Db, now: () => Date) {
  async function listForStaff(
    q: Queryable,
    row: { upload_id: string; case_id: string },
    reason: 'media_risky' | 'media_unanswered',
    label: number | null,
  ) {
    await q.query(
      `INSERT INTO moderation_items (case_id, target, field, text, label, reason, created_at)
       VALUES ($1, $2, 'attachments', '', $3, $4, $5)`,
      [row.case_id, `upload:${row.upload_id}`, label, reason, now()],
    );
  }

  return {
    /** Records that an image of a case went to WeChat (or failed to: then `traceId` is null and staff look). */
    async requested(
      uploadId: string,
      caseId: string,
      start: { traceId: string | null; verdict?: { suggest: Suggest; label: number } },
    ) {
      await db.tx(async (q) => {
        const rows = await q.query(
          `INSERT INTO media_checks (upload_id, case_id, trace_id, state, label, requested_at, answered_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (upload_id, case_id) DO NOTHING RETURNING upload_id`,
          [
            uploadId,
            caseId,
            start.traceId,
            start.verdict ? start.verdict.suggest : start.traceId ? 'pending' : 'unanswered',
            start.verdict?.label ?? null,
            now(),
            start.verdict ? now() : null,
          ],
        );
        if (rows.length && !start.traceId && !start.verdict)
          await listForStaff(q, { upload_id: uploadId, case_id: caseId }, 'media_unanswered', null);
        if (rows.length && start.verdict?.suggest === 'risky') {
          await listForStaff(q, { upload_id: uploadId, case_id: caseId }, 'media_risky', start.verdict.label);
          await hideUpload(q, caseId, uploadId, now());
        }
      });
    },

    /** The pushed verdict for one trace_id; a repeated or unknown one changes nothing. */
    async answered(traceId: string, verdict: { suggest: Suggest; label: number } | null) {
      await db.tx(async (q) => {
        const [row] = await q.query<{ upload_id: string; case_id: string }>(
          `UPDATE media_checks SET state = $2, label = $3, answered_at = $4
            WHERE trace_id = $1 AND state IN ('pending', 'unanswered') RETURNING upload_id, case_id`,
          [traceId, verdict?.suggest ?? 'review', verdict?.label ?? null, now()],
        );
        if (row && verdict?.suggest === 'risky') {
          await listForStaff(q, row, 'media_risky', verdict.label);
          await hideUpload(q, row.case_id, row.upload_id, now());
        }
      });
    },

    /** Checks still without a verdict an hour on: listed for staff review (once each). */
    async sweepUnanswered(): Promise<number> {
      return db.tx(async (q) => {
        const rows = await q.query<{ upload_id: string; case_id: string }>(
          `UPDATE media_checks SET state = 'unanswered' WHERE state = 'pending' AND requested_at < $1
           RETURNING upload_id, case_id`,
          [new Date(now().getTime() - MEDIA_ANSWER_WITHIN_MS)],
        );
        for (const row of rows) await listForStaff(q, row, 'media_unanswered', null);
        return rows.length;
      });
    },

    /** Uploads of a case a merchant must not see (risky verdicts). */
    async hiddenFromMerchant(caseId: string): Promise<Set<string>> {
      const rows = await db.query<{ upload_id: string }>(
        `SELECT upload_id FROM media_checks WHERE case_id = $1 AND state = 'risky'`,
        [caseId],
      );
      return new Set(rows.map((r) => r.upload_id));
    },

    /** Whether this upload is hidden from merchants (risky in any case it belongs to). */
    async isHidden(uploadId: string): Promise<boolean> {
      const rows = await db.query(`SELECT 1 FROM media_checks WHERE upload_id = $1 AND state = 'risky'`, [
        uploadId,
      ]);
      return rows.length > 0;
    },
  };
}
export type MediaChecks = ReturnType<typeof createMediaChecks>;
