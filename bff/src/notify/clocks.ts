/**
 * The deadline clocks: a scheduler that reads the running deadlines and acts by itself.
 * - a merchant negotiation past its due time moves the case to pending_acceptance (a system event
 *   through the shared status machine; the notifier then tells consumer and merchant);
 * - 2 working days before a merchant deadline, the merchant is reminded;
 * - an acceptance deadline with ACCEPTANCE_ALERT_WORKING_DAYS_BEFORE (1) working day left, and every
 *   overdue mediation, alert staff;
 * - from November 1, while next year's holiday arrangement is missing, every admin is told once a day.
 * Each reminder or alert happens once per deadline (clock_marks), in the same transaction as its
 * notices, so several workers may tick at once.
 */
import {
  ACCEPTANCE_ALERT_WORKING_DAYS_BEFORE,
  MERCHANT_REMINDER_WORKING_DAYS_BEFORE,
  beijingDate,
  isOverdue,
  type ClockNotice,
  type DeadlineKind,
  type IsoDate,
  type TemplateSlot,
  type WorkingCalendar,
} from '@weiquan/shared';
import type { Logger } from 'pino';
import type { Db } from '../store/db';
import type { Cases } from '../cases';
import {
  alertCandidates,
  casesPastMerchantDeadline,
  lockRunningDeadline,
  markDeadline,
} from './clock-queries';
import { missingNextYear, noticeAdmins } from '../calendar/next-year';
import { fanOut } from './fan-out';

export interface ClocksOptions {
  db: Db;
  cases: Pick<Cases, 'applySystemAction'>;
  logger: Logger;
  now: () => Date;
  templates: Partial<Record<TemplateSlot, string>>;
  emulator: boolean;
  /** the working-day calendar as it stands now (the calendar book's) */
  calendar: () => WorkingCalendar;
  intervalMs?: number;
}

/** When each alert is due, for a running deadline: the Beijing date from which it fires. */
const ALERTS: {
  kind: DeadlineKind;
  mark: ClockNotice;
  firesFrom: (dueDate: IsoDate, dueAt: string, now: Date, calendar: WorkingCalendar) => boolean;
}[] = [
  {
    kind: 'merchant_response',
    mark: 'merchant_deadline_reminder',
    firesFrom: (dueDate, dueAt, now, calendar) =>
      !isOverdue(dueAt, now) &&
      beijingDate(now) >= calendar.addWorkingDays(dueDate, -MERCHANT_REMINDER_WORKING_DAYS_BEFORE).date,
  },
  {
    kind: 'acceptance',
    mark: 'acceptance_due_soon',
    firesFrom: (dueDate, _dueAt, now, calendar) =>
      beijingDate(now) >= calendar.addWorkingDays(dueDate, -ACCEPTANCE_ALERT_WORKING_DAYS_BEFORE).date,
  },
  {
    kind: 'mediation',
    mark: 'mediation_overdue',
    firesFrom: (_dueDate, dueAt, now) => isOverdue(dueAt, now),
  },
];

export function createClocks(opts: ClocksOptions) {
  const { db, cases, logger, now } = opts;

  /** Missed merchant deadlines: the period lasts to the end of its due day, to the second. */
  async function escalate(at: Date): Promise<number> {
    let moved = 0;
    for (const caseId of await casesPastMerchantDeadline(db, at)) {
      if (await cases.applySystemAction(caseId, 'merchant_timeout')) moved += 1;
    }
    return moved;
  }

  async function alert(at: Date): Promise<number> {
    const rows = await alertCandidates(db, ALERTS, at);
    let fired = 0;
    const calendar = opts.calendar();
    for (const d of rows) {
      const rule = ALERTS.find((a) => a.kind === d.kind)!;
      if (!rule.firesFrom(d.due_date, d.due_at.toISOString(), at, calendar)) continue;
      const done = await db.tx(async (q) => {
        if (!(await lockRunningDeadline(q, d.id))) return false;
        if (!(await markDeadline(q, d.id, rule.mark, at))) return false;
        await fanOut(
          q,
          {
            key: `clock:${rule.mark}:${d.id}`,
            caseId: d.case_id,
            type: rule.mark,
            actorRole: 'system',
            actorId: null,
            fromStatus: null,
            toStatus: null,
            data: { dueAt: d.due_at.toISOString() },
            at,
          },
          { templates: opts.templates, emulator: opts.emulator, now: at },
        );
        return true;
      });
      if (done) fired += 1;
    }
    return fired;
  }

  /** The admins' daily notice of a missing next-year arrangement (once a day, whatever the workers). */
  async function calendarNotice(at: Date): Promise<number> {
    const year = missingNextYear(opts.calendar(), at);
    return year === null ? 0 : noticeAdmins(db, year, at);
  }

  async function tick(): Promise<{ escalated: number; alerts: number }> {
    const at = now();
    const escalated = await escalate(at);
    const alerts = await alert(at);
    const calendarNotices = await calendarNotice(at);
    if (escalated || alerts || calendarNotices)
      logger.info({ escalated, alerts, calendarNotices }, 'clocks acted');
    return { escalated, alerts };
  }

  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  return {
    tick,
    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          await tick().catch((err) =>
            logger.error({ err: (err as Error).message }, 'clocks tick failed; retrying'),
          );
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, opts.intervalMs ?? 30_000);
            timer.unref();
            wake = () => (clearTimeout(timer), resolve());
          });
        }
      })();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      loop = null;
    },
  };
}
export type Clocks = ReturnType<typeof createClocks>;
