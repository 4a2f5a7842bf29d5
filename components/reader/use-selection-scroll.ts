'use client';

// Selecting an annotation from one side scrolls the other into view: the highlight to the middle
// of the reader, the sidebar item into the sidebar, and its detail (the review panel) up until it
// is in view, since it opens under the item and would otherwise start below the fold.
import { useCallback, useEffect, useRef, useState } from 'react';

export type ScrollTarget = 'reader' | 'sidebar' | 'both' | null;

const highlightSelector = (id: string) => `[data-testid="article-reader"] .cd-highlight.cd-start[data-annotation-id="${CSS.escape(id)}"]`;
const itemSelector = (id: string) => `[data-testid="annotation-item"][data-annotation-id="${CSS.escape(id)}"]`;

/** The first piece of an annotation's highlight (the focusable one), if it is drawn. */
export function highlightElement(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(highlightSelector(id)) ?? document.querySelector<HTMLElement>(`[data-testid="article-reader"] .cd-highlight[data-annotation-id="${CSS.escape(id)}"]`);
}

export function sidebarItemElement(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(itemSelector(id));
}

/** Scrolls the item's detail up into its scroll box (the sticky sidebar, or the page when the sidebar is a tab). */
function revealDetail(item: HTMLElement) {
  const detail = item.querySelector<HTMLElement>('.cd-item-detail');
  if (!detail) return;
  const col = item.closest<HTMLElement>('.cd-sidebar-col');
  const scrolls = col && col.scrollHeight > col.clientHeight + 1 && getComputedStyle(col).overflowY !== 'visible';
  const box = scrolls ? col.getBoundingClientRect() : { top: document.querySelector('.cd-workspace-head')?.getBoundingClientRect().bottom ?? 0, bottom: window.innerHeight };
  const itemTop = item.getBoundingClientRect().top;
  const overflow = detail.getBoundingClientRect().bottom - box.bottom + 8;
  if (overflow <= 0) return;
  const by = Math.min(overflow, itemTop - box.top - 8);
  if (by <= 0) return;
  if (scrolls) col.scrollBy({ top: by, behavior: 'smooth' });
  else window.scrollBy({ top: by, behavior: 'smooth' });
}

export function useSelectionScroll(initialId: string | null) {
  const [selectedId, setSelectedId] = useState<string | null>(initialId);
  const scrollTarget = useRef<ScrollTarget>(initialId ? 'both' : null);
  const select = useCallback((id: string | null, scroll: ScrollTarget) => {
    scrollTarget.current = scroll;
    setSelectedId(id);
  }, []);

  useEffect(() => {
    const target = scrollTarget.current;
    scrollTarget.current = null;
    if (!selectedId) return;
    let later = 0;
    const frame = requestAnimationFrame(() => {
      if (target === 'reader' || target === 'both') highlightElement(selectedId)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      const item = sidebarItemElement(selectedId);
      if ((target === 'sidebar' || target === 'both') && item) item.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      // Once the detail has rendered (and again once its verdicts have loaded), bring it into view.
      later = window.setTimeout(() => {
        const current = sidebarItemElement(selectedId);
        if (current) revealDetail(current);
        later = window.setTimeout(() => {
          const again = sidebarItemElement(selectedId);
          if (again) revealDetail(again);
        }, 500);
      }, 350);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(later);
    };
  }, [selectedId]);

  return { selectedId, setSelectedId, select };
}
