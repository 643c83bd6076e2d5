import { AppError } from '../errors';
import type { MediaCheckStart, TextCheckRequest, TextVerdict } from './content-check-calls';
import type { VerifiedPhone } from './phone-number-call';
import type { SendOutcome, SubscribeMessage, Wechat, WechatSession } from './wechat-client';

/** Login names for development and demos: `dev:<name>`, the name made of letters, digits, _ - and CJK. */
const DEV_CODE = /^dev:[A-Za-z0-9_\-\p{Script=Han}]{1,32}$/u;
const DEV_PHONE_CODE = /^dev:(1[3-9]\d{9})$/;

/** Markers that let anyone see the content-security flow without WeChat (the contract's emulator check). */
export const EMULATOR_RISKY_MARK = '【违规测试】';
export const EMULATOR_REVIEW_MARK = '【待审测试】';
/** WeChat's labels: 100 normal, 20006 illegal or criminal, 21000 other */
const LABEL = { pass: 100, risky: 20006, review: 21000 } as const;

/** Stands in for WeChat when no app id/secret is configured (development, H5 demos, tests). */
export function createWechatEmulator(): Wechat & { sent: SubscribeMessage[] } {
  const sent: SubscribeMessage[] = [];
  let msgid = 0;
  let traceId = 0;
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
    async checkText({ content }: TextCheckRequest): Promise<TextVerdict> {
      if (content.includes(EMULATOR_RISKY_MARK)) return { kind: 'risky', label: LABEL.risky };
      if (content.includes(EMULATOR_REVIEW_MARK)) return { kind: 'review', label: LABEL.review };
      return { kind: 'pass', label: LABEL.pass };
    },
    async startMediaCheck(): Promise<MediaCheckStart> {
      // nothing can download the image here: it passes at once, so the flow stays visible
      traceId += 1;
      return { ok: true, traceId: `emulator-${traceId}`, verdict: { suggest: 'pass', label: LABEL.pass } };
    },
    async phoneNumber(code: string): Promise<VerifiedPhone> {
      const m = typeof code === 'string' ? DEV_PHONE_CODE.exec(code) : null;
      if (!m)
        throw new AppError('UNAUTHENTICATED', 'Emulator phone codes look like dev:<11-digit mobile number>', {
          reason: 'invalid_code',
        });
      return { phoneNumber: m[1], purePhoneNumber: m[1], countryCode: '86' };
    },
  };
}
