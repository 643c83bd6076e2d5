import type { DEMAND_TYPES, Merchant } from '@weiquan/shared'
import { readStored, removeStored, writeStored } from '../../lib/storage'

export type DemandType = (typeof DEMAND_TYPES)[number]

export interface Photo {
  /** the local file (a WeChat temp path or an H5 blob URL) */
  path: string
  status: 'uploading' | 'done' | 'failed'
  progress: number
  uploadId?: string
  error?: string
}

/** What the person has typed, as typed (amounts in yuan as strings); converted at submit. */
export interface ComplaintForm {
  merchantMode: 'directory' | 'free'
  merchant?: Pick<Merchant, 'id' | 'name' | 'address' | 'badges'>
  merchantName: string
  merchantAddress: string
  category: string
  facts: string
  demandType: DemandType | ''
  demandAmount: string
  purchaseAmount: string
  occurredOn: string
  channel: 'online' | 'offline' | ''
  orderNo: string
  photos: Photo[]
  name: string
  phone: string
  address: string
  share: boolean
}

export interface Draft {
  form: ComplaintForm
  step: number
  /** kept with the draft so that every retry of this filing carries the same key */
  idempotencyKey: string
  /** a submit was tried and its outcome is unknown */
  attempted: boolean
  /** the merchant id for which the person said an open complaint is a different dispute */
  notDuplicateOf?: string
}

export const DRAFT_KEY = 'wq.draft.complaint'

export function emptyForm(): ComplaintForm {
  return {
    merchantMode: 'directory',
    merchantName: '',
    merchantAddress: '',
    category: '',
    facts: '',
    demandType: '',
    demandAmount: '',
    purchaseAmount: '',
    occurredOn: '',
    channel: '',
    orderNo: '',
    photos: [],
    name: '',
    phone: '',
    address: '',
    share: false,
  }
}

export function newIdempotencyKey(): string {
  const random = Array.from({ length: 4 }, () => Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0')).join('')
  return `wq-${Date.now().toString(36)}-${random}`
}

export function newDraft(): Draft {
  return { form: emptyForm(), step: 0, idempotencyKey: newIdempotencyKey(), attempted: false }
}

export function loadDraft(): Draft | undefined {
  const d = readStored<Draft>(DRAFT_KEY)
  if (!d?.form || !d.idempotencyKey) return undefined
  // an upload cut off by closing the app did not finish: offer a retry rather than a spinner
  d.form.photos = d.form.photos.map((p) => (p.status === 'uploading' ? { ...p, status: 'failed', progress: 0 } : p))
  return { ...d, form: { ...emptyForm(), ...d.form } }
}

export function saveDraft(draft: Draft): void {
  writeStored(DRAFT_KEY, draft)
}

export function clearDraft(): void {
  removeStored(DRAFT_KEY)
}

/** A draft worth restoring: something was typed or chosen. */
export function isBlank(form: ComplaintForm): boolean {
  const empty = emptyForm()
  return (Object.keys(empty) as Array<keyof ComplaintForm>).every((k) => JSON.stringify(form[k]) === JSON.stringify(empty[k]))
}
