/**
 * The API's route table as data: the OpenAPI document is generated from it and the zod schemas it
 * names, never written by hand. Areas added later append their routes here.
 */
import type { z } from 'zod';
import * as s from './schemas';

export interface ApiRoute {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  auth: 'none' | 'any' | 'consumer' | 'merchant' | 'staff';
  body?: z.ZodType;
  query?: z.ZodType;
  /** multipart upload with one `file` field */
  multipart?: boolean;
  headers?: Record<string, { schema: z.ZodType; required: boolean; description: string }>;
  answer?: { status: number; schema?: z.ZodType; binary?: boolean };
  tags?: string[];
}

export const API_ROUTES: ApiRoute[] = [
  {
    method: 'post',
    path: '/auth/wechat',
    summary: 'Log in with a wx.login code (emulator: dev:<name>)',
    auth: 'none',
    body: s.wechatLoginBody,
    answer: { status: 200, schema: s.tokenAnswer },
    tags: ['auth'],
  },
  {
    method: 'post',
    path: '/auth/refresh',
    summary: 'Rotate a refresh token',
    auth: 'none',
    body: s.refreshBody,
    answer: { status: 200, schema: s.tokenAnswer },
    tags: ['auth'],
  },
  {
    method: 'post',
    path: '/auth/staff',
    summary: 'Staff login',
    auth: 'none',
    body: s.staffLoginBody,
    answer: { status: 200, schema: s.tokenAnswer },
    tags: ['auth'],
  },
  {
    method: 'get',
    path: '/me',
    summary: 'Who am I, and my real-name profile',
    auth: 'any',
    answer: { status: 200, schema: s.meAnswer },
    tags: ['me'],
  },
  {
    method: 'put',
    path: '/me/profile',
    summary: 'Save the real-name profile used to prefill filings',
    auth: 'any',
    body: s.profileBody,
    answer: { status: 200, schema: s.meAnswer },
    tags: ['me'],
  },
  {
    method: 'post',
    path: '/me/phone',
    summary: 'Save the phone number WeChat verified (getPhoneNumber code; emulator: dev:<11 digits>)',
    auth: 'any',
    body: s.phoneCodeBody,
    answer: { status: 200, schema: s.phoneAnswer },
    tags: ['me'],
  },
  {
    method: 'get',
    path: '/merchants',
    summary: 'Search the merchant directory',
    auth: 'none',
    query: s.merchantSearchQuery,
    answer: { status: 200, schema: s.merchantList },
    tags: ['merchants'],
  },
  {
    method: 'post',
    path: '/merchant/bind',
    summary: 'Bind this user to a merchant with a binding code; answers merchant-role tokens',
    auth: 'any',
    body: s.bindMerchantBody,
    answer: { status: 200, schema: s.tokenAnswer },
    tags: ['merchants'],
  },
  {
    method: 'post',
    path: '/staff/merchants',
    summary: 'Create a merchant (answers its binding code once)',
    auth: 'staff',
    body: s.createMerchantBody,
    answer: { status: 201, schema: s.createdMerchant },
    tags: ['staff'],
  },
  {
    method: 'post',
    path: '/staff/merchants/{id}/binding-code',
    summary:
      'Issue a new binding code for a merchant (the old one stops working; users already bound stay bound)',
    auth: 'staff',
    answer: { status: 200, schema: s.bindingCodeAnswer },
    tags: ['staff'],
  },
  {
    method: 'delete',
    path: '/staff/merchants/{id}/bindings/{userId}',
    summary: "Unbind a user from a merchant: that user's merchant sessions end (tokens 401 within 10 s)",
    auth: 'staff',
    answer: { status: 204 },
    tags: ['staff'],
  },
  {
    method: 'post',
    path: '/cases',
    summary: 'File a complaint, report or consultation',
    auth: 'consumer',
    body: s.fileCaseBody,
    headers: {
      'Idempotency-Key': {
        schema: s.idempotencyKey,
        required: true,
        description: '1-128 printable ASCII characters; the same key and body answer the same case',
      },
    },
    answer: { status: 201, schema: s.caseView },
    tags: ['cases'],
  },
  {
    method: 'get',
    path: '/cases',
    summary: 'The cases the caller may see',
    auth: 'any',
    query: s.caseListQuery,
    answer: { status: 200, schema: s.caseList },
    tags: ['cases'],
  },
  {
    method: 'get',
    path: '/cases/{id}',
    summary: 'A case with its timeline, deadlines and allowed actions',
    auth: 'any',
    answer: { status: 200, schema: s.caseView },
    tags: ['cases'],
  },
  {
    method: 'post',
    path: '/cases/{id}/actions',
    summary: 'Apply an action to a case',
    auth: 'any',
    body: s.caseAction,
    answer: { status: 200, schema: s.caseView },
    tags: ['cases'],
  },
  {
    method: 'post',
    path: '/uploads',
    summary: 'Upload evidence (jpeg, png, webp, pdf; 10 MB)',
    auth: 'any',
    multipart: true,
    answer: { status: 201, schema: s.uploadAnswer },
    tags: ['uploads'],
  },
  {
    method: 'get',
    path: '/uploads/{id}',
    summary: 'The bytes of an upload',
    auth: 'any',
    answer: { status: 200, binary: true },
    tags: ['uploads'],
  },
  {
    method: 'get',
    path: '/meta',
    summary: 'What the client needs before login',
    auth: 'none',
    answer: { status: 200, schema: s.metaAnswer },
    tags: ['meta'],
  },
  {
    method: 'post',
    path: '/subscriptions',
    summary: 'Record what the user granted in wx.requestSubscribeMessage (each accept: one message)',
    auth: 'any',
    body: s.subscriptionsBody,
    answer: { status: 200, schema: s.subscriptionsAnswer },
    tags: ['notifications'],
  },
  {
    method: 'get',
    path: '/notifications',
    summary: 'The in-app inbox, newest first, with the unread count',
    auth: 'any',
    query: s.notificationListQuery,
    answer: { status: 200, schema: s.notificationList },
    tags: ['notifications'],
  },
  {
    method: 'post',
    path: '/notifications/read',
    summary: 'Mark notices read (by id, or all)',
    auth: 'any',
    body: s.notificationsReadBody,
    answer: { status: 200, schema: s.notificationsReadAnswer },
    tags: ['notifications'],
  },
  // Breadth (issue 7): public figures, FAQ, articles, hot spots.
  {
    method: 'get',
    path: '/stats',
    summary:
      'Public figures by month (received, on-time acceptance, completion, mediation success, satisfaction, recovered) and ODR merchants’ timely-response record; lag at most 60 s',
    auth: 'none',
    query: s.statsQuery,
    answer: { status: 200, schema: s.statsAnswer },
    tags: ['figures'],
  },
  {
    method: 'get',
    path: '/faq',
    summary: 'Search published consultation answers (Chinese or English), best match first',
    auth: 'none',
    query: s.faqQuery,
    answer: { status: 200, schema: s.faqList },
    tags: ['faq'],
  },
  {
    method: 'get',
    path: '/articles',
    summary: 'Consumer warnings and typical cases, newest first',
    auth: 'none',
    query: s.articleListQuery,
    answer: { status: 200, schema: s.articleList },
    tags: ['articles'],
  },
  {
    method: 'get',
    path: '/articles/{id}',
    summary: 'One article',
    auth: 'none',
    answer: { status: 200, schema: s.article },
    tags: ['articles'],
  },
  {
    method: 'post',
    path: '/staff/articles',
    summary: 'Publish a consumer warning or typical case',
    auth: 'staff',
    body: s.createArticleBody,
    answer: { status: 201, schema: s.article },
    tags: ['staff', 'articles'],
  },
  {
    method: 'get',
    path: '/staff/hotspots',
    summary:
      'Merchant and category pairs whose last-7-day complaints are at least 5 and 3x their prior 8-week weekly average',
    auth: 'staff',
    answer: { status: 200, schema: s.hotspotList },
    tags: ['staff'],
  },
];
