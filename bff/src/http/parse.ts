import type { z } from 'zod';
import { invalidFields } from '../errors';

/** Parses input with a shared schema; failures become 400 VALIDATION_FAILED listing each field. */
export function parse<T extends z.ZodType>(schema: T, input: unknown, prefix?: string): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(body)',
    message: i.message,
  }));
  throw invalidFields(details);
}
