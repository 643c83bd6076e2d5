/** subscribeMessage.send: one message, its errcodes sorted into what the notifier should do next. */
import { TOKEN_ERRCODES, TokenError, type AccessTokens } from './access-token';
import type { SendOutcome, SubscribeMessage } from './wechat-client';
import { errcodeOf, errmsgOf, jsonPost, type WechatCall } from './wechat-http';

const RATE_LIMIT_ERRCODES = new Set([45009, 45011]);

type Attempt = { result: SendOutcome; tokenProblem: boolean };

export function createSubscribeSend(call: WechatCall, tokens: AccessTokens) {
  async function sendWith(token: string, msg: SubscribeMessage): Promise<Attempt> {
    const body = {
      touser: msg.touser,
      template_id: msg.templateId,
      page: msg.page,
      data: msg.data,
      ...(msg.miniprogramState ? { miniprogram_state: msg.miniprogramState } : {}),
      lang: msg.lang ?? 'zh_CN',
    };
    const reply = await call(
      `/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`,
      jsonPost(body),
    );
    if (reply.kind === 'network') {
      return {
        result: { ok: false, kind: 'retryable', message: `WeChat send: ${reply.message}` },
        tokenProblem: false,
      };
    }
    if (reply.kind === 'http') {
      const kind =
        reply.status >= 500 || reply.status === 429 || reply.status === 408 ? 'retryable' : 'rejected';
      return {
        result: { ok: false, kind, httpStatus: reply.status, message: `WeChat send: HTTP ${reply.status}` },
        tokenProblem: false,
      };
    }
    const errcode = errcodeOf(reply.body);
    const errmsg = errmsgOf(reply.body);
    if (errcode === 0) {
      const msgid = reply.body.msgid;
      return {
        result: msgid === undefined || msgid === null ? { ok: true } : { ok: true, msgid: String(msgid) },
        tokenProblem: false,
      };
    }
    const fail = (kind: 'no_subscription' | 'rejected' | 'retryable', what: string): Attempt => ({
      result: { ok: false, kind, errcode, message: `WeChat send: ${what} (errcode ${errcode}: ${errmsg})` },
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

  return async function sendSubscribeMessage(msg: SubscribeMessage): Promise<SendOutcome> {
    try {
      return await tokens.withToken((token) => sendWith(token, msg));
    } catch (err) {
      if (!(err instanceof TokenError)) throw err;
      // credentials, quota or the token cache: the message itself is fine, keep it for later
      return {
        ok: false,
        kind: 'retryable',
        message: err.message,
        ...(err.errcode ? { errcode: err.errcode } : {}),
        ...(err.httpStatus ? { httpStatus: err.httpStatus } : {}),
      };
    }
  };
}
