/**
 * The one calendar module the BFF, the worker and the clocks share: the arrangements as the store
 * holds them, as a `WorkingCalendar` every deadline is computed with. `current()` is synchronous
 * (deadlines are computed on every case answer); the book polls the store's calendar version and
 * reloads on a change, so every process uses a newly saved year within its poll interval
 * (CALENDAR_POLL_MS, at most the contract's 60 s); the process that saved it reloads at once.
 */
import { createWorkingCalendar, type CalendarArrangement, type WorkingCalendar } from '@weiquan/shared';
import type { Logger } from 'pino';
import type { Db } from '../store/db';
import { readVersion, readYears, type CalendarYearRow } from './calendar-store';

export interface CalendarBook {
  current(): WorkingCalendar;
  /** the years as stored, with their sources */
  years(): readonly CalendarYearRow[];
  /** reloads when the store's version moved (or always, with force) */
  refresh(force?: boolean): Promise<void>;
  start(): void;
  stop(): void;
}

const arrangementOf = (r: CalendarYearRow): CalendarArrangement => ({
  year: r.year,
  off: r.off_days,
  makeup: r.makeup_days,
});

export async function createCalendarBook(db: Db, logger: Logger, pollMs: number): Promise<CalendarBook> {
  let version = -1;
  let rows: CalendarYearRow[] = [];
  let calendar = createWorkingCalendar([]);
  let timer: NodeJS.Timeout | null = null;

  async function refresh(force = false) {
    const seen = await readVersion(db);
    if (!force && seen === version) return;
    const read = await readYears(db);
    // Read the version first: a save between the two reads is seen again at the next poll.
    rows = read;
    calendar = createWorkingCalendar(read.map(arrangementOf));
    version = seen;
  }
  await refresh(true);

  return {
    current: () => calendar,
    years: () => rows,
    refresh,
    start() {
      if (timer) return;
      timer = setInterval(() => {
        refresh().catch((err: Error) =>
          logger.warn({ err: err.message }, 'calendar reload failed; the next poll retries'),
        );
      }, pollMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
