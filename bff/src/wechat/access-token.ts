/**
 * WeChat's access token for the server APIs: fetched with stable_token, cached (one cache per app,
 * shared by every instance), renewed before expiry, and force-refreshed once when WeChat refuses it.
 */
import { errcodeOf, errmsgOf, jsonPost, type WechatCall } from './wechat-http';

/** One access token per app, shared by every BFF instance (WeChat invalidates the old one on refresh). */
export interface AccessTokenCache {
  get(): Promise<{ token: string; expiresAt: Date } | null>;
  set(token: string, expiresAt: Date): Promise<void>;
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
export const TOKEN_ERRCODES = new Set([40001, 40014, 42001]);
const CREDENTIAL_ERRCODES = new Set([40013, 40125]);

/** Getting a token failed (WeChat, the network, or the cache): the caller's request itself may be fine. */
export class TokenError extends Error {
  constructor(
    message: string,
    readonly errcode?: number,
    readonly httpStatus?: number,
  ) {
    super(message);
  }
}

export const credentialsWrong = (appId: string, errcode: number) =>
  `WeChat rejected the app credentials (errcode ${errcode}): WECHAT_APPID (${appId}) or WECHAT_SECRET is wrong`;

export interface AccessTokenOptions {
  call: WechatCall;
  appId: string;
  secret: string;
  tokenCache: AccessTokenCache;
  now: () => Date;
}

/** The answer of one API call made with a token, and whether WeChat refused the token itself. */
export interface WithTokenAttempt<T> {
  result: T;
  tokenProblem: boolean;
}

export function createAccessTokens(opts: AccessTokenOptions) {
  const { call, appId, secret, tokenCache, now } = opts;
  let inflight: Promise<string> | null = null;

  async function fetchToken(forceRefresh: boolean): Promise<string> {
    const reply = await call(
      '/cgi-bin/stable_token',
      jsonPost({ grant_type: 'client_credential', appid: appId, secret, force_refresh: forceRefresh }),
    );
    if (reply.kind === 'network') throw new TokenError(`WeChat token endpoint: ${reply.message}`);
    if (reply.kind === 'http')
      throw new TokenError(`WeChat token endpoint: HTTP ${reply.status}`, undefined, reply.status);
    const errcode = errcodeOf(reply.body);
    const token = reply.body.access_token;
    const expiresIn = reply.body.expires_in;
    if (errcode !== 0 || typeof token !== 'string' || typeof expiresIn !== 'number') {
      // credentials and quota problems are fixed outside the request: say which
      const message = CREDENTIAL_ERRCODES.has(errcode)
        ? credentialsWrong(appId, errcode)
        : `WeChat token endpoint: errcode ${errcode} ${errmsgOf(reply.body)}`.trim();
      throw new TokenError(message, errcode || undefined);
    }
    await tokenCache.set(token, new Date(now().getTime() + expiresIn * 1000));
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

  const fresh = (c: { expiresAt: Date } | null) =>
    c !== null && c.expiresAt.getTime() - now().getTime() > RENEW_BEFORE_MS;

  async function current(): Promise<string> {
    const cached = await tokenCache.get();
    if (cached && fresh(cached)) return cached.token;
    return shared(false);
  }

  /** After WeChat refused `stale`: use a token someone else already got, else force a new one. */
  async function refreshed(stale: string): Promise<string> {
    if (inflight) {
      const token = await inflight;
      if (token !== stale) return token;
    }
    const cached = await tokenCache.get();
    if (cached && cached.token !== stale && fresh(cached)) return cached.token;
    return shared(true);
  }

  /**
   * Runs one call with the current token, and once more with a refreshed one when WeChat refused the
   * token. Throws TokenError when no token can be had (a cache failure becomes one too).
   */
  async function withToken<T>(attempt: (token: string) => Promise<WithTokenAttempt<T>>): Promise<T> {
    let token: string;
    try {
      token = await current();
    } catch (err) {
      if (err instanceof TokenError) throw err;
      throw new TokenError(`access token cache failed: ${(err as Error).message}`);
    }
    const first = await attempt(token);
    if (!first.tokenProblem) return first.result;
    const next = await refreshed(token).catch((err: unknown) => {
      if (err instanceof TokenError) throw err;
      throw new TokenError(`access token cache failed: ${(err as Error).message}`);
    });
    return (await attempt(next)).result; // once: a second refusal is the caller's to report
  }

  return { withToken };
}
export type AccessTokens = ReturnType<typeof createAccessTokens>;
