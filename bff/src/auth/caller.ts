import type { Role } from '@weiquan/shared';

/** Who is calling, as the access token says: one acting role per token. */
export interface Caller {
  role: Role;
  /** the user id (consumer, merchant) or the staff account id */
  id: string;
  merchantId?: string;
}
