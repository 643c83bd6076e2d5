import { useEffect, useRef, useState } from 'react';
import type { Draft, DraftStore } from '../lib/draft';

/**
 * A form whose draft saves itself on every change and comes back after the app is closed.
 * `finish()` after a successful submit clears it (and stops the save that the last render would
 * otherwise make); `discard()` starts over with a new Idempotency-Key.
 */
export function useDraft<F>(store: DraftStore<F>) {
  const [restored] = useState(() => store.load());
  const [draft, setDraft] = useState<Draft<F>>(() => restored ?? store.fresh());
  const finished = useRef(false);

  useEffect(() => {
    if (!finished.current) store.save(draft);
  }, [draft, store]);

  return {
    draft,
    setDraft,
    /** the draft found in storage at mount, when something had been typed in it */
    restored: restored && !store.isBlank(restored.form) ? restored : undefined,
    update: (patch: Partial<F>) => setDraft((d) => ({ ...d, form: { ...d.form, ...patch } })),
    setStep: (step: number) => setDraft((d) => ({ ...d, step })),
    markAttempted: () => setDraft((d) => (d.attempted ? d : { ...d, attempted: true })),
    finish: () => {
      finished.current = true;
      store.clear();
    },
    discard: () => {
      store.clear();
      setDraft(store.fresh());
    },
  };
}
