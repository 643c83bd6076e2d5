/**
 * Acting on a case: one transaction that locks the case, checks the shared status machine, works
 * out what the action does to the deadline clocks (`clock-effects.ts`), and writes the change, its
 * event (the notifier's outbox) and the clocks in one statement (`case-repository.ts`). The answer
 * is the case as the action leaves it, built from the locked row and what was written.
 */
import {
  CHECKED_ACTION_FIELDS,
  checkedTexts,
  ENDED_STATUSES,
  findTransition,
  type ActionType,
  type ActorRole,
  type CaseAction,
  type CaseView,
  type StaffActor,
} from '@weiquan/shared';
import type { Caller } from '../auth/caller';
import { AppError } from '../errors';
import type { Queryable } from '../store/db';
import { publishFaq } from '../store/faq-store';
import { columnChanges, eventData, type AnyAction } from './action-records';
import type { CaseContext } from './case-context';
import { findCase, loadCase } from './case-queries';
import { recordChange } from './case-repository';
import { attachUploads } from './filing-keys';
import type { CaseRow } from './case-rows';
import { caseFacts, renderCase, staffActor, visibleVersion } from './case-view';
import { assigneeOf, staffColumnChanges, staffEventData, withStaffColumns } from './staff-actions';
import { clockEffects } from './clock-effects';
import { asJsonb } from './jsonb-order';
import { splitReport } from './split-report';

export async function actOnCase(
  ctx: CaseContext,
  caller: Caller,
  id: string,
  action: CaseAction,
): Promise<CaseView> {
  // checked before the case is locked (WeChat may take a while); a risky text is a 422, nothing written
  const findings = ctx.content
    ? await ctx.content.guard.screen(caller, checkedTexts(action, CHECKED_ACTION_FIELDS[action.type]))
    : [];
  const view = await ctx.db.tx(async (q) => {
    const row = await loadCase(q, caller, id, true);
    // The version as this caller's role sees it: a change hidden from the role is no conflict for it.
    const seen = visibleVersion(row, caller.role);
    if (action.expectedVersion !== undefined && action.expectedVersion !== seen) {
      throw new AppError(
        'VERSION_CONFLICT',
        `The case has changed (version ${seen}); reload it and try again`,
        { currentVersion: seen },
      );
    }
    const at = ctx.now();
    const after = await applyAction(
      ctx,
      q,
      row,
      {
        role: caller.role,
        id: caller.id,
        staff: staffActor(caller, row),
        ...(caller.displayName ? { displayName: caller.displayName } : {}),
      },
      action,
      at,
    );
    if (findings.length) {
      // the case is locked: its newest event is the one just written
      const [event] = await q.query<{ id: string }>(
        'SELECT id FROM case_events WHERE case_id = $1 ORDER BY id DESC LIMIT 1',
        [id],
      );
      await ctx.content!.guard.list(q, id, () => `event:${event.id}`, findings);
    }
    return renderCase(
      after ?? (await loadCase(q, caller, id, false)),
      caller,
      ctx.cipher,
      at,
      ctx.calendar(),
    );
  });
  if (ctx.content && action.type === 'supplement' && action.attachments?.length)
    ctx.content.media.shared(caller.id, id);
  return view;
}

/** The system as staff sees cases: every case. */
const SYSTEM_VIEW: Caller = { role: 'staff', id: '00000000-0000-0000-0000-000000000000' };

/** A change made by the clocks (a missed merchant deadline): false when it no longer applies. */
export async function applySystemAction(
  ctx: CaseContext,
  id: string,
  type: 'merchant_timeout',
): Promise<boolean> {
  return ctx.db.tx(async (q) => {
    const row = await findCase(q, SYSTEM_VIEW, id, true);
    if (!row || !findTransition(row.kind, row.status, type, 'system', caseFacts(row))) return false;
    await applyAction(ctx, q, row, { role: 'system' }, { type }, ctx.now());
    return true;
  });
}

/**
 * Applies an action to the locked row and answers the case as it leaves it (the same values as a
 * read-back: jsonb's key order, the deadlines as the clocks left them); null where only a read-back
 * knows the answer (newly attached uploads).
 */
async function applyAction(
  ctx: CaseContext,
  q: Queryable,
  row: CaseRow,
  actor: { role: ActorRole; id?: string; staff?: StaffActor; displayName?: string },
  action: AnyAction,
  at: Date,
): Promise<CaseRow | null> {
  const transition = findTransition(
    row.kind,
    row.status,
    action.type as ActionType,
    actor.role,
    caseFacts(row),
    actor.staff,
  );
  if (!transition)
    throw new AppError(
      'ACTION_NOT_ALLOWED',
      `"${action.type}" is not allowed for ${actor.staff?.staffRole ?? actor.role} while the case is ${row.status}`,
    );
  const attaches = action.type === 'supplement' && Boolean(action.attachments?.length);
  if (action.type === 'supplement' && action.attachments?.length)
    await attachUploads(
      q,
      row.id,
      actor.id!,
      action.attachments,
      'attachments',
      action.centreOnlyAttachments,
    );
  const linked =
    action.type === 'split_report' ? await splitReport(ctx, q, row, actor.id!, action.facts, at) : undefined;
  const to = transition.to ?? row.status;
  const assignee = await assigneeOf(q, action, actor.id);
  const columns = [...columnChanges(action, row, at, linked), ...staffColumnChanges(action, at, assignee)];
  const data = { ...eventData(action, row, linked), ...staffEventData(assignee) };
  const clocks = transition.clock
    ? clockEffects(transition.clock, row.deadlines, at, row.priority, ctx.calendar())
    : undefined;
  await recordChange(q, {
    caseId: row.id,
    from: row.status,
    to,
    ended: to !== row.status && ENDED_STATUSES.includes(to),
    columns,
    event: { type: action.type, actorRole: actor.role, actorId: actor.id ?? null, data },
    deadlines: clocks,
    at,
  });
  if (action.type === 'answer' && action.publishAsFaq) {
    await publishFaq(q, {
      caseId: row.id,
      category: row.category,
      question: String(row.body.question ?? ''),
      answer: action.text,
      at,
    });
  }
  if (attaches) return null;
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
        data: asJsonb(data),
        ...(actor.role === 'staff' && actor.id && actor.displayName
          ? { actor: { id: actor.id, displayName: actor.displayName } }
          : {}),
      },
    ],
    deadlines: clocks?.deadlines ?? row.deadlines,
  };
  for (const c of columns) (after as Record<string, unknown>)[c.column] = asJsonb(c.value);
  return withStaffColumns(after, action, at, assignee);
}
