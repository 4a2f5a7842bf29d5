import { heading, paragraph, type TiptapNode } from '@/lib/articles/tiptap-doc';

export const MAX_HEADING_CHARS = 80;
export const MAX_HEADING_WORDS = 12;

// Sentence-final punctuation, optionally followed by closing quotes/brackets ("… said.”").
const SENTENCE_END = /[.!?:;…,]["'”’»)\]]*$/;

/** Plain-text lines after clean-up: trimmed, inner whitespace runs collapsed, blanks dropped. */
export function plainTextLines(normalized: string): string[] {
  return normalized
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v]+/g, ' ').trim())
    .filter((line) => line.length > 0);
}

/** The fixture's section-heading convention: a short line that isn't a sentence. */
export function isSectionHeadingLine(line: string): boolean {
  const words = line.split(' ').length;
  return line.length <= MAX_HEADING_CHARS && words <= MAX_HEADING_WORDS && !SENTENCE_END.test(line);
}

/** First line is the headline (h1); short unpunctuated lines are h2; the rest are paragraphs. */
export function parsePlainText(normalized: string): { title: string | null; blocks: TiptapNode[] } {
  const lines = plainTextLines(normalized);
  if (lines.length === 0) return { title: null, blocks: [] };
  const [headline, ...rest] = lines;
  const blocks = [heading(1, headline)];
  for (const line of rest) blocks.push(isSectionHeadingLine(line) ? heading(2, line) : paragraph(line));
  return { title: headline, blocks };
}
