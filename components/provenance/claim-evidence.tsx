'use client';

// The selected claim's provenance (its chip is in the item's badges): its evidence links (with their review), the two
// ways to add one — "Link to source" (the split panel, also to a claim in another article) and "Not found in source" —
// and "Change passage" on a link of mine (the same panel, on that link).
import { useState } from 'react';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { CurrentUser } from '@/lib/core/actor';
import { errorMessage } from '@/lib/client/error-message';
import type { EvidenceDto } from '@/lib/client/provenance-api';
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
  const [editing, setEditing] = useState<EvidenceDto | null>(null);
  // One panel at a time: it sits over the article column.
  const openLink = (relation: EvidenceRelation) => {
    setEditing(null);
    setLinking(relation);
  };
  const lastDocument = links.data?.at(-1)?.document.id ?? null;

  return (
    <section className="pv-section" aria-label="Provenance" data-testid="claim-evidence">
      <h4 className="pv-section-title">Provenance</h4>
      {links.isError ? <p className="form-error small">Could not load the evidence links: {errorMessage(links.error)}</p> : null}
      {links.data && links.data.length ? (
        <ul className="pv-links" aria-label="Evidence links">
          {links.data.map((link) => (
            <EvidenceLinkItem key={link.id} link={link} currentUser={currentUser} peerReview={desk.data?.peerReview} onRemove={(l) => remove.mutate({ claim: annotation, evidence: l })}
              onChangePassage={(l) => {
                setLinking(null);
                setEditing(l);
              }}
            />
          ))}
        </ul>
      ) : links.data ? (
        <p className="muted small">Not linked to a source yet.</p>
      ) : links.isPending && links.fetchStatus !== 'idle' ? (
        // The line the answer takes, held while it loads: the buttons below must not move under a pointer.
        <p className="muted small">Loading the evidence links…</p>
      ) : null}
      <div className="row" style={{ marginTop: '0.4rem' }}>
        <button type="button" className="button small" onClick={() => openLink('supports')}>
          Link to source
        </button>
        <button type="button" className="button small" onClick={() => openLink('not_found')}>
          Not found in source
        </button>
      </div>
      {linking ? <LinkSourcePanel claim={annotation} initialRelation={linking} initialDocumentId={lastDocument} onClose={() => setLinking(null)} /> : null}
      {/* Keyed by the link: another link's panel starts from that link's passage, relation and note. */}
      {editing ? <LinkSourcePanel key={editing.id} claim={annotation} initialRelation={editing.relation} editing={editing} onClose={() => setEditing(null)} /> : null}
    </section>
  );
}
