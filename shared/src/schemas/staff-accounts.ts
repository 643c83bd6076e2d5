import { z } from 'zod';
import { STAFF_ROLES } from '../roles';
import { isoDateTime, text } from './common';

export const staffRole = z.enum(STAFF_ROLES);
export const staffUsername = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._@-]{2,64}$/, 'must be 2-64 letters, digits or . _ @ -');
/** at least 12 characters (scrypt-hashed; never stored or logged in clear) */
export const staffPassword = z.string().min(12, 'must be at least 12 characters').max(200);
export const displayName = text(1, 50);

export const createStaffAccountBody = z.strictObject({
  username: staffUsername,
  displayName,
  staffRole,
  password: staffPassword,
});
export type CreateStaffAccountBody = z.infer<typeof createStaffAccountBody>;
export const updateStaffAccountBody = z
  .strictObject({
    displayName: displayName.optional(),
    staffRole: staffRole.optional(),
    active: z.boolean().optional(),
    password: staffPassword.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'give at least one field to change' });
export type UpdateStaffAccountBody = z.infer<typeof updateStaffAccountBody>;

export const staffAccount = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  staffRole,
  active: z.boolean(),
  createdAt: isoDateTime,
});
export type StaffAccount = z.infer<typeof staffAccount>;
export const staffAccountList = z.object({ items: z.array(staffAccount) });
export type StaffAccountList = z.infer<typeof staffAccountList>;
/** a staff member as others see them on a case (assignee, timeline, audit) */
export const staffRef = z.object({ id: z.string(), displayName: z.string() });
export type StaffRef = z.infer<typeof staffRef>;
