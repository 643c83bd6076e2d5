import { z } from 'zod';
import { CATEGORY_CODES } from '../categories';
import { isoDateTime, uuid } from './common';

export const yearMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM')
  .refine((s) => s >= '2000-01', 'must be 2000-01 or later');

/** The longest period one answer covers (months); longer ones are a 400. */
export const MAX_STATS_MONTHS = 120;
const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

export const statsQuery = z
  .strictObject({
    from: yearMonth.optional(),
    to: yearMonth.optional(),
    /** only this category's figures (the merchant list too) */
    category: z.enum(CATEGORY_CODES).optional(),
    /** only this merchant in `merchants` (its own published record) */
    merchantId: uuid.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] })
  .refine((q) => !q.from || !q.to || monthIndex(q.to) - monthIndex(q.from) < MAX_STATS_MONTHS, {
    message: `at most ${MAX_STATS_MONTHS} months`,
    path: ['to'],
  });
export type StatsQuery = z.infer<typeof statsQuery>;

const rate = z.number().min(0).max(1).nullable().describe('0..1; null when nothing is due');
export const statsFigures = z.object({
  /** filings by the month they were received */
  received: z.object({
    complaint: z.number().int(),
    report: z.number().int(),
    consultation: z.number().int(),
  }),
  /** acceptance deadlines (by month of due date) met by their due time, over those met or past due */
  acceptanceOnTimeRate: rate,
  /** of the complaints received in the period, the share that has ended (settled, closed, refused, withdrawn) */
  completionRate: rate,
  /** closes with outcome mediated over all closes (by month of the close) */
  mediationSuccessRate: rate,
  satisfaction: z.object({
    average: z.number().min(1).max(5).nullable(),
    count: z.number().int(),
    share4or5: rate,
  }),
  /** refunds in accepted merchant proposals plus recoveredFen on close, by month of the event */
  recoveredFen: z.number().int(),
  /** follow-up visits (回访; a case's last one counts, by month recorded): satisfied + basically satisfied over reached */
  visit: z.object({ count: z.number().int(), satisfiedShare: rate }),
});
export type StatsFigures = z.infer<typeof statsFigures>;

export const statsMerchant = z.object({
  id: z.string(),
  name: z.string(),
  /** complaints received in the period (reports never count) */
  received: z.number().int(),
  /** merchant_response deadlines (by month of due date) answered by their due time, over those answered or past due */
  timelyRate: rate,
});
export const statsAnswer = z.object({
  from: yearMonth,
  to: yearMonth,
  months: z.array(statsFigures.extend({ month: yearMonth })),
  totals: statsFigures,
  /** ODR merchants, most complaints first */
  merchants: z.array(statsMerchant),
  /** when these figures were computed (they lag the store by at most 60 seconds) */
  asOf: isoDateTime,
});
export type StatsAnswer = z.infer<typeof statsAnswer>;
