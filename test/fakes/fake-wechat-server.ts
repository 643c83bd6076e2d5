/**
 * A fake of WeChat's servers for tests: a real node:http server on 127.0.0.1 (port 0) that speaks the
 * endpoints, body formats and errcodes the BFF uses, so the real client runs against it unchanged.
 *
 *   const wx = createFakeWechat({ appId: 'wx-test', secret: 's3cret', templates: { TPL: ['thing1', 'time2'] } });
 *   const { baseUrl, close } = await wx.start();   // point WECHAT_API_BASE at baseUrl
 *
 * Endpoints
 * - GET  /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code
 *     -> {openid, session_key, unionid?} | {errcode, errmsg}: 40029 unknown or expired code (codes live
 *     5 minutes), 40163 code been used (single use), 40226 blocked user, 40013 wrong appid, 40125 wrong
 *     secret, 41008 missing code, 40002 bad grant_type. Answered as text/plain, as WeChat does.
 * - POST /cgi-bin/stable_token {grant_type:"client_credential", appid, secret, force_refresh}
 *     -> {access_token, expires_in}. Normal mode returns the same token until 5 minutes before its
 *     expiry (then a new one; the old one stays valid until it expires), force_refresh issues a new one
 *     and invalidates the old one at once (but not twice within 30 s). Errcodes 40013, 40125, 40002,
 *     47001 (body not JSON), 43002 (not POST).
 * - POST /cgi-bin/message/subscribe/send?access_token=
 *     -> {errcode:0, errmsg:"ok", msgid} | 41001 no token, 40001 invalid or replaced token, 42001
 *     expired token, 40003 unknown openid, 40037 unknown template, 43101 openid refuses messages
 *     (see `refuse`), 47003 "argument invalid! data.<key>.value ..." when a value is missing or breaks
 *     its type's limit (type = key without trailing digits: thing <= 20 chars, character_string <= 32
 *     printable ASCII, phrase <= 5 Han chars, name <= 10 Han or <= 20 letters/symbols, time, date,
 *     amount, number, letter, symbol, phone_number, car_number; lengths counted in code points).
 *   Error answers are HTTP 200 with errcode, like WeChat's; errmsg ends with " rid: ...".
 * - POST /wxa/msg_sec_check?access_token= {content, version: 2, scene: 1..4, openid}
 *     -> {errcode:0, errmsg:"ok", result:{suggest, label}, detail:[{strategy, errcode, suggest, label,
 *     prob|keyword}], trace_id}. The verdict comes from `flagText` rules (default pass, label 100).
 *     Errcodes: token ones as for send, 47001 body not JSON or a field missing or mistyped (content
 *     over 2,500 characters too), 40003 unknown openid, 61010 the openid has not used the
 *     mini-program in the last 2 hours, 45009 more than `textChecksPerMinute` (default 4,000) a minute.
 * - POST /wxa/media_check_async?access_token= {media_url, media_type: 1|2, version: 2, scene, openid}
 *     -> {errcode:0, errmsg:"ok", trace_id}; same errcodes (2,000 a minute). The check itself runs
 *     when the test calls `finishMediaChecks()`: the fake downloads each media_url (as WeChat must)
 *     and pushes a wxa_media_check event to the push target (see `setPushTarget`), with the verdict
 *     from `flagMedia` rules (default pass).
 * - POST /wxa/business/getuserphonenumber?access_token= {code, openid?}
 *     -> {errcode:0, errmsg:"ok", phone_info:{phoneNumber, purePhoneNumber, countryCode,
 *     watermark:{timestamp, appid}}} | 40029 unknown, expired (5 minutes) or used code, 47001.
 *
 * Control surface
 * - issueCode(openid, {unionid?}) -> a fresh single-use code; also makes the openid known to `send`.
 * - issuePhoneCode(phone) -> a fresh single-use getPhoneNumber code (5 minutes).
 * - flagText(substring, verdict), flagMedia(predicate on the bytes, verdict): content-security rules.
 * - setPushTarget({url, token, aesKey?, mode?}) and push(event): WeChat's message push (fake-wechat-push.ts).
 * - addUser(openid), block(openid) (40226 at login), refuse(openid) (43101 at send).
 * - addTemplate(id, keys) registers a template (or pass `templates` to createFakeWechat).
 * - failNext(endpoint, failure, times = 1) scripts the next answers of 'jscode2session' |
 *   'stable_token' | 'send': {status, body?} (an HTTP error), {errcode, errmsg?}, {hang: true} (never
 *   answers), {drop: true} (resets the connection). failRandomly(endpoint, ratio, failure) fails that
 *   share of calls, drawn from a RNG seeded by `seed` (deterministic). Scripted failures win first.
 * - expireToken(): the current access token becomes invalid (the next send answers 40001).
 * - advance(ms): moves the fake's clock (code and token lifetimes); `now` overrides the clock.
 * - Records: `sent` (accepted messages), `requests` (every request, secrets redacted), `calls`
 *   (count per endpoint), `tokensIssued`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import {
  mediaCheckEvent,
  pushEvent,
  type PushAnswer,
  type PushOptions,
  type PushTarget,
} from './fake-wechat-push';

export type FakeEndpoint =
  'jscode2session' | 'stable_token' | 'send' | 'msg_sec_check' | 'media_check_async' | 'getuserphonenumber';

export interface FakeVerdict {
  suggest: 'pass' | 'review' | 'risky';
  label: number;
}

export interface FakeMediaCheck {
  traceId: string;
  mediaUrl: string;
  openid: string;
  /** filled by finishMediaChecks(): what WeChat's download got */
  download?: { status: number; bytes: number };
  verdict?: FakeVerdict;
  pushed?: PushAnswer;
}

