import type { ApiRoute } from '../api-route';
import * as s from '../schemas';

export const NOTIFICATION_ROUTES = {
  saveSubscriptions: {
    method: 'post',
    path: '/subscriptions',
    summary: 'Record what the user granted in wx.requestSubscribeMessage (each accept: one message)',
    roles: 'any',
    body: s.subscriptionsBody,
    answer: { status: 200, schema: s.subscriptionsAnswer },
    tags: ['notifications'],
  },
  inbox: {
    method: 'get',
    path: '/notifications',
    summary: 'The in-app inbox, newest first, with the unread count',
    roles: 'any',
    query: s.notificationListQuery,
    answer: { status: 200, schema: s.notificationList },
    tags: ['notifications'],
  },
  markRead: {
    method: 'post',
    path: '/notifications/read',
    summary: 'Mark notices read (by id, or all)',
    roles: 'any',
    body: s.notificationsReadBody,
    answer: { status: 200, schema: s.notificationsReadAnswer },
    tags: ['notifications'],
  },
} as const satisfies Record<string, ApiRoute>;
