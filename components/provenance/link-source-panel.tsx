'use client';

// "Link to source": a panel beside the claim (over the article column, the sidebar stays in view)
// where the analyst picks a source from the library, sees the passages Claimdesk proposes for the
// claim (best first, with score and reason), takes one or selects a passage in the source text, says
// what the passage does (the server's relations) and saves the evidence link. Not found in source is
// the same form without a passage. The same panel links to a claim in another article (the article
// cites another one), and changes an existing link's passage in place (its reviews and history stay).
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { errorMessage } from '@/lib/client/error-message';
import { EVIDENCE_RELATIONS, RELATION_DESCRIPTIONS, RELATION_LABELS, relationNeedsPassage, type EvidenceRelation } from '@/lib/provenance/relations';
import { MAX_EVIDENCE_NOTE } from '@/lib/provenance/evidence-schemas';
import type { EvidenceDto } from '@/lib/client/provenance-api';
import { useCreateEvidence, useProposals, useSourceDocument, useSources, useUpdateEvidence } from '@/components/hooks/use-provenance';
import { useToast } from '@/components/annotations/toast';
import { truncate } from '@/components/annotations/format';
import { SourceTextPicker, type Passage } from '@/components/provenance/source-text-picker';
import { ClaimTargetPicker, type ClaimTarget } from '@/components/provenance/claim-target-picker';
import { describeSource } from '@/components/provenance/source-card';
import './provenance.css';

type Props = {
  claim: AnnotationDto;
  /** Opened as "Not found in source": the relation starts as not_found. */
  initialRelation: EvidenceRelation;
  /** The source to start with (e.g. the one the claim is already linked to). */
  initialDocumentId?: string | null;
  /** A link of mine to change: its source is fixed, its passage, relation and note start as they are. */
  editing?: EvidenceDto;
  onClose: () => void;
};

const PASSAGE_ORIGIN = { proposal: 'proposed', selection: 'selected', current: 'as linked' } as const;

type Chosen = Passage & { versionId: string; from: 'proposal' | 'selection' | 'current' };
/** What the link points at: a passage of a source document, or a claim annotated in another article. */
type TargetKind = 'source' | 'claim';

function currentPassage(link: EvidenceDto | undefined): Chosen | null {
  // A lost passage is not offered again: the analyst selects where it is now.
  if (!link?.target || !link.versionId || link.anchorState === 'orphaned') return null;
  return { start: link.target.start, end: link.target.end, exact: link.target.exact, versionId: link.versionId, from: 'current' };
}

