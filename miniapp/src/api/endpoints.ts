/**
 * Every BFF call the mini-program makes. Bodies and answers are the shared schemas' types, so a
 * change of the contract breaks the build here rather than at run time.
 */
import type {
  CaseAction,
  CaseListItem,
  CaseView,
  ComplaintFiling,
  MeAnswer,
  Merchant,
  MetaAnswer,
  Profile,
  TokenAnswer,
  UploadAnswer,
} from '@weiquan/shared'
import { apiRequest, apiUpload, type Auth } from '../lib/api-client'
import type { AppRole } from '../lib/session'

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

/** The inbox (notification issue); fields beyond these are ignored. */
export interface InboxItem {
  id: string
  title?: string
  body?: string
  text?: string
  caseId?: string
  createdAt: string
  readAt?: string | null
  read?: boolean
}
export interface Inbox extends Page<InboxItem> {
  unread: number
}

/** Public figures (GET /stats); only the totals are shown. */
export interface PublicStats {
  from: string
  to: string
  totals: {
    received: { complaint: number; report: number; consultation: number }
    acceptanceOnTimeRate: number | null
    completionRate: number | null
    mediationSuccessRate: number | null
    satisfaction: { average: number | null; count: number; share4or5: number | null }
    recoveredFen: number
  }
}

export const api = {
  meta: () => apiRequest<MetaAnswer>('/meta', { auth: 'none' }),
  stats: () => apiRequest<PublicStats>('/stats', { auth: 'none' }),

  loginWechat: (code: string, as?: AppRole) =>
    apiRequest<TokenAnswer>('/auth/wechat', { method: 'POST', auth: 'none', body: as ? { code, as } : { code } }),
  bindMerchant: (bindingCode: string) =>
    apiRequest<TokenAnswer>('/merchant/bind', { method: 'POST', body: { bindingCode } }),

  me: (auth: Auth = 'consumer') => apiRequest<MeAnswer>('/me', { auth }),
  saveProfile: (profile: Profile) => apiRequest<MeAnswer>('/me/profile', { method: 'PUT', body: profile }),

  searchMerchants: (q: string) => apiRequest<{ items: Merchant[] }>('/merchants', { auth: 'none', query: { q } }),

  fileComplaint: (body: ComplaintFiling, idempotencyKey: string) =>
    apiRequest<CaseView>('/cases', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } }),
  listCases: (query: { status?: string; cursor?: string; limit?: number }, auth: AppRole = 'consumer') =>
    apiRequest<Page<CaseListItem>>('/cases', { auth, query }),
  getCase: (id: string, auth: AppRole = 'consumer') => apiRequest<CaseView>(`/cases/${encodeURIComponent(id)}`, { auth }),
  act: (id: string, action: CaseAction, auth: AppRole = 'consumer') =>
    apiRequest<CaseView>(`/cases/${encodeURIComponent(id)}/actions`, { method: 'POST', body: action, auth }),

  upload: (filePath: string, onProgress: (percent: number) => void, auth: AppRole = 'consumer') =>
    apiUpload<UploadAnswer>(filePath, onProgress, auth),
  saveSubscriptions: (results: Record<string, string>) =>
    apiRequest<unknown>('/subscriptions', { method: 'POST', body: { results } }),

  inbox: (auth: AppRole = 'consumer', cursor?: string) => apiRequest<Inbox>('/notifications', { auth, query: { cursor } }),
  markRead: (ids: string[], auth: AppRole = 'consumer') =>
    apiRequest<unknown>('/notifications/read', { method: 'POST', body: { ids }, auth }),
}
