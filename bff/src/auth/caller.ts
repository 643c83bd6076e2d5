import type { Role, StaffRole } from '@weiquan/shared';
import { AppError } from '../errors';

/** Who is calling, as the access token says: one acting role per token. */
export interface Caller {
  role: Role;
  /** the user id (consumer, merchant) or the staff account id */
  id: string;
  merchantId?: string;
  /** staff: the account's role as it stands now (checked on each request, not taken from the token) */
  staffRole?: StaffRole;
  /** staff: the account's display name as it stands now (timeline entries show who acted) */
  displayName?: string;
}

/**
 * The caller as a WeChat user (consumer or merchant). Routes open to every logged-in role use it
 * for what only such users have: a staff account has no real-name profile and receives no
 * subscribe messages (like binding a merchant, that is a 403 for staff, not a missing role).
 */
export function wechatUser(caller: Caller, what: string): Caller {
  if (caller.role === 'staff') throw new AppError('FORBIDDEN', `Staff accounts have no ${what}`);
  return caller;
}
