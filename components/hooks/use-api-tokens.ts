'use client';

// The signed-in user's personal API tokens (settings page).
import { useQuery } from '@tanstack/react-query';
import { useOptimisticMutation } from '@/components/hooks/use-optimistic-mutation';
import { apiTokensQuery, createApiToken, revokeApiToken, tokenKeys, type CreateApiTokenInput } from '@/lib/client/tokens-api';

export function useApiTokens() {
  return useQuery(apiTokensQuery());
}

export function useCreateApiToken() {
  return useOptimisticMutation({
    mutationFn: (input: CreateApiTokenInput) => createApiToken(input),
    settle: () => [tokenKeys.all],
  });
}

export function useRevokeApiToken() {
  return useOptimisticMutation({
    mutationFn: (tokenId: string) => revokeApiToken(tokenId),
    settle: () => [tokenKeys.all],
  });
}
