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
  if (exact.trim() === '') throw new AppError('validation_failed', 'The selection is only whitespace: select some words.');
  return describeRange(text, start, end);
}
