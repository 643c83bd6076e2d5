/**
 * The arrangement an admin is entering, as plain data: the days off, the make-up days and the
 * notice. Ticking a day puts it into the list being marked or takes it out again; a date is never
 * in both lists (the BFF would refuse it), so marking it one way unmarks it the other.
 */
import { FIXED_STATUTORY_HOLIDAYS, type CalendarYear, type IsoDate } from '@weiquan/shared';

export type Mark = 'off' | 'makeup';

export interface CalendarDraft {
  source: string;
  off: IsoDate[];
  makeup: IsoDate[];
}

const sorted = (dates: Iterable<IsoDate>) => [...new Set(dates)].sort();

/** The stored year as a draft, or a new year holding the statutory days every arrangement must. */
export function draftOf(year: number, stored: CalendarYear | undefined): CalendarDraft {
  if (stored)
    return { source: stored.source, off: sorted(stored.days.off), makeup: sorted(stored.days.makeup) };
  return { source: '', off: FIXED_STATUTORY_HOLIDAYS.map((h) => `${year}-${h.monthDay}`), makeup: [] };
}

const other = (mark: Mark): Mark => (mark === 'off' ? 'makeup' : 'off');

/** Ticks one day: into `mark` (out of the other list), or out of `mark` when it was there. */
export function toggleDay(draft: CalendarDraft, date: IsoDate, mark: Mark): CalendarDraft {
  if (draft[mark].includes(date)) return { ...draft, [mark]: draft[mark].filter((d) => d !== date) };
  return addDates(draft, [date], mark);
}

/** Puts the dates into `mark` and takes them out of the other list. */
export function addDates(draft: CalendarDraft, dates: readonly IsoDate[], mark: Mark): CalendarDraft {
  const moved = new Set(dates);
  return {
    ...draft,
    [mark]: sorted([...draft[mark], ...dates]),
    [other(mark)]: draft[other(mark)].filter((d) => !moved.has(d)),
  };
}

/** Whether two drafts would save the same arrangement (a preview stays valid while this holds). */
export function sameDraft(a: CalendarDraft, b: CalendarDraft): boolean {
  return (
    a.source.trim() === b.source.trim() &&
    a.off.join() === b.off.join() &&
    a.makeup.join() === b.makeup.join()
  );
}

/** The body of PUT /staff/calendar/:year. */
export const bodyOf = (draft: CalendarDraft) => ({
  source: draft.source.trim(),
  off: draft.off,
  makeup: draft.makeup,
});
