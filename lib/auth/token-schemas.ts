import { z } from 'zod';
import { routeDocs } from '@/lib/api/route-docs';
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

/** These routes in /api/openapi.json (lib/api/route-docs.ts). */
export const tokenRouteDocs = routeDocs({
  'GET /api/tokens': { summary: 'My personal API tokens (never their secrets)' },
  'POST /api/tokens': { summary: 'Create a personal API token', body: createTokenSchema, ok: { status: 201, description: '{ token, secret }: the secret is shown only here' } },
  'DELETE /api/tokens/{id}': { summary: 'Revoke one of my tokens', ok: { status: 204, description: 'revoked' } },
});
