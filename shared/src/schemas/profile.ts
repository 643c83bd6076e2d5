import { z } from 'zod';
import { address, idNumber, personName, phone } from './common';
import { sessionUser } from './auth';

export const profileBody = z.strictObject({
  name: personName,
  phone,
  address,
  idNumber: idNumber.optional(),
});
export type Profile = z.infer<typeof profileBody>;
export const meAnswer = z.object({
  user: sessionUser,
  profile: profileBody.nullable(),
  /** the caller's own phone number as WeChat verified it (POST /me/phone); null when none */
  verifiedPhone: z.string().nullable().optional(),
});

/** POST /me/phone: a getPhoneNumber button's code (emulator mode: dev:<11 digits>). */
export const phoneCodeBody = z.strictObject({ code: z.string().trim().min(1).max(128) });
export type PhoneCodeBody = z.infer<typeof phoneCodeBody>;
/** The profile and the verified number, phone numbers masked (the full one reads back from GET /me). */
export const phoneAnswer = z.object({
  profile: profileBody.nullable(),
  verifiedPhone: z.string(),
});
export type PhoneAnswer = z.infer<typeof phoneAnswer>;
export type MeAnswer = z.infer<typeof meAnswer>;