export function LinkSourcePanel({ claim, initialRelation, initialDocumentId = null, editing, onClose }: Props) {
  const titleId = useId();
  const textId = useId();
  const panel = useRef<HTMLElement>(null);
  const toast = useToast();
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<TargetKind>('source');
  const [documentId, setDocumentId] = useState<string | null>(editing?.document.id ?? initialDocumentId);
  const [passage, setPassage] = useState<Chosen | null>(() => currentPassage(editing));
  const [claimTarget, setClaimTarget] = useState<ClaimTarget | null>(null);
  const [relation, setRelation] = useState<EvidenceRelation>(editing?.relation ?? initialRelation);
  const [note, setNote] = useState(editing?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const sourceMode = kind === 'source';
  const sources = useSources();
  const proposals = useProposals(claim.id, sourceMode ? documentId : null);
  const document_ = useSourceDocument(sourceMode ? documentId : null);
  const create = useCreateEvidence();
  const update = useUpdateEvidence();
  const saving = create.isPending || update.isPending;
  const editingSource = editing ? describeSource({ ...editing.document, outlet: null }) : null;

  // Keys typed here must not reach the reader's document-level shortcuts (j/k, Escape, 1–9): a
  // native listener, since React's own handlers run on the document (see components/ui/confirm-dialog.tsx).
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    const el = panel.current;
    if (!el) return;
    const opener = document.activeElement;
    el.querySelector<HTMLElement>('input, button')?.focus();
    const onKey = (event: KeyboardEvent) => {
      event.stopPropagation();
      if (event.key === 'Escape') close.current();
    };
    el.addEventListener('keydown', onKey);
    return () => {
      el.removeEventListener('keydown', onKey);
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  const list = useMemo(() => {
    const q = query.trim().toLowerCase();
    const all = sources.data ?? [];
    return q ? all.filter((s) => [s.title, s.issuer, s.symbol, s.outlet].some((v) => v?.toLowerCase().includes(q))) : all;
  }, [sources.data, query]);
  const chosenSource = sources.data?.find((s) => s.id === documentId) ?? null;
  const needsPassage = relationNeedsPassage(relation);
  // Another claim is evidence of what it says: "not found" is a finding about a source, not a claim.
  const relations = sourceMode ? EVIDENCE_RELATIONS : EVIDENCE_RELATIONS.filter((r) => relationNeedsPassage(r));
  const canSave = !saving && (sourceMode ? documentId !== null && (needsPassage ? passage !== null : true) : claimTarget !== null && needsPassage);

  const chooseKind = (next: TargetKind) => {
    setKind(next);
    setError(null);
    if (next === 'claim' && !relationNeedsPassage(relation)) setRelation('supports');
  };

  const chooseSource = (id: string) => {
    setDocumentId(id);
    setPassage(null);
    setError(null);
  };

  const fail = (e: unknown) => setError(errorMessage(e, 'The link was not saved: network error.'));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const trimmed = note.trim() || undefined;
    if (!sourceMode) {
      if (!claimTarget) return;
      create
        .mutateAsync({ claim, input: { documentId: claimTarget.articleId, targetAnnotationId: claimTarget.annotationId, relation, note: trimmed } })
        .then(() => {
          toast.show({ message: `Linked: ${RELATION_LABELS[relation].toLowerCase()} — a claim in “${truncate(claimTarget.articleTitle, 60)}”.` });
          onClose();
        })
        .catch(fail);
      return;
    }
    if (!documentId) return;
    const newPassage = needsPassage && passage && passage.from !== 'current' ? { versionId: passage.versionId, start: passage.start, end: passage.end, exact: passage.exact } : {};
    if (editing) {
      // Only what changed is sent: an unchanged passage is not re-checked against a newer version.
      update
        .mutateAsync({ evidence: editing, input: { ...newPassage, relation, note: trimmed ?? (editing.note ? null : undefined) } })
        .then(() => {
          toast.show({ message: `Link changed: ${RELATION_LABELS[relation].toLowerCase()} — ${editingSource}.` });
          onClose();
        })
        .catch(fail);
      return;
    }
    create
      .mutateAsync({ claim, input: { documentId, ...newPassage, relation, note: trimmed } })
      .then(() => {
        toast.show({ message: `Linked: ${RELATION_LABELS[relation].toLowerCase()} — ${chosenSource ? describeSource(chosenSource) : 'source'}.` });
        onClose();
      })
      .catch(fail);
  };

  return createPortal(
    <section ref={panel} className="pv-panel" role="dialog" aria-modal="false" aria-labelledby={titleId} data-testid="link-source-panel">
      <header className="pv-panel-head">
        <div style={{ flex: 1 }}>
          <h2 id={titleId}>{editing ? 'Change the link' : 'Link to source'}</h2>
          <p className="pv-claim" dir="auto">
            “{truncate(claim.target.exact, 300)}”
          </p>
        </div>
        <button type="button" className="button small" onClick={onClose}>
          Close
        </button>
      </header>
      <form className="pv-panel-body" onSubmit={onSubmit} aria-label="Evidence link" id={`${titleId}-form`}>
        {editing ? (
          <p className="small" data-testid="editing-source">
            Source: <strong dir="auto">{editing.document.title}</strong> <span className="muted">{editingSource}</span>
          </p>
        ) : (
          <div className="pv-kind" role="group" aria-label="Evidence is">
            <button type="button" aria-pressed={sourceMode} onClick={() => chooseKind('source')}>
              A source document
            </button>
            <button type="button" aria-pressed={!sourceMode} onClick={() => chooseKind('claim')}>
              A claim in another article
            </button>
          </div>
        )}
        {!sourceMode ? <ClaimTargetPicker claim={claim} chosen={claimTarget} onChoose={setClaimTarget} headingId={`${titleId}-claims`} /> : null}
        {sourceMode && !editing ? (
          <section aria-labelledby={`${titleId}-sources`}>
            <h3 id={`${titleId}-sources`} className="pv-section-title">
              1. Source
            </h3>
            <input type="search" aria-label="Search sources" placeholder="Title, issuing body or symbol" value={query} onChange={(e) => setQuery(e.target.value)} />
            {sources.isPending ? <p className="muted small">Loading sources…</p> : null}
            {sources.isError ? <p className="form-error small">Could not load the sources: {errorMessage(sources.error)}</p> : null}
            {sources.data && list.length === 0 ? (
              <p className="muted small">{sources.data.length === 0 ? 'No source documents yet: import one from the library as a source.' : 'No source matches.'}</p>
            ) : null}
            <ul className="pv-source-list" aria-label="Sources">
              {list.slice(0, 20).map((s) => (
                <li key={s.id}>
                  <button type="button" className="pv-choice" aria-pressed={s.id === documentId} onClick={() => chooseSource(s.id)}>
                    <strong>{s.title}</strong>
                    <span className="muted small"> {describeSource(s)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {sourceMode && documentId && needsPassage ? (
          <section aria-labelledby={`${titleId}-proposals`}>
            <h3 id={`${titleId}-proposals`} className="pv-section-title">
              2. Passage: proposed for this claim, best first
            </h3>
            {proposals.isPending ? <p className="muted small">Finding the passage…</p> : null}
            {proposals.isError ? <p className="form-error small">No proposals: {errorMessage(proposals.error)}</p> : null}
            {proposals.data && proposals.data.proposals.length === 0 ? <p className="muted small">Nothing in this source resembles the claim: select the passage in its text below.</p> : null}
            {proposals.data?.proposals[0]?.weak ? (
              <p className="pv-weak-note small" role="note" data-testid="weak-proposals">
                Even the best proposal is a weak match ({proposals.data.proposals[0].caution}): the source may not say this. Read it before linking, or mark the claim{' '}
                <button type="button" className="link-button" onClick={() => setRelation('not_found')}>
                  Not found
                </button>
                .
              </p>
            ) : null}
            <ol className="pv-proposals" aria-label="Proposed passages">
              {proposals.data?.proposals.map((p) => {
                const chosen = passage?.start === p.start && passage.end === p.end;
                return (
                  <li key={`${p.start}-${p.end}`}>
                    <button
                      type="button"
                      className="pv-choice"
                      aria-pressed={chosen}
                      data-testid="passage-proposal"
                      onClick={() => setPassage({ start: p.start, end: p.end, exact: p.exact, versionId: proposals.data.versionId, from: 'proposal' })}
                    >
                      <span className="pv-score" title="Score: how closely the passage matches the claim (0–1)">{p.score.toFixed(2)}</span> <span dir="auto">“{truncate(p.exact, 260)}”</span>
                      <span className="muted small" style={{ display: 'block' }}>
                        {p.weak ? (
                          <span className="pv-weak" title="A weak match: on the desk's test sets every claim a source did not say got a best proposal like this (and about one right passage in eight)">
                            Weak: {p.caution}.{' '}
                          </span>
                        ) : p.suggests && p.caution ? (
                          <span className="pv-weak" title="What the passage's wording points to; telling the relation stays yours">
                            Check: {p.caution} — {RELATION_LABELS[p.suggests].toLowerCase()}?{' '}
                          </span>
                        ) : null}
                        {p.reason}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ol>
            <h3 id={textId} className="pv-section-title" style={{ marginTop: '0.75rem' }}>
              …or select the passage in the source text
            </h3>
            {document_.isPending ? <p className="muted small">Loading the source text…</p> : null}
            {document_.data ? (
              <SourceTextPicker
                text={document_.data.version.text}
                labelledBy={textId}
                passage={passage}
                onPick={(p) => setPassage({ ...p, versionId: document_.data.version.id, from: 'selection' })}
              />
            ) : null}
          </section>
        ) : null}

        {(sourceMode && documentId) || claimTarget ? (
          <fieldset className="pv-relations">
            <legend>{sourceMode ? '3. What does the source say?' : '2. What does that claim say about this one?'}</legend>
            {relations.map((r) => (
              <label key={r} title={RELATION_DESCRIPTIONS[r]}>
                <input type="radio" name="relation" value={r} checked={relation === r} onChange={() => setRelation(r)} />
                {RELATION_LABELS[r]}
              </label>
            ))}
          </fieldset>
        ) : null}
        {(sourceMode && documentId) || claimTarget ? (
          <label className="field">
            <span>{needsPassage ? 'Note (optional)' : 'What was searched (optional)'}</span>
            <textarea name="note" rows={2} maxLength={MAX_EVIDENCE_NOTE} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
        ) : null}
      </form>
      <footer className="pv-panel-foot">
        {!sourceMode ? (
          claimTarget ? (
            <p className="small" data-testid="claim-target-summary" dir="auto">
              Claim in “{truncate(claimTarget.articleTitle, 80)}”: “{truncate(claimTarget.exact, 200)}”
            </p>
          ) : (
            <p className="muted small">Choose the claim the article cites.</p>
          )
        ) : passage && needsPassage ? (
          <p className="small" data-testid="passage-summary" dir="auto">
            Passage ({PASSAGE_ORIGIN[passage.from]}): “{truncate(passage.exact, 200)}”
          </p>
        ) : documentId && needsPassage ? (
          <p className="muted small">{editing?.anchorState === 'orphaned' ? 'The linked passage is no longer in the source: choose where it is now.' : 'Choose a proposed passage or select one in the text.'}</p>
        ) : null}
        {error ? (
          <p role="alert" className="form-error small">
            {error}
          </p>
        ) : null}
        <div className="row">
          <button type="submit" form={`${titleId}-form`} className="button primary" disabled={!canSave}>
            {saving ? 'Saving…' : editing ? 'Save changes' : 'Save link'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </footer>
    </section>,
    document.body,
  );
}
