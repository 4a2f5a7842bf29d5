// Typed fetchers for the desk's user administration (../shared/API.md, admin only).
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '@/lib/client/api-fetch';
import type { UserDto } from '@/lib/users/user-dto';
import type { createUserSchema, updateUserSchema } from '@/lib/users/user-schemas';

export type CreateUserInput = z.input<typeof createUserSchema>;
export type UpdateUserInput = z.input<typeof updateUserSchema>;

export const userKeys = {
  all: ['admin-users'] as const,
};

export function fetchUsers(): Promise<UserDto[]> {
  return apiFetch<{ users: UserDto[] }>('/api/admin/users').then((r) => r.users);
}

export function createUser(input: CreateUserInput): Promise<UserDto> {
  return apiFetch<{ user: UserDto }>('/api/admin/users', { method: 'POST', json: input }).then((r) => r.user);
}

export function updateUser(userId: string, input: UpdateUserInput): Promise<UserDto> {
  return apiFetch<{ user: UserDto }>(`/api/admin/users/${encodeURIComponent(userId)}`, { method: 'PATCH', json: input }).then((r) => r.user);
}

/** Ends every session of the user and revokes their API tokens. */
export function signOutEverywhere(userId: string): Promise<UserDto> {
  return apiFetch<{ user: UserDto }>(`/api/admin/users/${encodeURIComponent(userId)}/sign-out-everywhere`, { method: 'POST' }).then((r) => r.user);
}

export const usersQuery = () => queryOptions({ queryKey: userKeys.all, queryFn: fetchUsers });
