import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentBlocks, suggestClaims, type Suggestion } from '@/lib/suggest';
import { canonicalFromPlainText } from '@/lib/suggest/evaluate';

const fixture = (name: string): string => canonicalFromPlainText(readFileSync(`tests/fixtures/suggest/${name}.txt`, 'utf8'));
const FIXTURES = ['un-article', 'second-article', 'third-article', 'holdout-article'].map((n) => [n, fixture(n)] as const);

function checkInvariants(text: string, out: Suggestion[]): void {
  let prevEnd = -1;
  for (const s of out) {
    expect(text.slice(s.start, s.end)).toBe(s.exact);
    expect(s.exact).toBe(s.exact.trim());
    expect(s.exact.length).toBeGreaterThan(0);
    expect(s.start).toBeGreaterThanOrEqual(prevEnd); // sorted and non-overlapping
    expect(s.confidence).toBeGreaterThanOrEqual(0);
    expect(s.confidence).toBeLessThanOrEqual(1);
    expect(s.reason.length).toBeGreaterThan(0);
    prevEnd = s.end;
  }
}

describe('suggestClaims invariants', () => {
  it.each(FIXTURES)('%s: exact === text.slice(start, end), trimmed, sorted, non-overlapping', (_n, text) => {
    const out = suggestClaims(text);
    expect(out.length).toBeGreaterThan(5);
    checkInvariants(text, out);
  });

  it('holds for arbitrary text (property)', () => {
    const word = fc.constantFrom('The', 'UN', 'report', 'said', 'U.S.', 'Dr.', '3.5', '2,000', '"', '“', '”', '...', 'they', 'say', 'is', 'believed', 'According', 'to', 'analysts', 'warn', '.', '?', ',', ' ', '  ', '\n', 'reportedly', 'Officials');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 80 }), (words) => {
        const text = words.join(' ');
        checkInvariants(text, suggestClaims(text, { tags: ['un', 'analyst', 'unattributed'] }));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('is deterministic, also across lexicon cache state and tag order', () => {
    const [, text] = FIXTURES[0];
    const a = suggestClaims(text, { tags: ['un', 'analyst', 'intelligence'] });
    const b = suggestClaims(text, { tags: ['intelligence', 'analyst', 'un'] });
    const c = suggestClaims(text, { tags: ['un', 'analyst', 'intelligence'] });
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it.each(FIXTURES)('%s: never suggests the headline or a section heading', (_n, text) => {
    const out = suggestClaims(text);
    const headings = segmentBlocks(text).filter((b) => b.kind !== 'body');
    expect(headings.length).toBeGreaterThan(0);
    for (const h of headings) expect(out.some((s) => s.start < h.end && h.start < s.end)).toBe(false);
  });

  it('strips a dateline from the first claim of a paragraph', () => {
    const text = 'Headline\nISLAMABAD: A new United Nations report warns of a growing militant nexus.\nGENEVA — Officials said on Monday that talks would resume.';
    const out = suggestClaims(text);
    expect(out.map((s) => s.exact)).toEqual(['A new United Nations report warns of a growing militant nexus.', 'Officials said on Monday that talks would resume.']);
  });

  it('skips questions, very short sentences and short transitions', () => {
    const text = 'Headline\nWho benefits from the war? Still, the mood is grim. Yes. The army lost 40 soldiers in March.';
    expect(suggestClaims(text).map((s) => s.exact)).toEqual(['The army lost 40 soldiers in March.']);
  });

  it('attributes the first sentence of a multi-sentence quote to the speaker named where it closes', () => {
    const text = 'Headline\n"We have no diesel for the generators. We are rationing water for patients," said Col. Ahmed Karim, an army spokesman.';
    const out = suggestClaims(text, { tags: ['official'] });
    expect(out).toHaveLength(2);
    expect(out.map((s) => s.tag)).toEqual(['official', 'official']);
    expect(out[0].reason).toContain('inside a quotation');
  });

  it('handles an empty text and a text of headings only', () => {
    expect(suggestClaims('')).toEqual([]);
    expect(suggestClaims('Headline\nA section heading\nAnother one')).toEqual([]);
  });

  it('processes a ~10,000-word article well under 200 ms', () => {
    const body = FIXTURES.map(([, t]) => t.split('\n').slice(1).join('\n')).join('\n');
    let text = 'Headline';
    while (text.split(/\s+/).length < 10_000) text += `\n${body}`;
    suggestClaims(text); // warm-up (JIT, lexicon compilation)
    const times: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const t0 = performance.now();
      suggestClaims(text);
      times.push(performance.now() - t0);
    }
    times.sort((x, y) => x - y);
    expect(times[2]).toBeLessThan(200);
  });
});
