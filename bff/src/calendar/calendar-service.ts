/**
 * The calendar's use cases: read every year, and enter one (an admin, when the State Council's
 * notice appears). Entering a year checks it (`arrangementProblems`), saves it, reloads this
 * process's calendar at once (the others within their poll), recomputes every open deadline that
 * reaches into the year, and refreshes the figures' summary tables. With dryRun it saves nothing
 * and counts the deadlines that would move, computed with the arrangement as entered.
 */
import {
  arrangementProblems,
  createWorkingCalendar,
  type CalendarAnswer,
  type SaveCalendarYearBody,
  type SavedCalendarYear,
} from '@weiquan/shared';
import type { Logger } from 'pino';
import type { Cases } from '../cases';
import { recomputeDeadlines } from '../cases/recompute-deadlines';
import { invalidFields } from '../errors';
import type { Db } from '../store/db';
import type { CalendarBook } from './calendar-book';
import { saveYear } from './calendar-store';

export interface CalendarServiceDeps {
  db: Db;
  book: CalendarBook;
  cases: Pick<Cases, 'recomputeDeadlines'>;
  refreshStats: () => Promise<void>;
  logger: Logger;
  now: () => Date;
}

export function createCalendarService(deps: CalendarServiceDeps) {
  const { db, book, now } = deps;
  return {
    read(): CalendarAnswer {
      return {
        years: book.years().map((y) => ({
          year: y.year,
          source: y.source,
          days: { off: y.off_days, makeup: y.makeup_days },
        })),
        coveredThrough: book.current().coveredThrough,
      };
    },

    async save(
      staffId: string,
      year: number,
      body: SaveCalendarYearBody,
      dryRun: boolean,
    ): Promise<SavedCalendarYear> {
      const problems = arrangementProblems(year, body.off, body.makeup);
      if (problems.length) throw invalidFields(problems);
      const off = [...new Set(body.off)].sort();
      const makeup = [...new Set(body.makeup)].sort();
      const saved = { year, source: body.source, off, makeup };
      if (dryRun) {
        const others = book.years().filter((y) => y.year !== year);
        const trial = createWorkingCalendar([
          ...others.map((y) => ({ year: y.year, off: y.off_days, makeup: y.makeup_days })),
          { year, off, makeup },
        ]);
        return {
          ...saved,
          recomputed: await recomputeDeadlines(db, trial, year, { dryRun, at: now() }),
          dryRun,
        };
      }
      await db.tx((q) => saveYear(q, saved, staffId, now()));
      await book.refresh(true);
      // Recomputed even when the year was already stored as entered: a run cut short is completed,
      // and one with nothing left to move moves nothing.
      const recomputed = await deps.cases.recomputeDeadlines(year, false);
      if (recomputed)
        deps.logger.info({ year, recomputed }, 'deadlines recomputed after a calendar year was saved');
      await deps
        .refreshStats()
        .catch((err: Error) =>
          deps.logger.warn(
            { err: err.message },
            'stats refresh after the calendar change failed; the next one rebuilds',
          ),
        );
      return { ...saved, recomputed };
    },
  };
}
export type CalendarService = ReturnType<typeof createCalendarService>;
