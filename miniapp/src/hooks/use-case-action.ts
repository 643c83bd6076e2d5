import type { CaseAction, CaseView } from '@weiquan/shared';
import { caseAction } from '@weiquan/shared';
import { useState } from 'react';
import { api } from '../api/endpoints';
import { useT } from '../i18n';
import { ApiError } from '../lib/api-client';
import type { AppRole } from '../lib/session';
import { messageOf } from './use-remote';

/**
 * Sends one action through the shared action schema first (the same one the BFF applies), with
 * `expectedVersion` so that two people acting at once do not overwrite each other.
 */
export function useCaseAction(c: CaseView, onDone: (next: CaseView) => void, role: AppRole) {
  const t = useT();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: Record<string, unknown>) => {
    const parsed = caseAction.safeParse({ ...action, expectedVersion: c.version });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'invalid');
      return false;
    }
    setBusy(String(action.type));
    setError(null);
    try {
      onDone(await api.act(c.id, parsed.data as CaseAction, role));
      return true;
    } catch (e) {
      // WeChat's content security refused the text: say so in plain words, below the text typed
      setError(
        e instanceof ApiError && e.code === 'CONTENT_REJECTED' ? t('error.contentRejected') : messageOf(e),
      );
      return false;
    } finally {
      setBusy(null);
    }
  };
  return { run, busy, error };
}
