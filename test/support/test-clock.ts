/** A clock tests can move: the BFF, the clocks and the notifier all read time through it. */
export interface TestClock {
  now(): Date;
  set(iso: string | Date): void;
  advance(ms: number): void;
}

export function createTestClock(start: string | Date = new Date()): TestClock {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (iso) => void (t = new Date(iso).getTime()),
    advance: (ms) => void (t += ms),
  };
}
