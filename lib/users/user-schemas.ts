import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';

export const ROLES = ['ANALYST', 'REVIEWER', 'ADMIN'] as const;

export const createUserSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email('must be a valid email address').max(320),
  name: z.string().trim().min(1, 'is required').max(120),
  role: z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` }),
  password: z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
});

export const resetPasswordSchema = z.strictObject({
  password: z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
});

export type CreateUserInput = z.output<typeof createUserSchema>;
