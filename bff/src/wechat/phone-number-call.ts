/** getuserphonenumber: a getPhoneNumber button's code -> the phone number WeChat verified. */
import { AppError } from '../errors';
import { TOKEN_ERRCODES, TokenError, type AccessTokens } from './access-token';
import { errcodeOf, jsonPost, type WechatCall } from './wechat-http';

export interface VerifiedPhone {
  /** with the country code for numbers outside the mainland */
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

export function createPhoneNumberCall(call: WechatCall, tokens: AccessTokens, appId: string) {
  return async function phoneNumber(code: string, openid?: string): Promise<VerifiedPhone> {
    if (typeof code !== 'string' || code.length === 0 || code.length > 128) {
      throw new AppError('UNAUTHENTICATED', 'The phone number code is missing or malformed', {
        reason: 'invalid_code',
      });
    }
    let answer: Record<string, unknown>;
    try {
      answer = await tokens.withToken(async (token) => {
        const reply = await call(
          `/wxa/business/getuserphonenumber?access_token=${encodeURIComponent(token)}`,
          jsonPost(openid ? { code, openid } : { code }),
        );
        if (reply.kind === 'network')
          throw new AppError('UNAVAILABLE', `WeChat phone number service unavailable: ${reply.message}`);
        if (reply.kind === 'http')
          throw new AppError('UNAVAILABLE', `WeChat phone number service unavailable: HTTP ${reply.status}`);
        return { result: reply.body, tokenProblem: TOKEN_ERRCODES.has(errcodeOf(reply.body)) };
      });
    } catch (err) {
      if (err instanceof TokenError) throw new AppError('UNAVAILABLE', 'WeChat access token unavailable');
      throw err;
    }
    const errcode = errcodeOf(answer);
    if (errcode === 40029 || errcode === 40163)
      throw new AppError('UNAUTHENTICATED', 'The phone number code is invalid, expired or used; tap again', {
        reason: 'invalid_code',
        errcode,
      });
    if (errcode !== 0)
      throw new AppError('UNAVAILABLE', `WeChat phone number service failed: errcode ${errcode}`, {
        errcode,
      });
    const info = answer.phone_info as Record<string, unknown> | undefined;
    const watermark = info?.watermark as Record<string, unknown> | undefined;
    // the watermark names the app the number was given to: never accept one meant for another app
    if (!info || typeof info.purePhoneNumber !== 'string' || watermark?.appid !== appId)
      throw new AppError('UNAVAILABLE', 'WeChat answered without a phone number for this app');
    return {
      phoneNumber: String(info.phoneNumber ?? info.purePhoneNumber),
      purePhoneNumber: info.purePhoneNumber,
      countryCode: String(info.countryCode ?? '86'),
    };
  };
}
