import { AppError, forbidden, notFound } from '@/lib/api/app-error';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import type { Db } from '@/lib/db/prisma';
import type { CreateUserInput } from '@/lib/users/user-schemas';
import type { Role } from '@/lib/generated/prisma/enums';

/** `null` actor = the trusted command line run by whoever operates the server. */
function assertAdmin(actor: Actor | null) {
  if (actor && actor.role !== 'ADMIN') throw forbidden('Only a desk admin can manage users.');
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
  if (actor && actor.id === userId && role !== 'ADMIN') throw new AppError('validation_failed', 'You cannot remove your own admin role.');
  return db.user.update({ where: { id: userId }, data: { role }, select: { id: true, role: true } });
}

export async function listUsers(db: Db, actor: Actor) {
  assertAdmin(actor);
  return db.user.findMany({ orderBy: { createdAt: 'asc' }, select: { id: true, email: true, name: true, role: true, disabled: true, createdAt: true } });
}
