import 'server-only';
import { AppError, forbidden, notFound } from '@/lib/api/app-error';
import { endSessions } from '@/lib/auth/server/end-sessions';
import { hashPassword } from '@/lib/auth/server/password';
import type { Actor } from '@/lib/core/actor';
import type { Role } from '@/lib/core/enums';
import { canChangeRole, canManageUsers } from '@/lib/core/permissions';
import type { Db, Tx } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';
import type { CreateUserInput, UpdateUserInput } from '@/lib/users/user-schemas';

/** `null` actor = the trusted command line run by whoever operates the server. */
function assertAdmin(actor: Actor | null) {
  if (!actor) return;
  const decision = canManageUsers(actor);
  if (!decision.ok) throw forbidden(decision.reason);
}

const USER_SELECT = { id: true, email: true, name: true, role: true, disabled: true } as const;

export async function createUser(db: Db, actor: Actor | null, input: CreateUserInput) {
  assertAdmin(actor);
  const passwordHash = await hashPassword(input.password);
  return runWrite(db, actor, async ({ tx }) => {
    const exists = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (exists) throw new AppError('conflict', `A user with the email ${input.email} already exists.`);
    return tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash },
      select: { ...USER_SELECT, createdAt: true },
    });
  });
}

export async function setUserDisabled(db: Db, actor: Actor | null, userId: string, disabled: boolean) {
  assertAdmin(actor);
  return runWrite(db, actor, ({ tx }) => applyChanges(tx, actor, userId, { disabled }));
}

/** An admin's change to one account (any of disabled, role, password): all of it or, on a refusal, none. */
export async function updateUser(db: Db, actor: Actor, userId: string, input: UpdateUserInput) {
  assertAdmin(actor);
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  return runWrite(db, actor, ({ tx }) => applyChanges(tx, actor, userId, { disabled: input.disabled, role: input.role, passwordHash }));
}

async function applyChanges(tx: Tx, actor: Actor | null, userId: string, changes: { disabled?: boolean; role?: Role; passwordHash?: string }) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) throw notFound('The user');
  if (actor && actor.id === userId && changes.disabled) throw new AppError('validation_failed', 'You cannot disable your own account.');
  if (actor && changes.role !== undefined) {
    const decision = canChangeRole(actor, userId, changes.role);
    if (!decision.ok) throw new AppError('validation_failed', decision.reason);
  }
  const updated = await tx.user.update({ where: { id: userId }, data: changes, select: USER_SELECT });
  // Whoever held this account's cookies or tokens held them under the old password, role or state.
  if (changes.disabled !== undefined || changes.role !== undefined || changes.passwordHash !== undefined) await endSessions(tx, userId, { tokens: true });
  return updated;
}

/** "Sign out everywhere": every session cookie and API token of the user stops working now. */
export async function signOutEverywhere(db: Db, actor: Actor, userId: string) {
  assertAdmin(actor);
  return runWrite(db, actor, async ({ tx }) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: USER_SELECT });
    if (!user) throw notFound('The user');
    await endSessions(tx, userId, { tokens: true });
    return user;
  });
}

export async function listUsers(db: Db, actor: Actor) {
  assertAdmin(actor);
  return db.user.findMany({ orderBy: { createdAt: 'asc' }, select: { ...USER_SELECT, createdAt: true } });
}
