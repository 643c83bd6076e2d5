export const ROLES = ['consumer', 'merchant', 'staff'] as const;
export type Role = (typeof ROLES)[number];
/** Who can leave a timeline entry: the three roles, plus the clocks. */
export type ActorRole = Role | 'system';
