import { describe, expect, it } from 'vitest';
import { parseArticle } from '@/lib/articles/parse-article';
import { paragraphNumberAt, paragraphNumbering } from '@/lib/provenance/paragraph-number';

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

describe('paragraphNumbering: reports whose paragraphs are an ordered list (a saved web page, Markdown)', () => {
  // An invented report page as a UN document site serves it: numbered paragraphs are <ol start>
  // chunks between headings, sub-paragraphs a nested list. The numbers are not in the canonical text.
  const PAGE = `<!doctype html><html><body><main>
    <h1>Twentieth report of the Panel</h1>
    <h2>Arms transfers</h2>
    <ol start="41">
      <li><p>The Panel documented 14 deliveries of rifles in 2025.</p></li>
      <li><p>Member States assessed that the group retains an estimated 6,000 fighters.</p>
        <ol type="a"><li>One Member State reported shared training facilities;</li><li>Another reported crossings in small groups.</li></ol>
      </li>
    </ol>
    <p>The Panel thanks the Member States for their cooperation.</p>
    <h2>Financing</h2>
    <ol start="57"><li><p>Revenue from checkpoints rose to $12 million.</p></li></ol>
  </main></body></html>`;
  const { doc, text } = parseArticle({ format: 'html', content: PAGE });
  const numberOf = paragraphNumbering(text, doc);
  const inPage = (words: string) => {
    const i = text.indexOf(words);
    if (i < 0) throw new Error(`not in the page: ${words}`);
    return i;
  };

  it('cites a passage by the list item it is in, from the list’s own start', () => {
    expect(text).not.toContain('42.');
    expect(numberOf(inPage('14 deliveries'))).toBe(41);
    expect(numberOf(inPage('estimated 6,000 fighters'))).toBe(42);
    expect(numberOf(inPage('The Panel documented'))).toBe(41);
    expect(numberOf(inPage('rose to $12 million'))).toBe(57);
  });

  it('cites a sub-paragraph by its parent’s number, and text outside the lists by nothing', () => {
    expect(numberOf(inPage('shared training facilities'))).toBe(42);
    expect(numberOf(inPage('crossings in small groups'))).toBe(42);
    expect(numberOf(inPage('thanks the Member States'))).toBeNull();
    expect(numberOf(inPage('Arms transfers'))).toBeNull();
  });

  it('numbers a Markdown report the same way ("42. …" becomes a list)', () => {
    const md = parseArticle({ format: 'markdown', content: '# Report\n\n42. The group retains 6,000 fighters.\n43. It moved to the east.\n\nClosing remarks.' });
    const number = paragraphNumbering(md.text, md.doc);
    expect(number(md.text.indexOf('6,000 fighters'))).toBe(42);
    expect(number(md.text.indexOf('moved to the east'))).toBe(43);
    expect(number(md.text.indexOf('Closing remarks'))).toBeNull();
  });

  it('without a list in the document, reads the number written in the text', () => {
    expect(paragraphNumbering(REPORT, { type: 'doc', content: [] })(at('estimated 6,000 to 6,500'))).toBe(42);
    expect(paragraphNumbering(REPORT)(at('One Member State'))).toBe(42);
  });
});
