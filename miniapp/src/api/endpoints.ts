/**
 * Every BFF call the mini-program makes, typed from the shared route table: each function names its
 * route, and the table gives the method, the path, the body and query it may send and the answer it
 * reads. A change of the contract breaks the build here rather than at run time.
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
import { apiRequest, apiUpload, type Auth, type RequestOptions } from '../lib/api-client';
import type { AppRole } from '../lib/session';

/** What a route accepts as its body, query or path parameters, and what it answers. */
export type Body<N extends RouteName> = RoutePart<Api[N], 'body', 'input'>;
export type Query<N extends RouteName> = RoutePart<Api[N], 'query', 'input'>;
export type Params<N extends RouteName> = RoutePart<Api[N], 'params', 'input'>;
export type Answer<N extends RouteName> = RouteAnswer<Api[N]>;

/** A list answer's page, with its items' type narrowed by the caller. */
export type Page<T> = Omit<Answer<'listCases'>, 'items'> & { items: T[] };

type Filing = Body<'fileCase'>;
type ComplaintBody = Extract<Filing, { kind: 'complaint' }>;

/**
 * The list's query, but status and kind as the plain strings the list pages keep their filter tabs
 * in (the BFF answers 400 for an unknown one). Tighten to `Query<'listCases'>` once the pages hold
 * the enums.
 */
type CaseListFilter = Omit<Query<'listCases'>, 'status' | 'kind'> & { status?: string; kind?: string };

interface CallOptions<N extends RouteName> {
  params?: Params<N>;
  query?: Query<N>;
  body?: Body<N>;
  headers?: RouteHeaders<Api[N], 'input'>;
  /** whose token to send; default: none for public routes, else the consumer's */
  auth?: Auth;
}

/** Calls a route of the table by name. */
function call<N extends RouteName>(name: N, opts: CallOptions<N> = {}): Promise<Answer<N>> {
  const route: Api[RouteName] = API[name];
  return apiRequest<Answer<N>>(fillPath(route.path, opts.params as Record<string, string> | undefined), {
    method: route.method.toUpperCase() as RequestOptions['method'],
    auth: opts.auth ?? (route.roles === 'public' ? 'none' : 'consumer'),
    query: opts.query as RequestOptions['query'],
    body: opts.body,
    headers: opts.headers as Record<string, string> | undefined,
  });
}

export const api = {
  meta: () => call('meta'),
  stats: (query: Query<'stats'> = {}) => call('stats', { query }),
  faq: (q: string) => call('faq', { query: { q } }),
  articles: (kind?: Query<'articles'>['kind'], cursor?: string) =>
    call('articles', { query: { kind, cursor } }),
  article: (id: string) => call('article', { params: { id } }),

  loginWechat: (code: string, as?: AppRole) => call('loginWechat', { body: as ? { code, as } : { code } }),
  bindMerchant: (bindingCode: string) => call('bindMerchant', { body: { bindingCode } }),

  me: (auth: Auth = 'consumer') => call('me', { auth }),
  saveProfile: (profile: Body<'saveProfile'>) => call('saveProfile', { body: profile }),
  /** a getPhoneNumber code (emulator: dev:<11 digits>) -> the verified number into the profile */
  savePhone: (code: string) => call('savePhone', { body: { code } }),

  searchMerchants: (q: string) => call('searchMerchants', { query: { q } }),

  fileComplaint: (body: ComplaintBody, idempotencyKey: string) =>
    call('fileCase', { body, headers: { 'Idempotency-Key': idempotencyKey } }),
  /** a report or a consultation (complaints go through `fileComplaint`) */
  fileCase: (body: Exclude<Filing, ComplaintBody>, idempotencyKey: string) =>
    call('fileCase', { body, headers: { 'Idempotency-Key': idempotencyKey } }),
  /** the caller's open complaints against one merchant: the duplicate warning before filing */
  openCasesAgainst: (merchantId: string) => call('listCases', { query: { merchantId, open: 'true' } }),
  listCases: (query: CaseListFilter, auth: AppRole = 'consumer') =>
    call('listCases', { auth, query: query as Query<'listCases'> }),
  getCase: (id: string, auth: AppRole = 'consumer') => call('getCase', { auth, params: { id } }),
  /** a case 12315 registered for the caller (by phone, letter...), claimed with its number and claim code */
  claimCase: (body: Body<'claimCase'>) => call('claimCase', { body }),
  act: (id: string, action: Body<'actOnCase'>, auth: AppRole = 'consumer') =>
    call('actOnCase', { auth, params: { id }, body: action }),

  upload: (filePath: string, onProgress: (percent: number) => void, auth: AppRole = 'consumer') =>
    apiUpload<Answer<'upload'>>(API.upload.path, filePath, onProgress, auth),
  saveSubscriptions: (results: Body<'saveSubscriptions'>['results']) =>
    call('saveSubscriptions', { body: { results } }),

  inbox: (auth: AppRole = 'consumer', cursor?: string) => call('inbox', { auth, query: { cursor } }),
  markRead: (body: Body<'markRead'>, auth: AppRole = 'consumer') => call('markRead', { auth, body }),
};
