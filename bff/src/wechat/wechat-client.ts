import { AppError } from '../errors';

export interface WechatSession {
  openid: string;
  unionid?: string;
}

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
  lang?: 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW';
}

/**
 * no_subscription: the user has no (remaining) subscription, do not retry;
 * rejected: WeChat refused this message (bad value, openid or template), retrying will not help;
 * retryable: WeChat or the network failed, try again later.
 */
export type SendOutcome =
  | { ok: true; msgid?: string }
  | {
      ok: false;
      kind: 'no_subscription' | 'rejected' | 'retryable';
      errcode?: number;
      httpStatus?: number;
      message: string;
    };

/** One access token per app, shared by every BFF instance (WeChat invalidates the old one on refresh). */
export interface AccessTokenCache {
  get(): Promise<{ token: string; expiresAt: Date } | null>;
  set(token: string, expiresAt: Date): Promise<void>;
}

export interface Wechat {
  readonly mode: 'wechat' | 'emulator';
  code2Session(code: string): Promise<WechatSession>;
  sendSubscribeMessage(msg: SubscribeMessage): Promise<SendOutcome>;
}

export interface WechatClientOptions {
  appId: string;
  secret: string;
  /** WECHAT_API_BASE, e.g. https://api.weixin.qq.com */
  apiBase: string;
  /** per request; default 5000 */
  timeoutMs?: number;
  tokenCache: AccessTokenCache;
  now?: () => Date;
  fetchImpl?: typeof fetch;
}

/** Process-local cache: enough for one instance; several instances need a shared (database) cache. */
export function createMemoryTokenCache(): AccessTokenCache {
  let entry: { token: string; expiresAt: Date } | null = null;
  return {
    get: async () => entry,
    set: async (token, expiresAt) => {
      entry = { token, expiresAt };
    },
  };
}

/** Tokens are renewed this long before they expire; WeChat hands out the next one in that window. */
const RENEW_BEFORE_MS = 5 * 60_000;
const TOKEN_ERRCODES = new Set([40001, 40014, 42001]);
const CREDENTIAL_ERRCODES = new Set([40013, 40125]);
const RATE_LIMIT_ERRCODES = new Set([45009, 45011]);

type Reply =
  | { kind: 'json'; status: number; body: Record<string, unknown> }
  | { kind: 'http'; status: number }
  | { kind: 'network'; message: string };

/** A failure to get a token, carried to sendSubscribeMessage as an outcome. */
class TokenError extends Error {
  constructor(readonly outcome: Extract<SendOutcome, { ok: false }>) {
    super(outcome.message);
  }
}

const errcodeOf = (body: Record<string, unknown>): number =>
  typeof body.errcode === 'number' ? body.errcode : 0;
const errmsgOf = (body: Record<string, unknown>): string =>
  typeof body.errmsg === 'string' ? body.errmsg : '';

