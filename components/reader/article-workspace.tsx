'use client';

// The article desk: the read-only reader with highlight decorations, the annotation sidebar, the
// select → annotate popover, live updates and keyboard shortcuts. This file only puts the pieces
// together; each concept has its own file beside it.
import type { JSONContent } from '@tiptap/react';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { ArticleSummaryDto } from '@/lib/articles/article-dto';
import type { CurrentUser } from '@/lib/core/actor';
import { canConfirmAnchor } from '@/lib/core/permissions';
import { pageLabel, type PageMap } from '@/lib/documents/page-map';
import { isPendingAnnotation, type SourceTag, type UpdateAnnotationInput } from '@/lib/client/annotations-api';
import { errorMessage } from '@/lib/client/error-message';
import { ArticleReader } from '@/components/reader/article-reader';
import { AnnotatePopover } from '@/components/annotations/annotate-popover';
import { AnnotationSidebar } from '@/components/annotations/annotation-sidebar';
import { NO_FILTERS, type AnnotationFilters } from '@/components/annotations/annotation-filters';
import { ShortcutsHelp } from '@/components/annotations/shortcuts-help';
import { ToastProvider } from '@/components/annotations/toast';
import { useAnnotations, useConfirmAnchor, useCreateAnnotation, useUpdateAnnotation } from '@/components/hooks/use-annotations';
import { useLiveEvents } from '@/components/hooks/use-live-events';
import { useKnownClaimHighlights } from '@/components/hooks/use-known-claims';
import { useSuggestionHighlights } from '@/components/hooks/use-suggestions';
import { useTags } from '@/components/hooks/use-tags';
import { WorkspaceSlots } from '@/components/reader/workspace-slots';
import { WorkspaceHeader } from '@/components/reader/workspace-header';
import { WorkspaceLayout, type Pane } from '@/components/reader/workspace-layout';
import { HighlightDescriptions } from '@/components/reader/highlight-descriptions';
import { HighlightTooltip } from '@/components/reader/highlight-tooltip';
import { useWorkspaceLists } from '@/components/reader/use-workspace-lists';
import { useSelectionScroll, type ScrollTarget } from '@/components/reader/use-selection-scroll';
import { useAnnotateSelection } from '@/components/reader/use-annotate-selection';
import { useDeskShortcuts } from '@/components/reader/use-desk-shortcuts';
import { useDeleteWithUndo } from '@/components/reader/use-delete-with-undo';
import '@/components/annotations/annotations.css';

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

