'use client';

// The desk's users (admin page): list, create, change role / disable / reset password.
import { useQuery } from '@tanstack/react-query';
import { useOptimisticMutation } from '@/components/hooks/use-optimistic-mutation';
import { createUser, signOutEverywhere, updateUser, userKeys, usersQuery, type CreateUserInput, type UpdateUserInput } from '@/lib/client/users-api';

export function useUsers() {
  return useQuery(usersQuery());
}

export function useCreateUser() {
  return useOptimisticMutation({
    mutationFn: (input: CreateUserInput) => createUser(input),
    settle: () => [userKeys.all],
  });
}

export function useUpdateUser() {
  return useOptimisticMutation({
    mutationFn: ({ id, ...input }: UpdateUserInput & { id: string }) => updateUser(id, input),
    settle: () => [userKeys.all],
  });
}

export function useSignOutEverywhere() {
  return useOptimisticMutation({
    mutationFn: (userId: string) => signOutEverywhere(userId),
    settle: () => [userKeys.all],
  });
}
