// Three shapes of a UN-style report found by the end-to-end probe (tests/unit/provenance/pdf-source-chain.test.ts):
// a superscript footnote marker is part of its line (not a line of its own that cuts the paragraph), a
// sub-paragraph "(a) …" keeps its wrapped lines hanging after its label, and in a report whose numbered
// paragraphs are set apart by space a short ragged-right line does not end its paragraph.
import { describe, expect, it } from 'vitest';
import { parsePdf } from '@/lib/documents/server/parse-pdf';
import { outline } from '@/tests/unit/articles/doc-helpers';
import { makePdf } from '@/tests/support/make-pdf';

const FILLER =
  'The committee reviewed the figures it received from the provincial offices and found them consistent with its own records, except for the northern districts, where the offices had counted the same crossings twice in the spring and again in the autumn of the year under review.';

async function report() {
  return makePdf({
    pages: [
      {
        blocks: [
          { kind: 'numbered', number: 1, text: FILLER },
          { kind: 'numbered', number: 2, lines: ['The group is estimated at between 4,200 and 4,800 fighters, most of them', 'recruited since 2022.{^3} It finances itself through the taxation of fishing boats.'] },
          { kind: 'numbered', number: 3, text: 'The Panel recorded the following patterns:' },
          { kind: 'sub', label: '(a)', text: 'the looting of at least 62 trucks carrying food aid on the road between the capital and the northern plateau, most of them at night;' },
          { kind: 'sub', label: '(b)', text: 'the detention of 11 aid workers.' },
          { kind: 'numbered', number: 4, lines: ['The Panel will report further.', 'Customs officers recorded 210 crossings in the eastern corridor during 2020.'] },
          { kind: 'numbered', number: 5, text: FILLER },
          { kind: 'numbered', number: 6, text: FILLER },
        ],
        footnotes: ['3 Information provided by two Member States.'],
      },
    ],
  });
}

describe('footnote markers, sub-paragraphs and spaced numbered paragraphs in a PDF', () => {
  it('keeps each paragraph and sub-paragraph whole', async () => {
    const parsed = await parsePdf(await report());
    expect(outline(parsed.blocks)).toEqual([
      `paragraph:1. ${FILLER}`,
      // The raised marker is set apart as "[3]" after the full stop ("2022.3" read as a decimal), where the proposals read it as a footnote marker.
      'paragraph:2. The group is estimated at between 4,200 and 4,800 fighters, most of them recruited since 2022.[3] It finances itself through the taxation of fishing boats.',
      'paragraph:3. The Panel recorded the following patterns:',
      'paragraph:(a) the looting of at least 62 trucks carrying food aid on the road between the capital and the northern plateau, most of them at night;',
      'paragraph:(b) the detention of 11 aid workers.',
      'paragraph:4. The Panel will report further. Customs officers recorded 210 crossings in the eastern corridor during 2020.',
      `paragraph:5. ${FILLER}`,
      `paragraph:6. ${FILLER}`,
      // The footnote opens with the marker that refers to it.
      'paragraph:[3] Information provided by two Member States.',
    ]);
  });
});
