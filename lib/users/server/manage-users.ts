import 'server-only';
import { AppError, forbidden, notFound } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import { hashPassword } from '@/lib/auth/server/password';
import type { Db } from '@/lib/db/server/prisma';
import type { CreateUserInput, UpdateUserInput } from '@/lib/users/user-schemas';
import type { Role } from '@/lib/core/enums';
import { canChangeRole, canManageUsers } from '@/lib/core/permissions';

/** `null` actor = the trusted command line run by whoever operates the server. */
function assertAdmin(actor: Actor | null) {
  if (!actor) return;
  const decision = canManageUsers(actor);
  if (!decision.ok) throw forbidden(decision.reason);
}

export async function createUser(db: Db, actor: Actor | null, input: CreateUserInput) {
  assertAdmin(actor);
  const exists = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (exists) throw new AppError('conflict', `A user with the email ${input.email} already exists.`);
  return db.user.create({
    data: { email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) },
    select: { id: true, email: true, name: true, role: true, disabled: true, createdAt: true },
  });
}

export async function setUserDisabled(db: Db, actor: Actor | null, userId: string, disabled: boolean) {
  assertAdmin(actor);
  if (actor && actor.id === userId && disabled) throw new AppError('validation_failed', 'You cannot disable your own account.');
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) throw notFound('The user');
  return db.user.update({ where: { id: userId }, data: { disabled }, select: { id: true, email: true, disabled: true } });
}

export async function resetPassword(db: Db, actor: Actor | null, userId: string, password: string) {
  assertAdmin(actor);
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) throw notFound('The user');
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(password) } });
}

export async function setUserRole(db: Db, actor: Actor | null, userId: string, role: Role) {
  assertAdmin(actor);
  const kept = actor ? canChangeRole(actor, userId, role) : null;
  if (kept && !kept.ok) throw new AppError('validation_failed', kept.reason);
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) throw notFound('The user');
  return db.user.update({ where: { id: userId }, data: { role }, select: { id: true, role: true } });
}

export async function listUsers(db: Db, actor: Actor) {
  assertAdmin(actor);
  return db.user.findMany({ orderBy: { createdAt: 'asc' }, select: { id: true, email: true, name: true, role: true, disabled: true, createdAt: true } });
}

/** Applies an admin's change to one account and returns it as the admin page shows it. */
export async function updateUser(db: Db, actor: Actor, userId: string, input: UpdateUserInput) {
  assertAdmin(actor);
  // Unknown id → 404 before any change (a role change alone used to fail inside Prisma: a 500).
  const exists = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!exists) throw notFound('The user');
  if (input.disabled !== undefined) await setUserDisabled(db, actor, userId, input.disabled);
  if (input.role !== undefined) await setUserRole(db, actor, userId, input.role);
  if (input.password !== undefined) await resetPassword(db, actor, userId, input.password);
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true, role: true, disabled: true } });
}
