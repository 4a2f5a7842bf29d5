// The one string type of the API: every text field of every request schema is built from these,
// so a field cannot forget a check. Browser-safe (forms validate with the same schemas).
import { z } from 'zod';

/**
 * Postgres stores neither NUL ("\u0000": text and jsonb refuse it, a 500) nor a lone UTF-16
 * surrogate ("\ud83d": text turns it into U+FFFD, jsonb refuses it). Both are refused with a 400
 * that names the field instead of failing or silently corrupting the value.
 */
const NUL = /\u0000/;
const LONE_SURROGATE = /\p{Cs}/u;

export function unstorableReason(value: string, field: string): string | null {
  if (NUL.test(value)) return `${field} contains a NUL character (\\u0000), which cannot be stored: remove it`;
  if (LONE_SURROGATE.test(value)) return `${field} contains a broken character (half of an emoji or other symbol): send valid Unicode text`;
  return null;
}

export type TextOptions = {
  /** Longest accepted value, in characters after trimming and normalising. */
  max: number;
  /** Shortest accepted value (default 1: blank is refused); 0 allows ''. */
  min?: number;
  /**
   * Keep the value byte for byte: no trimming, no NFC. For text that must match stored text
   * exactly (an annotation's quote) and for passwords.
   */
  verbatim?: boolean;
};

const count = (n: number) => n.toLocaleString('en-US');

/** How long a free-text value is as the API counts it (trimmed, NFC): what a form's character counter shows. */
export function storedLength(value: string): number {
  return value.trim().normalize('NFC').length;
}

/**
 * A required text field: refuses NUL and lone surrogates, then (unless `verbatim`) trims and
 * normalises to NFC so that "é" typed two ways is one value, then checks the length.
 */
export function textField(field: string, { max, min = 1, verbatim = false }: TextOptions) {
  return z
    .string({ error: `${field} must be a string` })
    .superRefine((value, ctx) => {
      const reason = unstorableReason(value, field);
      if (reason) ctx.addIssue({ code: 'custom', message: reason, abort: true });
    })
    .transform((value) => (verbatim ? value : value.trim().normalize('NFC')))
    .pipe(
      z
        .string()
        .min(min, min <= 1 ? `${field} must not be empty` : `${field} must be at least ${count(min)} characters`)
        .max(max, `${field} must be at most ${count(max)} characters`),
    );
}

/**
 * Optional free text: undefined leaves the value alone; null, '' and blank clear it (null).
 */
export function optionalTextField(field: string, { max }: { max: number }) {
  return z
    .union([textField(field, { max, min: 0 }), z.null()], { error: `${field} must be a string or null` })
    .transform((v) => (v === null || v === '' ? null : v))
    .optional();
}

/** Longest id we accept; cuids are 25 characters, other ids in the API (keys, tokens ids) are shorter than this. */
export const MAX_ID_LENGTH = 64;
const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

export function isValidId(value: string): boolean {
  return value.length > 0 && value.length <= MAX_ID_LENGTH && ID_PATTERN.test(value);
}

/** An id in a body or query (annotation, version, user, reply): letters, digits, '-' and '_', at most 64. */
export function idField(field: string) {
  return z
    .string({ error: `${field} must be an id (a string)` })
    .trim()
    .refine(isValidId, `${field} is not a valid id (letters, digits, "-" and "_", at most ${MAX_ID_LENGTH} characters)`);
}

/**
 * The first string anywhere in a parsed JSON value that cannot be stored, as a field path and a
 * reason; null when every string is fine. Run on every JSON body, so even fields a schema passes
 * through untyped (an imported JSON-LD document) never reach the database with a NUL.
 */
export function findUnstorable(value: unknown, path = '(body)', depth = 0): { path: string; message: string } | null {
  if (typeof value === 'string') {
    const reason = unstorableReason(value, path);
    return reason ? { path, message: reason } : null;
  }
  if (depth > 200 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorable(value[i], `${path === '(body)' ? '' : path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, child] of Object.entries(value)) {
    const childPath = path === '(body)' ? key : `${path}.${key}`;
    const keyReason = unstorableReason(key, `a key in ${path}`);
    if (keyReason) return { path, message: keyReason };
    const found = findUnstorable(child, childPath, depth + 1);
    if (found) return found;
  }
  return null;
}
