// Tag colours go into style attributes and a generated style sheet (reader highlights), so a colour
// is only ever `#rrggbb`: checked at every write (this schema; a CHECK constraint in the database
// for seeds and hand edits) and passed through tagColor() wherever one is rendered. Browser-safe.
import { z } from 'zod';

export const TAG_COLOR_PATTERN = /^#[0-9a-f]{6}$/;
/** Shown for a stored colour that is not #rrggbb (and for tags the desk does not know). */
export const FALLBACK_TAG_COLOR = '#6b7280';

export function isTagColor(value: unknown): value is string {
  return typeof value === 'string' && TAG_COLOR_PATTERN.test(value);
}

/** The colour field of tag writes (the tag-editing API reuses it): `#rrggbb`, any letter case, stored lower-case. */
export const tagColorSchema = z
  .string({ error: 'color must be a colour like #2563eb' })
  .trim()
  .toLowerCase()
  .refine(isTagColor, 'color must be a colour written #rrggbb, like #2563eb');

/** The one way a tag colour reaches a page or a file: a valid colour as it is, anything else the fallback. */
export function tagColor(value: string | null | undefined): string {
  const lower = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return isTagColor(lower) ? lower : FALLBACK_TAG_COLOR;
}
