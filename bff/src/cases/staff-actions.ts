/**
 * What the staff's own actions write beside their event: the assignee (claim, assign, unassign),
 * 督办 (supervise) and the last follow-up visit (record_visit). Who may take them is the status
 * machine's (shared/src/staff-actions.ts); assign names an active staff account or is a 400.
 */
import type { StaffRef } from '@weiquan/shared';
import { invalidField } from '../errors';
import type { Queryable } from '../store/db';
import { sql } from '../store/sql';
import type { AnyAction } from './action-records';
import type { ChangeableColumn } from './case-repository';
import type { CaseRow } from './case-rows';

/** The assignee the action leaves: the claimer, the staff member assigned, null (unassign), or undefined (no change). */
export async function assigneeOf(
  q: Queryable,
  action: AnyAction,
  actorId: string | undefined,
): Promise<StaffRef | null | undefined> {
  if (action.type === 'unassign') return null;
  if (action.type !== 'claim' && action.type !== 'assign') return undefined;
  const id = action.type === 'claim' ? actorId : action.staffId;
  const [staff] = await q.query<StaffRef>(
    sql`SELECT id, display_name AS "displayName" FROM staff_accounts WHERE id = ${id} AND active`,
  );
  if (!staff) throw invalidField('staffId', 'no active staff account has this id');
  return staff;
}

export function staffColumnChanges(
  action: AnyAction,
  at: Date,
  assignee: StaffRef | null | undefined,
): { column: ChangeableColumn; value: unknown }[] {
  if (assignee !== undefined) return [{ column: 'assignee_id', value: assignee?.id ?? null }];
  if (action.type === 'supervise') return [{ column: 'supervised', value: true }];
  if (action.type === 'record_visit')
    return [
      { column: 'visit_result', value: action.result },
      { column: 'visit_at', value: at },
    ];
  return [];
}

/** Claim and assign record who got the case (by id and by the name they had then). */
export const staffEventData = (assignee: StaffRef | null | undefined) =>
  assignee ? { staffId: assignee.id, staffName: assignee.displayName } : {};

/** The row as the action leaves it, for the answer (the column changes hold ids, the view shows names). */
export function withStaffColumns(
  row: CaseRow,
  action: AnyAction,
  at: Date,
  assignee: StaffRef | null | undefined,
): CaseRow {
  const out: CaseRow & { assignee_id?: unknown } = { ...row };
  delete out.assignee_id;
  if (assignee !== undefined) out.assignee = assignee;
  if (action.type === 'supervise') out.supervised = true;
  if (action.type === 'record_visit') Object.assign(out, { visit_result: action.result, visit_at: at });
  return out;
}
