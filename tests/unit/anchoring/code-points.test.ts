import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointIndex } from '@/lib/anchoring/code-points';

describe('codePointIndex', () => {
  it('counts an emoji as one code point where UTF-16 counts two', () => {
    const text = '🚀🚀 Launch: 5 satellites';
    const index = codePointIndex(text);
    const at = text.indexOf('5 satellites');
    expect(at).toBe(13);
    expect(index.toCodePoint(at)).toBe(11);
    expect(index.toUtf16(11)).toBe(13);
    expect(index.length).toBe([...text].length);
    expect(index.toCodePoint(text.length)).toBe(index.length);
  });

  it('is the identity for text without astral characters, and clamps', () => {
    const index = codePointIndex('Peñasco, São Paulo');
    expect([index.toCodePoint(7), index.toUtf16(7), index.toCodePoint(-3), index.toUtf16(999)]).toEqual([7, 7, 0, 18]);
  });

  it('puts an offset inside a surrogate pair before the pair', () => {
    const index = codePointIndex('a😀b');
    expect([0, 1, 2, 3, 4].map((o) => index.toCodePoint(o))).toEqual([0, 1, 1, 2, 3]);
    expect([0, 1, 2, 3].map((c) => index.toUtf16(c))).toEqual([0, 1, 3, 4]);
  });

  it('round-trips every code-point offset of any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', 'é', '😀', '🇵', '\uD800', '\uDC00') }), (text) => {
        const index = codePointIndex(text);
        expect(index.length).toBe([...text].length);
        for (let cp = 0; cp <= index.length; cp++) expect(index.toCodePoint(index.toUtf16(cp))).toBe(cp);
        let cp = 0;
        let unit = 0;
        for (const ch of text) {
          expect(index.toCodePoint(unit)).toBe(cp);
          unit += ch.length;
          cp++;
        }
      }),
      { numRuns: 300 },
    );
  });
});