export type FakeFailure =
  { status: number; body?: string } | { errcode: number; errmsg?: string } | { hang: true } | { drop: true };

export interface FakeWechatOptions {
  appId?: string;
  secret?: string;
  /** template id -> data keys, e.g. { TPL: ['thing1', 'time2'] } */
  templates?: Record<string, string[]>;
  /** seed of the RNG behind failRandomly */
  seed?: number;
  /** the fake's clock in ms (advance() adds to it) */
  now?: () => number;
  /** lifetime of issued access tokens, seconds */
  tokenLifetimeSeconds?: number;
  /** msg_sec_check's per-app minute limit (WeChat: 4,000) */
  textChecksPerMinute?: number;
}

export interface SentMessage {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogram_state?: string;
  lang?: string;
  msgid: number;
  at: Date;
}

export interface RecordedRequest {
  endpoint: FakeEndpoint | 'unknown';
  method: string;
  /** query parameters; `secret` is redacted */
  query: Record<string, string>;
  /** parsed JSON body (`secret` redacted), raw text if not JSON, undefined for GET */
  body: unknown;
  at: Date;
}

export interface FakeWechatServer {
  readonly baseUrl: string;
  close(): Promise<void>;
}

export interface FakeWechat {
  readonly appId: string;
  readonly secret: string;
  start(): Promise<FakeWechatServer>;
  issueCode(openid: string, opts?: { unionid?: string }): string;
  addUser(openid: string): void;
  block(openid: string): void;
  refuse(openid: string): void;
  addTemplate(templateId: string, keys: string[]): void;
  failNext(endpoint: FakeEndpoint, failure: FakeFailure, times?: number): void;
  failRandomly(endpoint: FakeEndpoint, ratio: number, failure: FakeFailure): void;
  expireToken(): void;
  advance(ms: number): void;
  /** the token normal-mode stable_token would hand out now, if any */
  readonly currentToken: string | undefined;
  readonly sent: SentMessage[];
  readonly requests: RecordedRequest[];
  readonly calls: Record<FakeEndpoint, number>;
  readonly tokensIssued: string[];
  issuePhoneCode(phone: string): string;
  flagText(substring: string, verdict: FakeVerdict): void;
  flagMedia(test: (bytes: Buffer) => boolean, verdict: FakeVerdict): void;
  /** every msg_sec_check that got a verdict, in order */
  readonly textChecks: { openid: string; content: string; scene: number; verdict: FakeVerdict }[];
  readonly mediaChecks: FakeMediaCheck[];
  setPushTarget(target: Omit<PushTarget, 'appId'> & { mode?: 'plain' | 'safe' }): void;
  /** POSTs one event to the push target, signed (and encrypted in safe mode) */
  push(event: Record<string, unknown>, opts?: PushOptions): Promise<PushAnswer>;
  /** downloads every pending media_url and pushes its wxa_media_check result */
  finishMediaChecks(): Promise<FakeMediaCheck[]>;
}

