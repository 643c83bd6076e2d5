/**
 * Every BFF call the console makes, typed from the shared route table: each function names its
 * route, and the table gives the method, the path, the body and query it may send and the answer it
 * reads. A change of the contract breaks the console's build rather than a handler's afternoon.
 */
import {
  API,
  fillPath,
  type Api,
  type RouteAnswer,
  type RouteHeaders,
  type RouteName,
  type RoutePart,
} from '@weiquan/shared';
import { apiFetch, apiRequest, type RequestOptions } from './http';

export type Body<N extends RouteName> = RoutePart<Api[N], 'body', 'input'>;
export type Query<N extends RouteName> = RoutePart<Api[N], 'query', 'input'>;
export type Params<N extends RouteName> = RoutePart<Api[N], 'params', 'input'>;
export type Answer<N extends RouteName> = RouteAnswer<Api[N]>;

interface CallOptions<N extends RouteName> {
  params?: Params<N>;
  query?: Query<N>;
  body?: Body<N>;
  headers?: RouteHeaders<Api[N], 'input'>;
}

function requestOf<N extends RouteName>(name: N, opts: CallOptions<N>): [string, RequestOptions] {
  const route: Api[RouteName] = API[name];
  return [
    fillPath(route.path, opts.params as Record<string, string> | undefined),
    {
      method: route.method.toUpperCase() as RequestOptions['method'],
      auth: route.roles !== 'public',
      query: opts.query as RequestOptions['query'],
      body: opts.body,
      headers: opts.headers as Record<string, string> | undefined,
    },
  ];
}

/** Calls a route of the table by name and reads its JSON answer. */
function call<N extends RouteName>(name: N, opts: CallOptions<N> = {}): Promise<Answer<N>> {
  return apiRequest<Answer<N>>(...requestOf(name, opts));
}
/** Calls a route whose answer is bytes (uploads, CSV). */
function bytes<N extends RouteName>(name: N, opts: CallOptions<N> = {}): Promise<Blob> {
  return apiFetch(...requestOf(name, opts)).then((r) => r.blob());
}

export type CaseListQuery = Query<'listCases'>;

export const api = {
  meta: () => call('meta'),
  login: (username: string, password: string) => call('loginStaff', { body: { username, password } }),
  me: () => call('me'),

  listCases: (query: CaseListQuery) => call('listCases', { query }),
  getCase: (id: string) => call('getCase', { params: { id } }),
  act: (id: string, action: Body<'actOnCase'>) => call('actOnCase', { params: { id }, body: action }),
  fileCase: (body: Body<'fileCase'>, idempotencyKey: string) =>
    call('fileCase', { body, headers: { 'Idempotency-Key': idempotencyKey } }),
  /** evidence bytes: fetched with the bearer token, shown through a blob: URL */
  upload: (id: string) => bytes('readUpload', { params: { id } }),

  searchMerchants: (q: string) => call('searchMerchants', { query: { q } }),
  stats: (query: Query<'stats'>) => call('stats', { query }),
  hotspots: () => call('hotspots'),
  articles: (kind?: Query<'articles'>['kind'], cursor?: string) =>
    call('articles', { query: { kind, cursor } }),
  publishArticle: (body: Body<'publishArticle'>) => call('publishArticle', { body }),
  faq: (q?: string) => call('faq', { query: { q, limit: 50 } }),

  staffAccounts: () => call('listStaffAccounts'),
  createStaffAccount: (body: Body<'createStaffAccount'>) => call('createStaffAccount', { body }),
  updateStaffAccount: (id: string, body: Body<'updateStaffAccount'>) =>
    call('updateStaffAccount', { params: { id }, body }),
  templates: (action?: Query<'replyTemplates'>['action']) => call('replyTemplates', { query: { action } }),
  createTemplate: (body: Body<'createReplyTemplate'>) => call('createReplyTemplate', { body }),
  deleteTemplate: (id: string) => call('deleteReplyTemplate', { params: { id } }),
  staffMerchants: (q: string | undefined, cursor?: string) =>
    call('staffMerchants', { query: { q, cursor } }),
  districts: () => call('districts'),
  createMerchant: (body: Body<'createMerchant'>) => call('createMerchant', { body }),
  updateMerchant: (id: string, body: Body<'updateMerchant'>) =>
    call('updateMerchant', { params: { id }, body }),
  newBindingCode: (id: string) => call('rotateBindingCode', { params: { id } }),
  unbind: (id: string, userId: string) => call('unbindMerchantUser', { params: { id, userId } }),
  updateFaq: (id: string, body: Body<'updateFaq'>) => call('updateFaq', { params: { id }, body }),
  unpublishFaq: (id: string) => call('unpublishFaq', { params: { id } }),
  exportCsv: (query: Query<'exportCases'>) => bytes('exportCases', { query }),
  audit: (query: Query<'audit'>) => call('audit', { query }),

  calendar: () => call('calendar'),
  /** dryRun: counts the deadlines that would move and saves nothing (the page's preview) */
  saveCalendarYear: (year: number, body: Body<'saveCalendarYear'>, dryRun: boolean) =>
    call('saveCalendarYear', { params: { year }, query: { dryRun: dryRun ? 'true' : 'false' }, body }),

  moderation: (cursor?: string) => call('moderationList', { query: { cursor } }),
  redact: (id: string, reason: string) => call('redactModerated', { params: { id }, body: { reason } }),
  release: (id: string) => call('releaseModerated', { params: { id } }),

  queues: () => call('staffQueues'),
  bulk: (body: Body<'bulkCaseAction'>) => call('bulkCaseAction', { body }),
  /** the case page's heartbeat: answers the other staff on the case */
  presence: (id: string, acting: boolean) => call('casePresence', { params: { id }, body: { acting } }),
};
