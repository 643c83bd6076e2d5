import { useEffect, type Dispatch, type SetStateAction } from 'react';
import { api } from '../../api/endpoints';
import type { Draft } from '../../lib/draft';
import { ensureConsumer } from '../auth/login';

interface RealName {
  name: string;
  phone: string;
  address: string;
}

/**
 * At mount: the login a filing needs, then the real-name details from the profile into a draft
 * where none were typed yet. `onPrefilled` runs when the profile came.
 */
export function useProfilePrefill<F extends RealName>(
  setDraft: Dispatch<SetStateAction<Draft<F>>>,
  onPrefilled?: () => void,
) {
  useEffect(() => {
    void (async () => {
      if (!(await ensureConsumer())) return;
      try {
        const p = (await api.me()).profile;
        if (!p) return;
        setDraft((d) =>
          d.form.name || d.form.phone || d.form.address
            ? d
            : { ...d, form: { ...d.form, name: p.name, phone: p.phone, address: p.address } },
        );
        onPrefilled?.();
      } catch {
        // a convenience only: the person can type the details
      }
    })();
  }, []);
}
