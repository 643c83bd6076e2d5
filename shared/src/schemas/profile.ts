import { z } from 'zod';
import { address, idNumber, personName, phone } from './common';
import { sessionUser } from './auth';

export const profileBody = z.strictObject({
  name: personName,
  phone,
  address,
  idNumber: idNumber.optional(),
});
export type Profile = z.infer<typeof profileBody>;
export const meAnswer = z.object({ user: sessionUser, profile: profileBody.nullable() });
export type MeAnswer = z.infer<typeof meAnswer>;
