import { describe, expect, it } from 'vitest';
import { segmentBlocks, segmentSentences } from '@/lib/suggest';

const texts = (t: string): string[] => segmentSentences(t).map((s) => s.text);

describe('segmentSentences', () => {
  it('does not split on abbreviations, initialisms, titles or numbers', () => {
    const body = 'Headline\nU.S. officials met Dr. Amal Haddad at 9 a.m. on Oct. 3 in Kabul. About 2,000 IS-K fighters, or 3.5 per cent, remain. The end.';
    expect(texts(body).slice(1)).toEqual([
      'U.S. officials met Dr. Amal Haddad at 9 a.m. on Oct. 3 in Kabul.',
      'About 2,000 IS-K fighters, or 3.5 per cent, remain.',
      'The end.',
    ]);
  });

  it('ends a sentence after a footnote marker as the importers write it, keeping the marker', () => {
    expect(texts('H\nThe group recruited 4,800 fighters in 2024.[14] Its leaders fled.[a] Talks (see note[3]) stalled.').slice(1)).toEqual([
      'The group recruited 4,800 fighters in 2024.[14]',
      'Its leaders fled.[a]',
      'Talks (see note[3]) stalled.',
    ]);
  });

  it('splits after an initialism or a.m. when a sentence opener follows', () => {
    expect(texts('H\nTroops left the U.S. The talks resumed at 9 a.m. They ended late.').slice(1)).toEqual([
      'Troops left the U.S.',
      'The talks resumed at 9 a.m.',
      'They ended late.',
    ]);
  });

  it('keeps a closing quote with its sentence and does not split before a lowercase attribution', () => {
    expect(texts('H\n"We will not leave," he said. "Why now?" she asked. He warned: "It is over." Talks stalled.').slice(1)).toEqual([
      '"We will not leave," he said.',
      '"Why now?" she asked.',
      'He warned: "It is over."',
      'Talks stalled.',
    ]);
  });

  it('treats an ellipsis as a boundary only outside quotations and before a capital', () => {
    expect(texts('H\nThe talks went on... and on. It was late... Nobody left.').slice(1)).toEqual([
      'The talks went on... and on.',
      'It was late...',
      'Nobody left.',
    ]);
    expect(texts('H\n"It was late... Nobody left," she said.').slice(1)).toEqual(['"It was late... Nobody left," she said.']);
  });

  it('classifies headline, headings and body blocks and reports block indexes', () => {
    const t = 'UN Flags Militant Nexus\nISLAMABAD: A report was released. It says a lot.\nA dangerous militant ecosystem\nWho is breaking the truce?\nShort but final.';
    expect(segmentBlocks(t).map((b) => b.kind)).toEqual(['headline', 'body', 'heading', 'heading', 'body']);
    const s = segmentSentences(t);
    expect(s.map((x) => [x.block, x.blockKind])).toEqual([
      [0, 'headline'],
      [1, 'body'],
      [1, 'body'],
      [2, 'heading'],
      [3, 'heading'],
      [4, 'body'],
    ]);
  });

  it('a byline with the writer\'s post is a heading, a sentence opening with "By" is not', () => {
    const t = 'Headline\nBy Leona Varga, senior fellow for Gulf security, Ashgrove Institute for Strategic Studies in London\nBy Tuesday, the army had retaken the town and the roads around it.';
    expect(segmentBlocks(t).map((b) => b.kind)).toEqual(['headline', 'heading', 'body']);
  });

  it('returns offsets into the original text, trimmed of whitespace', () => {
    const t = 'Head\n  First one.   Second one.  \nThird.';
    for (const s of segmentSentences(t)) {
      expect(t.slice(s.start, s.end)).toBe(s.text);
      expect(s.text).toBe(s.text.trim());
    }
    expect(texts(t)).toEqual(['Head', 'First one.', 'Second one.', 'Third.']);
  });
});
