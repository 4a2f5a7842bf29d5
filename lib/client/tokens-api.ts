// Typed fetchers for the caller's personal API tokens (../shared/API.md).
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApiTokenDto, CreatedApiTokenDto } from '@/lib/auth/api-token-dto';
import type { createTokenSchema } from '@/lib/auth/token-schemas';
import { apiFetch } from '@/lib/client/api-fetch';

export type CreateApiTokenInput = z.input<typeof createTokenSchema>;

export const tokenKeys = {
  all: ['api-tokens'] as const,
};

export function fetchApiTokens(): Promise<ApiTokenDto[]> {
  return apiFetch<{ tokens: ApiTokenDto[] }>('/api/tokens').then((r) => r.tokens);
}

export function createApiToken(input: CreateApiTokenInput): Promise<CreatedApiTokenDto> {
  return apiFetch<CreatedApiTokenDto>('/api/tokens', { method: 'POST', json: input });
}

export function revokeApiToken(tokenId: string): Promise<void> {
  return apiFetch<void>(`/api/tokens/${encodeURIComponent(tokenId)}`, { method: 'DELETE' });
}

export const apiTokensQuery = () => queryOptions({ queryKey: tokenKeys.all, queryFn: fetchApiTokens });