const CODE_TTL_MS = 5 * 60_000;
/** msg_sec_check and media_check_async need an openid that used the mini-program this recently */
const ACTIVE_WINDOW_MS = 2 * 3600_000;
const MAX_CHECK_CONTENT = 2500;
const MEDIA_CHECKS_PER_MINUTE = 2000;
const EARLY_RENEW_MS = 5 * 60_000;
const FORCE_REFRESH_SPACING_MS = 30_000;

const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40013: 'invalid appid',
  40029: 'invalid code',
  40037: 'invalid template_id',
  40125: 'invalid appsecret',
  40163: 'code been used',
  40226: 'high risk user',
  41001: 'access_token missing',
  41008: 'missing code',
  61010: 'user visit record expired',
  42001: 'access_token expired',
  43002: 'require POST method',
  43101: 'user refuse to accept the msg',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  47001: 'data format error',
  47003: 'argument invalid!',
};

const rid = () =>
  `${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;
const errBody = (errcode: number, errmsg?: string) => ({
  errcode,
  errmsg: `${errmsg ?? ERRMSG[errcode] ?? 'error'} rid: ${rid()}`,
});

/** mulberry32: small, seedable, good enough to make failure ratios deterministic */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cp = (s: string) => Array.from(s).length;
const HAN = /^\p{Script=Han}+$/u;
const TIME = String.raw`\d{1,2}:\d{2}(:\d{2})?`;
const DATE = String.raw`(\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2})`;
const range = (one: string) => new RegExp(`^${one}(\\s*~\\s*${one})?$`);
const TIME_VALUE = range(`(${DATE}\\s+)?${TIME}`);
const DATE_VALUE = range(`${DATE}(\\s+${TIME})?`);

/** Why a value breaks its type's platform limit, or null when it is acceptable. */
export function checkTemplateValue(type: string, value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0) return 'is empty';
  const n = cp(value);
  switch (type) {
    case 'thing':
      return n <= 20 ? null : 'exceeds the limit';
    case 'character_string':
      if (n > 32) return 'exceeds the limit';
      return /^[\x21-\x7e]+$/.test(value) ? null : 'invalid format';
    case 'number':
      if (n > 32) return 'exceeds the limit';
      return /^\d+(\.\d+)?$/.test(value) ? null : 'invalid format';
    case 'letter':
      if (n > 32) return 'exceeds the limit';
      return /^[A-Za-z]+$/.test(value) ? null : 'invalid format';
    case 'symbol':
      if (n > 5) return 'exceeds the limit';
      return /^[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]+$/.test(value) ? null : 'invalid format';
    case 'phrase':
      if (!HAN.test(value)) return 'invalid format';
      return n <= 5 ? null : 'exceeds the limit';
    case 'name':
      if (HAN.test(value)) return n <= 10 ? null : 'exceeds the limit';
      if (/^[A-Za-z\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]+$/.test(value))
        return n <= 20 ? null : 'exceeds the limit';
      return 'invalid format';
    case 'time':
      return TIME_VALUE.test(value) ? null : 'invalid format';
    case 'date':
      return DATE_VALUE.test(value) ? null : 'invalid format';
    case 'amount': {
      const m = /^[¥￥$]?(\d+)(\.(\d{1,2}))?元?$/.exec(value);
      if (!m) return 'invalid format';
      return m[1].length + (m[3]?.length ?? 0) <= 10 ? null : 'exceeds the limit';
    }
    case 'phone_number':
      return /^[\d+\-() ]{1,17}$/.test(value) ? null : 'invalid format';
    case 'car_number':
      return n <= 8 ? null : 'exceeds the limit';
    default:
      return n <= 20 ? null : 'exceeds the limit';
  }
}

interface CodeEntry {
  openid: string;
  unionid?: string;
  issuedAt: number;
  used: boolean;
}
interface Scripted {
  failure: FakeFailure;
  times: number;
}

export function createFakeWechat(opts: FakeWechatOptions = {}): FakeWechat {
  const appId = opts.appId ?? 'wx0000000000fake';
  const secret = opts.secret ?? 'fake-app-secret-0123456789abcdef';
  const tokenLifetimeMs = (opts.tokenLifetimeSeconds ?? 7200) * 1000;
  const baseClock = opts.now ?? Date.now;
  let offset = 0;
  const now = () => baseClock() + offset;
  const random = seededRandom(opts.seed ?? 12315);

  const codes = new Map<string, CodeEntry>();
  const users = new Set<string>();
  const blocked = new Set<string>();
  const refusing = new Set<string>();
  const templates = new Map<string, string[]>(Object.entries(opts.templates ?? {}));
  const scripted: Record<FakeEndpoint, Scripted[]> = {
    jscode2session: [],
    stable_token: [],
    send: [],
    msg_sec_check: [],
    media_check_async: [],
    getuserphonenumber: [],
  };
  const lastSeen = new Map<string, number>();
  const phoneCodes = new Map<string, { phone: string; issuedAt: number; used: boolean }>();
  const textRules: { substring: string; verdict: FakeVerdict }[] = [];
  const mediaRules: { test: (bytes: Buffer) => boolean; verdict: FakeVerdict }[] = [];
  const textChecks: FakeWechat['textChecks'] = [];
  const mediaChecks: FakeMediaCheck[] = [];
  const minuteCounts = new Map<string, number>();
  let pushTarget: (Omit<PushTarget, 'appId'> & { mode?: 'plain' | 'safe' }) | undefined;
  const ratios: Partial<Record<FakeEndpoint, { ratio: number; failure: FakeFailure }>> = {};

  /** every token ever issued and until when it works; invalidated tokens are deleted */
  const tokens = new Map<string, number>();
  let current: { token: string; expiresAt: number } | undefined;
  let lastForcedAt = -Infinity;
  const tokensIssued: string[] = [];
  let nextMsgid = 2_100_000_000;

  const sent: SentMessage[] = [];
  const requests: RecordedRequest[] = [];
  const calls: Record<FakeEndpoint, number> = {
    jscode2session: 0,
    stable_token: 0,
    send: 0,
    msg_sec_check: 0,
    media_check_async: 0,
    getuserphonenumber: 0,
  };

  const issueToken = () => {
    const token = `FAKE_${randomBytes(48).toString('base64url')}`;
    const expiresAt = now() + tokenLifetimeMs;
    tokens.set(token, expiresAt);
    current = { token, expiresAt };
    tokensIssued.push(token);
    return current;
  };

  const pickFailure = (endpoint: FakeEndpoint): FakeFailure | undefined => {
    const queue = scripted[endpoint];
    if (queue.length > 0) {
      const head = queue[0];
      head.times -= 1;
      if (head.times <= 0) queue.shift();
      return head.failure;
    }
    const r = ratios[endpoint];
    if (r && random() < r.ratio) return r.failure;
    return undefined;
  };

  // --- endpoint handlers: return the JSON body to answer with (HTTP 200) ---

  const jscode2session = (q: Record<string, string>): object => {
    if (q.grant_type !== 'authorization_code') return errBody(40002);
    if (q.appid !== appId) return errBody(40013);
    if (q.secret !== secret) return errBody(40125);
    if (!q.js_code) return errBody(41008);
    const entry = codes.get(q.js_code);
    if (!entry || now() - entry.issuedAt > CODE_TTL_MS) return errBody(40029);
    if (entry.used) return errBody(40163);
    entry.used = true;
    if (blocked.has(entry.openid)) return errBody(40226);
    lastSeen.set(entry.openid, now());
    return {
      session_key: randomBytes(16).toString('base64'),
      openid: entry.openid,
      ...(entry.unionid ? { unionid: entry.unionid } : {}),
    };
  };

  const stableToken = (body: unknown): object => {
    if (!body || typeof body !== 'object') return errBody(47001);
    const b = body as Record<string, unknown>;
    if (b.grant_type !== 'client_credential') return errBody(40002);
    if (b.appid !== appId) return errBody(40013);
    if (b.secret !== secret) return errBody(40125);
    const t = now();
    const valid = current && (tokens.get(current.token) ?? 0) > t;
    if (b.force_refresh === true && !(valid && t - lastForcedAt < FORCE_REFRESH_SPACING_MS)) {
      if (current) tokens.delete(current.token);
      lastForcedAt = t;
      issueToken();
    } else if (!valid || current!.expiresAt - t <= EARLY_RENEW_MS) {
      // the old token keeps working until its own expiry: WeChat's overlap window
      issueToken();
    }
    return { access_token: current!.token, expires_in: Math.floor((current!.expiresAt - t) / 1000) };
  };

  /** An errcode answer when the access token is missing, replaced or expired; null when it works. */
  const tokenProblem = (q: Record<string, string>): object | null => {
    const token = q.access_token;
    if (!token) return errBody(41001);
    const expiresAt = tokens.get(token);
    if (expiresAt === undefined) return errBody(40001);
    if (expiresAt <= now()) return errBody(42001);
    return null;
  };

  /** Counts one call in the current minute; true when it goes over `limit`. */
  const overMinuteLimit = (endpoint: FakeEndpoint, limit: number) => {
    const key = `${endpoint}:${Math.floor(now() / 60_000)}`;
    const n = (minuteCounts.get(key) ?? 0) + 1;
    minuteCounts.set(key, n);
    return n > limit;
  };

  /** The shared checks of the two content-security endpoints: an errcode answer, or null. */
  const checkCaller = (b: Record<string, unknown>): object | null => {
    if (b.version !== 2 && b.version !== '2') return errBody(47001);
    if (![1, 2, 3, 4].includes(Number(b.scene))) return errBody(47001);
    if (typeof b.openid !== 'string' || !b.openid) return errBody(47001);
    if (!users.has(b.openid)) return errBody(40003);
    if (now() - (lastSeen.get(b.openid) ?? -Infinity) > ACTIVE_WINDOW_MS) return errBody(61010);
    return null;
  };

  const detailOf = (verdict: FakeVerdict, keyword?: string) => [
    { strategy: 'content_model', errcode: 0, suggest: verdict.suggest, label: verdict.label, prob: 90 },
    keyword
      ? {
          strategy: 'keyword',
          errcode: 0,
          suggest: verdict.suggest,
          label: verdict.label,
          level: 20,
          keyword,
        }
      : { strategy: 'keyword', errcode: 0, suggest: 'pass', label: 100 },
  ];

  const msgSecCheck = (q: Record<string, string>, body: unknown): object => {
    const refused = tokenProblem(q);
    if (refused) return refused;
    if (!body || typeof body !== 'object') return errBody(47001);
    const b = body as Record<string, unknown>;
    if (typeof b.content !== 'string' || cp(b.content) > MAX_CHECK_CONTENT) return errBody(47001);
    const caller = checkCaller(b);
    if (caller) return caller;
    if (overMinuteLimit('msg_sec_check', opts.textChecksPerMinute ?? 4000)) return errBody(45009);
    const rule = textRules.find((r) => (b.content as string).includes(r.substring));
    const verdict = rule?.verdict ?? { suggest: 'pass', label: 100 };
    textChecks.push({ openid: b.openid as string, content: b.content, scene: Number(b.scene), verdict });
    return {
      errcode: 0,
      errmsg: 'ok',
      result: { suggest: verdict.suggest, label: verdict.label },
      detail: detailOf(verdict, rule?.substring),
      trace_id: rid(),
    };
  };

  const mediaCheckAsync = (q: Record<string, string>, body: unknown): object => {
    const refused = tokenProblem(q);
    if (refused) return refused;
    if (!body || typeof body !== 'object') return errBody(47001);
    const b = body as Record<string, unknown>;
    if (typeof b.media_url !== 'string' || !/^https?:\/\//.test(b.media_url)) return errBody(47001);
    if (![1, 2].includes(Number(b.media_type))) return errBody(47001);
    const caller = checkCaller(b);
    if (caller) return caller;
    if (overMinuteLimit('media_check_async', MEDIA_CHECKS_PER_MINUTE)) return errBody(45009);
    const traceId = rid();
    mediaChecks.push({ traceId, mediaUrl: b.media_url, openid: b.openid as string });
    return { errcode: 0, errmsg: 'ok', trace_id: traceId };
  };

  const getUserPhoneNumber = (q: Record<string, string>, body: unknown): object => {
    const refused = tokenProblem(q);
    if (refused) return refused;
    if (!body || typeof body !== 'object') return errBody(47001);
    const code = (body as Record<string, unknown>).code;
    if (typeof code !== 'string' || !code) return errBody(47001);
    const entry = phoneCodes.get(code);
    if (!entry || entry.used || now() - entry.issuedAt > CODE_TTL_MS) return errBody(40029);
    entry.used = true;
    return {
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: entry.phone,
        purePhoneNumber: entry.phone,
        countryCode: 86,
        watermark: { timestamp: Math.floor(now() / 1000), appid: appId },
      },
    };
  };

  const send = (q: Record<string, string>, body: unknown): object => {
    const refused = tokenProblem(q);
    if (refused) return refused;
    if (!body || typeof body !== 'object') return errBody(47001);
    const b = body as Record<string, unknown>;
    if (typeof b.touser !== 'string' || !users.has(b.touser)) return errBody(40003);
    const keys = typeof b.template_id === 'string' ? templates.get(b.template_id) : undefined;
    if (!keys) return errBody(40037);
    if (
      b.miniprogram_state !== undefined &&
      !['developer', 'trial', 'formal'].includes(String(b.miniprogram_state))
    ) {
      return errBody(47003, 'argument invalid! miniprogram_state invalid');
    }
    if (b.lang !== undefined && !['zh_CN', 'en_US', 'zh_HK', 'zh_TW'].includes(String(b.lang))) {
      return errBody(47003, 'argument invalid! lang invalid');
    }
    const data = (b.data && typeof b.data === 'object' ? b.data : {}) as Record<string, unknown>;
    for (const key of keys) {
      const entry = data[key];
      const value = entry && typeof entry === 'object' ? (entry as Record<string, unknown>).value : undefined;
      const problem = checkTemplateValue(key.replace(/\d+$/, ''), value);
      if (problem) return errBody(47003, `argument invalid! data.${key}.value ${problem}`);
    }
    if (refusing.has(b.touser)) return errBody(43101);
    const msgid = nextMsgid++;
    sent.push({
      touser: b.touser,
      template_id: b.template_id as string,
      page: typeof b.page === 'string' ? b.page : undefined,
      data: data as Record<string, { value: string }>,
      miniprogram_state: b.miniprogram_state as string | undefined,
      lang: b.lang as string | undefined,
      msgid,
      at: new Date(now()),
    });
    return { errcode: 0, errmsg: 'ok', msgid };
  };

  // --- HTTP plumbing ---

  const redact = (v: unknown): unknown =>
    v && typeof v === 'object' && 'secret' in v ? { ...(v as object), secret: '<redacted>' } : v;

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });

  const answer = (res: ServerResponse, body: object, contentType = 'application/json; encoding=utf-8') => {
    res.writeHead(200, { 'content-type': contentType });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const query = Object.fromEntries(url.searchParams);
    const endpoint: FakeEndpoint | 'unknown' =
      url.pathname === '/sns/jscode2session'
        ? 'jscode2session'
        : url.pathname === '/cgi-bin/stable_token'
          ? 'stable_token'
          : url.pathname === '/cgi-bin/message/subscribe/send'
            ? 'send'
            : url.pathname === '/wxa/msg_sec_check'
              ? 'msg_sec_check'
              : url.pathname === '/wxa/media_check_async'
                ? 'media_check_async'
                : url.pathname === '/wxa/business/getuserphonenumber'
                  ? 'getuserphonenumber'
                  : 'unknown';
    const raw = req.method === 'GET' ? undefined : await readBody(req);
    let body: unknown = raw;
    if (raw !== undefined) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    requests.push({
      endpoint,
      method: req.method ?? 'GET',
      query: redact(query) as Record<string, string>,
      body: redact(body),
      at: new Date(now()),
    });
    if (endpoint === 'unknown') {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><body>404 Not Found</body></html>');
      return;
    }
    calls[endpoint] += 1;

    const failure = pickFailure(endpoint);
    if (failure) {
      if ('hang' in failure) return; // keep the socket open and never answer
      if ('drop' in failure) {
        req.socket.destroy();
        return;
      }
      if ('status' in failure) {
        res.writeHead(failure.status, { 'content-type': 'text/html' });
        res.end(failure.body ?? `<html><body><h1>${failure.status}</h1></body></html>`);
        return;
      }
      answer(res, errBody(failure.errcode, failure.errmsg));
      return;
    }

    const isJsonBody = typeof body === 'object' && body !== null;
    switch (endpoint) {
      case 'jscode2session':
        answer(res, jscode2session(query), 'text/plain');
        return;
      case 'stable_token':
        answer(res, req.method !== 'POST' ? errBody(43002) : stableToken(isJsonBody ? body : undefined));
        return;
      case 'send':
        answer(res, req.method !== 'POST' ? errBody(43002) : send(query, isJsonBody ? body : undefined));
        return;
      case 'msg_sec_check':
        answer(
          res,
          req.method !== 'POST' ? errBody(43002) : msgSecCheck(query, isJsonBody ? body : undefined),
        );
        return;
      case 'media_check_async':
        answer(
          res,
          req.method !== 'POST' ? errBody(43002) : mediaCheckAsync(query, isJsonBody ? body : undefined),
        );
        return;
      case 'getuserphonenumber':
        answer(
          res,
          req.method !== 'POST' ? errBody(43002) : getUserPhoneNumber(query, isJsonBody ? body : undefined),
        );
        return;
    }
  };

  return {
    appId,
    secret,
    async start() {
      const server = createServer((req, res) => {
        handle(req, res).catch((err: unknown) => {
          if (!res.headersSent) res.writeHead(500);
          res.end(String(err));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      return {
        baseUrl: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections(); // hanging requests included
          }),
      };
    },
    issueCode(openid, o = {}) {
      users.add(openid);
      const code = randomBytes(16).toString('hex');
      codes.set(code, { openid, unionid: o.unionid, issuedAt: now(), used: false });
      return code;
    },
    addUser(openid) {
      users.add(openid);
      lastSeen.set(openid, now());
    },
    block: (openid) => void blocked.add(openid),
    refuse: (openid) => void refusing.add(openid),
    addTemplate: (id, keys) => void templates.set(id, [...keys]),
    failNext(endpoint, failure, times = 1) {
      scripted[endpoint].push({ failure, times });
    },
    failRandomly(endpoint, ratio, failure) {
      ratios[endpoint] = { ratio, failure };
    },
    expireToken() {
      if (current) tokens.delete(current.token);
      lastForcedAt = -Infinity;
    },
    advance(ms) {
      offset += ms;
    },
    get currentToken() {
      return current && tokens.has(current.token) ? current.token : undefined;
    },
    sent,
    requests,
    calls,
    tokensIssued,
    issuePhoneCode(phone) {
      const code = randomBytes(32).toString('hex');
      phoneCodes.set(code, { phone, issuedAt: now(), used: false });
      return code;
    },
    flagText: (substring, verdict) => void textRules.push({ substring, verdict }),
    flagMedia: (test, verdict) => void mediaRules.push({ test, verdict }),
    textChecks,
    mediaChecks,
    setPushTarget(target) {
      pushTarget = target;
    },
    push(event, o = {}) {
      if (!pushTarget) throw new Error('setPushTarget first');
      return pushEvent({ ...pushTarget, appId }, event, {
        mode: pushTarget.mode,
        timestamp: Math.floor(now() / 1000),
        ...o,
      });
    },
    async finishMediaChecks() {
      const done: FakeMediaCheck[] = [];
      for (const check of mediaChecks.filter((c) => !c.verdict)) {
        const res = await fetch(check.mediaUrl).catch(() => null);
        const bytes = res && res.ok ? Buffer.from(await res.arrayBuffer()) : null;
        check.download = { status: res?.status ?? 0, bytes: bytes?.length ?? 0 };
        // a URL WeChat cannot download is not judged: no result is pushed for it
        if (!bytes) continue;
        check.verdict = mediaRules.find((r) => r.test(bytes))?.verdict ?? { suggest: 'pass', label: 100 };
        if (pushTarget) {
          check.pushed = await this.push(
            mediaCheckEvent(appId, check.openid, check.traceId, check.verdict, Math.floor(now() / 1000)),
          );
        }
        done.push(check);
      }
      return done;
    },
  };
}
