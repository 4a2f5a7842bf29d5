'use client';

import { describeAnnotationCount } from '@/lib/annotations/annotation-count';
import { memo, useEffect, useRef, useState, type ReactNode } from 'react';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { ReviewStatus } from '@/lib/core/enums';
import { tagByKey, type SourceTag, type UpdateAnnotationInput } from '@/lib/client/annotations-api';
import { AnnotationItem } from '@/components/annotations/annotation-item';
import { isFiltering, NO_FILTERS, type AnnotationFilters, type AuthorFilter, type GradeFilter } from '@/components/annotations/annotation-filters';
import { CREDIBILITY_GRADES, RELIABILITY_GRADES } from '@/lib/core/grading';
import { STATUS_LABELS, truncate } from '@/components/annotations/format';
import { PROVENANCE_LABELS, type ProvenanceState } from '@/lib/provenance/relations';

type Props = {
  visible: AnnotationDto[];
  orphaned: AnnotationDto[];
  total: number;
  authors: Array<{ id: string; name: string }>;
  tags: SourceTag[];
  filters: AnnotationFilters;
  onFiltersChange: (filters: AnnotationFilters) => void;
  currentUserId: string;
  selectedId: string | null;
  editingId: string | null;
  onSelect: (id: string) => void;
  onEdit: (id: string | null) => void;
  /** Resolves once stored; a rejection (the server's refusal) keeps the edit form open. */
  onSave: (annotation: AnnotationDto, input: UpdateAnnotationInput) => Promise<void>;
  onDelete: (annotation: AnnotationDto) => void;
  canConfirmAnchor?: (annotation: AnnotationDto) => boolean;
  onConfirmAnchor?: (annotation: AnnotationDto) => void;
  renderDetail: (annotation: AnnotationDto) => ReactNode;
  /** "p. 12" for annotations on a paginated source (PDF). */
  pageOf?: (annotation: AnnotationDto) => string;
  loading: boolean;
  error: string | null;
};

/** Items rendered at first and per step: an article with 2,000 annotations must not mount 2,000 items. */
const PAGE = 100;

