// Contrast of text on a tag colour (WCAG 2.1 relative luminance). A tag's colour carries white text
// (its letter badge) and draws underlines on the white page, so the desk only accepts colours that give
// white text 4.5:1 (AA for normal text, which also clears the 3:1 asked of lines and borders).
// Browser-safe: the settings form shows the same figure the server checks.
import { isTagColor } from '@/lib/tags/tag-color';

export const MIN_TEXT_CONTRAST = 4.5;
export const WHITE = '#ffffff';
/** The dark text used on colours too light for white (only colours stored before the check). */
export const DARK_TEXT = '#111827';

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(hex: string): number {
  if (!isTagColor(hex)) throw new Error(`not a #rrggbb colour: ${hex}`);
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 0xff) + 0.7152 * channel((n >> 8) & 0xff) + 0.0722 * channel(n & 0xff);
}

/** WCAG contrast ratio, 1..21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Rounded down to one decimal, so "4.5:1" is never shown for 4.46. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 10) / 10).toFixed(1)}:1`;
}

/** null when white text reads on the colour; else the sentence the API and the form show. */
export function tagColorContrastProblem(color: string): string | null {
  const ratio = contrastRatio(WHITE, color);
  if (ratio >= MIN_TEXT_CONTRAST) return null;
  return `color ${color} is too light: white text on it has a contrast of ${formatRatio(ratio)}, and at least ${MIN_TEXT_CONTRAST}:1 is needed (WCAG AA). Pick a darker shade.`;
}

/** The text colour for a tag's letter badge: white when it reads, else dark (for colours stored before the check). */
export function tagTextColor(color: string): string {
  return isTagColor(color) && contrastRatio(WHITE, color) >= contrastRatio(DARK_TEXT, color) ? WHITE : DARK_TEXT;
}
