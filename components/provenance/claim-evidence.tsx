'use client';

// The selected claim's provenance (its chip is in the item's badges): its evidence links (with their review), and the two
// ways to add one: "Link to source" (the split panel) and "Not found in source".
import { useState } from 'react';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { CurrentUser } from '@/lib/core/actor';
import { errorMessage } from '@/lib/client/error-message';
import type { EvidenceRelation } from '@/lib/provenance/relations';
import { useDeleteEvidence, useEvidence } from '@/components/hooks/use-provenance';
import { useDesk } from '@/components/hooks/use-review';
import { EvidenceLinkItem } from '@/components/provenance/evidence-link-item';
import { LinkSourcePanel } from '@/components/provenance/link-source-panel';
import './provenance.css';

export function ClaimEvidence({ annotation, currentUser }: { annotation: AnnotationDto; currentUser: CurrentUser }) {
  const links = useEvidence(annotation, { always: true });
  const desk = useDesk();
  const remove = useDeleteEvidence();
  const [linking, setLinking] = useState<EvidenceRelation | null>(null);
  const lastDocument = links.data?.at(-1)?.document.id ?? null;

  return (
    <section className="pv-section" aria-label="Provenance" data-testid="claim-evidence">
      <h4 className="pv-section-title">Provenance</h4>
      {links.isError ? <p className="form-error small">Could not load the evidence links: {errorMessage(links.error)}</p> : null}
      {links.data && links.data.length ? (
        <ul className="pv-links" aria-label="Evidence links">
          {links.data.map((link) => (
            <EvidenceLinkItem key={link.id} link={link} currentUser={currentUser} peerReview={desk.data?.peerReview} onRemove={(l) => remove.mutate({ claim: annotation, evidence: l })} />
          ))}
        </ul>
      ) : links.data ? (
        <p className="muted small">Not linked to a source yet.</p>
      ) : null}
      <div className="row" style={{ marginTop: '0.4rem' }}>
        <button type="button" className="button small" onClick={() => setLinking('supports')}>
          Link to source
        </button>
        <button type="button" className="button small" onClick={() => setLinking('not_found')}>
          Not found in source
        </button>
      </div>
      {linking ? <LinkSourcePanel claim={annotation} initialRelation={linking} initialDocumentId={lastDocument} onClose={() => setLinking(null)} /> : null}
    </section>
  );
}
