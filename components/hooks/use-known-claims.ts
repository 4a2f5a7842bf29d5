'use client';

// Known claims of an article (sentences checked before elsewhere) for the reader badges and the
// sidebar panel, and the one-click "annotate here, linked to the earlier check".
import { useQuery } from '@tanstack/react-query';
import { useMemo, useSyncExternalStore } from 'react';
import { useToast } from '@/components/annotations/toast';
import { useOptimisticMutation } from '@/components/hooks/use-optimistic-mutation';
import { STATUS_LABELS } from '@/components/annotations/format';
import type { KnownClaimHighlightInput } from '@/components/reader/known-claim-highlights';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { annotationKeys } from '@/lib/client/annotation-keys';
import { createAnnotation } from '@/lib/client/annotations-api';
import { claimMatchesQuery, knownClaimsQuery, matchingKeys } from '@/lib/client/matching-api';
import { describeCheck } from '@/lib/matching/describe-check';
import type { KnownClaimDto } from '@/lib/matching/matching-dto';

export const knownClaimKey = (k: Pick<KnownClaimDto, 'start' | 'end'>) => `${k.start}:${k.end}`;

/** "checked before: Confirmed in The Capital Ledger, 15 Jul 2025" */
export function checkedBeforeLabel(k: KnownClaimDto): string {
  return `checked before: ${describeCheck(STATUS_LABELS[k.match.annotation.status], k.match.article)}`;
}

export function earlierHref(k: KnownClaimDto): string {
  return `/articles/${encodeURIComponent(k.match.article.id)}?annotation=${encodeURIComponent(k.match.annotation.id)}`;
}

// The sentence the panel has in focus, shared with the reader (which outlines it more strongly).
let activeKey: string | null = null;
const listeners = new Set<() => void>();
export function setActiveKnownClaim(key: string | null) {
  if (key === activeKey) return;
  activeKey = key;
  for (const l of listeners) l();
}
function useActiveKnownClaim(): string | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    () => activeKey,
    () => null,
  );
}

const NONE: KnownClaimDto[] = [];

/** Known claims of the current version (empty while loading or when the article has moved on). */
export function useKnownClaims(articleId: string, versionId: string) {
  const query = useQuery(knownClaimsQuery(articleId));
  const known = query.data && query.data.versionId === versionId ? query.data.known : NONE;
  return { known, isPending: query.isPending, error: query.isError ? query.error : null };
}

const NO_HIGHLIGHTS: KnownClaimHighlightInput[] = [];

export function useKnownClaimHighlights(articleId: string, versionId: string): KnownClaimHighlightInput[] {
  const { known } = useKnownClaims(articleId, versionId);
  const active = useActiveKnownClaim();
  return useMemo(() => {
    if (known.length === 0) return NO_HIGHLIGHTS;
    return known.map((k) => ({
      key: knownClaimKey(k),
      start: k.start,
      end: k.end,
      label: checkedBeforeLabel(k),
      href: earlierHref(k),
      status: k.match.annotation.status,
      active: knownClaimKey(k) === active,
    }));
  }, [known, active]);
}

/** Claims elsewhere asserting the same fact as one annotation ("seen elsewhere"). */
export function useClaimMatches(annotationId: string) {
  return useQuery(claimMatchesQuery(annotationId));
}

/**
 * Annotates a known claim here with the earlier one's tag, linked to it (`matchOf`): one click.
 * The sentence stays marked, now as linked; the annotation list and the known claims refresh.
 */
export function useAnnotateKnownClaim(articleId: string, versionId: string) {
  const toast = useToast();
  return useOptimisticMutation({
    mutationFn: (k: KnownClaimDto) =>
      createAnnotation(articleId, { start: k.start, end: k.end, exact: k.exact, tag: k.match.annotation.tag, versionId, matchOf: k.match.annotation.id }, crypto.randomUUID()),
    onSuccess: (client, annotation: AnnotationDto) => {
      client.setQueryData<AnnotationDto[]>(annotationKeys.byArticle(articleId), (list) => (list ? [...list.filter((a) => a.id !== annotation.id), annotation] : list));
      toast.show({ message: 'Annotated, linked to the earlier check.' });
    },
    errorToast: 'Could not annotate the claim',
    settle: () => [annotationKeys.byArticle(articleId), matchingKeys.knownClaims(articleId)],
  });
}
