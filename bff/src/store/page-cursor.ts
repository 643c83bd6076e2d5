import { AppError } from '../errors';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Keyset paging: an opaque cursor holds the last row's sort instant (null where a row has none,
 * e.g. no running deadline) and its id. A cursor that does not decode to that is a 400.
 */
export const encodeCursor = (at: Date | string | null, id: string): string =>
  Buffer.from(JSON.stringify([at === null ? null : new Date(at).toISOString(), id])).toString('base64url');

export function decodeCursor(cursor: string): [string | null, string] {
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parts) &&
      parts.length === 2 &&
      (parts[0] === null || (typeof parts[0] === 'string' && !Number.isNaN(Date.parse(parts[0])))) &&
      typeof parts[1] === 'string' &&
      UUID.test(parts[1])
    ) {
      return parts as [string | null, string];
    }
  } catch {
    // fall through
  }
  throw invalidCursor();
}

export const invalidCursor = () =>
  new AppError('VALIDATION_FAILED', 'Invalid request', [{ path: 'cursor', message: 'unknown cursor' }]);
