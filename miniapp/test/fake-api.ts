/**
 * A fake BFF behind the mocked Taro.request: tests register answers per "METHOD /path" and read
 * back what the page sent.
 */
import { act } from '@testing-library/react';
import { reloadSessions } from '../src/lib/session';
import * as taro from './stubs/taro';

export interface Sent {
  method: string;
  path: string;
  body: any;
  header: Record<string, string>;
}
type Answer =
  | { status?: number; body: unknown }
  | ((sent: Sent) => { status?: number; body: unknown } | Promise<{ status?: number; body: unknown }>);

export function fakeApi(routes: Record<string, Answer>) {
  const sent: Sent[] = [];
  (taro.request as jest.Mock).mockImplementation(
    async (opts: { url: string; method?: string; data?: unknown; header?: Record<string, string> }) => {
      const url = new URL(opts.url, 'http://app.test');
      const path = url.pathname.replace(/^\/api\/v1/, '');
      const s: Sent = {
        method: opts.method ?? 'GET',
        path: path + url.search,
        body: opts.data,
        header: opts.header ?? {},
      };
      sent.push(s);
      const answer = routes[`${s.method} ${path}`];
      if (!answer)
        return {
          statusCode: 404,
          data: { error: { code: 'NOT_FOUND', message: `no fake for ${s.method} ${path}` } },
        };
      const a = typeof answer === 'function' ? await answer(s) : answer;
      return { statusCode: a.status ?? 200, data: a.body };
    },
  );
  return {
    sent,
    calls: (method: string, path: string) =>
      sent.filter((s) => s.method === method && s.path.split('?')[0] === path),
  };
}

export const networkDown = () => {
  throw { errMsg: 'request:fail net::ERR_INTERNET_DISCONNECTED' };
};

/** An answer whose first request fails on the network; a retry gets `answer`. */
export function networkDownOnce(answer: { status?: number; body: unknown }): Answer {
  let attempt = 0;
  return () => {
    attempt += 1;
    if (attempt === 1) networkDown();
    return answer;
  };
}

/** Lets the requests a page makes at mount (such as GET /meta) answer before the test taps. */
export const mountRequestsAnswered = () =>
  act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });

export function loggedIn(role: 'consumer' | 'merchant' = 'consumer', extra: Record<string, unknown> = {}) {
  const session = {
    accessToken: `${role}-access`,
    refreshToken: `${role}-refresh`,
    user: { id: `u-${role}`, role, ...extra },
  };
  taro.setStorageSync(`wq.auth.${role}`, JSON.stringify(session));
  reloadSessions();
  return session;
}
