/**
 * A stand-in for the BFF at the console's one network boundary (`fetch`): each test answers the
 * paths it is about, and every request is kept so a test can read what the console asked for.
 * Pages that load through `api` run whole this way; the real BFF runs in the e2e.
 */
import { vi } from 'vitest';

/** An answer other than 200 (a 400 with its details, a 404): return one from a route. */
export class FakeAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

export type FakeRoute = (url: URL, init: RequestInit | undefined) => unknown;

/** One request as the console sent it, its JSON body parsed. */
export interface SentRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export function fakeBff(routes: Record<string, FakeRoute>): { requests: URL[]; sent: SentRequest[] } {
  const requests: URL[] = [];
  const sent: SentRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const url = new URL(input, 'http://console.test');
      requests.push(url);
      const path = url.pathname.replace(/^\/api\/v1/, '');
      const method = init?.method ?? 'GET';
      const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      sent.push({ method, path, query: Object.fromEntries(url.searchParams), body });
      const key = `${method} ${path}`;
      const route = routes[key];
      if (!route) return json(404, { error: { code: 'NOT_FOUND', message: key } });
      const answer = await route(url, init);
      return answer instanceof FakeAnswer ? json(answer.status, answer.body) : json(200, answer);
    }),
  );
  return { requests, sent };
}
