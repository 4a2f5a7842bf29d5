import { AppError } from '@/lib/api/app-error';
import { describeRange, quoteMatches, type AnchorTarget } from '@/lib/anchoring';

/**
 * Checks a client's selection against the version text and describes it (quote + 32 characters
 * of context each side). Offsets are UTF-16 code units into the canonical text, end exclusive.
 */
export function validateSelection(text: string, start: number, end: number, exact: string): AnchorTarget {
  if (!(start >= 0 && start < end && end <= text.length)) {
    throw new AppError(
      'validation_failed',
      `The selection ${start}–${end} is out of range: it needs 0 ≤ start < end ≤ ${text.length} (the length of the article text).`,
      [{ path: 'start', message: `must satisfy 0 ≤ start < end ≤ ${text.length}` }],
    );
  }
  if (!quoteMatches(text, start, end, exact)) {
    throw new AppError('validation_failed', `The quote does not match the article text at ${start}–${end}: reload the article and select again.`, [
      { path: 'exact', message: 'must equal the article text between start and end' },
    ]);
  }
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    throw new AppError('validation_failed', `The selection ${start}–${end} cuts an emoji or other symbol in half: widen it by one character.`, [
      { path: splitsSurrogatePair(text, start) ? 'start' : 'end', message: 'must not fall inside a surrogate pair' },
    ]);
  }
  if (exact.trim() === '') throw new AppError('validation_failed', 'The selection is only whitespace: select some words.');
  return describeRange(text, start, end);
}

/** Whether `at` falls between the two UTF-16 halves of one character (offsets count code units). */
function splitsSurrogatePair(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
