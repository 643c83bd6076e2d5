import { AppError } from '../errors';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The only form `encodeCursor` writes: Date#toISOString of a four-digit year, in UTC. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
// Sort instants are filing, publishing and deadline times: nothing the store holds lies outside this.
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

/**
 * Whether `s` is an instant exactly as `encodeCursor` writes it: Date.parse alone takes "0",
 * "2026-02-30" (rolled into March) or "+275760-09-13...", which PostgreSQL refuses or reads otherwise,
 * so a tampered cursor would reach SQL (and fail every list batched with it).
 */
export function isCursorInstant(s: string): boolean {
  if (!ISO_INSTANT.test(s)) return false;
  const t = Date.parse(s);
  return t >= EARLIEST && t < LATEST && new Date(t).toISOString() === s;
}

/**
 * Keyset paging: an opaque cursor holds the last row's sort instant (null where a row has none,
 * e.g. no running deadline) and its id. A cursor that does not decode to exactly that is a 400.
 */
export const encodeCursor = (at: Date | string | null, id: string): string =>
  Buffer.from(JSON.stringify([at === null ? null : new Date(at).toISOString(), id])).toString('base64url');

export function decodeCursor(cursor: string): [string | null, string] {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parts) &&
      parts.length === 2 &&
      (parts[0] === null || (typeof parts[0] === 'string' && isCursorInstant(parts[0]))) &&
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
