import { z } from 'zod';
import { textField } from '@/lib/api/text-field';
import { ROLES } from '@/lib/core/enums';
import { routeDocs } from '@/lib/api/route-docs';

export const MIN_PASSWORD_LENGTH = 10;
/** bcrypt reads only the first 72 bytes of a password; longer ones are refused rather than silently cut. */
export const MAX_PASSWORD_BYTES = 72;

const utf8Length = (value: string) => new TextEncoder().encode(value).length;

export const PASSWORD_TOO_LONG =
  `must be at most ${MAX_PASSWORD_BYTES} bytes (the limit of the password hash): that is 72 plain letters or digits, ` +
  'fewer with accented letters or emoji, which take 2 to 4 bytes each';

/** A new password: verbatim (spaces count), 10 characters to 72 bytes. */
export const passwordSchema = (field = 'password') =>
  textField(field, { max: 200, min: MIN_PASSWORD_LENGTH, verbatim: true }).refine(
    (v) => utf8Length(v) <= MAX_PASSWORD_BYTES,
    `${field} ${PASSWORD_TOO_LONG}`,
  );

export const emailSchema = textField('email', { max: 320 })
  .transform((v) => v.toLowerCase())
  .pipe(z.email('email must be a valid email address'));

export const createUserSchema = z.strictObject({
  email: emailSchema,
  name: textField('name', { max: 120 }),
  role: z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` }),
  password: passwordSchema(),
});
export type CreateUserInput = z.output<typeof createUserSchema>;

/** An admin's change to one account: any of the three, at least one. */
export const updateUserSchema = z
  .strictObject({
    disabled: z.boolean().optional(),
    role: z.enum(ROLES).optional(),
    password: passwordSchema().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Send at least one of: disabled, role, password.');
export type UpdateUserInput = z.output<typeof updateUserSchema>;

/** These routes in /api/openapi.json (lib/api/route-docs.ts). */
export const userRouteDocs = routeDocs({
  'GET /api/me': { summary: 'Who I am' },
  'GET /api/admin/users': { summary: 'Every account (admin)' },
  'POST /api/admin/users': { summary: 'Create an account (admin)', body: createUserSchema, ok: { status: 201, description: '{ user }' } },
  'PATCH /api/admin/users/{id}': { summary: 'Change a role or disable an account (admin)', body: updateUserSchema },
  'POST /api/admin/users/{id}/sign-out-everywhere': { summary: "End every session and token of an account (admin)" },
});
