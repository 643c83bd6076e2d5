import type { CaseView } from '@weiquan/shared';
import { zh } from '../../i18n/zh-Hans';
import { statusLabel } from '../../lib/labels';

/** What another handler changed between the case the form was filled against and the reloaded one. */
export function conflictSummary(before: CaseView, after: CaseView): string {
  const parts: string[] = [];
  if (before.status !== after.status)
    parts.push(zh.case.changedStatus(statusLabel(before.status), statusLabel(after.status)));
  if ((before.assignee?.id ?? null) !== (after.assignee?.id ?? null))
    parts.push(zh.case.changedAssignee(after.assignee?.displayName ?? zh.workbench.unassigned));
  const added = after.timeline.length - before.timeline.length;
  if (added > 0) parts.push(zh.case.changedEntries(added));
  return zh.case.conflictChanged(
    parts.join('；') || `${zh.case.version} ${before.version} → ${after.version}`,
  );
}
