import { z } from 'zod';
import { ROLES } from '@/lib/core/enums';

export const MIN_PASSWORD_LENGTH = 10;

export const createUserSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email('must be a valid email address').max(320),
  name: z.string().trim().min(1, 'is required').max(120),
  role: z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` }),
  password: z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
});
export type CreateUserInput = z.output<typeof createUserSchema>;

/** An admin's change to one account: any of the three, at least one. */
export const updateUserSchema = z
  .strictObject({
    disabled: z.boolean().optional(),
    role: z.enum(ROLES).optional(),
    password: z.string().min(MIN_PASSWORD_LENGTH, `password must be at least ${MIN_PASSWORD_LENGTH} characters`).max(200).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Send at least one of: disabled, role, password.');
export type UpdateUserInput = z.output<typeof updateUserSchema>;
