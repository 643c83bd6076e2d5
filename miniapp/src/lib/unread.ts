import { api } from '../api/endpoints';
import { getSession, type AppRole } from './session';
import { createStore } from './store';

/** Unread notices per role: the tab bar's and the home page's badges, refreshed when a page shows. */
export const unread = createStore<Record<AppRole, number>>({ consumer: 0, merchant: 0 });

export function setUnread(role: AppRole, n: number): void {
  if (unread.get()[role] !== n) unread.set((prev) => ({ ...prev, [role]: n }));
}

export async function refreshUnread(role: AppRole): Promise<void> {
  if (!getSession(role)) return setUnread(role, 0);
  try {
    setUnread(role, (await api.inbox(role)).unreadCount);
  } catch {
    // a badge is a convenience: it keeps its last count
  }
}
