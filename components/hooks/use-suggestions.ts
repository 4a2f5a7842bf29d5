'use client';

// Suggestion queries and mutations, plus the per-article UI state (toggle, active suggestion) that
// the sidebar panel and the reader share. That state lives in a tiny external store rather than in
// the workspace so that the two sides agree without threading props through the workspace.
import { FALLBACK_TAG_COLOR } from '@/lib/tags/tag-color';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useToast } from '@/components/annotations/toast';
import { failureText, useOptimisticMutation } from '@/components/hooks/use-optimistic-mutation';
import { useTags } from '@/components/hooks/use-tags';
import type { SuggestionHighlightInput } from '@/components/reader/suggestion-highlights';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { annotationKeys } from '@/lib/client/annotation-keys';
import { annotationsQuery, createAnnotation } from '@/lib/client/annotations-api';
import {
  rejectSuggestion,
  suggestionKey,
  suggestionKeys,
  suggestionsQuery,
  type Suggestion,
  type SuggestionList,
} from '@/lib/client/suggestions-api';
import { overlapRatio, SAME_CLAIM_OVERLAP } from '@/lib/review/overlap';

// ---- Shared UI state ---------------------------------------------------------------------------

type UiState = { enabled: boolean; activeKey: string | null };
const OFF: UiState = { enabled: false, activeKey: null };
const uiStates = new Map<string, UiState>();
const listeners = new Set<() => void>();

function readUi(articleId: string): UiState {
  return uiStates.get(articleId) ?? OFF;
}

