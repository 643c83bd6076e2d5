/**
 * POST /me/phone: the phone number WeChat verified (getuserphonenumber) replaces the profile's, and is
 * remembered sealed so the mini-program can mark it as verified.
 */
import { maskPhone, type PhoneAnswer } from '@weiquan/shared';
import { AppError } from '../errors';
import type { PiiCipher } from '../security/pii-cipher';
import type { Db } from '../store/db';
import type { UserStore } from '../store/user-store';
import type { Wechat } from './wechat-client';

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

export function createPhoneService(deps: { db: Db; cipher: PiiCipher; users: UserStore; wechat: Wechat }) {
  const { db, cipher, users, wechat } = deps;
  return {
    async verify(userId: string, code: string): Promise<PhoneAnswer> {
      const [user] = await db.query<{ openid: string }>('SELECT openid FROM users WHERE id = $1', [userId]);
      if (!user) throw new AppError('UNAUTHENTICATED', 'This account no longer exists');
      const verified = await wechat.phoneNumber(code, wechat.mode === 'wechat' ? user.openid : undefined);
      const phone = verified.purePhoneNumber;
      if (verified.countryCode !== '86' || !MAINLAND_MOBILE.test(phone))
        throw new AppError('VALIDATION_FAILED', 'Only mainland mobile numbers can be used here', [
          { path: 'code', message: 'the verified number is not a mainland mobile number' },
        ]);
      const profile = await users.profileOf(userId);
      await db.tx(async (q) => {
        await q.query('UPDATE users SET verified_phone_enc = $2 WHERE id = $1', [userId, cipher.seal(phone)]);
        if (profile)
          await q.query('UPDATE users SET profile_enc = $2 WHERE id = $1', [
            userId,
            cipher.sealJson({ ...profile, phone }),
          ]);
      });
      return {
        profile: profile ? { ...profile, phone: maskPhone(phone) } : null,
        verifiedPhone: maskPhone(phone),
      };
    },

    /** The caller's own verified number, in full (GET /me answers it to its owner only). */
    async verifiedPhoneOf(userId: string): Promise<string | null> {
      const [row] = await db.query<{ verified_phone_enc: string | null }>(
        'SELECT verified_phone_enc FROM users WHERE id = $1',
        [userId],
      );
      return row?.verified_phone_enc ? cipher.open(row.verified_phone_enc) : null;
    },
  };
}
export type PhoneService = ReturnType<typeof createPhoneService>;
