import { z } from 'zod';
import { textField } from '@/lib/api/text-field';
import { TOKEN_EXPIRY_DAYS } from '@/lib/auth/session-policy';

export const createTokenSchema = z.strictObject({
  label: textField('label', { max: 100, min: 0 }).default(''),
  /** Days until the token stops working; absent or null = until revoked. */
  expiresInDays: z
    .number({ message: 'expiresInDays must be a number of days' })
    .refine((days) => (TOKEN_EXPIRY_DAYS as readonly number[]).includes(days), `expiresInDays must be one of ${TOKEN_EXPIRY_DAYS.join(', ')}, or null for no expiry`)
    .nullable()
    .optional(),
  /** The account's password, needed when the sign-in is older than FRESH_SIGN_IN_MS or the caller uses a token. */
  password: z.string().max(1024).optional(),
});
export type CreateTokenInput = z.output<typeof createTokenSchema>;
