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
  type WorkingCalendar,
  type CaseFacts,
  type CaseView,
  type StaffActor,
  type TimelineEntry,
  REDACTED_TEXT,
} from '@weiquan/shared';
import type { Caller } from '../auth/caller';
import type { PiiCipher } from '../security/pii-cipher';
import type { CaseRow, Contact } from './case-rows';

export function caseFacts(row: Pick<CaseRow, 'rating' | 'flags' | 'deadlines' | 'assignee'>): CaseFacts {
  return {
    assigned: row.assignee !== null,
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
  'deadlineKind',
  'oldDueAt',
  'newDueAt',
] as const;
/** The acting staff member, for the status machine's role-limited staff actions. */
export const staffActor = (caller: Caller, row: Pick<CaseRow, 'assignee'>): StaffActor | undefined =>
  caller.role === 'staff' && caller.staffRole
    ? { staffRole: caller.staffRole, isAssignee: row.assignee?.id === caller.id }
    : undefined;

/** What only staff views carry: the assignee, 督办, the green channel, the next deadline, the last visit. */
function staffFields(row: CaseRow, deadlines: CaseView['deadlines']) {
  const next = deadlines
    .filter((d) => !d.paused)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
    .at(0);
  return {
    assignee: row.assignee,
    supervised: row.supervised,
    greenChannel: row.priority,
    nextDeadline: next ? { kind: next.kind, dueAt: next.dueAt, workingDaysLeft: next.workingDaysLeft } : null,
    lastVisit: row.visit_result
      ? {
          result: row.visit_result,
          at: iso(row.visit_at!),
          ...(lastVisitText(row) !== undefined ? { text: lastVisitText(row) } : {}),
        }
      : null,
  };
}
const lastVisitText = (row: CaseRow) => {
  const visit = row.events.findLast((e) => e.type === 'record_visit');
  return typeof visit?.data.text === 'string' ? visit.data.text : undefined;
};

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

const redactedList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** Moderation: non-staff read the placeholder; staff read the text, marked as redacted. */
function redactEntry(entry: TimelineEntry, redacted: unknown, caller: Caller) {
  const fields = redactedList(redacted);
  if (!fields.length) return;
  if (caller.role === 'staff') entry.redacted = fields;
  else for (const f of fields) if (f in entry) (entry as Record<string, unknown>)[f] = REDACTED_TEXT;
}

function redactCase(view: CaseView, redacted: unknown, caller: Caller) {
  const fields = redactedList(redacted);
  if (!fields.length) return;
  if (caller.role === 'staff') {
    view.redacted = fields;
    return;
  }
  for (const f of fields) {
    if (f === 'proposal') {
      if (view.proposal) view.proposal = { ...view.proposal, text: REDACTED_TEXT };
    } else if (f in view) (view as Record<string, unknown>)[f] = REDACTED_TEXT;
  }
}

/**
 * The evidence this caller sees: a merchant never sees what the consumer kept for the centre, nor
 * an image a content check found risky.
 */
function hiddenFromCaller(row: CaseRow, caller: Caller): Set<string> {
  if (caller.role !== 'merchant') return new Set();
  return new Set([
    ...row.attachments.filter((a) => a.centreOnly).map((a) => a.id),
    ...(row.flags.hiddenUploads ?? []),
  ]);
}

function attachmentsFor(row: CaseRow, hidden: Set<string>): CaseView['attachments'] {
  return row.attachments
    .filter((a) => !hidden.has(a.id))
    .map(({ centreOnly, ...a }) => (centreOnly ? { ...a, centreOnly } : a));
}

export function renderCase(
  row: CaseRow,
  caller: Caller,
  cipher: PiiCipher,
  now: Date,
  calendar: WorkingCalendar,
): CaseView {
  const staff = caller.role === 'staff';
  const hiddenUploads = hiddenFromCaller(row, caller);
  const timeline = row.events
    .filter((e) => seesEvent(caller.role, e.type))
    .map((e) => {
      const entry: TimelineEntry = { type: e.type, actorRole: e.actorRole, at: iso(e.at) };
      for (const k of TIMELINE_KEYS)
        if (e.data[k] !== undefined) (entry as Record<string, unknown>)[k] = e.data[k];
      redactEntry(entry, e.data.redacted, caller);
      if (entry.attachments && hiddenUploads.size)
        entry.attachments = entry.attachments.filter((id) => !hiddenUploads.has(id));
      if (e.fromStatus) entry.fromStatus = e.fromStatus;
      if (e.toStatus) entry.toStatus = e.toStatus;
      if (typeof e.data.result === 'string') entry.result = e.data.result as TimelineEntry['result'];
      if (staff && e.actor) entry.actor = e.actor;
      if (staff && typeof e.data.staffId === 'string')
        entry.assignee = { id: e.data.staffId, displayName: String(e.data.staffName ?? '') };
      return entry;
    });
  const deadlines = row.deadlines
    .filter((d) => d.state === 'running' || d.state === 'paused')
    .map((d) => ({
      kind: d.kind,
      dueAt: endOfBeijingDay(d.due_date),
      workingDaysLeft:
        d.state === 'paused' ? (d.remaining_working_days ?? 0) : workingDaysLeft(calendar, d.due_date, now),
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
    attachments: attachmentsFor(row, hiddenUploads),
    timeline,
    deadlines,
    allowedActions: allowedActions(
      row.kind,
      row.status,
      caller.role,
      caseFacts(row),
      staffActor(caller, row),
    ),
    channel: row.channel,
    ...(staff ? staffFields(row, deadlines) : {}),
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
  redactCase(view, row.flags.redacted, caller);
  return view;
}
