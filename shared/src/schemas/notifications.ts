import { z } from 'zod';
import { NOTICE_AUDIENCES, TEMPLATE_SLOTS } from '../notification-rules';
import { isoDateTime, pageQuery } from './common';

/** What `wx.requestSubscribeMessage` answered, per template id (at most 3 templates per call). */
export const SUBSCRIPTION_RESULTS = ['accept', 'reject', 'ban', 'filter'] as const;
export const subscriptionsBody = z.strictObject({
  results: z
    .record(
      z
        .string()
        .min(1)
        .max(128)
        .regex(/^[\x21-\x7e]+$/, 'must be a template id'),
      z.enum(SUBSCRIPTION_RESULTS),
    )
    .refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 3, 'must name 1 to 3 templates'),
});
export type SubscriptionsBody = z.infer<typeof subscriptionsBody>;

/** Per configured template slot: grants left, and whether the user banned it. */
export const subscriptionsAnswer = z.object({
  templates: z.array(
    z.object({
      slot: z.enum(TEMPLATE_SLOTS),
      templateId: z.string(),
      remaining: z.number().int(),
      banned: z.boolean(),
    }),
  ),
});
export type SubscriptionsAnswer = z.infer<typeof subscriptionsAnswer>;

export const notificationListQuery = z.strictObject({
  unread: z
    .enum(['true', 'false'])
    .transform((s) => s === 'true')
    .optional(),
  ...pageQuery,
});
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

export const PUSH_STATES = ['pending', 'sent', 'no_subscription', 'failed'] as const;
export const notificationItem = z.object({
  id: z.string(),
  /** null for a notice about no case (staff: the next year's holiday arrangement is missing) */
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
  audience: z.enum(NOTICE_AUDIENCES),
  type: z.string().describe('the case event type (an action, filed) or a clock notice'),
  title: z.string(),
  body: z.string(),
  createdAt: isoDateTime,
  read: z.boolean(),
  /** the subscribe message sent for this notice, when there was one (emulator mode too) */
  push: z
    .object({ templateId: z.string(), state: z.enum(PUSH_STATES), sentAt: isoDateTime.nullable() })
    .nullable(),
});
export type NotificationItem = z.infer<typeof notificationItem>;

export const notificationList = z.object({
  items: z.array(notificationItem),
  nextCursor: z.string().nullable(),
  unreadCount: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationList>;

export const notificationsReadBody = z.union([
  z.strictObject({
    ids: z
      .array(z.string().regex(/^\d{1,18}$/, 'must be a notification id'))
      .min(1)
      .max(100),
  }),
  z.strictObject({ all: z.literal(true) }),
]);
export type NotificationsReadBody = z.infer<typeof notificationsReadBody>;
export const notificationsReadAnswer = z.object({ unreadCount: z.number().int() });
