/**
 * WeChat message push signatures and safe-mode decryption (AES-256-CBC with the EncodingAESKey).
 * signature = sha1 of the sorted [token, timestamp, nonce]; in safe mode msg_signature also sorts in
 * the Encrypt value. The key is the 43-character EncodingAESKey + "=" read as base64 (32 bytes), the
 * IV its first 16 bytes; the plaintext is 16 random bytes, a 4-byte big-endian length, the message,
 * then the appid, padded PKCS#7-style to a multiple of 32 bytes.
 */
import { createDecipheriv, createHash, timingSafeEqual } from 'node:crypto';

export const ENCODING_AES_KEY = /^[A-Za-z0-9+/]{43}$/;

export function pushSignature(parts: string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}

export function signatureMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}

export class PushDecryptError extends Error {}

/** The message and the appid sealed inside one Encrypt value; throws PushDecryptError when it is not one. */
export function decryptPush(encodingAesKey: string, encrypt: string): { message: string; appId: string } {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  const data = Buffer.from(encrypt, 'base64');
  if (data.length === 0 || data.length % 16 !== 0) throw new PushDecryptError('ciphertext length');
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    decipher.setAutoPadding(false); // WeChat pads to 32 bytes, not AES's 16: undone below
    plain = Buffer.concat([decipher.update(data), decipher.final()]);
  } catch {
    throw new PushDecryptError('decryption failed');
  }
  const pad = plain[plain.length - 1];
  if (pad < 1 || pad > 32 || pad > plain.length) throw new PushDecryptError('padding');
  const body = plain.subarray(0, plain.length - pad);
  if (body.length < 20) throw new PushDecryptError('too short');
  const length = body.readUInt32BE(16);
  if (20 + length > body.length) throw new PushDecryptError('length');
  return {
    message: body.subarray(20, 20 + length).toString('utf8'),
    appId: body.subarray(20 + length).toString('utf8'),
  };
}