function writeUi(articleId: string, patch: Partial<UiState>) {
  const current = readUi(articleId);
  const next = { ...current, ...patch };
  if (next.enabled === current.enabled && next.activeKey === current.activeKey) return;
  uiStates.set(articleId, next);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function useSuggestionUi(articleId: string) {
  const state = useSyncExternalStore(
    subscribe,
    () => readUi(articleId),
    () => OFF,
  );
  const setEnabled = useCallback((enabled: boolean) => writeUi(articleId, { enabled, activeKey: null }), [articleId]);
  const setActiveKey = useCallback((activeKey: string | null) => writeUi(articleId, { activeKey }), [articleId]);
  return { ...state, setEnabled, setActiveKey };
}

// ---- Queries -----------------------------------------------------------------------------------

const NONE: Suggestion[] = [];

function coveredByAnnotation(s: Suggestion, annotations: readonly AnnotationDto[]): boolean {
  return annotations.some(
    (a) => !a.deletedAt && !a.orphaned && a.anchorState !== 'orphaned' && overlapRatio(s, a.target) >= SAME_CLAIM_OVERLAP,
  );
}

/**
 * The suggestions to show on `versionId` while the toggle is on. The server already leaves out
 * annotated and rejected spans; annotations made since (here or live by a colleague) are left out
 * on the client too, so an accepted claim never shows twice.
 */
export function useSuggestions(articleId: string, versionId: string) {
  const { enabled } = useSuggestionUi(articleId);
  const query = useQuery({ ...suggestionsQuery(articleId), enabled });
  // Reads the workspace's annotation list from the cache (the workspace owns its fetching).
  const annotations = useQuery({ ...annotationsQuery(articleId), enabled: false }).data;
  const stale = Boolean(query.data && query.data.versionId !== versionId);
  const suggestions = useMemo(() => {
    if (!enabled || !query.data || query.data.versionId !== versionId) return NONE;
    const list = annotations ?? [];
    return query.data.suggestions.filter((s) => !coveredByAnnotation(s, list));
  }, [enabled, query.data, versionId, annotations]);
  const muted = enabled && query.data && !stale ? query.data.muted : 0;
  return { enabled, suggestions, muted, stale, isPending: enabled && query.isPending, error: query.isError ? query.error : null };
}

const NO_HIGHLIGHTS: SuggestionHighlightInput[] = [];

/** The reader's dashed outlines: one per visible suggestion, in its proposed tag's colour. */
export function useSuggestionHighlights(articleId: string, versionId: string): SuggestionHighlightInput[] {
  const { suggestions } = useSuggestions(articleId, versionId);
  const { activeKey } = useSuggestionUi(articleId);
  const tags = useTags().data;
  return useMemo(() => {
    if (suggestions.length === 0) return NO_HIGHLIGHTS;
    const byKey = new Map((tags ?? []).map((t) => [t.key, t]));
    return suggestions.map((s) => {
      const tag = s.tag ? byKey.get(s.tag) : undefined;
      const key = suggestionKey(s);
      return {
        key,
        start: s.start,
        end: s.end,
        color: tag?.color ?? FALLBACK_TAG_COLOR,
        label: `Suggested: ${tag?.label ?? 'no tag'} — ${s.reason}`,
        active: key === activeKey,
      };
    });
  }, [suggestions, tags, activeKey]);
}

// ---- Mutations ---------------------------------------------------------------------------------

function removeFromCache(client: QueryClient, articleId: string, keys: ReadonlySet<string>) {
  client.setQueryData<SuggestionList>(suggestionKeys.byArticle(articleId), (data) =>
    data ? { ...data, suggestions: data.suggestions.filter((s) => !keys.has(suggestionKey(s))) } : data,
  );
}

/** Puts suggestions back after a failed accept or reject (other changes made meanwhile are kept). */
function restoreToCache(client: QueryClient, articleId: string, back: readonly Suggestion[]) {
  client.setQueryData<SuggestionList>(suggestionKeys.byArticle(articleId), (data) => {
    if (!data) return data;
    const present = new Set(data.suggestions.map(suggestionKey));
    const merged = [...data.suggestions, ...back.filter((s) => !present.has(suggestionKey(s)))];
    return { ...data, suggestions: merged.sort((a, b) => a.start - b.start || a.end - b.end) };
  });
}

export type Acceptance = { suggestion: Suggestion; tag: string };

/**
 * Accepts suggestions as ordinary annotations by the current user (POST /api/articles/:id/annotations,
 * with the suggestion's reason kept as `suggestionReason`). One at a time, in document order, each
 * with its own idempotency key; the suggestions leave the list at once and come back if they fail.
 */
export function useAcceptSuggestions(articleId: string, versionId: string, onAccepted?: () => void) {
  const toast = useToast();
  const queryClient = useQueryClient();
  return useOptimisticMutation({
    mutationFn: async (items: Acceptance[]) => {
      const created: AnnotationDto[] = [];
      const failed: Array<{ item: Acceptance; error: unknown }> = [];
      for (const item of [...items].sort((a, b) => a.suggestion.start - b.suggestion.start)) {
        const { suggestion: s, tag } = item;
        try {
          const annotation = await createAnnotation(
            articleId,
            { start: s.start, end: s.end, exact: s.exact, tag, versionId, suggestionReason: s.reason },
            crypto.randomUUID(),
          );
          created.push(annotation);
          queryClient.setQueryData<AnnotationDto[]>(annotationKeys.byArticle(articleId), (list) =>
            list ? [...list.filter((a) => a.id !== annotation.id), annotation] : list,
          );
        } catch (error) {
          failed.push({ item, error });
        }
      }
      return { created, failed };
    },
    snapshot: () => [suggestionKeys.byArticle(articleId)],
    apply: (client, items) => removeFromCache(client, articleId, new Set(items.map((i) => suggestionKey(i.suggestion)))),
    // Put back only what failed: other suggestions accepted or rejected meanwhile stay gone.
    rollback: (client, items) => restoreToCache(client, articleId, items.map((i) => i.suggestion)),
    onSuccess: (client, { created, failed }) => {
      if (failed.length > 0) {
        restoreToCache(client, articleId, failed.map((f) => f.item.suggestion));
        toast.show({
          kind: 'error',
          message: failureText(`Could not accept ${failed.length === 1 ? 'the suggestion' : `${failed.length} suggestions`}`, failed[0]!.error),
        });
      } else if (created.length > 1) {
        toast.show({ message: `Accepted ${created.length} suggestions.` });
      }
      if (created.length > 0) onAccepted?.();
    },
    errorToast: 'Could not accept the suggestion',
    settle: () => [annotationKeys.byArticle(articleId)],
  });
}

/** Rejects a suggestion for the current user on this version (remembered by the server). */
export function useRejectSuggestion(articleId: string, versionId: string) {
  return useOptimisticMutation({
    mutationFn: (s: Suggestion) => rejectSuggestion(articleId, { versionId, start: s.start, end: s.end }),
    snapshot: () => [suggestionKeys.byArticle(articleId)],
    apply: (client, s) => removeFromCache(client, articleId, new Set([suggestionKey(s)])),
    rollback: (client, s) => restoreToCache(client, articleId, [s]),
    errorToast: 'Could not reject the suggestion',
  });
}