function Workspace({ article, version, currentUser, initialTags, initialAnnotations, initialSeq, focusAnnotationId }: Props) {
  const articleId = article.id;
  const tagsQuery = useTags(initialTags);
  const tags = useMemo(() => tagsQuery.data ?? [], [tagsQuery.data]);
  const annotationsQuery = useAnnotations(articleId, initialAnnotations);
  const live = useLiveEvents(articleId, { initialSeq, currentUserId: currentUser.id });
  const suggestionHighlights = useSuggestionHighlights(articleId, version.id);
  const knownClaimHighlights = useKnownClaimHighlights(articleId, version.id);
  const create = useCreateAnnotation(articleId, { id: currentUser.id, name: currentUser.name });
  const update = useUpdateAnnotation(articleId);
  const confirmAnchor = useConfirmAnchor(articleId);

  const [filters, setFilters] = useState<AnnotationFilters>(NO_FILTERS);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [caretMode, setCaretMode] = useState(false);
  const [pane, setPane] = useState<Pane>('reader');
  const lists = useWorkspaceLists(annotationsQuery.data, tags, filters, currentUser);
  const { visible, byId, tagByKey } = lists;
  // A change draws its highlight at once: the reader renders urgently, while the sidebar, the header's
  // counts and the highlights' hidden descriptions follow in a background render React may interrupt.
  // With a desk of viewers on one machine, or a burst of live events, the words an analyst is reading
  // are not kept waiting behind the lists beside them.
  const listed = useDeferredValue(lists);

  const selection = useSelectionScroll(focusAnnotationId ?? null);
  const { select: selectAndScroll, setSelectedId } = selection;
  const select = useCallback(
    (id: string | null, scroll: ScrollTarget) => {
      selectAndScroll(id, scroll);
      setEditingId((editing) => (editing === id ? editing : null));
    },
    [selectAndScroll],
  );
  // A selection whose annotation vanished (deleted, or a temporary id swapped for the real one) reads as none.
  const activeId = selection.selectedId && (byId.has(selection.selectedId) || annotationsQuery.isFetching) ? selection.selectedId : null;

  const draftKey = `annotate:${currentUser.id}:${articleId}:${version.id}`;
  const annotate = useAnnotateSelection(create, draftKey, version.id);

  // The sidebar's callbacks stay the same across renders (mutateAsync/mutate are stable), so a live
  // event re-renders only the item whose annotation changed (AnnotationItem is memoised).
  const updateAsync = update.mutateAsync;
  /** Resolves once stored; rejects with the server's refusal, so the edit form stays open with it. */
  const saveEdit = useCallback(
    (annotation: AnnotationDto, input: UpdateAnnotationInput) => updateAsync({ id: annotation.id, ...input }).then(() => undefined),
    [updateAsync],
  );
  const confirm = confirmAnchor.mutate;
  const onConfirmAnchor = useCallback((a: AnnotationDto) => confirm({ id: a.id, revision: a.revision }), [confirm]);
  const mayConfirmAnchor = useCallback((a: AnnotationDto) => canConfirmAnchor(currentUser, a.author.id).ok, [currentUser]);
  const renderDetail = useCallback((a: AnnotationDto) => (isPendingAnnotation(a) ? null : <WorkspaceSlots.Detail annotation={a} currentUser={currentUser} />), [currentUser]);
  const pages = version.pages;
  const pageOf = useMemo(() => (pages ? (a: AnnotationDto) => pageLabel(pages, a.target.start, a.target.end) : undefined), [pages]);
  const refetchList = annotationsQuery.refetch;
  const refetchAnnotations = useCallback(() => void refetchList(), [refetchList]);
  const selectFromReader = useCallback((id: string | null) => select(id, 'sidebar'), [select]);
  const selectFromSidebar = useCallback((id: string) => select(id, 'reader'), [select]);
  const deleteOne = useDeleteWithUndo(
    articleId,
    currentUser,
    useCallback((id: string) => setSelectedId((selected) => (selected === id ? null : selected)), [setSelectedId]),
  );

  const toggleCaret = useCallback(() => setCaretMode((on) => !on), []);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  useDeskShortcuts(
    { visible, selectedId: activeId, byId, helpOpen, popoverOpen: annotate.textSelection !== null, currentUserId: currentUser.id },
    { select, edit: setEditingId, remove: deleteOne, setHelpOpen, toggleCaret, showPane: setPane },
  );

  const renderTooltip = useCallback(
    (id: string) => {
      const a = byId.get(id);
      return a ? <HighlightTooltip annotation={a} tag={tagByKey.get(a.tag)} /> : null;
    },
    [byId, tagByKey],
  );

  return (
    <WorkspaceLayout
      pane={pane}
      onPaneChange={setPane}
      annotationCount={listed.anchored.length}
      header={
        <WorkspaceHeader
          article={article}
          versionNumber={version.number}
          tags={tags}
          letters={listed.letters}
          counts={listed.counts}
          annotations={listed.all}
          conflictCount={listed.conflictCount}
          live={live}
          caretMode={caretMode}
          onToggleCaret={toggleCaret}
          onHelp={openHelp}
        />
      }
      reader={
        <>
          <ArticleReader
            key={version.id /* a new version remounts the editor on the new text */}
            doc={version.doc}
            highlights={lists.highlights}
            selectedId={activeId}
            onSelectAnnotation={selectFromReader}
            onTextSelection={annotate.setTextSelection}
            renderTooltip={renderTooltip}
            suggestions={suggestionHighlights}
            pages={version.pages ?? null}
            knownClaims={knownClaimHighlights}
            caretMode={caretMode}
          />
          <HighlightDescriptions highlights={listed.highlights} />
          <p className="cd-sr-status" role="status" aria-live="polite">
            {caretMode ? 'Caret browsing on: arrow keys move through the text, Shift+arrows select, 1 to 9 tag the selection. F7 turns it off.' : ''}
          </p>
        </>
      }
      sidebar={
        <>
          <WorkspaceSlots.Sidebar articleId={articleId} versionId={version.id} onAccepted={refetchAnnotations} />
          <AnnotationSidebar
            visible={listed.visible}
            orphaned={listed.orphaned}
            total={listed.anchored.length}
            authors={listed.authors}
            tags={tags}
            filters={filters}
            onFiltersChange={setFilters}
            currentUserId={currentUser.id}
            selectedId={activeId}
            editingId={editingId}
            onSelect={selectFromSidebar}
            onEdit={setEditingId}
            onSave={saveEdit}
            onDelete={deleteOne}
            canConfirmAnchor={mayConfirmAnchor}
            onConfirmAnchor={onConfirmAnchor}
            renderDetail={renderDetail}
            pageOf={pageOf}
            loading={annotationsQuery.isPending}
            error={annotationsQuery.isError ? `Could not load annotations: ${errorMessage(annotationsQuery.error)}` : null}
          />
        </>
      }
    >
      {annotate.textSelection ? (
        <AnnotatePopover
          key={`${annotate.textSelection.start}-${annotate.textSelection.end}`}
          selection={annotate.textSelection}
          tags={tags}
          onSave={annotate.save}
          onClose={annotate.close}
          draftKey={draftKey}
          saving={annotate.popoverState?.saving}
          errors={annotate.popoverState?.errors}
        />
      ) : null}
      {helpOpen ? <ShortcutsHelp tags={tags} onClose={() => setHelpOpen(false)} /> : null}
    </WorkspaceLayout>
  );
}
