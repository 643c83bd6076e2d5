import { z } from 'zod';
import { beijingDate } from '../calendar';

/** Whether every UTF-16 surrogate is paired: a lone one cannot be stored (PostgreSQL's jsonb refuses it). */
export function isWellFormedText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

/** Text people type: trimmed, no control characters other than newline and tab (PostgreSQL refuses NUL), no lone surrogates. */
export const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine(
      // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
      (s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s),
      'must not contain control characters',
    )
    .refine(isWellFormedText, 'must be well-formed Unicode text');

export const uuid = z.uuid();
export const MAX_FEN = 10_000_000_000;
/** Money: an integer number of fen (CNY cents), 0 .. CNY 100 million. */
export const fen = z.number().int().min(0).max(MAX_FEN);
export const isoDateTime = z.string().describe('ISO 8601 date-time with offset');

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'must be a real date');
export const pastDate = isoDate.refine(
  (s) => s >= '1900-01-01' && s <= beijingDate(new Date()),
  'must not lie in the future',
);

export const phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, 'must be a mainland mobile or landline number');
export const idNumber = z
  .string()
  .trim()
  .regex(/^\d{17}[\dXx]$/, 'must be an 18-character resident ID number');
export const personName = text(1, 50);
export const address = text(2, 200);

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const MAX_PAGE = 100;
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(20),
  /** opaque: base64url as the BFF writes it (a digit string for the inbox); anything else never reaches SQL */
  cursor: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]*$/, 'unknown cursor')
    .optional(),
};
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** The `{id}` of a path. Not checked for UUID form here: an id that names nothing is a 404, whatever its form. */
export const idParams = z.strictObject({ id: z.string() });
