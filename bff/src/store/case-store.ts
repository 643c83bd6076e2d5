/**
 * The central case store: filing (idempotent), listing, reading and every change of a case, each
 * change one transaction that checks the shared status machine, moves the deadline clocks and
 * appends its event (the notifier's outbox) beside the status change.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  DEADLINE_RULES,
  ENDED_STATUSES,
  OPEN_COMPLAINT_STATUSES,
  REPORT_STATUSES,
  CONSULTATION_STATUSES,
  PRIORITY_ACCEPTANCE_WORKING_DAYS,
  REPORT_EXTENSION_WORKING_DAYS,
  addWorkingDays,
  beijingDate,
  computeDue,
  endOfBeijingDay,
  extendDue,
  findTransition,
  isGreenChannel,
  routeFiling,
  workingDaysLeft,
  type ActionType,
  type ActorRole,
  type CaseAction,
  type CaseList,
  type CaseListQuery,
  type CaseView,
  type ClockEffect,
  type DeadlineKind,
  type FileCaseBody,
} from '@weiquan/shared';
import type { Caller } from '../auth/caller';
import { AppError, notFound } from '../errors';
import type { PiiCipher } from '../security/pii-cipher';
import { UUID, decodeCursor, encodeCursor } from './page-cursor';
import { visibility } from './case-visibility';
import { createCaseReader } from './case-reader';
import { CASE_NO_DIGITS, createFilingBatches, type MerchantFound } from './filing-batches';
import {
  CASE_SELECT,
  DEADLINES_AGG,
  caseFacts,
  renderCase,
  type CaseRow,
  type DeadlineRow,
} from './case-view';
import type { Db, Queryable } from './db';
import { publishFaq } from './faq-store';

export interface CaseStoreDeps {
  db: Db;
  cipher: PiiCipher;
  now: () => Date;
  caseNoPrefix: string;
}

const canonicalJson = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(canonicalJson).join(',')}]`
    : v && typeof v === 'object'
      ? `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(v);

/** A JSON value with its object keys in jsonb's order (shorter first, then bytewise), as read back from a jsonb column. */
const jsonbKeyOrder = (a: string, b: string) =>
  Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b));
function asJsonb(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(asJsonb);
  if (!v || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort(jsonbKeyOrder))
    if ((v as Record<string, unknown>)[k] !== undefined) out[k] = asJsonb((v as Record<string, unknown>)[k]);
  return out;
}

