import type { Role, StaffRole } from '@weiquan/shared';

/** Who is calling, as the access token says: one acting role per token. */
export interface Caller {
  role: Role;
  /** the user id (consumer, merchant) or the staff account id */
  id: string;
  merchantId?: string;
  /** staff: the account's role as it stands now (checked on each request, not taken from the token) */
  staffRole?: StaffRole;
}
