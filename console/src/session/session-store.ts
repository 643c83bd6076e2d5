/**
 * The staff session: tokens live in sessionStorage (a shared office PC forgets them with the tab),
 * never in localStorage. Listeners hear when the session starts or ends.
 */
import type { SessionUser, TokenAnswer } from '@weiquan/shared';

const KEY = 'weiquan.console.session';

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: SessionUser & { displayName?: string; staffRole?: string };
}

type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

function read(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

let current: Session | null = read();
let expired = false;

export function getSession(): Session | null {
  return current;
}

export function setSession(answer: TokenAnswer | null): void {
  expired = false;
  current = answer
    ? { accessToken: answer.accessToken, refreshToken: answer.refreshToken, user: answer.user }
    : null;
  if (current) sessionStorage.setItem(KEY, JSON.stringify(current));
  else sessionStorage.removeItem(KEY);
  for (const l of listeners) l(current);
}

/** The session could not be renewed: the guard sends the user to login, saying why, and back after. */
export function expireSession(): void {
  setSession(null);
  expired = true;
  for (const l of listeners) l(current);
}
export function sessionExpired(): boolean {
  return expired;
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
