import { describe, expect, it } from 'vitest';
import { findTypographic } from '@/lib/anchoring/find-typographic';
import { typographicCodePoints } from '@/lib/anchoring/typographic-code-points';

const folded = (s: string) => String.fromCodePoint(...typographicCodePoints(s));

describe('typographicCodePoints', () => {
  it('folds house-style variants into one spelling', () => {
    expect(folded('“We will,” he said — it’s 6,000–6,500…')).toBe(folded('"We will," he said - it\'s 6,000-6,500...'));
    expect(folded('"We will," he said - it\'s 6,000-6,500...')).toBe('"We will," he said - it\'s 6,000-6,500...');
    expect(folded('38 per cent')).toBe('38%');
    expect(folded('38 percent, 12 %')).toBe('38%, 12%');
    expect(folded('a\u00a0b  c\n\td\u00ade')).toBe('a b c de');
  });

  it('leaves what a person must see as an edit: case, digits, words', () => {
    expect(folded('Mehsud')).not.toBe(folded('Mahsud'));
    expect(folded('6000')).not.toBe(folded('6,000'));
    expect(folded('per cent of')).toBe('per cent of'); // not after a figure: left alone
    expect(folded('12 Percent')).toBe('12%');
  });

  it('counts an astral character as one code point', () => {
    expect(typographicCodePoints('a😀b')).toEqual([0x61, 0x1f600, 0x62]);
  });
});

describe('findTypographic', () => {
  const text = 'Unemployment rose from 12 per cent to 15 per cent, the ‘labour’ ministry said — again.';

  it('finds a probe verbatim first', () => {
    expect(findTypographic(text, 'rose from ', 0, text.length)).toEqual([[13, 23]]);
  });

  it('finds a probe written in another typography, with its real extent', () => {
    expect(findTypographic(text, ' to 15% over', 0, text.length)).toEqual([]); // "over" is not there
    const found = findTypographic(text, ' to 15%, the', 0, text.length);
    expect(found.map(([a, b]) => text.slice(a, b))).toEqual([' to 15 per cent, the']);
    expect(findTypographic(text, "the 'labour' ministry said - again", 0, text.length).map(([a, b]) => text.slice(a, b))).toEqual(['the ‘labour’ ministry said — again']);
  });

  it('finds a loose match that starts with an emoji once (a /u regex steps back to a whole code point: it looped forever)', () => {
    const emoji = 'Reactions 😀 😀 poured in; 😀\t😀 again.';
    expect(findTypographic(emoji, '😀\n😀', 0, emoji.length).map(([a, b]) => emoji.slice(a, b))).toEqual(['😀 😀', '😀\t😀']);
    // A lone surrogate left by an edit that cut a pair changes nothing.
    expect(findTypographic(`\ud83d${emoji}`, '😀\n😀', 0, emoji.length + 1)).toHaveLength(2);
  });

  it('stays inside the window and does not invent matches for other words', () => {
    expect(findTypographic(text, ' to 15%, the', 0, 30)).toEqual([]);
    expect(findTypographic(text, ' to 16%, the', 0, text.length)).toEqual([]);
    expect(findTypographic(text, '', 0, text.length)).toEqual([]);
  });
});

describe('findTypographic on a long text', () => {
  it('finds every loose occurrence, in order, however far apart', () => {
    const filler = 'The council met again on Tuesday and adjourned. '.repeat(200);
    const text = `${filler}rose to 12 per cent, and ${filler}rose to 12%, and ${filler}rose to 12 percent, and`;
    // Verbatim wins when there is such a copy; written nowhere this way, every spelling is found.
    expect(findTypographic(text, 'to 12%, and', 0, text.length).map(([a, b]) => text.slice(a, b))).toEqual(['to 12%, and']);
    const found = findTypographic(text, 'to 12 %, and', 0, text.length);
    expect(found.map(([a, b]) => text.slice(a, b))).toEqual(['to 12 per cent, and', 'to 12%, and', 'to 12 percent, and']);
    expect(findTypographic(text, '“to 12%,” and', 0, text.length)).toEqual([]);
  });
});
