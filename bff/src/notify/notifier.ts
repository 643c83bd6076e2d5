/**
 * The notifier: two loops over the database, safe to run in any number of processes at once.
 * - fan-out claims unnotified case events (FOR UPDATE SKIP LOCKED), writes notices and deliveries
 *   and marks the events, all in one transaction;
 * - delivery claims due deliveries by leasing them (state 'sending', lease_until), sends outside
 *   any transaction, and records the outcome. A process that dies after sending and before
 *   recording leaves a lease that runs out: the message is sent again (at most one repeat per
 *   crash), never lost. A recording the database refuses (a restart, a full pool) is retried while
 *   the lease lasts, so a live worker's sent message is not repeated. Attempt numbers fence late
 *   recordings from a worker whose lease expired.
 */
import type { Logger } from 'pino';
import type { TemplateSlot } from '@weiquan/shared';
import type { Db } from '../store/db';
import type { SendOutcome, Wechat } from '../wechat/wechat-client';
import { fanOut, type SourceEvent } from './fan-out';
import { refundGrant } from './grant-store';
import {
  claimEvents,
  deadLetter as deadLetterRow,
  leaseDeliveries,
  markEventsNotified,
  recordAttempt,
  type DeliveryRow,
} from './outbox-queries';

export interface NotifierOptions {
  db: Db;
  wechat: Wechat;
  logger: Logger;
  now: () => Date;
  templates: Partial<Record<TemplateSlot, string>>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
  lang?: 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW';
  /** sends in flight at once, per process */
  concurrency?: number;
  /** events claimed per fan-out transaction */
  batchSize?: number;
  /** how long a claimed delivery is ours; longer than the WeChat client can take (token + send, twice) */
  leaseMs?: number;
  /** first retry delay; doubles per attempt up to maxDelayMs, with jitter */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** retrying stops (dead letter) when the next attempt would fall this long after the first */
  retryBudgetMs?: number;
  /** idle polling interval of the loops */
  pollMs?: number;
  random?: () => number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export function createNotifier(opts: NotifierOptions) {
  const { db, wechat, logger, now } = opts;
  const concurrency = opts.concurrency ?? 64;
  const batchSize = opts.batchSize ?? 100;
  const leaseMs = opts.leaseMs ?? 60_000;
  const baseDelayMs = opts.baseDelayMs ?? 10_000;
  const maxDelayMs = opts.maxDelayMs ?? 15 * 60_000;
  const retryBudgetMs = opts.retryBudgetMs ?? 60 * 60_000;
  const pollMs = opts.pollMs ?? 100;
  const random = opts.random ?? Math.random;
  const emulator = wechat.mode === 'emulator';

  /**
   * Two workers fanning out at once spend grants of the same users in different orders, and
   * PostgreSQL may break the tie by aborting one transaction (deadlock, 40P01). Nothing of it was
   * written and nothing was sent (sends happen outside), so trying the batch again is safe.
   */
  async function fanOutOnce(limit = batchSize): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fanOutBatch(limit);
      } catch (err) {
        const code = (err as { code?: string }).code;
        if ((code !== '40P01' && code !== '40001') || attempt >= 5) throw err;
        await sleep(5 + random() * 20 * attempt);
      }
    }
  }

  /** One transaction: claim a batch of events, fan each out, mark them. Answers how many. */
  async function fanOutBatch(limit: number): Promise<number> {
    return db.tx(async (q) => {
      const events = await claimEvents(q, limit);
      if (!events.length) return 0;
      const at = now();
      for (const e of events) {
        const source: SourceEvent = {
          key: `event:${e.id}`,
          caseId: e.case_id,
          type: e.type,
          actorRole: e.actor_role,
          actorId: e.actor_id,
          fromStatus: e.from_status,
          toStatus: e.to_status,
          data: e.data ?? {},
          at: e.at,
        };
        await fanOut(q, source, { templates: opts.templates, emulator, now: at });
      }
      await markEventsNotified(
        q,
        events.map((e) => e.id),
        at,
      );
      return events.length;
    });
  }

  /** Leases up to `limit` due deliveries (and any whose lease ran out: their sender died). */
  async function claim(limit: number): Promise<DeliveryRow[]> {
    if (limit <= 0) return [];
    const at = now();
    return leaseDeliveries(db, at, new Date(at.getTime() + leaseMs), limit);
  }

  function retryDelay(attempts: number): number {
    const exp = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
    return Math.round(exp * (0.5 + random() * 0.5)); // jitter: spread retries of a burst apart
  }

  async function record(d: DeliveryRow, outcome: SendOutcome): Promise<void> {
    const at = now();
    if (outcome.ok) {
      await recordAttempt(db, d, { state: 'sent', msgid: outcome.msgid ?? null }, at);
      return;
    }
    const reason = `${outcome.message}${outcome.errcode !== undefined ? ` [errcode ${outcome.errcode}]` : ''}${outcome.httpStatus !== undefined ? ` [HTTP ${outcome.httpStatus}]` : ''}`;
    if (outcome.kind === 'no_subscription') {
      // WeChat says the user has no subscription left: the grant is spent; retrying cannot help.
      await recordAttempt(db, d, { state: 'no_subscription', reason }, at);
      logger.info(
        { deliveryId: d.id, userId: d.user_id, errcode: outcome.errcode },
        'push not delivered: no subscription (43101)',
      );
      return;
    }
    if (outcome.kind === 'retryable') {
      const next = new Date(at.getTime() + retryDelay(d.attempts));
      if (next.getTime() - d.created_at.getTime() <= retryBudgetMs) {
        await recordAttempt(db, d, { state: 'pending', nextAttemptAt: next, reason }, at);
        logger.warn(
          { deliveryId: d.id, attempts: d.attempts, nextAttemptAt: next.toISOString(), reason },
          'push failed; will retry',
        );
        return;
      }
      await deadLetter(d, `retry budget exhausted after ${d.attempts} attempts: ${reason}`, at, false);
      return;
    }
    await deadLetter(d, reason, at, true);
  }

  async function deadLetter(d: DeliveryRow, reason: string, at: Date, refund: boolean) {
    await db.tx(async (q) => {
      const dead = await deadLetterRow(q, d, reason, at);
      // WeChat refused the message before it reached the user: the grant was not used up.
      if (dead && refund && !emulator) await refundGrant(q, d.user_id, d.template_id, at);
    });
    logger.error(
      { deliveryId: d.id, userId: d.user_id, templateId: d.template_id, attempts: d.attempts, reason },
      'push dead-lettered',
    );
  }

  /**
   * Once WeChat has answered, the outcome must be recorded: a recording lost to a database that
   * blinked (a restart, a full pool) would leave the lease to run out and the message to be sent
   * again. So it is retried while the lease is ours (the attempt fence makes a repeat harmless);
   * past the lease another worker may hold the delivery, and the fence would refuse the write.
   */
  async function recordSurely(d: DeliveryRow, outcome: SendOutcome, leaseEnd: number): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await record(d, outcome);
      } catch (err) {
        const wait = Math.min(100 * 2 ** attempt, 5000);
        if (Date.now() + wait >= leaseEnd) throw err;
        logger.warn(
          { deliveryId: d.id, attempt, err: (err as Error).message },
          'recording a push outcome failed; retrying',
        );
        await sleep(wait);
      }
    }
  }

  async function deliver(d: DeliveryRow): Promise<void> {
    // The lease by this process's own clock (a test clock moved on does not shorten it).
    const leaseEnd = Date.now() + leaseMs;
    let outcome: SendOutcome;
    try {
      outcome = await wechat.sendSubscribeMessage({
        touser: d.touser,
        templateId: d.template_id,
        page: d.page,
        data: d.data,
        miniprogramState: opts.miniprogramState,
        lang: opts.lang,
      });
    } catch (err) {
      outcome = { ok: false, kind: 'retryable', message: `send failed: ${(err as Error).message}` };
    }
    await recordSurely(d, outcome, leaseEnd);
  }

  /** Claims one batch of due deliveries and sends them all. Answers how many. */
  async function sendOnce(limit = concurrency): Promise<number> {
    const claimed = await claim(limit);
    await Promise.all(claimed.map(deliver));
    return claimed.length;
  }

  /** Until nothing is left to do at the current time (tests and benchmarks). */
  async function drain(): Promise<void> {
    for (;;) {
      const events = await fanOutOnce();
      const sent = await sendOnce(Math.max(concurrency, batchSize));
      if (events === 0 && sent === 0) return;
    }
  }

  // --- the loops (npm start, npm run worker) ---

  let running = false;
  let loops: Promise<void>[] = [];
  let wake: (() => void) | null = null;

  const onError = (what: string) => (err: unknown) =>
    logger.error({ err: (err as Error).message }, `notifier ${what} failed; retrying`);

  async function fanOutLoop() {
    while (running) {
      const n = await fanOutOnce().catch((err) => (onError('fan-out')(err), -1));
      if (n > 0) wake?.();
      if (n <= 0) await sleep(n < 0 ? 1000 : pollMs);
    }
  }

  async function sendLoop() {
    const inFlight = new Set<Promise<void>>();
    while (running) {
      let claimed = 0;
      try {
        const batch = await claim(concurrency - inFlight.size);
        claimed = batch.length;
        for (const d of batch) {
          const p: Promise<void> = deliver(d)
            .catch(onError('delivery'))
            .finally(() => inFlight.delete(p));
          inFlight.add(p);
        }
      } catch (err) {
        onError('claim')(err);
        await sleep(1000);
      }
      if (claimed > 0 && inFlight.size < concurrency) continue;
      const woken = new Promise<void>((resolve) => (wake = resolve));
      await Promise.race([sleep(pollMs), woken, ...inFlight]);
      wake = null;
    }
    await Promise.all(inFlight);
  }

  return {
    fanOutOnce,
    sendOnce,
    drain,
    start() {
      if (running) return;
      running = true;
      loops = [fanOutLoop(), sendLoop()];
    },
    /** Stops claiming and waits for the sends in flight to be recorded. */
    async stop() {
      running = false;
      wake?.();
      await Promise.all(loops);
      loops = [];
    },
  };
}
export type Notifier = ReturnType<typeof createNotifier>;
