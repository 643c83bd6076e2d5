/**
 * A stand-in for the BFF at the console's one network boundary (`fetch`): each test answers the
 * paths it is about, and every request is kept so a test can read what the console asked for.
 * Pages that load through `api` run whole this way; the real BFF runs in the e2e.
 */
import { vi } from 'vitest';

export type FakeRoute = (url: URL, init: RequestInit | undefined) => unknown;

export function fakeBff(routes: Record<string, FakeRoute>): { requests: URL[] } {
  const requests: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const url = new URL(input, 'http://console.test');
      requests.push(url);
      const key = `${init?.method ?? 'GET'} ${url.pathname.replace(/^\/api\/v1/, '')}`;
      const route = routes[key];
      if (!route)
        return new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: key } }), {
          status: 404,
          headers: { 'content-type': 'application/json' },
        });
      return new Response(JSON.stringify(route(url, init)), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return { requests };
}
