import { useEffect, useRef, type Dispatch, type SetStateAction } from 'react';
import { api } from '../../api/endpoints';
import type { Draft } from '../../lib/draft';
import { sessions } from '../../lib/session';
import { useStore } from '../../lib/store';
import { ensureConsumer } from '../../lib/login';
import { rememberProfile } from './profile-offer';

interface RealName {
  name: string;
  phone: string;
  address: string;
}

/**
 * The login a filing needs, then the real-name details from the profile into a draft where none
 * were typed yet. It waits for the consumer session: a person sent to the login page comes back to
 * a wizard that mounted before the login, so a mount-time read alone would find nobody and stay
 * empty. `onPrefilled` runs when the profile filled the draft.
 */
export function useProfilePrefill<F extends RealName>(
  form: F,
  setDraft: Dispatch<SetStateAction<Draft<F>>>,
  onPrefilled?: () => void,
) {
  const { consumer } = useStore(sessions);
  const asked = useRef(false);
  const typed = useRef(form);
  typed.current = form;
  useEffect(() => {
    if (!consumer) {
      if (!asked.current) {
        asked.current = true;
        void ensureConsumer();
      }
      return;
    }
    let live = true;
    void (async () => {
      try {
        const p = (await api.me()).profile;
        rememberProfile(p);
        const f = typed.current;
        if (!p || !live || f.name || f.phone || f.address) return;
        setDraft((d) => ({ ...d, form: { ...d.form, name: p.name, phone: p.phone, address: p.address } }));
        onPrefilled?.();
      } catch {
        // a convenience only: the person can type the details
      }
    })();
    return () => {
      live = false;
    };
  }, [consumer?.user.id]);
}
