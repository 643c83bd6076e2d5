/** One HTTP round trip to WeChat's API, time-boxed, that never lets a URL (it may hold a secret or token) into a message. */

export type Reply =
  | { kind: 'json'; status: number; body: Record<string, unknown> }
  | { kind: 'http'; status: number }
  | { kind: 'network'; message: string };

export type WechatCall = (path: string, init?: RequestInit, timeoutMs?: number) => Promise<Reply>;

export const errcodeOf = (body: Record<string, unknown>): number =>
  typeof body.errcode === 'number' ? body.errcode : 0;
export const errmsgOf = (body: Record<string, unknown>): string =>
  typeof body.errmsg === 'string' ? body.errmsg : '';

export const jsonPost = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export function createWechatCall(
  apiBase: string,
  defaultTimeoutMs: number,
  doFetch: typeof fetch = fetch,
): WechatCall {
  const base = apiBase.replace(/\/+$/, '');
  return async (path, init = {}, timeoutMs = defaultTimeoutMs) => {
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      const e = err as { name?: string; cause?: { code?: string } };
      if (e.name === 'TimeoutError' || e.name === 'AbortError') {
        return { kind: 'network', message: `no answer within ${timeoutMs} ms` };
      }
      return { kind: 'network', message: `network error${e.cause?.code ? ` (${e.cause.code})` : ''}` };
    }
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      const e = err as { name?: string };
      return {
        kind: 'network',
        message:
          e.name === 'TimeoutError'
            ? `no answer within ${timeoutMs} ms`
            : 'connection lost while reading the answer',
      };
    }
    if (res.status !== 200) return { kind: 'http', status: res.status };
    try {
      // jscode2session answers JSON as text/plain: parse the text whatever the content type says
      const body: unknown = JSON.parse(text);
      if (body && typeof body === 'object')
        return { kind: 'json', status: res.status, body: body as Record<string, unknown> };
    } catch {
      // fall through
    }
    return { kind: 'http', status: res.status };
  };
}
