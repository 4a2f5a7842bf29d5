// What the blind re-anchoring probes share: how their articles are made, how an import without the
// previous text places a quote (as planAnnotationImport does), and how an outcome is named.
import { describeRange, reanchorAll, toSelectors, type AnchorTarget } from '@/lib/anchoring';
import type { VersionPlacement } from '@/lib/anchoring/place-on-version';
import { parseArticle, type ArticleFormat } from '@/lib/articles/parse-article';
import { positionInText } from '@/lib/export/from-jsonld';

export const paras = (lines: readonly string[]) => lines.join('\n\n');
export const textOf = (content: string, format: ArticleFormat = 'text') => parseArticle({ format, content }).text;

export type Outcome = 'right' | 'weak-state' | 'safe-orphan' | 'imprecise' | 'other-words';
export type Scored = { name: string; outcome: Outcome; got: string };

/** What planAnnotationImport does with a W3C annotation made on `before`: its selectors, positions in code points, placed on `after` without a diff. */
export function importW3c(targets: readonly AnchorTarget[], before: string, after: string): VersionPlacement[] {
  const selectors = targets.map((t) => toSelectors(t, before));
  const placed = reanchorAll(
    selectors.map(([quote, position]) => ({ exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, ...(positionInText(position, after) ?? { start: 0, end: 0 }) })),
    after,
  );
  return placed.map((r, i) => {
    const t = targets[i]!;
    const target = r.state === 'orphaned' ? { exact: t.exact, prefix: t.prefix, suffix: t.suffix, start: r.start, end: r.end } : describeRange(after, r.start, r.end);
    return { ...target, state: r.state, score: r.score };
  });
}

/** Trims what a person does not see as the words of a quote: spaces and punctuation at the ends. */
export const core = (s: string) => s.replace(/^[\s.,;:!?"'“”‘’()—–-]+|[\s.,;:!?"'“”‘’()—–-]+$/gu, '');
