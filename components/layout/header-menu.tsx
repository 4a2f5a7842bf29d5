'use client';

// The app header's navigation and account links. On a wide window they sit in the header; on a
// phone they fold behind a "Menu" disclosure button (aria-expanded), so the header never overflows.
// A link followed, Escape or a click elsewhere folds it again.
import { usePathname } from 'next/navigation';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export function HeaderMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  return (
    <div className={`header-menu${open ? ' is-open' : ''}`} ref={root}>
      <button ref={button} type="button" className="button small header-menu-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        Menu
      </button>
      <div className="header-menu-panel" id={id}>
        {children}
      </div>
    </div>
  );
}
