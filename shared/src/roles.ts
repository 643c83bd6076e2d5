export const ROLES = ['consumer', 'merchant', 'staff'] as const;
export type Role = (typeof ROLES)[number];
/** Who can leave a timeline entry: the three roles, plus the clocks. */
export type ActorRole = Role | 'system';

/**
 * Staff work in one of three roles, each including the one before it: a handler works cases, a
 * supervisor also assigns work, supervises (督办) and exports, an admin also manages staff accounts,
 * merchants and the calendar. Routes and staff actions name the roles they allow (ADR: staff roles).
 */
export const STAFF_ROLES = ['handler', 'supervisor', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
/** The roles a route or action allows when it needs at least `min`. */
export function staffRolesFrom(min: StaffRole): readonly StaffRole[] {
  return STAFF_ROLES.slice(STAFF_ROLES.indexOf(min));
}
