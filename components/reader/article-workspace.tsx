'use client';

// The article desk: the read-only reader with highlight decorations on the left, the annotation
// sidebar on the right, the select → annotate popover, live updates and keyboard shortcuts.
import type { JSONContent } from '@tiptap/react';
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { countAnnotations, describeAnnotationCount, isOrphan } from '@/lib/annotations/annotation-count';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { ArticleSummaryDto } from '@/lib/articles/article-dto';
import type { CurrentUser } from '@/lib/core/actor';
import { canConfirmAnchor, canDeleteAnnotation } from '@/lib/core/permissions';
import { pageLabel, type PageMap } from '@/lib/documents/page-map';
import { isPendingAnnotation, type SourceTag, type UpdateAnnotationInput } from '@/lib/client/annotations-api';
import { ArticleReader, type TextSelection } from '@/components/reader/article-reader';
import type { HighlightInput } from '@/components/reader/annotation-highlights';
import { ANNOTATE_FIELDS, AnnotatePopover, type AnnotateValues } from '@/components/annotations/annotate-popover';
import { useRestoreAnnotateDraft } from '@/components/annotations/use-restore-annotate-draft';
import { discardDraft } from '@/components/hooks/use-draft';
import { formErrors, NO_FORM_ERRORS, type FormErrors } from '@/lib/client/field-errors';
import { AnnotationSidebar } from '@/components/annotations/annotation-sidebar';
import { applyFilters, byDocumentOrder, NO_FILTERS, type AnnotationFilters } from '@/components/annotations/annotation-filters';
import { isTextField } from '@/components/annotations/is-text-field';
import { ShortcutsHelp } from '@/components/annotations/shortcuts-help';
import { ToastProvider, useToast } from '@/components/annotations/toast';
import { TagChip } from '@/components/tags/tag-chip';
import {
  newCreateIds,
  useAnnotations,
  useConfirmAnchor,
  useCreateAnnotation,
  useDeleteAnnotation,
  useRestoreAnnotation,
  useUpdateAnnotation,
} from '@/components/hooks/use-annotations';
import { useLiveEvents } from '@/components/hooks/use-live-events';
import { useKnownClaimHighlights } from '@/components/hooks/use-known-claims';
import { useSuggestionHighlights } from '@/components/hooks/use-suggestions';
import { useTags } from '@/components/hooks/use-tags';
import { WorkspaceSlots } from '@/components/reader/workspace-slots';
import '@/components/annotations/annotations.css';
import { errorMessage } from '@/lib/client/error-message';

type Props = {
  article: ArticleSummaryDto;
  version: { id: string; number: number; doc: JSONContent; pages?: PageMap | null };
  currentUser: CurrentUser;
  initialTags?: SourceTag[];
  initialAnnotations?: AnnotationDto[];
  /** The live sequence number `initialAnnotations` were read at: the live stream continues from it. */
  initialSeq?: number;
  /** Selected on arrival, e.g. from a notification link (`?annotation=<id>`). */
  focusAnnotationId?: string;
};

export function ArticleWorkspace(props: Props) {
  return (
    <ToastProvider>
      <Workspace {...props} />
    </ToastProvider>
  );
}

const FALLBACK_COLOR = '#888888';

