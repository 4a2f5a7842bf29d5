'use client';

// A tiny toast stack (no dependency): error messages and "Deleted · Undo" notices.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import './annotations.css';

export type ToastInput = {
  message: string;
  kind?: 'info' | 'error';
  action?: { label: string; onClick: () => void };
  /** Milliseconds before it disappears; default 6 s (errors 8 s). */
  timeout?: number;
};

type Toast = ToastInput & { id: number };

type ToastApi = { show: (toast: ToastInput) => number; dismiss: (id: number) => void };

const noop: ToastApi = { show: () => 0, dismiss: () => undefined };
const ToastContext = createContext<ToastApi>(noop);

export function useToast(): ToastApi {
  return useContext(ToastContext);
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
    timers.current.delete(id);
    setToasts((list) => list.filter((t) => t.id !== id));
  }, []);

  const show = useCallback(
    (input: ToastInput) => {
      const id = nextId.current++;
      setToasts((list) => [...list.slice(-4), { ...input, id }]);
      const timeout = input.timeout ?? (input.kind === 'error' ? 8000 : 6000);
      timers.current.set(
        id,
        setTimeout(() => dismiss(id), timeout),
      );
      return id;
    },
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  const api = useMemo(() => ({ show, dismiss }), [show, dismiss]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="cd-toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`cd-toast${toast.kind === 'error' ? ' cd-toast-error' : ''}`} data-testid="toast">
            <span>{toast.message}</span>
            {toast.action ? (
              <button
                type="button"
                className="button small"
                onClick={() => {
                  toast.action?.onClick();
                  dismiss(toast.id);
                }}
              >
                {toast.action.label}
              </button>
            ) : null}
            <button type="button" className="cd-toast-close" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
