/**
 * Every BFF call the console makes. Bodies and answers are the shared schemas' types, so a change of
 * the contract breaks the console's build rather than a handler's afternoon.
 */
import type {
  Article,
  ArticleList,
  CaseAction,
  CaseList,
  CaseView,
  CreateArticleBody,
  FaqList,
  FileCaseBody,
  HotspotList,
  MeAnswer,
  MetaAnswer,
  StatsAnswer,
  TokenAnswer,
} from '@weiquan/shared';
import { apiFetch, apiRequest } from './http';

export type CaseListParams = Record<string, string | number | boolean | undefined>;

export const api = {
  meta: () => apiRequest<MetaAnswer>('/meta', { auth: false }),
  login: (username: string, password: string) =>
    apiRequest<TokenAnswer>('/auth/staff', { method: 'POST', auth: false, body: { username, password } }),
  me: () => apiRequest<MeAnswer>('/me'),

  listCases: (query: CaseListParams) => apiRequest<CaseList>('/cases', { query }),
  getCase: (id: string) => apiRequest<CaseView>(`/cases/${encodeURIComponent(id)}`),
  act: (id: string, action: CaseAction) =>
    apiRequest<CaseView>(`/cases/${encodeURIComponent(id)}/actions`, { method: 'POST', body: action }),
  fileCase: (body: FileCaseBody, idempotencyKey: string) =>
    apiRequest<CaseView>('/cases', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } }),
  /** evidence bytes: fetched with the bearer token, shown through a blob: URL */
  upload: (id: string) => apiFetch(`/uploads/${encodeURIComponent(id)}`).then((r) => r.blob()),

  stats: (query: { from?: string; to?: string }) => apiRequest<StatsAnswer>('/stats', { auth: false, query }),
  hotspots: () => apiRequest<HotspotList>('/staff/hotspots'),
  articles: (kind?: string, cursor?: string) =>
    apiRequest<ArticleList>('/articles', { auth: false, query: { kind, cursor } }),
  createArticle: (body: CreateArticleBody) =>
    apiRequest<Article>('/staff/articles', { method: 'POST', body }),
  faq: (q?: string) => apiRequest<FaqList>('/faq', { auth: false, query: { q, limit: 50 } }),
};
