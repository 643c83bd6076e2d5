/**
 * The fake WeChat's side of the message push: it signs (and in safe mode encrypts) JSON events and
 * POSTs them to the server's push URL, exactly as WeChat's platform does. Written from WeChat's
 * documentation independently of the BFF's code, so the two only agree if both follow the protocol.
 *
 * - GET verification: ?signature&timestamp&nonce&echostr, signature = sha1(sorted [token, timestamp, nonce]).
 * - Plain mode: POST the JSON event with ?signature&timestamp&nonce.
 * - Safe mode: POST {ToUserName, Encrypt} with ?signature&timestamp&nonce&encrypt_type=aes&msg_signature,
 *   msg_signature = sha1(sorted [token, timestamp, nonce, Encrypt]); Encrypt = base64 of AES-256-CBC
 *   (key = base64-decoded EncodingAESKey + "=", IV = the key's first 16 bytes, PKCS#7 padding to 32 bytes)
 *   over 16 random bytes + 4-byte big-endian length + message + appid.
 */
import { createCipheriv, createHash, randomBytes } from 'node:crypto';

export interface PushTarget {
  /** the push URL, e.g. http://127.0.0.1:port/wechat/push */
  url: string;
  token: string;
  /** the 43-character EncodingAESKey; required for safe mode */
  aesKey?: string;
  appId: string;
}

export interface PushOptions {
  mode?: 'plain' | 'safe';
  /** sign with another token (a forged push) */
  signWithToken?: string;
  /** encrypt naming another app inside the ciphertext */
  appIdInside?: string;
  timestamp?: number;
}

export interface PushAnswer {
  status: number;
  text: string;
}

const sha1 = (parts: string[]) =>
  createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');

/** A fresh EncodingAESKey: 43 characters of base64 (32 bytes, the trailing "=" dropped). */
export const newEncodingAesKey = () => randomBytes(32).toString('base64').slice(0, 43);

export function encryptForPush(aesKey: string, appId: string, message: string): string {
  const key = Buffer.from(`${aesKey}=`, 'base64');
  const msg = Buffer.from(message, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(msg.length, 0);
  const plain = Buffer.concat([randomBytes(16), len, msg, Buffer.from(appId, 'utf8')]);
  const pad = 32 - (plain.length % 32);
  const padded = Buffer.concat([plain, Buffer.alloc(pad, pad)]);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
}

export function verificationQuery(token: string, echostr: string, timestamp = Math.floor(Date.now() / 1000)) {
  const nonce = String(randomBytes(4).readUInt32BE(0));
  const ts = String(timestamp);
  return new URLSearchParams({ signature: sha1([token, ts, nonce]), timestamp: ts, nonce, echostr });
}

export async function pushEvent(
  target: PushTarget,
  event: Record<string, unknown>,
  opts: PushOptions = {},
): Promise<PushAnswer> {
  const token = opts.signWithToken ?? target.token;
  const ts = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = String(randomBytes(4).readUInt32BE(0));
  const query = new URLSearchParams({ signature: sha1([token, ts, nonce]), timestamp: ts, nonce });
  let body: string;
  if (opts.mode === 'safe') {
    if (!target.aesKey) throw new Error('safe mode needs the EncodingAESKey');
    const encrypt = encryptForPush(target.aesKey, opts.appIdInside ?? target.appId, JSON.stringify(event));
    query.set('encrypt_type', 'aes');
    query.set('msg_signature', sha1([token, ts, nonce, encrypt]));
    body = JSON.stringify({ ToUserName: event.ToUserName, Encrypt: encrypt });
  } else {
    body = JSON.stringify(event);
  }
  const res = await fetch(`${target.url}?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return { status: res.status, text: await res.text() };
}

// --- the events, shaped as WeChat sends them in JSON (a one-item List is an object, not an array) ---

const MINIPROGRAM_USERNAME = 'gh_fake0000weiquan';
const list = <T>(items: T[]): T | T[] => (items.length === 1 ? items[0] : items);

const envelope = (openid: string, event: string, createTime: number) => ({
  ToUserName: MINIPROGRAM_USERNAME,
  FromUserName: openid,
  CreateTime: createTime,
  MsgType: 'event',
  Event: event,
});

export const popupEvent = (
  openid: string,
  results: Record<string, 'accept' | 'reject'>,
  createTime = Math.floor(Date.now() / 1000),
) => ({
  ...envelope(openid, 'subscribe_msg_popup_event', createTime),
  List: list(
    Object.entries(results).map(([TemplateId, SubscribeStatusString]) => ({
      TemplateId,
      SubscribeStatusString,
      PopupScene: '0',
    })),
  ),
});

export const changeEvent = (
  openid: string,
  templateIds: string[],
  createTime = Math.floor(Date.now() / 1000),
) => ({
  ...envelope(openid, 'subscribe_msg_change_event', createTime),
  List: list(templateIds.map((TemplateId) => ({ TemplateId, SubscribeStatusString: 'reject' }))),
});

export const sentEvent = (
  openid: string,
  sends: { templateId: string; msgid: number | string; errorCode: number; errorStatus?: string }[],
  createTime = Math.floor(Date.now() / 1000),
) => ({
  ...envelope(openid, 'subscribe_msg_sent_event', createTime),
  List: list(
    sends.map((s) => ({
      TemplateId: s.templateId,
      MsgID: String(s.msgid),
      ErrorCode: String(s.errorCode),
      ErrorStatus: s.errorStatus ?? (s.errorCode === 0 ? 'success' : 'fail:user refuse'),
    })),
  ),
});

export const mediaCheckEvent = (
  appId: string,
  openid: string,
  traceId: string,
  verdict: { suggest: 'pass' | 'review' | 'risky'; label: number },
  createTime = Math.floor(Date.now() / 1000),
) => ({
  ...envelope(openid, 'wxa_media_check', createTime),
  appid: appId,
  trace_id: traceId,
  version: 2,
  // the platform writes the event's labels as strings
  result: { suggest: verdict.suggest, label: String(verdict.label) },
  detail: [
    {
      strategy: 'content_model',
      errcode: 0,
      suggest: verdict.suggest,
      label: String(verdict.label),
      prob: 90,
    },
  ],
});
