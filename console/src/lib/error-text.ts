/** API errors in plain Chinese for the person at the desk (never the server's English message). */
import { zh } from '../i18n/zh-Hans';
import { ApiError } from '../api/http';

export function errorText(err: unknown): string {
  if (err instanceof ApiError) return zh.errors[err.code] ?? zh.errors.unknown;
  return zh.errors.unknown;
}

/** Field path of a VALIDATION_FAILED detail -> the form field it belongs to (last segment). */
export function fieldErrors(err: unknown): Array<{ name: string; errors: string[] }> {
  if (!(err instanceof ApiError) || err.code !== 'VALIDATION_FAILED') return [];
  return err.fields.map((f) => ({ name: f.path.split('.')[0] ?? f.path, errors: [zh.errors.field] }));
}
