/**
 * A new case, planned once for both forms it takes: the record `fileCases` writes, and the row as
 * it will read back (so that the answer can be rendered before the write, with an empty case number).
 */
import type { ActorRole, CaseKind, CaseStatus, WorkingCalendar } from '@weiquan/shared';
import type { NewCase } from './case-repository';
import type { MerchantFound } from './case-queries';
import type { CaseRow } from './case-rows';
import { clockEffects } from './clock-effects';
import { asJsonb } from './jsonb-order';

export interface CasePlan {
  id: string;
  casePrefix: string;
  kind: CaseKind;
  status: CaseStatus;
  /** null: filed by staff for a caller, claimed later */
  consumerId: string | null;
  channel: CaseRow['channel'];
  /** staff filings for a caller: who filed, and the claim code's keyed hash */
  filedByStaffId: string | null;
  claimCodeHash: string | null;
  contactPhoneHash: string | null;
  merchant: MerchantFound | null;
  category: string;
  priority: boolean;
  body: Record<string, unknown>;
  contactEnc: string | null;
  shareContact: boolean;
  flags: CaseRow['flags'];
  /** the filing route's first clock, if any */
  firstClock: CaseRow['deadlines'][number]['kind'] | undefined;
  actor: { role: ActorRole; id: string };
  /** what the `filed` event records */
  eventData: Record<string, unknown>;
  at: Date;
  calendar: WorkingCalendar;
}

export type NewCaseWithoutKey = Omit<NewCase, 'key' | 'request_hash' | 'answer_enc'>;

export function planCase(p: CasePlan): { insert: NewCaseWithoutKey; row: CaseRow } {
  const clock = clockEffects(p.firstClock ? { start: p.firstClock } : {}, [], p.at, p.priority, p.calendar);
  const start = clock.changes.find((c) => c.op === 'start');
  const insert: NewCaseWithoutKey = {
    id: p.id,
    case_prefix: p.casePrefix,
    kind: p.kind,
    status: p.status,
    consumer_id: p.consumerId,
    channel: p.channel,
    filed_by_staff_id: p.filedByStaffId,
    claim_code_hash: p.claimCodeHash,
    contact_phone_hash: p.contactPhoneHash,
    merchant_id: p.merchant?.id ?? null,
    merchant_name: p.merchant?.name ?? null,
    merchant_address: p.merchant?.address ?? null,
    merchant_odr: p.merchant?.id ? p.merchant.odr : null,
    category: p.category,
    priority: p.priority,
    body: p.body,
    contact_enc: p.contactEnc,
    share_contact: p.shareContact,
    flags: p.flags,
    next_due_at: clock.nextDueAt,
    clock: start?.kind ?? null,
    due_date: start?.dueDate ?? null,
    due_at: start?.dueAt ?? null,
    provisional: start?.provisional ?? false,
    target_due_at: start?.targetDueAt ?? null,
    actor_role: p.actor.role,
    actor_id: p.actor.id,
    event_data: p.eventData,
    at: p.at,
  };
  const row: CaseRow = {
    id: p.id,
    case_no: '',
    kind: p.kind,
    status: p.status,
    version: 1,
    consumer_id: p.consumerId,
    channel: p.channel,
    assignee: null,
    supervised: false,
    visit_result: null,
    visit_at: null,
    contact_phone_hash: p.contactPhoneHash,
    merchant_id: insert.merchant_id,
    merchant_name: insert.merchant_name,
    merchant_address: insert.merchant_address,
    category: p.category,
    priority: p.priority,
    body: asJsonb(p.body),
    contact_enc: p.contactEnc,
    share_contact: p.shareContact,
    proposal: null,
    rating: null,
    outcome: null,
    flags: asJsonb(p.flags),
    created_at: p.at,
    updated_at: p.at,
    events: [
      {
        type: 'filed',
        actorRole: p.actor.role,
        at: p.at.toISOString(),
        fromStatus: null,
        toStatus: p.status,
        data: asJsonb(p.eventData),
      },
    ],
    deadlines: clock.deadlines,
    attachments: [],
  };
  return { insert, row };
}
