'use client';

// Text being written survives a reload: the value is kept in localStorage under one key while it
// is not empty, read back when the form mounts again, and removed when the form saves (`clear`).
// Keys name the user, so a shared browser never shows one analyst's draft to another.
import { useCallback, useEffect, useRef, useState } from 'react';

const PREFIX = 'claimdesk:draft:';

function read<T>(key: string | null): T | null {
  if (!key || typeof window === 'undefined') return null;
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    return raw === null ? null : (JSON.parse(raw) as T);
  } catch {
    return null; // storage disabled or a value from an older shape: start empty
  }
}

function write(key: string, value: unknown | null) {
  try {
    if (value === null) window.localStorage.removeItem(PREFIX + key);
    else window.localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Full or disabled storage: the draft lives as long as the page, as before.
  }
}

/** The draft stored under `key`, if any (for a page deciding whether to reopen a form). */
export function readDraft<T>(key: string): T | null {
  return read<T>(key);
}

/** Drops the draft under `key` (the form that wrote it saved, perhaps after it closed). */
export function discardDraft(key: string): void {
  if (typeof window !== 'undefined') write(key, null);
}

/**
 * `useState` whose value is kept under `key` (null: not kept). `isEmpty` values are not stored;
 * `accept` can refuse a stored value (e.g. a draft for another selection) so the form starts from `initial`.
 */
export function useDraft<T>(key: string | null, initial: T, options: { isEmpty: (value: T) => boolean; accept?: (stored: T) => boolean }) {
  const { isEmpty, accept } = options;
  const [value, setValue] = useState<T>(() => {
    const stored = read<T>(key);
    return stored !== null && (accept?.(stored) ?? true) ? stored : initial;
  });
  const latest = useRef({ isEmpty });
  useEffect(() => {
    latest.current = { isEmpty };
  });

  useEffect(() => {
    if (!key) return;
    write(key, latest.current.isEmpty(value) ? null : value);
  }, [key, value]);

  // After a save the form usually unmounts with its value still set: remove the draft right away.
  const clear = useCallback(() => {
    if (key) write(key, null);
  }, [key]);

  return [value, setValue, clear] as const;
}