export function createCaseStore({ db, cipher, now, caseNoPrefix }: CaseStoreDeps) {
  const reader = createCaseReader(db);
  const filings = createFilingBatches(db);
  /** A case number: prefix, Beijing date, then the sequence number with at least six digits (XM20261124000123). */
  const caseNoPrefixOn = (at: Date) => `${caseNoPrefix}${beijingDate(at).replaceAll('-', '')}`;
  async function nextCaseNo(q: Queryable, at: Date): Promise<string> {
    const [{ case_no }] = await q.query<{ case_no: string }>(
      `SELECT $1::text || ${CASE_NO_DIGITS} AS case_no FROM (SELECT nextval('case_no_seq') AS n) s`,
      [caseNoPrefixOn(at)],
    );
    return case_no;
  }

  async function loadRow(q: Queryable, caller: Caller, id: string, lock: boolean): Promise<CaseRow> {
    if (!UUID.test(id)) throw notFound('Case not found');
    const params: unknown[] = [id];
    const vis = visibility(caller, (type, value) => `$${params.push(value)}::${type}`);
    if (lock) {
      // Lock the case row first (FOR UPDATE cannot sit beside the aggregates), then read it whole.
      const locked = await q.query(`SELECT c.id FROM cases c WHERE c.id = $1 AND ${vis} FOR UPDATE`, params);
      if (!locked.length) throw notFound('Case not found');
    }
    const [row] = await q.query<CaseRow>(`${CASE_SELECT} WHERE c.id = $1 AND ${vis}`, params);
    if (!row) throw notFound('Case not found');
    return row;
  }

  async function startDeadline(
    q: Queryable,
    caseId: string,
    kind: DeadlineKind,
    at: Date,
    priority: boolean,
  ) {
    const due = computeDue(at, DEADLINE_RULES[kind].workingDays);
    const target =
      kind === 'acceptance' && priority ? computeDue(at, PRIORITY_ACCEPTANCE_WORKING_DAYS).dueAt : null;
    await q.query(
      'INSERT INTO deadlines (case_id, kind, started_at, due_date, due_at, provisional, target_due_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [caseId, kind, at, due.dueDate, due.dueAt, due.provisional, target],
    );
  }

  /** Moves the case's clocks; answers its deadlines as they now stand (read in the statement that updates next_due_at). */
  async function applyClock(
    q: Queryable,
    row: CaseRow,
    clock: ClockEffect,
    at: Date,
  ): Promise<DeadlineRow[]> {
    const open = (kind: DeadlineKind) =>
      row.deadlines.find((d) => d.kind === kind && (d.state === 'running' || d.state === 'paused'));
    if (clock.cancelAll) {
      await q.query(
        `UPDATE deadlines SET state = 'cancelled', closed_at = $2 WHERE case_id = $1 AND state IN ('running', 'paused')`,
        [row.id, at],
      );
    }
    for (const kind of clock.meet ?? []) {
      await q.query(
        `UPDATE deadlines SET state = 'met', closed_at = $3 WHERE case_id = $1 AND kind = $2 AND state IN ('running', 'paused')`,
        [row.id, kind, at],
      );
    }
    if (clock.miss) {
      await q.query(
        `UPDATE deadlines SET state = 'missed', closed_at = $3 WHERE case_id = $1 AND kind = $2 AND state = 'running'`,
        [row.id, clock.miss, at],
      );
    }
    if (clock.pause) {
      const d = open(clock.pause);
      // Paused time (testing, appraisal) does not count: keep the working days that were left.
      if (d)
        await q.query(
          `UPDATE deadlines SET state = 'paused', paused_at = $2, remaining_working_days = $3 WHERE id = $1`,
          [d.id, at, Math.max(0, workingDaysLeft(d.due_date, at))],
        );
    }
    if (clock.resume) {
      const d = open(clock.resume);
      if (d) {
        const due = addWorkingDays(beijingDate(at), d.remaining_working_days ?? 0);
        await q.query(
          `UPDATE deadlines SET state = 'running', paused_at = NULL, remaining_working_days = NULL, due_date = $2, due_at = $3, provisional = $4 WHERE id = $1`,
          [d.id, due.date, endOfBeijingDay(due.date), due.provisional],
        );
      }
    }
    if (clock.extend) {
      const d = open(clock.extend);
      if (d) {
        const due = extendDue(d.due_date, REPORT_EXTENSION_WORKING_DAYS);
        await q.query(
          'UPDATE deadlines SET due_date = $2, due_at = $3, provisional = provisional OR $4, extended = true WHERE id = $1',
          [d.id, due.dueDate, due.dueAt, due.provisional],
        );
      }
    }
    if (clock.start) await startDeadline(q, row.id, clock.start, at, row.priority);
    // The SELECT sees the deadlines as the statements above left them (the CTE changes only the case row).
    const [{ deadlines }] = await q.query<{ deadlines: DeadlineRow[] }>(
      `WITH n AS (UPDATE cases SET next_due_at = (SELECT min(due_at) FROM deadlines WHERE case_id = $1 AND state = 'running') WHERE id = $1)
       SELECT ${DEADLINES_AGG} AS deadlines FROM (SELECT $1::uuid AS id) AS c`,
      [row.id],
    );
    return deadlines;
  }

  /** Marks uploads as evidence of this case; only their uploader may attach them, each once. */
  async function attachUploads(q: Queryable, caseId: string, ownerId: string, ids: string[], path: string) {
    const unique = [...new Set(ids)];
    if (!unique.length) return;
    const rows = await q.query(
      'UPDATE uploads SET case_id = $1 WHERE id = ANY($2::uuid[]) AND owner_id = $3 AND case_id IS NULL RETURNING id',
      [caseId, unique, ownerId],
    );
    if (rows.length !== unique.length) {
      throw new AppError('VALIDATION_FAILED', 'Invalid request', [
        { path, message: 'unknown upload, or not yours, or already attached to a case' },
      ]);
    }
  }

  async function insertEvent(
    q: Queryable,
    caseId: string,
    type: string,
    actor: { role: ActorRole; id?: string },
    from: string | null,
    to: string | null,
    data: object,
    at: Date,
  ) {
    await q.query(
      'INSERT INTO case_events (case_id, type, actor_role, actor_id, from_status, to_status, data, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [caseId, type, actor.role, actor.id ?? null, from, to, data, at],
    );
  }

  /**
   * Everything a filing decides before it is written, the same for both filing paths: the merchant
   * (directory or free text), where it goes first, its first clock, and the sealed contact.
   */
  function planFiling(body: FileCaseBody, found: MerchantFound | null, at: Date) {
    let merchant: MerchantFound | null = null;
    if (body.kind !== 'consultation') {
      if ('id' in body.merchant) {
        if (!found)
          throw new AppError('VALIDATION_FAILED', 'Invalid request', [
            { path: 'merchant.id', message: 'unknown merchant' },
          ]);
        merchant = found;
      } else {
        merchant = { id: null, name: body.merchant.name, address: body.merchant.address, odr: false };
      }
    }
    const route = routeFiling(body.kind, Boolean(merchant?.odr));
    const contact =
      body.kind === 'complaint' ? body.complainant : body.kind === 'report' ? body.reporter : undefined;
    const content =
      body.kind === 'complaint'
        ? { facts: body.facts, demand: body.demand, purchase: body.purchase }
        : body.kind === 'report'
          ? { facts: body.facts }
          : { question: body.question };
    const priority = body.kind !== 'consultation' && isGreenChannel(body.category);
    const due = route.start ? computeDue(at, DEADLINE_RULES[route.start].workingDays) : null;
    const target =
      route.start === 'acceptance' && priority
        ? computeDue(at, PRIORITY_ACCEPTANCE_WORKING_DAYS).dueAt
        : null;
    return {
      merchant,
      route,
      content,
      priority,
      due,
      target,
      contactEnc: contact ? cipher.sealJson(contact) : null,
      shareContact: body.kind === 'complaint' ? body.shareContactWithMerchant : false,
    };
  }

  async function createCase(q: Queryable, caller: Caller, body: FileCaseBody, at: Date): Promise<string> {
    const merchantRefId = body.kind !== 'consultation' && 'id' in body.merchant ? body.merchant.id : null;
    const [found] = merchantRefId
      ? await q.query<MerchantFound>('SELECT id, name, address, odr FROM merchants WHERE id = $1', [
          merchantRefId,
        ])
      : [];
    const { route, content, priority, due, target, contactEnc, shareContact, merchant } = planFiling(
      body,
      found ?? null,
      at,
    );
    // One statement for the case, its first event and its first clock:
    // the first deadline is the only running one, so it is also the case's next_due_at.
    const [{ id }] = await q.query<{ id: string }>(
      `WITH c AS (
         INSERT INTO cases (case_no, kind, status, consumer_id, merchant_id, merchant_name, merchant_address, category, priority, body, contact_enc, share_contact, next_due_at, created_at, updated_at)
         VALUES ($1,
                 $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $2, $2)
         RETURNING id),
       e AS (
         INSERT INTO case_events (case_id, type, actor_role, actor_id, from_status, to_status, data, at)
         SELECT id, 'filed', 'consumer', $5, NULL, $4, '{}'::jsonb, $2 FROM c),
       d AS (
         INSERT INTO deadlines (case_id, kind, started_at, due_date, due_at, provisional, target_due_at)
         SELECT id, $15, $2, $16, $14, $17, $18 FROM c WHERE $15::text IS NOT NULL)
       SELECT id FROM c`,
      [
        await nextCaseNo(q, at),
        at,
        body.kind,
        route.to,
        caller.id,
        merchant?.id ?? null,
        merchant?.name ?? null,
        merchant?.address ?? null,
        body.category,
        priority,
        content,
        contactEnc,
        shareContact,
        due?.dueAt ?? null,
        route.start ?? null,
        due?.dueDate ?? null,
        due?.provisional ?? false,
        target,
      ],
    );
    if (body.kind !== 'consultation') await attachUploads(q, id, caller.id, body.attachments, 'attachments');
    return id;
  }

  /**
   * Splits the report part off a mixed complaint: a linked report for the same consumer, merchant and
   * category, the complainant as its real-name reporter, verified on its own 15-working-day clock.
   */
  async function createSplitReport(
    q: Queryable,
    row: CaseRow,
    actor: { role: ActorRole; id?: string },
    facts: string | undefined,
    at: Date,
  ): Promise<{ id: string; caseNo: string }> {
    const route = routeFiling('report', false);
    const priority = isGreenChannel(row.category as Parameters<typeof isGreenChannel>[0]);
    const [report] = await q.query<{ id: string; case_no: string }>(
      `INSERT INTO cases (case_no, kind, status, consumer_id, merchant_id, merchant_name, merchant_address, category, priority, body, contact_enc, share_contact, flags, created_at, updated_at)
       VALUES ($1,
               'report', $3, $4, $5, $6, $7, $8, $9, $10, $11, false, $12, $2, $2)
       RETURNING id, case_no`,
      [
        await nextCaseNo(q, at),
        at,
        route.to,
        row.consumer_id,
        row.merchant_id,
        row.merchant_name,
        row.merchant_address,
        row.category,
        priority,
        { facts: facts ?? (row.body.facts as string) },
        row.contact_enc,
        { splitFromId: row.id },
      ],
    );
    await insertEvent(
      q,
      report.id,
      'filed',
      actor,
      null,
      route.to,
      {
        text: `由投诉 ${row.case_no} 拆分`,
        linkedCaseId: row.id,
        linkedCaseNo: row.case_no,
        realName: row.contact_enc !== null,
      },
      at,
    );
    if (route.start) await startDeadline(q, report.id, route.start, at, priority);
    await q.query(
      `UPDATE cases SET next_due_at = (SELECT min(due_at) FROM deadlines WHERE case_id = $1 AND state = 'running') WHERE id = $1`,
      [report.id],
    );
    return { id: report.id, caseNo: report.case_no };
  }

  /** The change an action makes to the case row itself, beside status and version. */
  function rowChanges(
    action: CaseAction | { type: 'merchant_timeout' },
    row: CaseRow,
    at: Date,
    linked?: { id: string },
  ): { sql: string; value: unknown }[] {
    switch (action.type) {
      case 'propose':
        return [
          {
            sql: 'proposal',
            value: {
              text: action.text,
              ...(action.refundFen !== undefined ? { refundFen: action.refundFen } : {}),
              at: at.toISOString(),
            },
          },
        ];
      case 'rate':
        return [
          {
            sql: 'rating',
            value: { score: action.score, ...(action.comment ? { comment: action.comment } : {}) },
          },
        ];
      case 'close':
        return [
          {
            sql: 'outcome',
            value: {
              outcome: action.outcome,
              ...(action.ground ? { ground: action.ground } : {}),
              ...(action.recoveredFen !== undefined ? { recoveredFen: action.recoveredFen } : {}),
            },
          },
        ];
      case 'follow_up':
        return [{ sql: 'flags', value: { ...row.flags, followUpUsed: true } }];
      case 'split_report':
        return [{ sql: 'flags', value: { ...row.flags, splitReportId: linked?.id } }];
      default:
        return [];
    }
  }

  /** What the event records: the action's fields, plus what stats need (the accepted refund). */
  function eventData(
    action: CaseAction | { type: 'merchant_timeout' },
    row: CaseRow,
    linked?: { id: string; caseNo: string },
  ): object {
    const { type: _type, ...fields } = action as Record<string, unknown>;
    delete fields.expectedVersion;
    if (action.type === 'accept_proposal' && row.proposal?.refundFen !== undefined)
      fields.refundFen = row.proposal.refundFen;
    // The notifier tells a real-name reporter of the decision (5-working-day rule): say whether there is one.
    if (action.type === 'open_case' || action.type === 'not_open' || action.type === 'extend')
      fields.realName = row.contact_enc !== null;
    if (action.type === 'split_report') {
      delete fields.facts;
      if (linked) Object.assign(fields, { linkedCaseId: linked.id, linkedCaseNo: linked.caseNo });
    }
    return fields;
  }

  /**
   * Applies an action and answers the case as it leaves it, built from the locked row and what was
   * written (the same values as a read-back: jsonb's key order, the deadlines read after the clocks
   * moved); null where only a read-back knows the answer (newly attached uploads).
   */
  async function applyAction(
    q: Queryable,
    row: CaseRow,
    actor: { role: ActorRole; id?: string },
    action: CaseAction | { type: 'merchant_timeout' },
    at: Date,
  ): Promise<CaseRow | null> {
    const transition = findTransition(
      row.kind,
      row.status,
      action.type as ActionType,
      actor.role,
      caseFacts(row),
    );
    if (!transition)
      throw new AppError(
        'ACTION_NOT_ALLOWED',
        `"${action.type}" is not allowed for ${actor.role} while the case is ${row.status}`,
      );
    if (action.type === 'supplement' && action.attachments?.length)
      await attachUploads(q, row.id, actor.id!, action.attachments, 'attachments');
    const linked =
      action.type === 'split_report' ? await createSplitReport(q, row, actor, action.facts, at) : undefined;
    const to = transition.to ?? row.status;
    const changes = rowChanges(action, row, at, linked);
    const ended = to !== row.status && ENDED_STATUSES.includes(to);
    // The change and its event in one statement (one round trip fewer on every action); the clock's follow.
    const ev = 4 + changes.length;
    const data = eventData(action, row, linked);
    // A clock that only meets deadlines (propose, refuse, close, open_case, not_open) joins the same
    // statement: next_due_at is taken over the running deadlines it does not meet (the subquery sees
    // the deadlines as they were before the statement).
    const clock = transition.clock;
    const meet = clock?.meet?.length && Object.keys(clock).length === 1 ? clock.meet : null;
    const meetCte = meet
      ? `m AS (UPDATE deadlines SET state = 'met', closed_at = $3 WHERE case_id = $1 AND kind = ANY($${ev + 6}::text[]) AND state IN ('running', 'paused')), `
      : '';
    const meetSet = meet
      ? `, next_due_at = (SELECT min(due_at) FROM deadlines WHERE case_id = $1 AND state = 'running' AND kind <> ALL($${ev + 6}::text[]))`
      : '';
    await q.query(
      `WITH ${meetCte}u AS (
         UPDATE cases SET status = $2, version = version + 1, updated_at = $3${ended ? ', ended_at = $3' : ''}${changes.map((c, i) => `, ${c.sql} = $${i + 4}`).join('')}${meetSet} WHERE id = $1 RETURNING id)
       INSERT INTO case_events (case_id, type, actor_role, actor_id, from_status, to_status, data, at)
       SELECT id, $${ev}, $${ev + 1}, $${ev + 2}, $${ev + 3}, $${ev + 4}, $${ev + 5}, $3 FROM u`,
      [
        row.id,
        to,
        at,
        ...changes.map((c) => c.value),
        action.type,
        actor.role,
        actor.id ?? null,
        row.status,
        to !== row.status ? to : null,
        data,
        ...(meet ? [meet] : []),
      ],
    );
    const deadlines = meet
      ? row.deadlines.map((d) =>
          meet.includes(d.kind) && (d.state === 'running' || d.state === 'paused')
            ? { ...d, state: 'met' as const }
            : d,
        )
      : clock
        ? await applyClock(q, row, clock, at)
        : row.deadlines;
    if (action.type === 'answer' && action.publishAsFaq) {
      await publishFaq(q, {
        caseId: row.id,
        category: row.category,
        question: String(row.body.question ?? ''),
        answer: action.text,
        at,
      });
    }
    if (action.type === 'supplement' && action.attachments?.length) return null;
    const after: CaseRow = {
      ...row,
      status: to,
      version: row.version + 1,
      updated_at: at,
      events: [
        ...row.events,
        {
          type: action.type,
          actorRole: actor.role,
          at: at.toISOString(),
          fromStatus: row.status,
          toStatus: to !== row.status ? to : null,
          data: asJsonb(data) as Record<string, unknown>,
        },
      ],
      deadlines,
    };
    for (const c of changes) (after as unknown as Record<string, unknown>)[c.sql] = asJsonb(c.value);
    return after;
  }

  /** The stored answer of an earlier filing with this key (its case number read from the case), or a 409 for another body. */
  const replay = (
    prior: { request_hash: string; answer_enc: string; case_no: string | null },
    requestHash: string,
  ) => {
    if (prior.request_hash !== requestHash)
      throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different filing');
    const view = cipher.openJson<CaseView>(prior.answer_enc);
    if (prior.case_no) view.caseNo = prior.case_no;
    return { view, replayed: true };
  };
  const PRIOR_FILING =
    'SELECT k.request_hash, k.answer_enc, c.case_no FROM idempotency_keys k LEFT JOIN cases c ON c.id = k.case_id WHERE k.user_id = $1 AND k.key = $2';

  /**
   * The hot path of filing (nothing to attach): usually one round trip and one commit, shared with
   * the other filings of the same event-loop turn (`filing-batches.ts`); a lookup comes first only
   * when the named directory merchant is not remembered. The answer is rendered from the rows as
   * written (the same `renderCase` as a read-back, with the body's keys in jsonb's order), so the 201
   * and later GETs and replays agree.
   */
  async function fileWithoutUploads(
    caller: Caller,
    key: string,
    body: FileCaseBody,
    requestHash: string,
    attempt = 1,
  ): Promise<{ view: CaseView; replayed: boolean }> {
    const at = now();
    const merchantRefId = body.kind !== 'consultation' && 'id' in body.merchant ? body.merchant.id : null;
    let found: MerchantFound | null = null;
    if (merchantRefId) {
      const known = attempt === 1 ? filings.knownMerchant(merchantRefId) : undefined;
      if (known) found = known;
      else {
        const pre = await filings.lookup({ userId: caller.id, key, merchantRef: merchantRefId });
        if (pre.request_hash !== null) return replay({ ...pre, request_hash: pre.request_hash }, requestHash);
        found = pre.merchant_id
          ? { id: pre.merchant_id, name: pre.name, address: pre.address, odr: pre.odr }
          : null;
      }
    }
    const { route, content, priority, due, target, contactEnc, shareContact, merchant } = planFiling(
      body,
      found,
      at,
    );
    const id = randomUUID();
    const row: CaseRow = {
      id,
      case_no: '',
      kind: body.kind,
      status: route.to,
      version: 1,
      consumer_id: caller.id,
      merchant_id: merchant?.id ?? null,
      merchant_name: merchant?.name ?? null,
      merchant_address: merchant?.address ?? null,
      category: body.category,
      priority,
      body: asJsonb(content) as Record<string, unknown>,
      contact_enc: contactEnc,
      share_contact: shareContact,
      proposal: null,
      rating: null,
      outcome: null,
      flags: {},
      created_at: at,
      updated_at: at,
      events: [
        {
          type: 'filed',
          actorRole: 'consumer',
          at: at.toISOString(),
          fromStatus: null,
          toStatus: route.to,
          data: {},
        },
      ],
      deadlines:
        route.start && due
          ? [
              {
                id: 0,
                kind: route.start,
                state: 'running',
                due_date: due.dueDate,
                provisional: due.provisional,
                target_due_at: target,
                remaining_working_days: null,
                extended: false,
              },
            ]
          : [],
      attachments: [],
    };
    // Sealed with an empty caseNo: the number is taken in the insert, and replays read it from the case.
    const view = renderCase(row, caller, cipher, at);
    const outcome = await filings.insert({
      id,
      case_prefix: caseNoPrefixOn(at),
      kind: body.kind,
      status: route.to,
      consumer_id: caller.id,
      merchant_id: merchant?.id ?? null,
      merchant_name: merchant?.name ?? null,
      merchant_address: merchant?.address ?? null,
      merchant_odr: merchant?.id ? merchant.odr : null,
      category: body.category,
      priority,
      body: content,
      contact_enc: contactEnc,
      share_contact: shareContact,
      next_due_at: due?.dueAt ?? null,
      clock: route.start ?? null,
      due_date: due?.dueDate ?? null,
      provisional: due?.provisional ?? false,
      target_due_at: target,
      key,
      request_hash: requestHash,
      answer_enc: cipher.sealJson(view),
      at,
    });
    if (outcome.filed) {
      view.caseNo = outcome.caseNo;
      return { view, replayed: false };
    }
    if (outcome.reason === 'merchant_changed') {
      // The directory changed since the merchant was remembered: plan again with it read afresh.
      filings.forgetMerchant(merchantRefId!);
      if (attempt >= 3) throw new Error('the merchant kept changing while a filing was planned');
      return fileWithoutUploads(caller, key, body, requestHash, attempt + 1);
    }
    // Another request with this key committed first: answer as a replay of it.
    const [prior] = await db.query<{ request_hash: string; answer_enc: string; case_no: string | null }>(
      PRIOR_FILING,
      [caller.id, key],
    );
    return replay(prior, requestHash);
  }

  /** A page of the caller's cases as the JSON text of a `CaseList`. */
  async function listJson(caller: Caller, query: CaseListQuery): Promise<string> {
    // Written over a batch's parameter columns (r.p1, r.p2...): lists of the same shape share one query.
    const types: string[] = [];
    const values: unknown[] = [];
    const param = (type: string, value: unknown) => {
      types.push(type);
      values.push(value);
      return `r.p${types.length}`;
    };
    const where = [visibility(caller, param)];
    if (query.status) where.push(`c.status = ${param('text', query.status)}`);
    if (query.kind) where.push(`c.kind = ${param('text', query.kind)}`);
    if (query.merchantId) where.push(`c.merchant_id = ${param('uuid', query.merchantId)}`);
    if (query.open !== undefined) {
      // "open" is per kind; without a kind it means open complaints (the duplicate warning before filing).
      const openStatuses =
        query.kind === 'report'
          ? REPORT_STATUSES.filter((st) => st === 'verifying')
          : query.kind === 'consultation'
            ? CONSULTATION_STATUSES.filter((st) => st === 'open')
            : OPEN_COMPLAINT_STATUSES;
      if (!query.kind) where.push(`c.kind = ${param('text', 'complaint')}`);
      where.push(
        `(c.status = ANY(string_to_array(${param('text', openStatuses.join(','))}, ','))) = ${query.open ? 'TRUE' : 'FALSE'}`,
      );
    }
    if (query.overdue !== undefined) {
      // Overdue from 00:00:00 after the due day, as the clocks and `isOverdue` count: due_at is 23:59:59.
      where.push(
        `${query.overdue ? '' : 'NOT '}EXISTS (SELECT 1 FROM deadlines d WHERE d.case_id = c.id AND d.state = 'running' AND d.due_at < date_trunc('second', ${param('timestamptz', now())}))`,
      );
    }
    // Merchants work by deadline (soonest first); everyone else sees newest first.
    const byDeadline = caller.role === 'merchant';
    const sortKey = byDeadline ? `coalesce(c.next_due_at, 'infinity'::timestamptz)` : 'c.created_at';
    const dir = byDeadline ? 'ASC' : 'DESC';
    if (query.cursor) {
      const [t, cid] = decodeCursor(query.cursor);
      where.push(
        `(${sortKey}, c.id) ${byDeadline ? '>' : '<'} (${param('timestamptz', t ?? 'infinity')}, ${param('uuid', cid)})`,
      );
    }
    const limit = param('int', query.limit + 1);
    const rows = await reader.list<{ item: string }>(
      {
        // Each item is written as JSON by the database (row_to_json: compact, keys in this order, the
        // instants as `Date#toISOString` writes them); the BFF joins them unparsed. PostgreSQL has CPU
        // to spare under load, the BFF's one thread does not.
        sql: `SELECT (SELECT row_to_json(i) FROM (SELECT c.id, c.case_no AS "caseNo", c.kind, c.status, c.category, c.priority,
                CASE WHEN NULLIF(c.merchant_name, '') IS NULL THEN NULL
                     WHEN c.merchant_id IS NULL THEN (SELECT row_to_json(m) FROM (SELECT c.merchant_name AS name) m)
                     ELSE (SELECT row_to_json(m) FROM (SELECT c.merchant_id AS id, c.merchant_name AS name) m) END AS merchant,
                to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
                to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt",
                to_char(c.next_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "nextDueAt") i)::text AS item,
              c.id, extract(epoch FROM ${sortKey}) AS sort_at
         FROM cases c WHERE ${where.join(' AND ')}
        ORDER BY ${sortKey} ${dir}, c.id ${dir} LIMIT ${limit}`,
        order: `x.sort_at ${dir}, x.id ${dir}`,
        types,
      },
      values,
    );
    const items = rows.slice(0, query.limit).map((r) => r.item);
    const last =
      rows.length > query.limit ? (JSON.parse(items[items.length - 1]) as CaseList['items'][number]) : null;
    const nextCursor = last ? encodeCursor(byDeadline ? last.nextDueAt : last.createdAt, last.id) : null;
    return `{"items":[${items.join(',')}],"nextCursor":${JSON.stringify(nextCursor)}}`;
  }

  return {
    /**
     * Files a case once per (user, Idempotency-Key): the same key and body answer the stored answer
     * again; another body is a 409. Concurrent retries wait on the key's row and replay.
     */
    async file(
      caller: Caller,
      key: string,
      body: FileCaseBody,
    ): Promise<{ view: CaseView; replayed: boolean }> {
      const requestHash = createHash('sha256').update(canonicalJson(body)).digest('base64url');
      if (body.kind === 'consultation' || !body.attachments.length)
        return fileWithoutUploads(caller, key, body, requestHash);
      return db.tx(async (q) => {
        const claimed = await q.query(
          'INSERT INTO idempotency_keys (user_id, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key',
          [caller.id, key, requestHash],
        );
        if (!claimed.length) {
          const [prior] = await q.query<{ request_hash: string; answer_enc: string; case_no: string | null }>(
            PRIOR_FILING,
            [caller.id, key],
          );
          return replay(prior, requestHash);
        }
        const at = now();
        const id = await createCase(q, caller, body, at);
        const view = renderCase(await loadRow(q, caller, id, false), caller, cipher, at);
        await q.query(
          'UPDATE idempotency_keys SET case_id = $3, answer_enc = $4 WHERE user_id = $1 AND key = $2',
          [caller.id, key, id, cipher.sealJson(view)],
        );
        return { view, replayed: false };
      });
    },

    async get(caller: Caller, id: string): Promise<CaseView> {
      const row = await reader.read(caller, id);
      if (!row) throw notFound('Case not found');
      return renderCase(row, caller, cipher, now());
    },

    async act(caller: Caller, id: string, action: CaseAction): Promise<CaseView> {
      return db.tx(async (q) => {
        const row = await loadRow(q, caller, id, true);
        if (action.expectedVersion !== undefined && action.expectedVersion !== row.version) {
          throw new AppError(
            'VERSION_CONFLICT',
            `The case has changed (version ${row.version}); reload it and try again`,
            { currentVersion: row.version },
          );
        }
        const at = now();
        const after = await applyAction(q, row, { role: caller.role, id: caller.id }, action, at);
        return renderCase(after ?? (await loadRow(q, caller, id, false)), caller, cipher, at);
      });
    },

    /** A change made by the clocks (a missed merchant deadline): answers false when it no longer applies. */
    async applySystemAction(id: string, type: 'merchant_timeout'): Promise<boolean> {
      return db.tx(async (q) => {
        const staff: Caller = { role: 'staff', id: '00000000-0000-0000-0000-000000000000' };
        let row: CaseRow;
        try {
          row = await loadRow(q, staff, id, true);
        } catch {
          return false;
        }
        if (!findTransition(row.kind, row.status, type, 'system', caseFacts(row))) return false;
        await applyAction(q, row, { role: 'system' }, { type }, now());
        return true;
      });
    },

    listJson,

    /** The page as an object (in-process callers; the route sends `listJson` as it is). */
    async list(caller: Caller, query: CaseListQuery): Promise<CaseList> {
      return JSON.parse(await listJson(caller, query)) as CaseList;
    },
  };
}
export type CaseStore = ReturnType<typeof createCaseStore>;