export function createWechatClient(opts: WechatClientOptions): Wechat {
  const base = opts.apiBase.replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? 5000;
  const now = opts.now ?? (() => new Date());
  const doFetch = opts.fetchImpl ?? fetch;
  const credentialsWrong = (errcode: number) =>
    `WeChat rejected the app credentials (errcode ${errcode}): WECHAT_APPID (${opts.appId}) or WECHAT_SECRET is wrong`;

  /** Never lets a URL (it may hold the secret or a token) into a message. */
  async function call(path: string, init: RequestInit = {}): Promise<Reply> {
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
  }

  async function code2Session(code: string): Promise<WechatSession> {
    if (typeof code !== 'string' || code.length === 0 || code.length > 128) {
      throw new AppError('UNAUTHENTICATED', 'WeChat login code is missing or malformed', {
        reason: 'invalid_code',
      });
    }
    const q = new URLSearchParams({
      appid: opts.appId,
      secret: opts.secret,
      js_code: code,
      grant_type: 'authorization_code',
    });
    const reply = await call(`/sns/jscode2session?${q}`);
    if (reply.kind === 'network')
      throw new AppError('UNAVAILABLE', `WeChat login unavailable: ${reply.message}`);
    if (reply.kind === 'http')
      throw new AppError('UNAVAILABLE', `WeChat login unavailable: HTTP ${reply.status}`);
    const errcode = errcodeOf(reply.body);
    switch (errcode) {
      case 0:
        break;
      case 40029:
        throw new AppError(
          'UNAUTHENTICATED',
          'WeChat login code is invalid or expired; call wx.login again',
          { reason: 'invalid_code', errcode },
        );
      case 40163:
        throw new AppError('UNAUTHENTICATED', 'WeChat login code was already used; call wx.login again', {
          reason: 'code_used',
          errcode,
        });
      case 40226:
        throw new AppError('UNAUTHENTICATED', 'WeChat refuses to log this user in (blocked account)', {
          reason: 'blocked_user',
          errcode,
        });
      case 45011:
        throw new AppError('UNAVAILABLE', 'WeChat login is rate limited; try again in a minute', { errcode });
      case 40013:
      case 40125:
        throw new AppError('UNAVAILABLE', credentialsWrong(errcode), { errcode, misconfigured: true });
      default:
        // -1 (system busy) and anything undocumented: not the user's fault
        throw new AppError(
          'UNAVAILABLE',
          `WeChat login failed: errcode ${errcode} ${errmsgOf(reply.body)}`.trim(),
          { errcode },
        );
    }
    const { openid, unionid } = reply.body; // session_key stays here and goes nowhere
    if (typeof openid !== 'string' || openid.length === 0) {
      throw new AppError('UNAVAILABLE', 'WeChat login answered without an openid');
    }
    return typeof unionid === 'string' && unionid ? { openid, unionid } : { openid };
  }

  // --- access token ---

  let inflight: Promise<string> | null = null;

  async function fetchToken(forceRefresh: boolean): Promise<string> {
    const reply = await call('/cgi-bin/stable_token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credential',
        appid: opts.appId,
        secret: opts.secret,
        force_refresh: forceRefresh,
      }),
    });
    if (reply.kind === 'network')
      throw new TokenError({
        ok: false,
        kind: 'retryable',
        message: `WeChat token endpoint: ${reply.message}`,
      });
    if (reply.kind === 'http') {
      throw new TokenError({
        ok: false,
        kind: 'retryable',
        httpStatus: reply.status,
        message: `WeChat token endpoint: HTTP ${reply.status}`,
      });
    }
    const errcode = errcodeOf(reply.body);
    const token = reply.body.access_token;
    const expiresIn = reply.body.expires_in;
    if (errcode !== 0 || typeof token !== 'string' || typeof expiresIn !== 'number') {
      // credentials and quota problems are fixed outside the message: keep the message for later
      const message = CREDENTIAL_ERRCODES.has(errcode)
        ? credentialsWrong(errcode)
        : `WeChat token endpoint: errcode ${errcode} ${errmsgOf(reply.body)}`.trim();
      throw new TokenError({ ok: false, kind: 'retryable', errcode: errcode || undefined, message });
    }
    await opts.tokenCache.set(token, new Date(now().getTime() + expiresIn * 1000));
    return token;
  }

  /** Concurrent callers share one request to WeChat. */
  function shared(forceRefresh: boolean): Promise<string> {
    if (!inflight) {
      inflight = fetchToken(forceRefresh).finally(() => {
        inflight = null;
      });
    }
    return inflight;
  }

  async function accessToken(): Promise<string> {
    const cached = await opts.tokenCache.get();
    if (cached && cached.expiresAt.getTime() - now().getTime() > RENEW_BEFORE_MS) return cached.token;
    return shared(false);
  }

  /** After WeChat refused `stale`: use a token someone else already got, else force a new one. */
  async function refreshedToken(stale: string): Promise<string> {
    if (inflight) {
      const token = await inflight;
      if (token !== stale) return token;
    }
    const cached = await opts.tokenCache.get();
    if (cached && cached.token !== stale && cached.expiresAt.getTime() - now().getTime() > RENEW_BEFORE_MS)
      return cached.token;
    const token = await shared(true);
    return token;
  }

  // --- subscribe messages ---

  async function sendWith(
    token: string,
    msg: SubscribeMessage,
  ): Promise<{ outcome: SendOutcome; tokenProblem: boolean }> {
    const body = {
      touser: msg.touser,
      template_id: msg.templateId,
      page: msg.page,
      data: msg.data,
      ...(msg.miniprogramState ? { miniprogram_state: msg.miniprogramState } : {}),
      lang: msg.lang ?? 'zh_CN',
    };
    const reply = await call(`/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (reply.kind === 'network') {
      return {
        outcome: { ok: false, kind: 'retryable', message: `WeChat send: ${reply.message}` },
        tokenProblem: false,
      };
    }
    if (reply.kind === 'http') {
      const kind =
        reply.status >= 500 || reply.status === 429 || reply.status === 408 ? 'retryable' : 'rejected';
      return {
        outcome: { ok: false, kind, httpStatus: reply.status, message: `WeChat send: HTTP ${reply.status}` },
        tokenProblem: false,
      };
    }
    const errcode = errcodeOf(reply.body);
    const errmsg = errmsgOf(reply.body);
    if (errcode === 0) {
      const msgid = reply.body.msgid;
      return {
        outcome: msgid === undefined || msgid === null ? { ok: true } : { ok: true, msgid: String(msgid) },
        tokenProblem: false,
      };
    }
    const fail = (
      kind: 'no_subscription' | 'rejected' | 'retryable',
      what: string,
    ): { outcome: SendOutcome; tokenProblem: boolean } => ({
      outcome: { ok: false, kind, errcode, message: `WeChat send: ${what} (errcode ${errcode}: ${errmsg})` },
      tokenProblem: TOKEN_ERRCODES.has(errcode),
    });
    if (errcode === 43101) return fail('no_subscription', 'the user has no subscription to this template');
    if (errcode === -1) return fail('retryable', 'WeChat is busy');
    if (RATE_LIMIT_ERRCODES.has(errcode)) return fail('retryable', 'WeChat rate limit');
    if (TOKEN_ERRCODES.has(errcode)) return fail('retryable', 'access token refused');
    if (errcode === 47003) return fail('rejected', 'a data value breaks the template limits');
    if (errcode === 40003) return fail('rejected', 'invalid openid');
    if (errcode === 40037) return fail('rejected', 'invalid template_id');
    return fail('rejected', 'message refused');
  }

  async function sendSubscribeMessage(msg: SubscribeMessage): Promise<SendOutcome> {
    try {
      const token = await accessToken();
      const first = await sendWith(token, msg);
      if (!first.tokenProblem) return first.outcome;
      const fresh = await refreshedToken(token);
      return (await sendWith(fresh, msg)).outcome; // once: a second refusal is reported as retryable
    } catch (err) {
      if (err instanceof TokenError) return err.outcome;
      // the token cache (a database row in production) failed: the message itself is fine
      return {
        ok: false,
        kind: 'retryable',
        message: `access token cache failed: ${(err as Error).message}`,
      };
    }
  }

  return { mode: 'wechat', code2Session, sendSubscribeMessage };
}