function Workspace({ article, version, currentUser, initialTags, initialAnnotations, initialSeq, focusAnnotationId }: Props) {
  const articleId = article.id;
  const toast = useToast();
  const tagsQuery = useTags(initialTags);
  const tags = useMemo(() => tagsQuery.data ?? [], [tagsQuery.data]);
  const annotationsQuery = useAnnotations(articleId, initialAnnotations);
  const live = useLiveEvents(articleId, { initialSeq, currentUserId: currentUser.id });
  const suggestionHighlights = useSuggestionHighlights(articleId, version.id);
  const knownClaimHighlights = useKnownClaimHighlights(articleId, version.id);
  const create = useCreateAnnotation(articleId, { id: currentUser.id, name: currentUser.name });
  const update = useUpdateAnnotation(articleId);
  const remove = useDeleteAnnotation(articleId);
  const restore = useRestoreAnnotation(articleId);
  const confirmAnchor = useConfirmAnchor(articleId);

  const [selectedId, setSelectedId] = useState<string | null>(focusAnnotationId ?? null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [textSelection, setTextSelection] = useState<TextSelection | null>(null);
  const [filters, setFilters] = useState<AnnotationFilters>(NO_FILTERS);
  const [helpOpen, setHelpOpen] = useState(false);

  const all = useMemo(() => (annotationsQuery.data ?? []).filter((a) => !a.deletedAt).sort(byDocumentOrder), [annotationsQuery.data]);
  const anchored = useMemo(() => all.filter((a) => !isOrphan(a)), [all]);
  const orphaned = useMemo(() => all.filter(isOrphan), [all]);
  const visible = useMemo(() => applyFilters(anchored, filters, currentUser.id), [anchored, filters, currentUser.id]);
  const byId = useMemo(() => new Map(all.map((a) => [a.id, a])), [all]);
  const tagByKey = useMemo(() => new Map(tags.map((t) => [t.key, t])), [tags]);
  const authors = useMemo(() => {
    const seen = new Map<string, string>();
    for (const a of all) seen.set(a.author.id, a.author.name);
    return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [all]);
  const counts = useMemo(() => {
    const c = new Map<string, number>();
    for (const a of anchored) c.set(a.tag, (c.get(a.tag) ?? 0) + 1);
    return c;
  }, [anchored]);
  const conflictCount = useMemo(() => anchored.filter((a) => a.conflictsWith.length > 0).length, [anchored]);

  const highlights = useMemo<HighlightInput[]>(
    () =>
      visible.map((a) => {
        const tag = tagByKey.get(a.tag);
        return {
          id: a.id,
          start: a.target.start,
          end: a.target.end,
          color: tag?.color ?? FALLBACK_COLOR,
          pending: isPendingAnnotation(a),
          fuzzy: a.anchorState === 'fuzzy',
          label: `${tag?.label ?? a.tag} — ${a.author.name}`,
        };
      }),
    [visible, tagByKey],
  );

  // Scroll whichever side did not initiate the selection.
  const scrollTarget = useRef<'reader' | 'sidebar' | 'both' | null>(focusAnnotationId ? 'both' : null);
  const select = useCallback((id: string | null, scroll: 'reader' | 'sidebar' | 'both' | null) => {
    scrollTarget.current = scroll;
    setSelectedId(id);
    setEditingId((editing) => (editing === id ? editing : null));
  }, []);
  useEffect(() => {
    const target = scrollTarget.current;
    scrollTarget.current = null;
    if (!selectedId || !target) return;
    const id = CSS.escape(selectedId);
    const frame = requestAnimationFrame(() => {
      if (target === 'reader' || target === 'both') {
        document.querySelector(`[data-testid="article-reader"] .cd-highlight[data-annotation-id="${id}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      }
      if (target === 'sidebar' || target === 'both') {
        document.querySelector(`[data-testid="annotation-item"][data-annotation-id="${id}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [selectedId]);

  // A selection whose annotation vanished (deleted, or a temporary id swapped for the real one) reads as none.
  const activeId = selectedId && (byId.has(selectedId) || annotationsQuery.isFetching) ? selectedId : null;

  // The popover stays open until the server has stored the annotation; a refusal keeps (or brings
  // back) the popover on its selection with the server's reasons, and the draft stays until a save succeeds.
  const draftKey = `annotate:${currentUser.id}:${articleId}:${version.id}`;
  const [saveState, setSaveState] = useState<{ selection: TextSelection; saving: boolean; errors: FormErrors } | null>(null);
  useRestoreAnnotateDraft(draftKey, setTextSelection);
  const saveSelection = useCallback(
    (values: AnnotateValues) => {
      const selection = textSelection;
      if (!selection) return;
      setSaveState({ selection, saving: true, errors: NO_FORM_ERRORS });
      create
        .mutateAsync({ ...newCreateIds(), start: selection.start, end: selection.end, exact: selection.exact, versionId: version.id, ...values })
        .then(() => {
          discardDraft(draftKey);
          setSaveState((s) => (s?.selection === selection ? null : s));
          setTextSelection((current) => {
            if (current !== selection) return current;
            window.getSelection()?.removeAllRanges();
            return null;
          });
        })
        .catch((error: unknown) => {
          setSaveState((s) => (s === null || s.selection === selection ? { selection, saving: false, errors: formErrors(error, ANNOTATE_FIELDS) } : s));
          setTextSelection((current) => current ?? selection);
        });
    },
    [create, draftKey, textSelection, version.id],
  );
  const popoverState = saveState && saveState.selection === textSelection ? saveState : null;

  /** Resolves once stored; rejects with the server's refusal, so the edit form stays open with it. */
  const saveEdit = useCallback(
    (annotation: AnnotationDto, input: UpdateAnnotationInput) => update.mutateAsync({ id: annotation.id, ...input }).then(() => undefined),
    [update],
  );

  const deleteOne = useCallback(
    (annotation: AnnotationDto) => {
      if (!canDeleteAnnotation(currentUser, annotation.author.id).ok) return;
      setSelectedId((id) => (id === annotation.id ? null : id));
      remove.mutate(annotation.id, {
        onSuccess: () => {
          toast.show({
            message: 'Annotation deleted.',
            timeout: 10_000,
            action: { label: 'Undo', onClick: () => restore.mutate({ id: annotation.id, annotation }) },
          });
        },
      });
    },
    [currentUser, remove, restore, toast],
  );

  // Desk shortcuts (never while typing, never while the annotate popover is open).
  const keyState = useRef({ visible, selectedId: activeId, byId, helpOpen, textSelection, deleteOne });
  useEffect(() => {
    keyState.current = { visible, selectedId: activeId, byId, helpOpen, textSelection, deleteOne };
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return;
      const s = keyState.current;
      if (s.textSelection || isTextField(event.target)) return;
      if (event.key === '?') {
        event.preventDefault();
        setHelpOpen((open) => !open);
        return;
      }
      if (event.key === 'Escape') {
        if (s.helpOpen) setHelpOpen(false);
        else {
          setSelectedId(null);
          setEditingId(null);
        }
        return;
      }
      if (s.helpOpen) return;
      if (event.key === 'j' || event.key === 'k') {
        if (s.visible.length === 0) return;
        event.preventDefault();
        const index = s.visible.findIndex((a) => a.id === s.selectedId);
        const next =
          index < 0 ? (event.key === 'j' ? 0 : s.visible.length - 1) : Math.min(s.visible.length - 1, Math.max(0, index + (event.key === 'j' ? 1 : -1)));
        select(s.visible[next]!.id, 'both');
        return;
      }
      const current = s.selectedId ? s.byId.get(s.selectedId) : undefined;
      if (!current || isPendingAnnotation(current) || current.author.id !== currentUser.id) return;
      if (event.key === 'e') {
        event.preventDefault();
        setEditingId(current.id);
      } else if (event.key === 'Delete' || event.key === 'Backspace') {
        event.preventDefault();
        s.deleteOne(current);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [currentUser.id, select]);

  const renderTooltip = useCallback(
    (id: string) => {
      const a = byId.get(id);
      if (!a) return null;
      return (
        <>
          <div className="cd-tooltip-tag">
            {tagByKey.get(a.tag)?.label ?? a.tag} · {a.author.name}
            {isPendingAnnotation(a) ? ' · saving…' : ''}
          </div>
          {a.sourceDetail ? <div>{a.sourceDetail}</div> : null}
          {a.note ? <div className="cd-tooltip-note">{a.note.length > 200 ? `${a.note.slice(0, 200)}…` : a.note}</div> : null}
        </>
      );
    },
    [byId, tagByKey],
  );

  const meta = [article.outlet, article.byline, article.publishedAt ? new Date(article.publishedAt).toLocaleDateString('en-GB') : null]
    .filter(Boolean)
    .join(' · ');
  const viewers = live.viewers;

  return (
    <div className="cd-workspace">
      <header className="cd-workspace-head">
        <div className="cd-head-main">
          <div className="cd-head-title">{article.title}</div>
          <div className="muted small">
            {meta}
            {meta ? ' · ' : ''}
            <Link href={`/articles/${encodeURIComponent(articleId)}/versions`} title="What changed between versions, and where each annotation landed">
              version {version.number}
            </Link>
            {' · '}
            <Link href={`/articles/${encodeURIComponent(articleId)}/agreement`}>agreement report</Link>
          </div>
        </div>
        <div className="cd-head-stats">
          <div className="cd-legend" aria-label="Source tags">
            {/* Archived tags come last: listed only while annotations here still carry them. */}
            {tags.filter((tag) => !tag.archived || counts.has(tag.key)).map((tag, i) => (
              <span key={tag.key} className="cd-legend-item" title={tag.archived ? 'Archived tag' : `Press ${i + 1} in the annotate popover`}>
                <TagChip tag={tag} count={counts.get(tag.key) ?? 0} />
              </span>
            ))}
          </div>
          <span className="muted small" data-testid="annotation-count">
            {describeAnnotationCount(countAnnotations(all))}
          </span>
          {conflictCount ? (
            <span className="cd-badge cd-conflict" data-testid="conflict-count">
              {conflictCount} in conflict
            </span>
          ) : null}
          <span className={`cd-presence${live.connected ? ' is-live' : ''}`} data-testid="presence" title={live.viewerNames.join(', ') || undefined}>
            <span className="cd-presence-dot" aria-hidden />
            {viewers === null ? (live.connected ? 'Live' : 'Offline') : `${viewers} analyst${viewers === 1 ? '' : 's'} viewing`}
          </span>
          <button type="button" className="button small" onClick={() => setHelpOpen(true)} aria-label="Keyboard shortcuts">
            <kbd>?</kbd>
          </button>
          <WorkspaceSlots.Header articleId={articleId} />
        </div>
      </header>
      <div className="cd-workspace-body">
        <section className="cd-reader-col" aria-label="Article">
          <ArticleReader
            key={version.id /* a new version remounts the editor on the new text */}
            doc={version.doc}
            highlights={highlights}
            selectedId={activeId}
            onSelectAnnotation={(id) => select(id, 'sidebar')}
            onTextSelection={setTextSelection}
            renderTooltip={renderTooltip}
            suggestions={suggestionHighlights}
            pages={version.pages ?? null}
            knownClaims={knownClaimHighlights}
          />
        </section>
        <div className="cd-sidebar-col">
          <WorkspaceSlots.Sidebar articleId={articleId} versionId={version.id} onAccepted={() => void annotationsQuery.refetch()} />
          <AnnotationSidebar
            visible={visible}
            orphaned={orphaned}
            total={anchored.length}
            authors={authors}
            tags={tags}
            filters={filters}
            onFiltersChange={setFilters}
            currentUserId={currentUser.id}
            selectedId={activeId}
            editingId={editingId}
            onSelect={(id) => select(id, 'reader')}
            onEdit={setEditingId}
            onSave={saveEdit}
            onDelete={deleteOne}
            canConfirmAnchor={(a) => canConfirmAnchor(currentUser, a.author.id).ok}
            onConfirmAnchor={(a) => confirmAnchor.mutate({ id: a.id, revision: a.revision })}
            renderDetail={(a) => (isPendingAnnotation(a) ? null : <WorkspaceSlots.Detail annotation={a} currentUser={currentUser} />)}
            pageOf={version.pages ? (a) => pageLabel(version.pages!, a.target.start, a.target.end) : undefined}
            loading={annotationsQuery.isPending}
            error={annotationsQuery.isError ? `Could not load annotations: ${errorMessage(annotationsQuery.error)}` : null}
          />
        </div>
      </div>
      {textSelection ? (
        <AnnotatePopover
          key={`${textSelection.start}-${textSelection.end}`}
          selection={textSelection}
          tags={tags}
          onSave={saveSelection}
          onClose={() => setTextSelection(null)}
          draftKey={draftKey}
          saving={popoverState?.saving}
          errors={popoverState?.errors}
        />
      ) : null}
      {helpOpen ? <ShortcutsHelp tags={tags} onClose={() => setHelpOpen(false)} /> : null}
    </div>
  );
}
