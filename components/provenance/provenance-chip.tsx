'use client';

// The claim's provenance in its sidebar item: a chip naming the state and the deciding source
// ("Supported by S/2025/482 ¶42"), and that link's passage. Links are read only for linked claims.
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { decidingLink, describeProvenance } from '@/lib/provenance/describe-provenance';
import { useEvidence } from '@/components/hooks/use-provenance';
import { truncate } from '@/components/annotations/format';
import './provenance.css';

type Claim = Pick<AnnotationDto, 'id' | 'provenance' | 'evidenceCount'>;

export function ProvenanceChip({ annotation }: { annotation: Claim }) {
  const links = useEvidence(annotation).data;
  const text = describeProvenance(annotation.provenance, annotation.provenance === 'unlinked' ? [] : links);
  return (
    <span className={`cd-badge cd-prov cd-prov-${annotation.provenance}`} data-testid="provenance-chip" data-provenance={annotation.provenance} title="Provenance: what the linked source says">
      {text}
    </span>
  );
}

/** The passage of the link that decided the state (none for unlinked or not found). */
export function ProvenancePassage({ annotation }: { annotation: Claim }) {
  const links = useEvidence(annotation).data;
  const link = links ? decidingLink(annotation.provenance, links) : null;
  if (!link?.target) return null;
  return (
    <blockquote className="cd-prov-passage small" data-testid="provenance-passage" dir="auto">
      “{truncate(link.target.exact)}”
    </blockquote>
  );
}
