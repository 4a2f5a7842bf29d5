// Typed fetchers for the claim-matching endpoints of ../shared/API.md, plus their query keys and options.
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '@/lib/client/api-fetch';
import type { ClaimMatchDto, KnownClaimDto } from '@/lib/matching/matching-dto';

export type KnownClaimList = { versionId: string; known: KnownClaimDto[] };

export const matchingKeys = {
  all: ['matching'] as const,
  knownClaims: (articleId: string) => [...matchingKeys.all, 'known', articleId] as const,
  matches: (annotationId: string) => [...matchingKeys.all, 'matches', annotationId] as const,
};

const enc = encodeURIComponent;

export function fetchKnownClaims(articleId: string): Promise<KnownClaimList> {
  return apiFetch<KnownClaimList>(`/api/articles/${enc(articleId)}/known-claims`);
}

export async function fetchClaimMatches(annotationId: string, limit = 5): Promise<ClaimMatchDto[]> {
  return (await apiFetch<{ matches: ClaimMatchDto[] }>(`/api/annotations/${enc(annotationId)}/matches?limit=${limit}`)).matches;
}

// Reviews elsewhere change what is known; a minute of staleness is fine, a focus refetch catches up.
export const knownClaimsQuery = (articleId: string) =>
  queryOptions({ queryKey: matchingKeys.knownClaims(articleId), queryFn: () => fetchKnownClaims(articleId), staleTime: 60_000 });

export const claimMatchesQuery = (annotationId: string) =>
  queryOptions({ queryKey: matchingKeys.matches(annotationId), queryFn: () => fetchClaimMatches(annotationId), staleTime: 60_000 });
