// The peer baseline for the re-anchoring benchmark: Hypothesis' anchoring strategy, written from its
// description (hypothesis/client src/annotator/anchoring: html.ts tries the TextPositionSelector and
// keeps it when the quote is still there, else match-quote.ts searches the quote over the whole text:
// exact occurrences if any, else approx-string-match with maxErrors = min(256, quote length / 2);
// each match scored 50 quote + 20 prefix + 20 suffix + 2 position, the best one wins, no floor).
import search from 'approx-string-match';
import type { AnchorTarget } from '@/lib/anchoring';
import type { Outcome } from './reanchor-case';

type Match = { start: number; end: number; errors: number };

function find(text: string, quote: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) exact.push({ start: at, end: at + quote.length, errors: 0 });
  return exact.length > 0 ? exact : search(text, quote, maxErrors);
}

/** 1 − errors / length of the best approximate occurrence of `str` in `text`. */
function similarity(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0;
  const matches = find(text, str, str.length);
  return 1 - matches[0].errors / str.length;
}

function matchQuote(text: string, quote: string, prefix: string, suffix: string, hint: number): Match | null {
  if (quote.length === 0) return null;
  const matches = find(text, quote, Math.min(256, quote.length / 2));
  let best: Match | null = null;
  let bestScore = -1;
  for (const m of matches) {
    const q = 1 - m.errors / quote.length;
    const p = prefix ? similarity(text.slice(Math.max(0, m.start - prefix.length), m.start), prefix) : 1;
    const s = suffix ? similarity(text.slice(m.end, m.end + suffix.length), suffix) : 1;
    const pos = 1 - Math.abs(m.start - hint) / text.length;
    const score = (50 * q + 20 * p + 20 * s + 2 * pos) / 92;
    if (score > bestScore) {
      best = m;
      bestScore = score;
    }
  }
  return best;
}

/** Re-anchors each target Hypothesis' way; a found match is exact, moved or fuzzy like ours, none is orphaned. */
export function hypothesisReanchorAll(targets: readonly AnchorTarget[], text: string): Outcome[] {
  return targets.map((t) => {
    if (text.slice(t.start, t.end) === t.exact) return { start: t.start, end: t.end, state: 'exact' };
    const m = matchQuote(text, t.exact, t.prefix, t.suffix, t.start);
    if (!m) return { start: t.start, end: t.end, state: 'orphaned' };
    const same = text.slice(m.start, m.end) === t.exact;
    return { start: m.start, end: m.end, state: same ? (m.start === t.start ? 'exact' : 'moved') : 'fuzzy' };
  });
}
