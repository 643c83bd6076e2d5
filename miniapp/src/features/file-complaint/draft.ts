import type { DEMAND_TYPES, Merchant } from '@weiquan/shared';
import { draftStore, type Draft as StoredDraft } from '../../lib/draft';
import { settlePhotos, type Photo } from '../evidence/photos';

export type { Photo };

export type DemandType = (typeof DEMAND_TYPES)[number];

/** What the person has typed, as typed (amounts in yuan as strings); converted at submit. */
export interface ComplaintForm {
  merchantMode: 'directory' | 'free';
  merchant?: Pick<Merchant, 'id' | 'name' | 'address' | 'badges'>;
  merchantName: string;
  merchantAddress: string;
  category: string;
  facts: string;
  demandType: DemandType | '';
  demandAmount: string;
  purchaseAmount: string;
  occurredOn: string;
  channel: 'online' | 'offline' | '';
  orderNo: string;
  photos: Photo[];
  name: string;
  phone: string;
  address: string;
  share: boolean;
}

export const DRAFT_KEY = 'wq.draft.complaint';

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
  };
}

/** The complaint wizard's draft: the form, the step it is on and its Idempotency-Key. */
export type Draft = StoredDraft<ComplaintForm>;

export const complaintDrafts = draftStore(DRAFT_KEY, emptyForm, settlePhotos);
export const newDraft = complaintDrafts.fresh;
