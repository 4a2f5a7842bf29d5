import { describe, expect, it } from 'vitest';
import { paragraphNumberAt } from '@/lib/provenance/paragraph-number';

// An invented numbered report: canonical text, one block per line.
const REPORT = [
  'Sixteenth report of the Monitoring Team',
  'Security situation',
  '41. The Monitoring Team assesses that the security situation in Afghanistan remained fragile during the period under review, with attacks in 2025 rising.',
  '42. Member States assessed that the group retains an estimated 6,000 to 6,500 fighters, mainly based in eastern Afghanistan. It raised 600. Its members travel.',
  '(a) One Member State reported shared training facilities;',
  '(b) Another reported that fighters moved across the border in small groups;',
  'Regional threats',
  'The group remains a threat to the region.',
].join('\n');

const at = (words: string) => {
  const i = REPORT.indexOf(words);
  if (i < 0) throw new Error(`not in the report: ${words}`);
  return i;
};

describe('paragraphNumberAt', () => {
  it('reads the number of the paragraph a passage starts in, however far into the paragraph it starts', () => {
    expect(paragraphNumberAt(REPORT, at('estimated 6,000 to 6,500'))).toBe(42);
    expect(paragraphNumberAt(REPORT, at('mainly based in eastern'))).toBe(42);
    expect(paragraphNumberAt(REPORT, at('42. Member States'))).toBe(42);
    expect(paragraphNumberAt(REPORT, at('with attacks in 2025'))).toBe(41);
  });

  it('a figure followed by a full stop inside the paragraph is not its number', () => {
    expect(paragraphNumberAt(REPORT, at('Its members travel'))).toBe(42);
  });

  it('cites a sub-paragraph by the numbered paragraph above it', () => {
    expect(paragraphNumberAt(REPORT, at('shared training facilities'))).toBe(42);
    expect(paragraphNumberAt(REPORT, at('fighters moved across'))).toBe(42);
  });

  it('is null for unnumbered paragraphs and headings, even after numbered ones', () => {
    expect(paragraphNumberAt(REPORT, at('The group remains a threat'))).toBeNull();
    expect(paragraphNumberAt(REPORT, at('Regional threats'))).toBeNull();
    expect(paragraphNumberAt(REPORT, at('Security situation'))).toBeNull();
    expect(paragraphNumberAt('Deaths rose from 300 to 450 in a year.', 17)).toBeNull();
  });

  it('a run of bullets with no numbered paragraph above has no number', () => {
    expect(paragraphNumberAt('Key findings\n• 6,000 fighters\n• 1,500 fighters', 15)).toBeNull();
    expect(paragraphNumberAt('• first\n• second', 10)).toBeNull();
  });

  it('handles the very start and end of the text', () => {
    expect(paragraphNumberAt('7. Member States report', 0)).toBe(7);
    expect(paragraphNumberAt('7. Member States report', 23)).toBe(7);
    expect(paragraphNumberAt('\n(a) item', 1)).toBeNull();
    expect(paragraphNumberAt('', 0)).toBeNull();
  });
});
