/**
 * How the store batches work outside transactions (case reads, lists, filings): DataLoader batches
 * of the calls made in one turn of the event loop. A PostgreSQL round trip costs the BFF more CPU
 * (a socket write that wakes another process) than the rest of such a request, so N calls sharing
 * one query cost far less than N queries; when calls are few a batch holds one and nothing waits.
 * The rule every batch keeps: its batch function is wrapped in `isolatingFailures`, so one caller's
 * bad item (a value the database refuses) can never fail the reads or filings of other callers that
 * happened to share its turn; values are also validated before they reach a batch (cursors: 400).
 */
import type DataLoader from 'dataloader';

/** No cache (every call sees the store as it is now); a batch is dispatched after the poll phase. */
export function perTurnBatches<K, V>(maxBatchSize = 64): DataLoader.Options<K, V> {
  return { cache: false, maxBatchSize, batchScheduleFn: (run) => void setImmediate(run) };
}

/** A batch function that, when a batch of several fails, runs each item alone: only the items that fail alone fail. */
export function isolatingFailures<K, V>(run: (items: readonly K[]) => Promise<V[]>) {
  return async (items: readonly K[]): Promise<(V | Error)[]> => {
    try {
      return await run(items);
    } catch (err) {
      if (items.length === 1) throw err;
      return Promise.all(
        items.map((item) =>
          run([item]).then(
            ([v]) => v,
            (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
          ),
        ),
      );
    }
  };
}
