/** How urgent a deadline looks: overdue red, due today orange, soon (within 2 working days) amber. */
export type DeadlineTone = 'overdue' | 'today' | 'soon';

export function deadlineTone(workingDaysLeft: number | null | undefined): DeadlineTone | null {
  if (workingDaysLeft === null || workingDaysLeft === undefined) return null;
  if (workingDaysLeft < 0) return 'overdue';
  if (workingDaysLeft === 0) return 'today';
  if (workingDaysLeft <= 2) return 'soon';
  return null;
}

/** antd Tag colours with AA text on their backgrounds */
export const TONE_COLOR: Record<DeadlineTone, string> = { overdue: 'red', today: 'volcano', soon: 'gold' };
export const TONE_ROW_CLASS: Record<DeadlineTone, string> = {
  overdue: 'row-overdue',
  today: 'row-today',
  soon: 'row-soon',
};
