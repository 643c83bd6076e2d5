import { z } from 'zod';
import { isoDateTime, page, pageQuery, text } from './common';

export const MODERATION_REASONS = ['review', 'unchecked', 'media_risky', 'media_unanswered'] as const;

export const moderationItem = z.object({
  id: z.string(),
  caseId: z.string(),
  /** the body field the text came from (`facts`, `text`...), or `attachments` for an image */
  field: z.string(),
  text: z.string(),
  /** WeChat's label (100 normal, 20001 politics, 20002 porn, 20006 illegal...), null when unknown */
  label: z.number().int().nullable(),
  /** why it is listed: WeChat said review, could not be asked, or an image was risky or never judged */
  reason: z.enum(MODERATION_REASONS),
  /** the image, for `attachments` items */
  uploadId: z.string().optional(),
  at: isoDateTime,
});
export type ModerationItem = z.infer<typeof moderationItem>;
export const moderationList = page(moderationItem);
export const moderationListQuery = z.strictObject({ ...pageQuery });
export type ModerationListQuery = z.infer<typeof moderationListQuery>;
/** moderation items are numbered; anything else never reaches SQL */
export const moderationParams = z.strictObject({ id: z.string().regex(/^\d{1,18}$/, 'unknown item') });
export const redactBody = z.strictObject({ reason: text(1, 500) });
export const moderationDecision = z.object({
  id: z.string(),
  state: z.enum(['released', 'redacted']),
});
