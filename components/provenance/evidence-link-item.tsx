'use client';

// One evidence link under a claim: what the passage does, where it is (source, symbol, ¶/page), the
// passage itself, and the link's own review — reviewers agree with or dispute the link (a dispute
// says what the passage really says); its author may remove it.
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import type { CurrentUser } from '@/lib/core/actor';
import { canDeleteEvidence, canEditEvidence, canReviewEvidence } from '@/lib/core/permissions';
import { errorMessage } from '@/lib/client/error-message';
import type { EvidenceDto } from '@/lib/client/provenance-api';
import { describeReference } from '@/lib/provenance/describe-provenance';
import { MAX_EVIDENCE_COMMENT } from '@/lib/provenance/evidence-schemas';
import { EVIDENCE_RELATIONS, RELATION_LABELS, relationNeedsPassage, type EvidenceRelation } from '@/lib/provenance/relations';
import { STATUS_LABELS, truncate } from '@/components/annotations/format';
import { VERDICT_PAST } from '@/components/review/verdict-labels';
import { useReviewEvidence, useUpdateEvidence } from '@/components/hooks/use-provenance';
import { CitedClaimEvidence } from '@/components/provenance/cited-claim-evidence';

type Props = {
  link: EvidenceDto;
  currentUser: CurrentUser;
  peerReview: boolean | undefined;
  onRemove: (link: EvidenceDto) => void;
  /** Opens the link panel on this link: another passage of the same source, without re-linking. */
  onChangePassage: (link: EvidenceDto) => void;
};

export function EvidenceLinkItem({ link, currentUser, peerReview, onRemove, onChangePassage }: Props) {
  const review = useReviewEvidence();
  const [disputing, setDisputing] = useState(false);
  const [comment, setComment] = useState('');
  const reference = describeReference(link);
  const mine = link.reviews.find((r) => r.reviewer.id === currentUser.id)?.verdict ?? null;
  const decision = peerReview === undefined ? null : canReviewEvidence({ actor: currentUser, linkAuthorId: link.author.id, peerReview });
  const removable = canDeleteEvidence(currentUser, link.author.id).ok;
  const editable = canEditEvidence(currentUser, link.author.id).ok;
  const update = useUpdateEvidence();
  // A passage's relation changes in place; not_found has no passage, so it is re-linked instead.
  const relations = link.target ? EVIDENCE_RELATIONS.filter((r) => relationNeedsPassage(r)) : [];

  const dispute = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    review.mutate({ evidence: link, input: { verdict: 'DISPUTE', comment } }, { onSuccess: () => setDisputing(false) });
  };

  return (
    <li className="pv-link" data-testid="evidence-link" data-relation={link.relation}>
      <div className="pv-link-head">
        {editable && relations.length ? (
          <select
            aria-label="Relation of this link"
            className="pv-relation"
            value={link.relation}
            disabled={update.isPending}
            onChange={(e) => update.mutate({ evidence: link, input: { relation: e.target.value as EvidenceRelation } })}
          >
            {relations.map((r) => (
              <option key={r} value={r}>
                {RELATION_LABELS[r]}
              </option>
            ))}
          </select>
        ) : (
          <span className="pv-relation">{RELATION_LABELS[link.relation]}</span>
        )}
        {/* A cited claim opens selected in its article; a source opens on its page. */}
        <Link href={linkHref(link)} className="small" title={link.document.title}>
          {reference}
        </Link>
        {link.targetAnnotation ? (
          <span className={`cd-badge cd-status-${link.targetAnnotation.status.toLowerCase()}`} data-testid="cited-claim-status" title="What the desk found about the cited claim">
            Cited claim {STATUS_LABELS[link.targetAnnotation.status].toLowerCase()}
          </span>
        ) : null}
        <span className={`cd-badge cd-status-${link.reviewStatus.toLowerCase()}`} data-testid="evidence-review-status">
          Link {STATUS_LABELS[link.reviewStatus].toLowerCase()}
        </span>
        {link.anchorState && link.anchorState !== 'exact' ? <span className="cd-badge">{link.anchorState === 'orphaned' ? 'Passage lost' : 'Passage moved'}</span> : null}
      </div>
      {link.target ? (
        <blockquote className="cd-prov-passage small" dir="auto" data-testid="evidence-passage">
          “{truncate(link.target.exact, 400)}”
        </blockquote>
      ) : null}
      {link.targetAnnotation ? <CitedClaimEvidence annotationId={link.targetAnnotation.id} /> : null}
      {link.note ? <div className="small">{link.note}</div> : null}
      <div className="muted small">
        {link.document.title !== reference ? `${link.document.title} · ` : ''}linked by {link.author.name}
      </div>
      {link.reviews.length ? (
        <ul className="pv-verdicts" aria-label="Verdicts on this link">
          {link.reviews.map((r) => (
            <li key={r.id}>
              {r.reviewer.name} {VERDICT_PAST[r.verdict]}
              {r.comment ? `: ${r.comment}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {decision?.ok ? (
        <div className="row" role="group" aria-label="Your verdict on this link" style={{ marginTop: '0.35rem' }}>
          <button
            type="button"
            className="button small"
            aria-pressed={mine === 'AGREE'}
            disabled={review.isPending}
            onClick={() => {
              setDisputing(false);
              review.mutate({ evidence: link, input: { verdict: 'AGREE' } });
            }}
          >
            Agree with link
          </button>
          <button type="button" className="button small" aria-pressed={mine === 'DISPUTE'} disabled={review.isPending} onClick={() => setDisputing((d) => !d)}>
            Dispute link
          </button>
        </div>
      ) : null}
      {disputing ? (
        <form onSubmit={dispute} className="stack" style={{ marginTop: '0.35rem' }} aria-label="Dispute the link">
          <label className="field">
            <span>What does the passage really say?</span>
            <textarea rows={2} maxLength={MAX_EVIDENCE_COMMENT} value={comment} onChange={(e) => setComment(e.target.value)} required />
          </label>
          <div className="row">
            <button type="submit" className="button small primary" disabled={review.isPending || comment.trim() === ''}>
              Send dispute
            </button>
            <button type="button" className="button small" onClick={() => setDisputing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      {update.isError ? (
        <p role="alert" className="form-error small">
          The change was not saved: {errorMessage(update.error)}
        </p>
      ) : null}
      {review.isError ? (
        <p role="alert" className="form-error small">
          Your verdict on the link was not saved: {errorMessage(review.error)}
        </p>
      ) : null}
      {editable || removable ? (
        <div className="row" style={{ marginTop: '0.35rem' }}>
          {/* A link to another claim shows that claim's words: there is no passage of its own to change. */}
          {editable && !link.targetAnnotation ? (
            <button type="button" className="button small" onClick={() => onChangePassage(link)}>
              {link.target ? 'Change passage' : 'Add passage'}
            </button>
          ) : null}
          {removable ? (
            <button type="button" className="button small danger" onClick={() => onRemove(link)}>
              Remove link
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

function linkHref(link: EvidenceDto): string {
  const article = `/articles/${encodeURIComponent(link.document.id)}`;
  return link.targetAnnotation ? `${article}?annotation=${encodeURIComponent(link.targetAnnotation.id)}` : article;
}
