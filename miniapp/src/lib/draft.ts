import { readStored, removeStored, writeStored } from './storage';

/**
 * A form in progress as kept in storage, so that closing the app loses nothing. The
 * Idempotency-Key lives with it: every retry of this filing, even after a restart, carries the
 * same key, and the BFF answers the same case rather than filing twice.
 */
export interface Draft<F> {
  form: F;
  step: number;
  idempotencyKey: string;
  /** a submit was tried and its outcome is unknown */
  attempted: boolean;
  /** the merchant id for which the person said an open complaint is a different dispute */
  notDuplicateOf?: string;
}

export interface DraftStore<F> {
  key: string;
  empty(): F;
  fresh(): Draft<F>;
  load(): Draft<F> | undefined;
  save(draft: Draft<F>): void;
  clear(): void;
  /** nothing typed or chosen: not worth announcing as restored */
  isBlank(form: F): boolean;
}

export function newIdempotencyKey(): string {
  const random = Array.from({ length: 4 }, () =>
    Math.floor(Math.random() * 0x100000000)
      .toString(16)
      .padStart(8, '0'),
  ).join('');
  return `wq-${Date.now().toString(36)}-${random}`;
}

/**
 * One storage slot per kind of form. `settle` repairs what cannot survive a restart (an upload
 * cut off by closing the app); fields added since the draft was saved take their empty value.
 */
export function draftStore<F extends object>(
  key: string,
  empty: () => F,
  settle: (form: F) => F = (f) => f,
): DraftStore<F> {
  return {
    key,
    empty,
    fresh: () => ({ form: empty(), step: 0, idempotencyKey: newIdempotencyKey(), attempted: false }),
    load() {
      const d = readStored<Draft<F>>(key);
      if (!d?.form || !d.idempotencyKey) return undefined;
      return { ...d, step: d.step ?? 0, form: settle({ ...empty(), ...d.form }) };
    },
    save: (draft) => writeStored(key, draft),
    clear: () => removeStored(key),
    isBlank(form) {
      const blank = empty() as Record<string, unknown>;
      return Object.keys(blank).every(
        (k) => JSON.stringify((form as Record<string, unknown>)[k]) === JSON.stringify(blank[k]),
      );
    },
  };
}
