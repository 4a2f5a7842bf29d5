import { z } from 'zod';
import { authedRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { readJson } from '@/lib/api/read-body';
import { db } from '@/lib/db/prisma';
import { resetPassword, setUserDisabled, setUserRole } from '@/lib/users/manage-users';
import { ROLES } from '@/lib/users/user-schemas';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { forbidden } from '@/lib/api/app-error';

const patchSchema = z
  .strictObject({
    disabled: z.boolean().optional(),
    role: z.enum(ROLES).optional(),
    password: z.string().min(MIN_PASSWORD_LENGTH, `password must be at least ${MIN_PASSWORD_LENGTH} characters`).max(200).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Send at least one of: disabled, role, password.');

export const PATCH = authedRoute<{ id: string }>(async (req, { actor, params }) => {
  if (actor.role !== 'ADMIN') throw forbidden('Only a desk admin can manage users.');
  const input = await readJson(req, patchSchema);
  if (input.disabled !== undefined) await setUserDisabled(db, actor, params.id, input.disabled);
  if (input.role !== undefined) await setUserRole(db, actor, params.id, input.role);
  if (input.password !== undefined) await resetPassword(db, actor, params.id, input.password);
  const user = await db.user.findUniqueOrThrow({ where: { id: params.id }, select: { id: true, email: true, name: true, role: true, disabled: true } });
  return json({ user });
});
