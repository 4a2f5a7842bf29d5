// A UN-style report with numbered paragraphs whose sentences wrap across printed lines (#15 × #14):
// the number survives import ("42." is how the passage is cited), each numbered paragraph comes out
// whole (neither cut at a wrapped line nor merged with the next), and "Find the passage for me"
// proposes the whole wrapped sentence. The report is invented for this test.
import { describe, expect, it } from 'vitest';
import { parsePdf } from '@/lib/documents/server/parse-pdf';
import { paragraphNumber } from '@/lib/provenance/describe-provenance';
import { proposePassages } from '@/lib/provenance/propose-passages';
import { describeRange } from '@/lib/anchoring/selectors';
import { outline } from '@/tests/unit/articles/doc-helpers';
import { makePdf } from '@/tests/support/make-pdf';

const P41 = 'The Monitoring Team assesses that the security situation in Afghanistan remained fragile during the period under review.';
const P42_LINES = [
  'The TTP continued to operate from Afghan territory. Member States assessed that the',
  'group retains an estimated 6,000 to 6,500 fighters, mainly',
  'based in eastern Afghanistan. One Member State reported shared facilities used by the TTP',
  'and Al-Qaida.',
];
const P42 = P42_LINES.join(' ');
const P43_LINES = [
  'The strength of ISIL-K was estimated at between 1,500 and 2,000 fighters. Its numbers rose to about',
  '600. Its members use encrypted messaging applications and cryptocurrencies to raise funds.',
];
const P44 = 'Several Member States questioned whether the de facto authorities were able or willing to honour the counter-terrorism commitments they made in Doha in 2021, a doubt the Team shares.';

async function report() {
  return makePdf({
    title: 'Sixteenth report of the Monitoring Team',
    runningHeader: 'S/2026/482',
    pageNumbers: true,
    pages: [
      {
        blocks: [
          { kind: 'heading', text: 'Sixteenth report of the Monitoring Team', size: 20 },
          { kind: 'heading', text: 'Security situation', size: 14 },
          { kind: 'numbered', number: 41, text: P41 },
          { kind: 'numbered', number: 42, lines: P42_LINES },
          { kind: 'numbered', number: 43, lines: P43_LINES },
        ],
      },
      { blocks: [{ kind: 'numbered', number: 44, text: P44, style: 'hanging' }] },
    ],
  });
}

describe('numbered paragraphs in a PDF report', () => {
  it('keeps each paragraph number in its text, one paragraph per number, wrapped lines joined', async () => {
    const parsed = await parsePdf(await report());
    expect(outline(parsed.blocks)).toEqual([
      'heading1:Sixteenth report of the Monitoring Team',
      'heading2:Security situation',
      `paragraph:41. ${P41}`,
      `paragraph:42. ${P42}`,
      // "600." opens a printed line but not a paragraph: the line before it had not ended.
      `paragraph:43. ${P43_LINES.join(' ')}`,
      // Continuation lines hanging at the number's tab stop stay in the paragraph.
      `paragraph:44. ${P44}`,
    ]);
    expect(parsed.text).not.toContain('S/2026/482');
  });

  it('proposes the whole wrapped sentence, and the chip can cite its paragraph', async () => {
    const { text } = await parsePdf(await report());
    const [first] = proposePassages('With an estimated strength of 6,000 fighters, mainly based in eastern Afghanistan', text);
    expect(first!.exact).toBe('Member States assessed that the group retains an estimated 6,000 to 6,500 fighters, mainly based in eastern Afghanistan.');
    expect(text.slice(first!.start, first!.end)).toBe(first!.exact);

    // A passage that opens its paragraph reads "¶42" in the chip (the prefix reaches the number).
    const opening = text.indexOf('The TTP continued');
    const target = describeRange(text, opening, opening + 'The TTP continued to operate from Afghan territory.'.length);
    expect(paragraphNumber(target)).toBe(42);
  });
});
