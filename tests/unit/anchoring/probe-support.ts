// What the blind re-anchoring probes share: how their articles are made, how an import without the
// previous text places a quote (as planAnnotationImport does), how an outcome is named and counted,
// and (probes 4 and 5) how cases are written, judged and run.
import { afterAll, describe, expect, it } from 'vitest';
import { describeRange, reanchorAll, toSelectors, type AnchorTarget } from '@/lib/anchoring';
import { placeOnVersion, type VersionPlacement } from '@/lib/anchoring/place-on-version';
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

/** A one-line figure of a probe's outcomes, and the cases that were not right. */
export function summary(label: string, list: readonly Scored[]): string {
  const count = (o: Outcome) => list.filter((x) => x.outcome === o).length;
  const lines = list.filter((x) => x.outcome !== 'right').map((x) => `  ${x.outcome.padEnd(11)} ${x.name} — got ${x.got}`);
  return [
    `${label}: ${count('right')} of ${list.length} as a fact-checker expects; other words ${count('other-words')}, imprecise ${count('imprecise')}, weak state ${count('weak-state')}, safe orphan ${count('safe-orphan')}`,
    ...lines,
  ].join('\n');
}

// ---------------------------------------------------------------- probes 4 and 5: cases, judging, running

/** Every start of `s` in `text`. */
export function occurrences(text: string, s: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(s); i !== -1; i = text.indexOf(s, i + 1)) at.push(i);
  return at;
}

/** The range of `quote` inside the one occurrence (or the given copy) of `context` in `text`. */
export function locate(text: string, context: string, quote = context, copy?: number): [number, number] {
  const all = occurrences(text, context);
  if (all.length === 0) throw new Error(`fixture: "${context}" not found`);
  if (copy === undefined && all.length !== 1) throw new Error(`fixture: "${context}" is not unique`);
  const at = all[copy ?? 0];
  if (at === undefined) throw new Error(`fixture: no copy ${copy} of "${context}"`);
  const inner = context.indexOf(quote);
  if (inner === -1) throw new Error(`fixture: "${quote}" not inside "${context}"`);
  return [at + inner, at + inner + quote.length];
}

export type Where = { context: string; quote?: string };
export type Expect =
  /** The same characters, wherever they went: exact or moved. */
  | ({ kind: 'same' } & Where)
  /** The same characters on any copy of them (a paragraph duplicated by a glitch: both copies are the words). */
  | ({ kind: 'same-any-copy' } & Where)
  /** The text that replaced the quote, in place: fuzzy (orphaned is safe, but not what a checker wants). */
  | ({ kind: 'replaced' } & Where)
  /** A person must decide: fuzzy on what replaced the quote in place, or orphaned — both right. */
  | ({ kind: 'ask' } & Where)
  /** The quote's words are gone: orphaned. */
  | { kind: 'orphaned' };

export type ProbeCase<E = Expect> = { name: string; on: Where & { copy?: number }; expect: E };
/** One edit: the text before and after it, and the annotations made on the text before. */
export type ProbeVersion<E = Expect> = { group: string; before: string; after: string; cases: ProbeCase<E>[] };

function judgeAt(after: string, placed: VersionPlacement, expect: Exclude<Expect, { kind: 'orphaned' }>, [s, e]: [number, number]): Outcome {
  if (placed.state === 'orphaned') return expect.kind === 'ask' ? 'right' : 'safe-orphan';
  const overlaps = placed.start < e && s < placed.end;
  if (!overlaps) return 'other-words';
  const sameRange = placed.start === s && placed.end === e;
  const sameCore = core(after.slice(placed.start, placed.end)) === core(after.slice(s, e)) && placed.start >= s - 2 && placed.end <= e + 2;
  if (expect.kind === 'same' || expect.kind === 'same-any-copy') {
    if (!sameRange) return sameCore && placed.state === 'fuzzy' ? 'weak-state' : 'imprecise';
    return placed.state === 'fuzzy' ? 'weak-state' : 'right';
  }
  if (!(sameRange || sameCore)) return 'imprecise';
  return 'right';
}

/** How a placement measures up to what a fact-checker expects. */
export function judge(after: string, placed: VersionPlacement, expect: Expect): Outcome {
  if (expect.kind === 'orphaned') return placed.state === 'orphaned' ? 'right' : 'other-words';
  if (expect.kind === 'same-any-copy') {
    const copies = occurrences(after, expect.context).map((_, copy) => judgeAt(after, placed, expect, locate(after, expect.context, expect.quote, copy)));
    const rank: Outcome[] = ['right', 'weak-state', 'imprecise', 'safe-orphan', 'other-words'];
    return copies.sort((a, b) => rank.indexOf(a) - rank.indexOf(b))[0] ?? 'other-words';
  }
  return judgeAt(after, placed, expect, locate(after, expect.context, expect.quote));
}

/**
 * A probe's runner: each version's cases become tests through the import path with the previous
 * text (each must be right), plus one test importing them the W3C way (never on other words);
 * both figures are printed after the file's tests. `judgeCase` is `judge` unless the probe has outcomes of its own.
 */
export function probe<E = Expect>(label: string, judgeCase: (after: string, placed: VersionPlacement, expect: E) => Outcome): (version: ProbeVersion<E>) => void {
  const outcomes: Scored[] = [];
  const importOutcomes: Scored[] = [];
  afterAll(() => {
    console.log(`${summary(label, outcomes)}\n${summary(`${label} imported without the previous text (W3C)`, importOutcomes)}`);
  });
  return (version) => {
    describe(version.group, () => {
      const targets: AnchorTarget[] = version.cases.map((c) => {
        const [s, e] = locate(version.before, c.on.context, c.on.quote, c.on.copy);
        return describeRange(version.before, s, e);
      });
      const placed = placeOnVersion(targets, version.after, version.before);
      version.cases.forEach((c, i) => {
        it(c.name, () => {
          const p = placed[i]!;
          expect(p.start >= 0 && p.start <= p.end && p.end <= version.after.length).toBe(true);
          const outcome = judgeCase(version.after, p, c.expect);
          const got = `${p.state} "${version.after.slice(p.start, p.end).slice(0, 60)}"`;
          outcomes.push({ name: `${version.group} › ${c.name}`, outcome, got });
          expect({ outcome, got }).toMatchObject({ outcome: 'right' });
        });
      });
      const imported = importW3c(targets, version.before, version.after);
      it('imported without the previous text (W3C): never on other words', () => {
        const wrong: string[] = [];
        version.cases.forEach((c, i) => {
          const p = imported[i]!;
          expect(p.start >= 0 && p.start <= p.end && p.end <= version.after.length).toBe(true);
          const outcome = judgeCase(version.after, p, c.expect);
          const got = `${p.state} "${version.after.slice(p.start, p.end).slice(0, 60)}"`;
          importOutcomes.push({ name: `${version.group} › ${c.name}`, outcome, got });
          if (outcome === 'other-words') wrong.push(`${c.name} — got ${got}`);
        });
        expect(wrong).toEqual([]);
      });
    });
  };
}

/** Applies an editor's replacements to paragraph lines, failing loudly when one no longer applies. */
export function edit(lines: readonly string[], ...changes: [string | RegExp, string][]): string[] {
  let text = lines.join('\n\n');
  for (const [from, to] of changes) {
    const before = text;
    text = text.replace(from, to);
    if (text === before) throw new Error(`fixture: "${String(from)}" did not apply`);
  }
  return text.split('\n\n');
}
