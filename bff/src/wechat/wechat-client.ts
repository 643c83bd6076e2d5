import { AppError } from '../errors';
import { createAccessTokens, credentialsWrong, type AccessTokenCache } from './access-token';
import {
  createContentCheckCalls,
  type MediaCheckRequest,
  type MediaCheckStart,
  type TextCheckRequest,
  type TextVerdict,
} from './content-check-calls';
import { createPhoneNumberCall, type VerifiedPhone } from './phone-number-call';
import { createSubscribeSend } from './subscribe-send';
import { createWechatCall, errcodeOf, errmsgOf } from './wechat-http';

export { createMemoryTokenCache, type AccessTokenCache } from './access-token';

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

export interface Wechat {
  readonly mode: 'wechat' | 'emulator';
  code2Session(code: string): Promise<WechatSession>;
  sendSubscribeMessage(msg: SubscribeMessage): Promise<SendOutcome>;
  /** msg_sec_check v2; never throws (a failure is `unchecked`) */
  checkText(req: TextCheckRequest): Promise<TextVerdict>;
  /** media_check_async v2; the verdict comes later by push (wxa_media_check), matched by trace_id */
  startMediaCheck(req: MediaCheckRequest): Promise<MediaCheckStart>;
  /** getuserphonenumber: 401 for a bad, expired or used code, 503 when WeChat fails */
  phoneNumber(code: string, openid?: string): Promise<VerifiedPhone>;
}

export interface WechatClientOptions {
  appId: string;
  secret: string;
  /** WECHAT_API_BASE, e.g. https://api.weixin.qq.com */
  apiBase: string;
  /** per request; default 5000 */
  timeoutMs?: number;
  /** content checks run while a user waits: their own, shorter, time-box; default 2000 */
  checkTimeoutMs?: number;
  tokenCache: AccessTokenCache;
  now?: () => Date;
  fetchImpl?: typeof fetch;
}

export function createWechatClient(opts: WechatClientOptions): Wechat {
  const timeoutMs = opts.timeoutMs ?? 5000;
  const call = createWechatCall(opts.apiBase, timeoutMs, opts.fetchImpl);
  const tokens = createAccessTokens({
    call,
    appId: opts.appId,
    secret: opts.secret,
    tokenCache: opts.tokenCache,
    now: opts.now ?? (() => new Date()),
  });
  const content = createContentCheckCalls(call, tokens, opts.checkTimeoutMs ?? Math.min(timeoutMs, 2000));

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
        throw new AppError('UNAVAILABLE', credentialsWrong(opts.appId, errcode), {
          errcode,
          misconfigured: true,
        });
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

  return {
    mode: 'wechat',
    code2Session,
    sendSubscribeMessage: createSubscribeSend(call, tokens),
    checkText: content.checkText,
    startMediaCheck: content.startMediaCheck,
    phoneNumber: createPhoneNumberCall(call, tokens, opts.appId),
  };
}
