import { z } from 'zod';
import { text } from './common';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

export const calendarYear = z.object({
  year: z.number().int(),
  /** the notice's title or number (国办发明电〔…〕…号), or the package a seeded year came from */
  source: z.string(),
  days: z.object({ off: z.array(date), makeup: z.array(date) }),
});
export type CalendarYear = z.infer<typeof calendarYear>;

/** GET /calendar: every year with an official arrangement. */
export const calendarAnswer = z.object({
  years: z.array(calendarYear),
  /** the last year of the unbroken run of years with an arrangement; null when there is none */
  coveredThrough: z.number().int().nullable(),
});
export type CalendarAnswer = z.infer<typeof calendarAnswer>;

export const calendarYearParams = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
});

export const calendarYearQuery = z.strictObject({
  /** true: answer how many deadlines would move, and save nothing (the console's preview) */
  dryRun: z
    .enum(['true', 'false'])
    .transform((s) => s === 'true')
    .optional(),
});

/** PUT /staff/calendar/:year: the official arrangement of that year. */
export const saveCalendarYearBody = z.strictObject({
  source: text(1, 200),
  off: z.array(date).max(366),
  makeup: z.array(date).max(366),
});
export type SaveCalendarYearBody = z.infer<typeof saveCalendarYearBody>;

export const savedCalendarYear = z.object({
  year: z.number().int(),
  source: z.string(),
  off: z.array(date),
  makeup: z.array(date),
  /** the deadlines whose due date moved (with dryRun: would move) */
  recomputed: z.number().int(),
  dryRun: z.boolean().optional(),
});
export type SavedCalendarYear = z.infer<typeof savedCalendarYear>;
