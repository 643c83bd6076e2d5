import { z } from 'zod';
import { ROLES, STAFF_ROLES } from '../roles';
import { text } from './common';

export const wechatLoginBody = z.strictObject({
  code: z.string().min(1).max(128),
  as: z.enum(['consumer', 'merchant']).optional(),
});
export const refreshBody = z.strictObject({ refreshToken: z.string().min(1).max(200) });
export const staffLoginBody = z.strictObject({ username: text(1, 64), password: z.string().min(1).max(200) });
export const bindMerchantBody = z.strictObject({ bindingCode: z.string().trim().min(4).max(64) });

export const sessionUser = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  merchantId: z.string().optional(),
  merchantName: z.string().optional(),
  username: z.string().optional(),
  /** whether this user is bound to a merchant and may log in `as: "merchant"` */
  merchantBound: z.boolean().optional(),
  /** staff only */
  displayName: z.string().optional(),
  staffRole: z.enum(STAFF_ROLES).optional(),
});
export const tokenAnswer = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().int(),
  user: sessionUser,
});
export type TokenAnswer = z.infer<typeof tokenAnswer>;
export type SessionUser = z.infer<typeof sessionUser>;
