'use client';

// "3 of 12 claims linked" in the article header: how many of the article's claims carry evidence.
import { useAnnotations } from '@/components/hooks/use-annotations';

/** The workspace's own annotation list (the same query: one request, kept current by the live stream). */
export function LinkedCount({ articleId }: { articleId: string }) {
  const list = useAnnotations(articleId).data;
  if (!list) return null;
  const claims = list.filter((a) => !a.deletedAt && !a.orphaned && a.anchorState !== 'orphaned');
  if (claims.length === 0) return null;
  const linked = claims.filter((a) => a.provenance !== 'unlinked').length;
  return (
    <span className="muted small" data-testid="linked-count">
      {linked} of {claims.length} claims linked
    </span>
  );
}
