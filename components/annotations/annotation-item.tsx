'use client';

import { memo, type ReactNode } from 'react';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { isPendingAnnotation, type SourceTag, type UpdateAnnotationInput } from '@/lib/client/annotations-api';
import { describeGrade, formatGrade, isCredibilityGrade, type Grade } from '@/lib/core/grading';
import { TagChip } from '@/components/tags/tag-chip';
import { AnnotationEditForm } from '@/components/annotations/annotation-edit-form';
import { STATUS_LABELS, relativeTime, truncate } from '@/components/annotations/format';
import { ANCHOR_ATTENTION, ANCHOR_ATTENTION_HELP } from '@/lib/core/state-words';
import { describeCheck } from '@/lib/matching/describe-check';
import { ProvenanceChip, ProvenancePassage } from '@/components/provenance/provenance-chip';

type Props = {
  annotation: AnnotationDto;
  tag: SourceTag;
  tags: SourceTag[];
  own: boolean;
  selected: boolean;
  editing: boolean;
  onSelect: (id: string) => void;
  onEdit: (id: string | null) => void;
  onSave: (annotation: AnnotationDto, input: UpdateAnnotationInput) => Promise<void>;
  onDelete: (annotation: AnnotationDto) => void;
  /** The author, a reviewer or an admin may accept a fuzzy re-anchor where it is. */
  canConfirmAnchor?: boolean;
  onConfirmAnchor?: (annotation: AnnotationDto) => void;
  /** Where the passage is in a paginated source ("p. 12"). */
  page?: string;
  children?: ReactNode;
};

/**
 * Memoised: a live event changes one annotation, so the other items (up to 100 shown, each reading
 * its evidence query twice) keep their props — the annotation object itself, stable callbacks — and
 * are skipped instead of rendered again.
 */
export const AnnotationItem = memo(function AnnotationItem({ annotation: a, tag, tags, own, selected, editing, onSelect, onEdit, onSave, onDelete, canConfirmAnchor = false, onConfirmAnchor, page, children }: Props) {
  const pending = isPendingAnnotation(a);
  const confirmable = a.anchorState === 'fuzzy' && canConfirmAnchor && Boolean(onConfirmAnchor) && !pending && !editing;
  const editable = own && !editing && !pending;
  const gradeValue: Grade = { reliability: a.grade.reliability, credibility: isCredibilityGrade(a.grade.credibility) ? a.grade.credibility : null };
  const grade = formatGrade(gradeValue);
  return (
    <li
      className={`cd-item${selected ? ' is-selected' : ''}${pending ? ' is-pending' : ''}`}
      style={{ ['--tag' as string]: tag.color }}
      data-testid="annotation-item"
      data-annotation-id={a.id}
      aria-current={selected ? 'true' : undefined}
      onClick={() => onSelect(a.id)}
    >
      <div className="cd-item-badges">
        <TagChip tag={tag} />
        <span className={`cd-badge cd-status-${a.status.toLowerCase()}`}>{STATUS_LABELS[a.status]}</span>
        {pending ? null : <ProvenanceChip annotation={a} />}
        {ANCHOR_ATTENTION[a.anchorState] ? (
          <span className={`cd-badge cd-anchor-${a.anchorState}`} title={ANCHOR_ATTENTION_HELP[a.anchorState]}>
            {ANCHOR_ATTENTION[a.anchorState]}
          </span>
        ) : null}
        {a.conflictsWith.length ? (
          <span className="cd-badge cd-conflict" title="Overlaps an annotation by someone else with a different tag">
            Conflict
          </span>
        ) : null}
        {pending ? <span className="cd-badge">Saving…</span> : null}
      </div>
      <button type="button" className="cd-item-quote" title="Show in the article" dir="auto">
        “{truncate(a.target.exact)}”
      </button>
      {page ? (
        <span className="cd-item-page muted small" data-testid="annotation-page">
          {page}
        </span>
      ) : null}
      {pending ? null : <ProvenancePassage annotation={a} />}
      <div className="cd-item-meta muted small">
        <span data-testid="annotation-author">{a.author.name}</span> · <time dateTime={a.createdAt}>{relativeTime(a.createdAt)}</time>
        {a.confidence ? ` · ${a.confidence} confidence` : null}
        {grade ? (
          <>
            {' · '}
            <abbr title={describeGrade(gradeValue)}>{grade}</abbr>
          </>
        ) : null}
        {a.replyCount ? ` · ${a.replyCount} ${a.replyCount === 1 ? 'reply' : 'replies'}` : null}
      </div>
      {a.sourceDetail && !editing ? <div className="cd-item-source small">Source: {a.sourceDetail}</div> : null}
      {a.note && !editing ? (
        <div className="cd-item-note" data-testid="annotation-note">
          {a.note}
        </div>
      ) : null}
      {a.suggestionReason ? <div className="muted small">Suggested: {a.suggestionReason}</div> : null}
      {a.matchOf ? (
        <div className="small cd-previously" data-testid="previously-checked" onClick={(e) => e.stopPropagation()}>
          Previously checked: {describeCheck(STATUS_LABELS[a.matchOf.status], a.matchOf.article)} ·{' '}
          <a href={`/articles/${encodeURIComponent(a.matchOf.article.id)}?annotation=${encodeURIComponent(a.matchOf.annotationId)}`}>open</a>
        </div>
      ) : null}
      {a.matchedByCount ? (
        <div className="muted small" data-testid="matched-by">
          Restated in {a.matchedByCount} other article{a.matchedByCount === 1 ? '' : 's'}, linked to this check
        </div>
      ) : null}
      {editable || confirmable ? (
        <div className="row cd-item-actions" onClick={(e) => e.stopPropagation()}>
          {confirmable ? (
            <button type="button" className="button small" title="The quote matched only approximately: accept where it is now" onClick={() => onConfirmAnchor?.(a)}>
              Confirm anchor
            </button>
          ) : null}
          {editable ? (
            <>
              <button type="button" className="button small" onClick={() => { onSelect(a.id); onEdit(a.id); }}>
                Edit
              </button>
              <button type="button" className="button small danger" onClick={() => onDelete(a)}>
                Delete
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      {editing ? (
        <div onClick={(e) => e.stopPropagation()}>
          <AnnotationEditForm
            annotation={a}
            tags={tags}
            onCancel={() => onEdit(null)}
            onSave={(input) => onSave(a, input).then(() => onEdit(null))}
          />
        </div>
      ) : null}
      {selected && children ? (
        <div className="cd-item-detail" onClick={(e) => e.stopPropagation()}>
          {children}
        </div>
      ) : null}
    </li>
  );
});
