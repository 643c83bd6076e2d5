import { AppError } from '../errors';
import type { SendOutcome, SubscribeMessage, Wechat, WechatSession } from './wechat-client';

/** Login names for development and demos: `dev:<name>`, the name made of letters, digits, _ - and CJK. */
const DEV_CODE = /^dev:[A-Za-z0-9_\-\p{Script=Han}]{1,32}$/u;

/** Stands in for WeChat when no app id/secret is configured (development, H5 demos, tests). */
export function createWechatEmulator(): Wechat & { sent: SubscribeMessage[] } {
  const sent: SubscribeMessage[] = [];
  let msgid = 0;
  return {
    mode: 'emulator',
    sent,
    async code2Session(code: string): Promise<WechatSession> {
      if (typeof code !== 'string' || !DEV_CODE.test(code)) {
        throw new AppError(
          'UNAUTHENTICATED',
          'Emulator login expects a code of the form dev:<name> (1-32 letters, digits, _, - or CJK)',
          {
            reason: 'invalid_code',
          },
        );
      }
      return { openid: code };
    },
    async sendSubscribeMessage(msg: SubscribeMessage): Promise<SendOutcome> {
      sent.push(msg);
      msgid += 1;
      return { ok: true, msgid: `emulator-${msgid}` };
    },
  };
}
