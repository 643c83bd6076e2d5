/**
 * Who else has a case open in the console (FreeScout's warning, ADR 0012): each staff case page
 * beats every PRESENCE_BEAT_SECONDS and is answered with the other staff on that case. A beat is
 * fresh for PRESENCE_FRESH_SECONDS: two beats missed, and the colleague is gone from the answer.
 */
import { z } from 'zod';
import { isoDateTime } from './common';

export const PRESENCE_BEAT_SECONDS = 20;
export const PRESENCE_FRESH_SECONDS = 50;

export const presenceBody = z.strictObject({
  /** an action form is open on the page: the handler is about to change the case */
  acting: z.boolean().optional(),
});
export type PresenceBody = z.infer<typeof presenceBody>;
export const presenceViewer = z.object({
  id: z.string(),
  displayName: z.string(),
  /** since when this colleague has had the case open without a break */
  since: isoDateTime,
  acting: z.boolean().optional(),
});
export type PresenceViewer = z.infer<typeof presenceViewer>;
export const presenceAnswer = z.object({ viewers: z.array(presenceViewer) });
export type PresenceAnswer = z.infer<typeof presenceAnswer>;
