/** Breadth (issue 7): public figures, FAQ, articles, hot spots. */
import type { ApiRoute } from '../api-route';
import * as s from '../schemas';

export const BREADTH_ROUTES = {
  stats: {
    method: 'get',
    path: '/stats',
    summary:
      'Public figures by month (received, on-time acceptance, completion, mediation success, satisfaction, recovered) and ODR merchants’ timely-response record; lag at most 60 s',
    roles: 'public',
    query: s.statsQuery,
    // Public and the same for everyone for up to a minute: shared caches may keep it that long.
    answer: { status: 200, schema: s.statsAnswer, cacheControl: 'public, max-age=60' },
    tags: ['figures'],
  },
  faq: {
    method: 'get',
    path: '/faq',
    summary: 'Search published consultation answers (Chinese or English), best match first',
    roles: 'public',
    query: s.faqQuery,
    answer: { status: 200, schema: s.faqList },
    tags: ['faq'],
  },
  articles: {
    method: 'get',
    path: '/articles',
    summary: 'Consumer warnings and typical cases, newest first',
    roles: 'public',
    query: s.articleListQuery,
    answer: { status: 200, schema: s.articleList },
    tags: ['articles'],
  },
  article: {
    method: 'get',
    path: '/articles/{id}',
    summary: 'One article',
    roles: 'public',
    params: s.idParams,
    answer: { status: 200, schema: s.article },
    tags: ['articles'],
  },
  publishArticle: {
    method: 'post',
    path: '/staff/articles',
    summary: 'Publish a consumer warning or typical case',
    roles: ['staff'],
    body: s.createArticleBody,
    answer: { status: 201, schema: s.article },
    tags: ['staff', 'articles'],
  },
  hotspots: {
    method: 'get',
    path: '/staff/hotspots',
    summary:
      'Merchant and category pairs whose last-7-day complaints are at least 5 and 3x their prior 8-week weekly average',
    roles: ['staff'],
    answer: { status: 200, schema: s.hotspotList },
    tags: ['staff'],
  },
} as const satisfies Record<string, ApiRoute>;
