/**
 * Signed, expiring links to one upload (`GET /media/:token`, outside /api/v1), so that WeChat's
 * media_check_async can download an image it has no login for. Stateless: the token carries the
 * upload id and the expiry, and an HMAC over both with a key derived from the JWT secret.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** WeChat answers within 30 minutes; the link outlives that with room for its retries. */
export const MEDIA_LINK_TTL_MS = 2 * 3600_000;
const MAC_BYTES = 16;

export function createMediaLinks(secret: Buffer, now: () => Date) {
  const key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'weiquan media links v1', 32));
  const mac = (payload: Buffer) => createHmac('sha256', key).update(payload).digest().subarray(0, MAC_BYTES);

  return {
    token(uploadId: string): string {
      const payload = Buffer.alloc(20);
      Buffer.from(uploadId.replaceAll('-', ''), 'hex').copy(payload, 0);
      payload.writeUInt32BE(Math.floor((now().getTime() + MEDIA_LINK_TTL_MS) / 1000), 16);
      return Buffer.concat([payload, mac(payload)]).toString('base64url');
    },

    /** The upload id when the token is ours and unexpired, else null. */
    uploadOf(token: string): string | null {
      if (!/^[A-Za-z0-9_-]{48}$/.test(token)) return null;
      const raw = Buffer.from(token, 'base64url');
      if (raw.length !== 20 + MAC_BYTES) return null;
      const payload = raw.subarray(0, 20);
      if (!timingSafeEqual(mac(payload), raw.subarray(20))) return null;
      if (payload.readUInt32BE(16) * 1000 < now().getTime()) return null;
      const hex = payload.subarray(0, 16).toString('hex');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
  };
}
export type MediaLinks = ReturnType<typeof createMediaLinks>;
