/** What main.ts and worker-main.ts share about a process's life: draining on SIGTERM, and last-resort handlers. */
import type { Logger } from 'pino';

/** Read by /readyz and the HTTP layer: true from the moment a stop begins. */
export interface Lifecycle {
  draining: boolean;
}
export const createLifecycle = (): Lifecycle => ({ draining: false });

/** How long requests (or sends) in flight get to finish after SIGTERM. */
export const DRAIN_MS = 10_000;

/**
 * SIGTERM/SIGINT run `stop` once, then exit 0; an error thrown or rejected that nothing caught is
 * logged (fatal) and ends the process with exit code 1, since its state can no longer be trusted:
 * the supervisor starts a fresh one, and leases and idempotency keys make the work safe to repeat.
 */
export function runUntilStopped(logger: Logger, stop: (signal: string) => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: draining work in flight');
    stop(signal).then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'stopping failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
  const fatal = (what: string) => (err: unknown) => {
    logger.fatal({ err }, `${what}: exiting`);
    process.exit(1);
  };
  process.on('uncaughtException', fatal('uncaught exception'));
  process.on('unhandledRejection', fatal('unhandled promise rejection'));
}

/** Resolves after `ms`, or at once when `work` settles first (a bounded wait for a stop). */
export const within = (ms: number, work: Promise<unknown>): Promise<unknown> =>
  Promise.race([work.catch(() => {}), new Promise((r) => setTimeout(r, ms).unref())]);
