import type { SessionUser, TokenAnswer } from '@weiquan/shared';
import { createStore } from './store';
import { readStored, removeStored, writeStored } from './storage';

/**
 * A token acts in one role, and a shop owner is also a consumer: the consumer and the merchant
 * sessions are kept apart so that switching to 商家入口 never loses the consumer's login.
 */
export type AppRole = 'consumer' | 'merchant';

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: SessionUser;
}

const key = (role: AppRole) => `wq.auth.${role}`;

export const sessions = createStore<Record<AppRole, Session | undefined>>({
  consumer: readStored<Session>(key('consumer')),
  merchant: readStored<Session>(key('merchant')),
});

export function getSession(role: AppRole): Session | undefined {
  return sessions.get()[role];
}

export function saveSession(role: AppRole, answer: TokenAnswer | Session): void {
  const session: Session = {
    accessToken: answer.accessToken,
    refreshToken: answer.refreshToken,
    user: answer.user,
  };
  writeStored(key(role), session);
  sessions.set((prev) => ({ ...prev, [role]: session }));
}

export function clearSession(role: AppRole): void {
  removeStored(key(role));
  sessions.set((prev) => ({ ...prev, [role]: undefined }));
}

/** Re-read storage (tests, and H5 tabs that log in elsewhere). */
export function reloadSessions(): void {
  sessions.set({
    consumer: readStored<Session>(key('consumer')),
    merchant: readStored<Session>(key('merchant')),
  });
  acting.set(readStored<AppRole>(ACTING_KEY) ?? 'consumer');
}

const ACTING_KEY = 'wq.acting';
/**
 * Which hat a person wears right now: a shop owner who bound 商家入口 still has a consumer session,
 * so the inbox, the home page and the tab bar follow the role last entered, not the sessions held.
 */
export const acting = createStore<AppRole>(readStored<AppRole>(ACTING_KEY) ?? 'consumer');

export function actAs(role: AppRole): void {
  if (acting.get() === role) return;
  writeStored(ACTING_KEY, role);
  acting.set(role);
}

/** The role whose inbox and badge to show: the merchant's only while acting as a bound merchant. */
export function actingRole(): AppRole {
  return acting.get() === 'merchant' && getSession('merchant') ? 'merchant' : 'consumer';
}
