/**
 * Every BFF call the console makes. Bodies and answers are the shared schemas' types, so a change of
 * the contract breaks the console's build rather than a handler's afternoon.
 */
import type {
  auditList,
  staffMerchantList,
  templateList,
  Article,
  AuditQuery,
  BulkAnswer,
  BulkBody,
  ClaimCaseBody,
  CreateStaffAccountBody,
  CreateTemplateBody,
  ExportQuery,
  QueuesAnswer,
  ReplyTemplate,
  StaffAccount,
  StaffAccountList,
  StaffMerchant,
  UpdateFaqBody,
  UpdateMerchantBody,
  UpdateStaffAccountBody,
  createdMerchant,
  createMerchantBody,
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
import type { z } from 'zod';
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

  // The staff desk (the staff-work API)
  queues: () => apiRequest<QueuesAnswer>('/staff/queues'),
  bulk: (body: BulkBody) => apiRequest<BulkAnswer>('/staff/cases/bulk', { method: 'POST', body }),
  claimCase: (body: ClaimCaseBody) => apiRequest<CaseView>('/cases/claim', { method: 'POST', body }),
  staffAccounts: () => apiRequest<StaffAccountList>('/staff/accounts'),
  createStaffAccount: (body: CreateStaffAccountBody) =>
    apiRequest<StaffAccount>('/staff/accounts', { method: 'POST', body }),
  updateStaffAccount: (id: string, body: UpdateStaffAccountBody) =>
    apiRequest<StaffAccount>(`/staff/accounts/${encodeURIComponent(id)}`, { method: 'PUT', body }),
  templates: (action?: string) =>
    apiRequest<z.infer<typeof templateList>>('/staff/templates', { query: { action } }),
  createTemplate: (body: CreateTemplateBody) =>
    apiRequest<ReplyTemplate>('/staff/templates', { method: 'POST', body }),
  deleteTemplate: (id: string) =>
    apiRequest<void>(`/staff/templates/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  staffMerchants: (q: string | undefined, cursor?: string) =>
    apiRequest<z.infer<typeof staffMerchantList>>('/staff/merchants', { query: { q, cursor } }),
  createMerchant: (body: z.input<typeof createMerchantBody>) =>
    apiRequest<z.infer<typeof createdMerchant>>('/staff/merchants', { method: 'POST', body }),
  updateMerchant: (id: string, body: UpdateMerchantBody) =>
    apiRequest<StaffMerchant>(`/staff/merchants/${encodeURIComponent(id)}`, { method: 'PUT', body }),
  newBindingCode: (id: string) =>
    apiRequest<{ bindingCode: string }>(`/staff/merchants/${encodeURIComponent(id)}/binding-code`, {
      method: 'POST',
    }),
  unbind: (merchantId: string, userId: string) =>
    apiRequest<void>(
      `/staff/merchants/${encodeURIComponent(merchantId)}/bindings/${encodeURIComponent(userId)}`,
      { method: 'DELETE' },
    ),
  updateFaq: (id: string, body: UpdateFaqBody) =>
    apiRequest<unknown>(`/staff/faq/${encodeURIComponent(id)}`, { method: 'PUT', body }),
  unpublishFaq: (id: string) =>
    apiRequest<void>(`/staff/faq/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  exportCsv: (query: ExportQuery) =>
    apiFetch('/staff/exports/cases.csv', { query: { ...query } }).then((r) => r.blob()),
  audit: (query: Partial<AuditQuery>) =>
    apiRequest<z.infer<typeof auditList>>('/staff/audit', { query: { ...query } }),
};
