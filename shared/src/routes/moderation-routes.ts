/** Staff moderation of what content security listed (the WeChat-platform issue). */
import type { ApiRoute } from '../api-route';
import * as s from '../schemas';

export const MODERATION_ROUTES = {
  moderationList: {
    method: 'get',
    path: '/staff/moderation',
    summary:
      'Texts and images content security listed for staff (review, unchecked, risky image, no image verdict)',
    roles: ['staff'],
    query: s.moderationListQuery,
    answer: { status: 200, schema: s.moderationList },
    tags: ['staff', 'moderation'],
  },
  redactModerated: {
    method: 'post',
    path: '/staff/moderation/{id}/redact',
    summary:
      'Redact: the text reads 该内容已被屏蔽 for everyone but staff (an image is hidden from the merchant)',
    roles: ['staff'],
    params: s.moderationParams,
    body: s.redactBody,
    answer: { status: 200, schema: s.moderationDecision },
    tags: ['staff', 'moderation'],
  },
  releaseModerated: {
    method: 'post',
    path: '/staff/moderation/{id}/release',
    summary: 'Release: take the item off the list, the content stays as it is',
    roles: ['staff'],
    params: s.moderationParams,
    answer: { status: 200, schema: s.moderationDecision },
    tags: ['staff', 'moderation'],
  },
} as const satisfies Record<string, ApiRoute>;
