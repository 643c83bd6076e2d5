/**
 * One fetch wrapper for the whole console: bearer token, one silent refresh on 401, the contract's
 * error shape turned into ApiError, and the session ended (back to login) when refreshing fails.
 */
import type { ErrorBody, TokenAnswer } from '@weiquan/shared';
import { expireSession, getSession, setSession } from '../session/session-store';

export const API_BASE = '/api/v1';

export interface FieldProblem {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
  /** VALIDATION_FAILED details: one entry per field path */
  get fields(): FieldProblem[] {
    return Array.isArray(this.details)
      ? this.details.filter((d): d is FieldProblem => typeof d?.path === 'string')
      : [];
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
  headers?: Record<string, string>;
  auth?: boolean;
  /** answer the raw Response (CSV, upload bytes) instead of parsed JSON */
  raw?: boolean;
}

let refreshing: Promise<boolean> | null = null;
async function refresh(): Promise<boolean> {
  const session = getSession();
  if (!session) return false;
  refreshing ??= (async () => {
    try {
      const res = await fetch(`${API_BASE}/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: session.refreshToken }),
      });
      if (!res.ok) return false;
      const answer = (await res.json()) as TokenAnswer;
      setSession({ ...answer, user: { ...session.user, ...answer.user } });
      return true;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

function url(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const session = getSession();
  if (opts.auth !== false && session) headers.authorization = `Bearer ${session.accessToken}`;
  try {
    return await fetch(url(path, opts.query), {
      method: opts.method ?? 'GET',
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'network error');
  }
}

async function toError(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as ErrorBody;
    return new ApiError(res.status, body.error.code, body.error.message, body.error.details);
  } catch {
    return new ApiError(res.status, res.status >= 500 ? 'INTERNAL' : 'unknown', res.statusText);
  }
}

export async function apiFetch(path: string, opts: RequestOptions = {}): Promise<Response> {
  let res = await send(path, opts);
  if (res.status === 401 && opts.auth !== false && getSession()) {
    res = (await refresh()) ? await send(path, opts) : res;
    if (res.status === 401) expireSession();
  }
  if (!res.ok) throw await toError(res);
  return res;
}

export async function apiRequest<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await apiFetch(path, opts);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}
