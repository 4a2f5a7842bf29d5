'use client';

// Under a link to a claim in another article: what that claim itself rests on (claim → cited claim →
// source), so an analyst sees at once whether the article cited was checked against its source.
import { useEvidence } from '@/components/hooks/use-provenance';
import { deriveProvenance } from '@/lib/provenance/derive-provenance';
import { describeProvenance } from '@/lib/provenance/describe-provenance';

export function CitedClaimEvidence({ annotationId }: { annotationId: string }) {
  const evidence = useEvidence({ id: annotationId, evidenceCount: 1 }, { always: true });
  if (!evidence.data) return null;
  const state = deriveProvenance(evidence.data.map((l) => l.relation));
  return (
    <div className="muted small" data-testid="cited-claim-evidence">
      Its own evidence: {state === 'unlinked' ? 'none linked yet' : describeProvenance(state, evidence.data)}
    </div>
  );
}