// Memoised: the workspace re-renders for the reader (a selection, a live highlight) with the same lists.
export const AnnotationSidebar = memo(function AnnotationSidebar(props: Props) {
  const { visible, orphaned, total, authors, tags, filters, onFiltersChange, currentUserId, selectedId, editingId } = props;
  const set = (patch: Partial<AnnotationFilters>) => onFiltersChange({ ...filters, ...patch });

  // The list grows as it scrolls into view; the selected annotation (j/k, a click on a highlight)
  // is always rendered, with the items before it.
  const [limit, setLimit] = useState(PAGE);
  const selectedIndex = selectedId ? visible.findIndex((a) => a.id === selectedId) : -1;
  const shown = visible.slice(0, Math.max(limit, selectedIndex + 1));
  const hidden = visible.length - shown.length;
  const sentinel = useRef<HTMLLIElement>(null);
  const hasMore = hidden > 0;
  // Observed again after each step (a sentinel still in view then asks for the next one), not on
  // every change of the count behind it: a live event must not make a new observer.
  useEffect(() => {
    const el = sentinel.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setLimit((l) => l + PAGE);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [limit, hasMore]);

  const renderItem = (a: AnnotationDto) => (
    <AnnotationItem
      key={a.id}
      annotation={a}
      tag={tagByKey(tags, a.tag)}
      tags={tags}
      own={a.author.id === currentUserId}
      selected={a.id === selectedId}
      editing={a.id === editingId}
      onSelect={props.onSelect}
      onEdit={props.onEdit}
      onSave={props.onSave}
      onDelete={props.onDelete}
      canConfirmAnchor={props.canConfirmAnchor?.(a) ?? false}
      onConfirmAnchor={props.onConfirmAnchor}
      page={a.orphaned || a.anchorState === 'orphaned' ? undefined : props.pageOf?.(a)}
    >
      {a.id === selectedId ? props.renderDetail(a) : null}
    </AnnotationItem>
  );

  return (
    <aside className="cd-sidebar" aria-label="Annotation sidebar">
      <div className="cd-filters" role="search">
        <input
          type="search"
          aria-label="Search annotations"
          placeholder="Search quotes and notes"
          value={filters.query}
          onChange={(e) => set({ query: e.target.value })}
        />
        <div className="cd-filter-row">
          <select aria-label="Filter by tag" value={filters.tag} onChange={(e) => set({ tag: e.target.value })}>
            <option value="">All tags</option>
            {tags.map((t) => (
              <option key={t.key} value={t.key}>
                {t.label}
              </option>
            ))}
          </select>
          <select aria-label="Filter by author" value={filters.author} onChange={(e) => set({ author: e.target.value as AuthorFilter })}>
            <option value="everyone">Everyone</option>
            <option value="mine">Mine</option>
            <option value="colleagues">Colleagues</option>
            {authors.map((u) => (
              <option key={u.id} value={`user:${u.id}`}>
                {u.name}
              </option>
            ))}
          </select>
          <select aria-label="Filter by status" value={filters.status} onChange={(e) => set({ status: e.target.value as ReviewStatus | '' })}>
            <option value="">Any status</option>
            {Object.entries(STATUS_LABELS).map(([status, label]) => (
              <option key={status} value={status}>
                {label}
              </option>
            ))}
          </select>
          <select aria-label="Filter by provenance" value={filters.provenance} onChange={(e) => set({ provenance: e.target.value as ProvenanceState | '' })}>
            <option value="">Any provenance</option>
            {Object.entries(PROVENANCE_LABELS).map(([state, label]) => (
              <option key={state} value={state}>
                {label}
              </option>
            ))}
          </select>
          <select aria-label="Filter by grade" value={filters.grade} onChange={(e) => set({ grade: e.target.value as GradeFilter })}>
            <option value="">Any grade</option>
            <option value="graded">Graded</option>
            <option value="ungraded">Not graded</option>
            <optgroup label="Source reliability">
              {Object.entries(RELIABILITY_GRADES).map(([letter, meaning]) => (
                <option key={letter} value={`rel:${letter}`}>
                  {letter} — {meaning}
                </option>
              ))}
            </optgroup>
            <optgroup label="Information credibility">
              {Object.entries(CREDIBILITY_GRADES).map(([digit, meaning]) => (
                <option key={digit} value={`cred:${digit}`}>
                  {digit} — {meaning}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <div className="muted small cd-filter-summary">
          {isFiltering(filters) ? (
            <>
              Showing {visible.length} of {total}{' '}
              <button type="button" className="button link small" onClick={() => onFiltersChange(NO_FILTERS)}>
                Clear filters
              </button>
            </>
          ) : (
            describeAnnotationCount({ inText: total, orphaned: orphaned.length })
          )}
        </div>
      </div>
      {props.error ? <p className="form-error small">{props.error}</p> : null}
      {props.loading ? <p className="muted small">Loading annotations…</p> : null}
      <ul className="cd-list" aria-label="Annotations">
        {shown.map(renderItem)}
        {hidden > 0 ? (
          <li ref={sentinel} className="cd-more">
            <button type="button" className="button small" onClick={() => setLimit((l) => l + PAGE)}>
              Show {Math.min(PAGE, hidden)} more of {hidden}
            </button>
          </li>
        ) : null}
      </ul>
      {!props.loading && visible.length === 0 ? (
        <p className="muted small cd-empty">
          {total === 0 ? 'No annotations yet. Select a claim in the article and press 1, 2 or 3 to tag its source.' : 'Nothing matches these filters.'}
        </p>
      ) : null}
      {orphaned.length ? (
        <section className="cd-orphaned" aria-label="Orphaned annotations">
          <h3>Orphaned ({orphaned.length})</h3>
          <p className="muted small">Their text is no longer in this version of the article.</p>
          <ul className="cd-list">
            {orphaned.map((a) => (
              <li key={a.id} className="cd-item cd-item-orphaned" data-testid="orphaned-item" data-annotation-id={a.id}>
                <span className="muted small">
                  {tagByKey(tags, a.tag).label} · {a.author.name}
                </span>
                <div className="cd-item-quote-static">“{truncate(a.target.exact)}”</div>
                {a.note ? <div className="cd-item-note">{a.note}</div> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </aside>
  );
});
