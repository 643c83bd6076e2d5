/**
 * Every BFF call the mini-program makes. Bodies and answers are the shared schemas' types, so a
 * change of the contract breaks the build here rather than at run time.
 */
import type {
  Article,
  ArticleKind,
  ArticleList,
  CaseAction,
  CaseListItem,
  CaseView,
  ComplaintFiling,
  FaqList,
  FileCaseBody,
  MeAnswer,
  Merchant,
  MetaAnswer,
  NotificationList,
  NotificationsReadBody,
  StatsAnswer,
  SubscriptionsBody,
  Profile,
  TokenAnswer,
  UploadAnswer,
} from '@weiquan/shared';
import type { notificationsReadAnswer } from '@weiquan/shared';
import type { z } from 'zod';
import { apiRequest, apiUpload, type Auth } from '../lib/api-client';
import type { AppRole } from '../lib/session';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const api = {
  meta: () => apiRequest<MetaAnswer>('/meta', { auth: 'none' }),
  stats: (query: { merchantId?: string } = {}) => apiRequest<StatsAnswer>('/stats', { auth: 'none', query }),
  faq: (q: string) => apiRequest<FaqList>('/faq', { auth: 'none', query: { q } }),
  articles: (kind?: ArticleKind, cursor?: string) =>
    apiRequest<ArticleList>('/articles', { auth: 'none', query: { kind, cursor } }),
  article: (id: string) => apiRequest<Article>(`/articles/${encodeURIComponent(id)}`, { auth: 'none' }),

  loginWechat: (code: string, as?: AppRole) =>
    apiRequest<TokenAnswer>('/auth/wechat', {
      method: 'POST',
      auth: 'none',
      body: as ? { code, as } : { code },
    }),
  bindMerchant: (bindingCode: string) =>
    apiRequest<TokenAnswer>('/merchant/bind', { method: 'POST', body: { bindingCode } }),

  me: (auth: Auth = 'consumer') => apiRequest<MeAnswer>('/me', { auth }),
  saveProfile: (profile: Profile) => apiRequest<MeAnswer>('/me/profile', { method: 'PUT', body: profile }),

  searchMerchants: (q: string) =>
    apiRequest<{ items: Merchant[] }>('/merchants', { auth: 'none', query: { q } }),

  fileComplaint: (body: ComplaintFiling, idempotencyKey: string) =>
    apiRequest<CaseView>('/cases', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } }),
  /** a report or a consultation (complaints go through `fileComplaint`) */
  fileCase: (body: Exclude<FileCaseBody, ComplaintFiling>, idempotencyKey: string) =>
    apiRequest<CaseView>('/cases', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } }),
  /** the caller's open complaints against one merchant: the duplicate warning before filing */
  openCasesAgainst: (merchantId: string) =>
    apiRequest<Page<CaseListItem>>('/cases', { query: { merchantId, open: 'true' } }),
  listCases: (
    query: { status?: string; kind?: string; cursor?: string; limit?: number },
    auth: AppRole = 'consumer',
  ) => apiRequest<Page<CaseListItem>>('/cases', { auth, query }),
  getCase: (id: string, auth: AppRole = 'consumer') =>
    apiRequest<CaseView>(`/cases/${encodeURIComponent(id)}`, { auth }),
  act: (id: string, action: CaseAction, auth: AppRole = 'consumer') =>
    apiRequest<CaseView>(`/cases/${encodeURIComponent(id)}/actions`, { method: 'POST', body: action, auth }),

  upload: (filePath: string, onProgress: (percent: number) => void, auth: AppRole = 'consumer') =>
    apiUpload<UploadAnswer>(filePath, onProgress, auth),
  saveSubscriptions: (results: SubscriptionsBody['results']) =>
    apiRequest<unknown>('/subscriptions', { method: 'POST', body: { results } satisfies SubscriptionsBody }),

  inbox: (auth: AppRole = 'consumer', cursor?: string) =>
    apiRequest<NotificationList>('/notifications', { auth, query: { cursor } }),
  markRead: (body: NotificationsReadBody, auth: AppRole = 'consumer') =>
    apiRequest<z.infer<typeof notificationsReadAnswer>>('/notifications/read', {
      method: 'POST',
      body,
      auth,
    }),
};
