import { ApiError } from '../../lib/api-client';

/**
 * WeChat's content security refused a text (422 CONTENT_REJECTED, details [{path, label}]): the
 * plain-words message for each field it names, for the form to show beside that field.
 */
export function rejectedFields(e: unknown, message: string): Record<string, string> | null {
  if (!(e instanceof ApiError) || e.code !== 'CONTENT_REJECTED') return null;
  const details = Array.isArray(e.details) ? (e.details as { path?: unknown }[]) : [];
  return Object.fromEntries(
    details.filter((d) => typeof d?.path === 'string').map((d) => [d.path as string, message]),
  );
}
