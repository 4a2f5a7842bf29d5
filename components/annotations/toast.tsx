'use client';

// Toasts through sonner (its live region, stacking, hover pause, Alt+T to reach them), behind the
// small API the desk already uses: useToast().show({ message, action, timeout }). Sonner pauses on
// hover but not on keyboard focus, so a toast holds still while focus is inside it (a keyboard user
// on "Undo" never loses it) and gets its full time again when focus leaves.
import { createContext, useContext, useMemo, type FocusEvent, type ReactNode } from 'react';
import { toast as sonner, Toaster } from 'sonner';
import './annotations.css';

export type ToastInput = {
  message: string;
  kind?: 'info' | 'error';
  action?: { label: string; onClick: () => void };
  /** Milliseconds before it disappears; default 6 s (errors 8 s). */
  timeout?: number;
};

type ToastApi = { show: (toast: ToastInput) => string; dismiss: (id: string) => void };

const noop: ToastApi = { show: () => '', dismiss: () => undefined };
const ToastContext = createContext<ToastApi>(noop);

export function useToast(): ToastApi {
  return useContext(ToastContext);
}

let nextId = 1;

function render(id: string, input: ToastInput, duration: number) {
  const hold = () => sonner.custom(() => <ToastBody id={id} input={input} duration={duration} />, { id, duration: Infinity });
  const release = (event: FocusEvent<HTMLDivElement>) => {
    if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
    sonner.custom(() => <ToastBody id={id} input={input} duration={duration} />, { id, duration });
  };
  return { hold, release };
}

function ToastBody({ id, input, duration }: { id: string; input: ToastInput; duration: number }) {
  const { hold, release } = render(id, input, duration);
  return (
    <div
      className={`cd-toast${input.kind === 'error' ? ' cd-toast-error' : ''}`}
      data-testid="toast"
      role={input.kind === 'error' ? 'alert' : undefined}
      onFocus={hold}
      onBlur={release}
    >
      <span>{input.message}</span>
      {input.action ? (
        <button
          type="button"
          className="button small"
          onClick={() => {
            input.action?.onClick();
            sonner.dismiss(id);
          }}
        >
          {input.action.label}
        </button>
      ) : null}
      <button type="button" className="cd-toast-close" aria-label="Dismiss" onClick={() => sonner.dismiss(id)}>
        ×
      </button>
    </div>
  );
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const api = useMemo<ToastApi>(
    () => ({
      show: (input) => {
        const id = `cd-toast-${nextId++}`;
        const duration = input.timeout ?? (input.kind === 'error' ? 8000 : 6000);
        sonner.custom(() => <ToastBody id={id} input={input} duration={duration} />, { id, duration });
        return id;
      },
      dismiss: (id) => void sonner.dismiss(id),
    }),
    [],
  );
  return (
    <ToastContext.Provider value={api}>
      {children}
      <Toaster position="bottom-right" visibleToasts={5} containerAriaLabel="Notifications" toastOptions={{ unstyled: true }} />
    </ToastContext.Provider>
  );
}
