import { z } from 'zod';
import { address, text } from './common';

export const badges = z.strictObject({
  odr: z.boolean().default(false),
  noReasonReturn: z.boolean().default(false),
  rightsStation: z.boolean().default(false),
});
export const merchant = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  district: z.string(),
  badges: z.object({ odr: z.boolean(), noReasonReturn: z.boolean(), rightsStation: z.boolean() }),
});
export type Merchant = z.infer<typeof merchant>;
export const merchantSearchQuery = z.object({
  q: text(0, 100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const merchantList = z.object({ items: z.array(merchant) });
export const createMerchantBody = z.strictObject({
  name: text(2, 100),
  address,
  district: text(2, 50),
  /** 统一社会信用代码: 18 characters */
  uscc: z
    .string()
    .trim()
    .regex(
      /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/,
      'must be an 18-character unified social credit code',
    )
    .optional(),
  badges: badges.default({ odr: false, noReasonReturn: false, rightsStation: false }),
});
export const createdMerchant = merchant.extend({ bindingCode: z.string() });
/** A new binding code (POST /staff/merchants/:id/binding-code): the old one stops working. */
export const bindingCodeAnswer = z.object({ bindingCode: z.string() });
