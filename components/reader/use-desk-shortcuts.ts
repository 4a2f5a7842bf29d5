'use client';

// The desk's keyboard: j/k (and ]/[) step through the highlights in document order and focus each;
// Enter on a focused highlight opens its sidebar item (focus moves there); Escape from the sidebar
// returns to the highlight in the text, and from the text clears the selection; e edits and Delete
// deletes one's own selected annotation; ? shows the shortcuts; F7 toggles caret browsing. Never
// while typing in a field, and never while the annotate popover is open (it has its own keys).
import { useEffect, useRef } from 'react';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { isPendingAnnotation } from '@/lib/client/annotations-api';
import { isTextField } from '@/components/annotations/is-text-field';
import { highlightElement, sidebarItemElement, type ScrollTarget } from '@/components/reader/use-selection-scroll';

type State = {
  visible: AnnotationDto[];
  selectedId: string | null;
  byId: Map<string, AnnotationDto>;
  helpOpen: boolean;
  popoverOpen: boolean;
  currentUserId: string;
};

type Actions = {
  select: (id: string | null, scroll: ScrollTarget) => void;
  edit: (id: string | null) => void;
  remove: (annotation: AnnotationDto) => void;
  setHelpOpen: (update: (open: boolean) => boolean) => void;
  toggleCaret: () => void;
  /** Phone layout: show the sidebar (or the article) pane before moving focus into it. */
  showPane: (pane: 'reader' | 'sidebar') => void;
};

const NEXT = new Set(['j', ']']);
const PREVIOUS = new Set(['k', '[']);

const highlightIdOf = (target: EventTarget | null) => (target instanceof HTMLElement && target.matches('.cd-highlight') ? (target.dataset.annotationId ?? null) : null);

/**
 * Focus on the first piece of a highlight. Selecting it redraws its decorations after React's
 * effects, which may replace the element that had focus: try again until it holds.
 */
export function focusHighlight(id: string) {
  const attempt = () => {
    const el = highlightElement(id);
    if (el && document.activeElement !== el) el.focus({ preventScroll: true });
  };
  requestAnimationFrame(attempt);
  for (const ms of [60, 200]) window.setTimeout(attempt, ms);
}

/**
 * Focus on a sidebar item's quote. Selecting it re-renders the item (expanded, with its evidence and
 * review sections) after React's effects, which may replace the button that had focus: try again
 * while focus is nowhere (the body) — never taking it back from where the user has moved on.
 */
export function focusSidebarItem(id: string) {
  let first = true;
  const attempt = () => {
    const el = sidebarItemElement(id)?.querySelector<HTMLElement>('.cd-item-quote');
    const active = document.activeElement;
    const lost = !active || active === document.body || highlightIdOf(active) === id;
    if (el && active !== el && (first || lost)) el.focus({ preventScroll: true });
    first = false;
  };
  requestAnimationFrame(attempt);
  for (const ms of [60, 200, 500]) window.setTimeout(attempt, ms);
}

export function useDeskShortcuts(state: State, actions: Actions) {
  const latest = useRef({ state, actions });
  useEffect(() => {
    latest.current = { state, actions };
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return;
      const { state: s, actions: a } = latest.current;
      if (isTextField(event.target)) return;
      if (event.key === 'F7') {
        event.preventDefault();
        a.toggleCaret();
        return;
      }
      if (s.popoverOpen) return;
      if (event.key === '?') {
        event.preventDefault();
        a.setHelpOpen((open) => !open);
        return;
      }
      if (event.key === 'Escape') {
        if (s.helpOpen) {
          a.setHelpOpen(() => false);
          return;
        }
        const inSidebar = event.target instanceof Element && event.target.closest('.cd-sidebar-col');
        if (inSidebar && s.selectedId && highlightElement(s.selectedId)) {
          a.showPane('reader');
          focusHighlight(s.selectedId);
          return;
        }
        a.select(null, null);
        a.edit(null);
        if (highlightIdOf(event.target)) document.querySelector<HTMLElement>('[data-testid="article-reader"] .ProseMirror')?.focus({ preventScroll: true });
        return;
      }
      if (s.helpOpen) return;
      if (NEXT.has(event.key) || PREVIOUS.has(event.key)) {
        if (s.visible.length === 0) return;
        event.preventDefault();
        const forward = NEXT.has(event.key);
        const index = s.visible.findIndex((x) => x.id === s.selectedId);
        const next = index < 0 ? (forward ? 0 : s.visible.length - 1) : Math.min(s.visible.length - 1, Math.max(0, index + (forward ? 1 : -1)));
        const id = s.visible[next]!.id;
        a.select(id, 'both');
        a.showPane('reader');
        focusHighlight(id);
        return;
      }
      const focused = highlightIdOf(event.target);
      if (event.key === 'Enter' && focused) {
        event.preventDefault();
        a.select(focused, 'sidebar');
        a.showPane('sidebar');
        focusSidebarItem(focused);
        return;
      }
      const current = s.selectedId ? s.byId.get(s.selectedId) : undefined;
      if (!current || isPendingAnnotation(current) || current.author.id !== s.currentUserId) return;
      if (event.key === 'e') {
        event.preventDefault();
        a.edit(current.id);
      } else if (event.key === 'Delete' || event.key === 'Backspace') {
        event.preventDefault();
        a.remove(current);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
