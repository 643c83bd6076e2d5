import { useSyncExternalStore } from 'react';
import { getSession, onSessionChange, type Session } from './session-store';

export function useSession(): Session | null {
  return useSyncExternalStore(onSessionChange, getSession, getSession);
}

const SUPERVISORS = new Set(['supervisor', 'admin']);
/** Supervisors and admins assign, supervise and export; admins also manage accounts and merchants. */
export function canSupervise(session: Session | null): boolean {
  return SUPERVISORS.has(session?.user.staffRole ?? '');
}
export function isAdmin(session: Session | null): boolean {
  return session?.user.staffRole === 'admin';
}
