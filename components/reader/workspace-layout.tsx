'use client';

// Reader beside sidebar on a wide window; on a phone or a narrow window the two are tabs of one
// column ("Article" / "Annotations"), so neither is squeezed and the text keeps the full width.
// The header's height is measured into --cd-head-h so the sidebar sticks just under it.
import { useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';

export type Pane = 'reader' | 'sidebar';

const NARROW = '(max-width: 960px)';

function subscribe(onChange: () => void) {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** True on a phone or a narrow window (the tabbed layout). */
export function useNarrow(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW).matches,
    () => false,
  );
}

type Props = {
  header: ReactNode;
  reader: ReactNode;
  sidebar: ReactNode;
  pane: Pane;
  onPaneChange: (pane: Pane) => void;
  annotationCount: number;
  children?: ReactNode;
};

export function WorkspaceLayout({ header, reader, sidebar, pane, onPaneChange, annotationCount, children }: Props) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = root.current;
    const head = el?.querySelector<HTMLElement>('.cd-workspace-head');
    const app = document.querySelector<HTMLElement>('.app-header');
    if (!el || !head || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      el.style.setProperty('--cd-app-h', `${app?.offsetHeight ?? 0}px`);
      el.style.setProperty('--cd-head-h', `${head.offsetHeight}px`);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(head);
    if (app) observer.observe(app);
    return () => observer.disconnect();
  }, []);

  const tab = (id: Pane, label: string) => (
    <button
      type="button"
      aria-pressed={pane === id}
      aria-controls={`cd-pane-${id}`}
      className={`cd-tab${pane === id ? ' is-active' : ''}`}
      onClick={() => onPaneChange(id)}
    >
      {label}
    </button>
  );

  return (
    <div className="cd-workspace" ref={root} data-pane={pane}>
      {header}
      <div className="cd-tabs" role="group" aria-label="Show">
        {tab('reader', 'Article')}
        {tab('sidebar', `Annotations (${annotationCount})`)}
      </div>
      <div className="cd-workspace-body">
        <section className="cd-reader-col" id="cd-pane-reader" aria-label="Article">
          {reader}
        </section>
        <div className="cd-sidebar-col" id="cd-pane-sidebar">
          {sidebar}
        </div>
      </div>
      {children}
    </div>
  );
}
