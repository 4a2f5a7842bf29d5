'use client';

import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';

type ModalDialogProps = {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  /** Called with the form's values when the person confirms. */
  onConfirm: (form: FormData) => void;
  onClose: () => void;
};

/**
 * A modal on the native `<dialog>`: `showModal()` makes the rest of the page inert (the focus trap),
 * Escape is the browser's own cancel, and focus goes back to whatever opened it. Key events are
 * stopped at the dialog so the reader's document-level shortcuts (Escape, 1/2/3, j/k) never act
 * behind it. That has to be a native listener on the dialog: the App Router hydrates React on the
 * document itself, so a React onKeyDown's stopPropagation runs on the document node, where the
 * shortcut listeners sit too, and stops none of them.
 */
export function ModalDialog({ open, title, children, confirmLabel, danger, onConfirm, onClose }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const stop = (event: KeyboardEvent) => event.stopPropagation();
    dialog.addEventListener('keydown', stop);
    return () => dialog.removeEventListener('keydown', stop);
  }, []);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  function handleClose() {
    onClose();
    if (opener.current instanceof HTMLElement) opener.current.focus();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onConfirm(new FormData(event.currentTarget));
    ref.current?.close();
  }

  return (
    <dialog ref={ref} className="modal-dialog" aria-labelledby={titleId} onClose={handleClose}>
      <form method="dialog" onSubmit={handleSubmit} className="stack">
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        {children}
        <div className="row modal-actions">
          <button type="button" className="button" onClick={() => ref.current?.close()}>
            Cancel
          </button>
          <button type="submit" className={danger ? 'button danger' : 'button primary'}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
