/** Turns a case row (with its events, deadlines and attachments) into the answer for one caller. */
import {
  allowedActions,
  endOfBeijingDay,
  beijingDate,
  maskAddress,
  maskName,
  maskPhone,
  seesEvent,
  versionSeenBy,
  workingDaysLeft,
  type Role,
  type CaseFacts,
  type CaseView,
  type TimelineEntry,
} from '@weiquan/shared';
import type { Caller } from '../auth/caller';
import type { PiiCipher } from '../security/pii-cipher';
import type { CaseRow, Contact } from './case-rows';

export function caseFacts(row: Pick<CaseRow, 'rating' | 'flags' | 'deadlines'>): CaseFacts {
  return {
    rated: row.rating !== null,
    clockPaused: row.deadlines.some((d) => d.state === 'paused'),
    extended: row.deadlines.some((d) => d.extended),
    followUpUsed: Boolean(row.flags.followUpUsed),
    split: Boolean(row.flags.splitReportId),
  };
}

// Event data keys that are shown on the timeline; anything else in `data` stays internal.
const TIMELINE_KEYS = [
  'text',
  'reason',
  'refundFen',
  'score',
  'comment',
  'ground',
  'outcome',
  'recoveredFen',
  'attachments',
  'linkedCaseId',
  'linkedCaseNo',
] as const;
const iso = (v: Date | string) => new Date(v).toISOString();

/** The case's version as this role sees it (`expectedVersion` is checked against it). */
export const visibleVersion = (row: Pick<CaseRow, 'version' | 'events'>, role: Role): number =>
  versionSeenBy(
    role,
    row.version,
    row.events.map((e) => e.type),
  );

/** When the case last changed in a way this role sees: its last visible entry's instant. */
function visibleUpdatedAt(row: Pick<CaseRow, 'updated_at' | 'events'>, role: Role): string {
  const last = row.events.findLast((e) => seesEvent(role, e.type));
  return iso(last && last !== row.events.at(-1) ? last.at : row.updated_at);
}

export function renderCase(row: CaseRow, caller: Caller, cipher: PiiCipher, now: Date): CaseView {
  const timeline = row.events
    .filter((e) => seesEvent(caller.role, e.type))
    .map((e) => {
      const entry: TimelineEntry = { type: e.type, actorRole: e.actorRole, at: iso(e.at) };
      for (const k of TIMELINE_KEYS)
        if (e.data[k] !== undefined) (entry as Record<string, unknown>)[k] = e.data[k];
      if (e.fromStatus) entry.fromStatus = e.fromStatus;
      if (e.toStatus) entry.toStatus = e.toStatus;
      return entry;
    });
  const deadlines = row.deadlines
    .filter((d) => d.state === 'running' || d.state === 'paused')
    .map((d) => ({
      kind: d.kind,
      dueAt: endOfBeijingDay(d.due_date),
      workingDaysLeft:
        d.state === 'paused' ? (d.remaining_working_days ?? 0) : workingDaysLeft(d.due_date, now),
      ...(d.state === 'paused' ? { paused: true } : {}),
      ...(d.provisional ? { provisional: true } : {}),
      ...(d.target_due_at ? { targetDueAt: endOfBeijingDay(beijingDate(new Date(d.target_due_at))) } : {}),
    }));

  const contact = row.contact_enc ? cipher.openJson<Contact>(row.contact_enc) : null;
  const seesContact = caller.role !== 'merchant' || row.share_contact;
  const shown =
    contact && !seesContact
      ? {
          name: maskName(contact.name),
          phone: maskPhone(contact.phone),
          address: maskAddress(contact.address),
        }
      : contact;

  const view: CaseView = {
    id: row.id,
    caseNo: row.case_no,
    kind: row.kind,
    status: row.status,
    version: visibleVersion(row, caller.role),
    createdAt: iso(row.created_at),
    updatedAt: visibleUpdatedAt(row, caller.role),
    priority: row.priority,
    merchant: row.merchant_name
      ? {
          ...(row.merchant_id ? { id: row.merchant_id } : {}),
          name: row.merchant_name,
          address: row.merchant_address ?? '',
        }
      : null,
    category: row.category as CaseView['category'],
    ...(row.body as object),
    attachments: row.attachments,
    timeline,
    deadlines,
    allowedActions: allowedActions(row.kind, row.status, caller.role, caseFacts(row)),
  };
  if (row.kind === 'complaint') {
    view.complainant = shown;
    view.shareContactWithMerchant = row.share_contact;
    if (caller.role === 'merchant') view.contactMasked = !seesContact;
    view.proposal = row.proposal;
    view.rating = row.rating;
    view.outcome = row.outcome;
  } else if (row.kind === 'report') {
    // A reporter's identity never reaches the reported party (merchants cannot load reports at all).
    view.reporter = contact;
  }
  return view;
}
