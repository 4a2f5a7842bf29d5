import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ArticleParseError } from '@/lib/articles/article-parse-error';
import { pageAt, pageLabel } from '@/lib/documents/page-map';
import { importDocument } from '@/lib/documents/server/import-document';
import { NO_TEXT_LAYER_MESSAGE, parsePdf } from '@/lib/documents/server/parse-pdf';
import { outline } from '@/tests/unit/articles/doc-helpers';
import { assertValidForStarterKit } from '@/tests/unit/articles/schema-check';
import { makePdf, makeScannedPdf, prose, sentence } from '@/tests/support/make-pdf';

const HEADER = 'Panel of Experts — Final report S/2026/118';

async function report() {
  return makePdf({
    title: 'Final report of the Panel of Experts',
    author: 'Panel of Experts',
    runningHeader: HEADER,
    pageNumbers: true,
    pages: [
      {
        blocks: [
          { kind: 'heading', text: 'Final report of the Panel of Experts', size: 22 },
          { kind: 'paragraph', text: prose(0, 5) },
          { kind: 'heading', text: 'Summary of findings', size: 15 },
          { kind: 'lines', lines: ['The panel examined the transpor-', 'tation of weapons across the border and', 'noted long-term effects on trade.'] },
          { kind: 'bullets', items: [sentence(100), `${sentence(101)} ${sentence(102)} ${sentence(103)}`] },
          // A paragraph that goes on over the page break.
          { kind: 'lines', lines: ['The long-term pattern is clear: the committee', 'documented crossings that continue along the northern highway and the river valley in each of the'] },
        ],
      },
      {
        blocks: [
          { kind: 'lines', lines: ['well into the following season and beyond.'] },
          { kind: 'heading', text: 'Annex on payments', size: 15 },
          { kind: 'paragraph', text: prose(20, 4) },
        ],
      },
    ],
  });
}

describe('PDF import', () => {
  it('rebuilds headings, paragraphs and lists without running headers or page numbers', async () => {
    const parsed = await parsePdf(await report());
    assertValidForStarterKit({ type: 'doc', content: parsed.blocks });
    expect(parsed.text).not.toContain(HEADER);
    expect(parsed.text.split('\n').some((line) => /^\d+$/.test(line))).toBe(false);
    expect(outline(parsed.blocks)).toEqual([
      'heading1:Final report of the Panel of Experts',
      `paragraph:${prose(0, 5)}`,
      'heading2:Summary of findings',
      // "transpor-/tation" rejoined; "long-term" is spelled with a hyphen elsewhere, so it keeps it.
      'paragraph:The panel examined the transportation of weapons across the border and noted long-term effects on trade.',
      'bulletList:',
      'paragraph:The long-term pattern is clear: the committee documented crossings that continue along the northern highway and the river valley in each of the well into the following season and beyond.',
      'heading2:Annex on payments',
      `paragraph:${prose(20, 4)}`,
    ]);
    const list = parsed.blocks[4]!;
    expect(list.content).toHaveLength(2);
    expect(parsed.text).toContain(`${sentence(101)} ${sentence(102)} ${sentence(103)}`);
    expect(parsed.title).toBe('Final report of the Panel of Experts');
    expect(parsed.metadata).toMatchObject({ title: 'Final report of the Panel of Experts', byline: 'Panel of Experts' });
  });

  it('maps every offset to its page, including a paragraph that runs over a page break', async () => {
    const parsed = await parsePdf(await report());
    expect(parsed.pages.map((p) => [p.page, p.label])).toEqual([[1, '1'], [2, '2']]);
    const onPage2 = parsed.text.indexOf('well into the following season');
    expect(parsed.pages[1]!.start).toBe(onPage2);
    expect(pageAt(parsed.pages, parsed.text.indexOf('Summary of findings')).page).toBe(1);
    expect(pageAt(parsed.pages, parsed.text.indexOf('Annex on payments')).page).toBe(2);
    const spanning = parsed.text.indexOf('documented crossings that continue');
    expect(pageLabel(parsed.pages, spanning, onPage2 + 10)).toBe('pp. 1–2');
    expect(pageLabel(parsed.pages, onPage2, onPage2 + 10)).toBe('p. 2');
  });

  it('reads a two-column page column by column, under its full-width title', async () => {
    const left = [prose(200, 10), prose(210, 10)];
    const right = prose(300, 8);
    const bytes = await makePdf({
      runningHeader: 'Think-tank paper · {n}',
      pages: [
        { blocks: [{ kind: 'heading', text: 'Regional security outlook', size: 20 }, { kind: 'paragraph', text: prose(400, 3) }] },
        {
          top: [{ kind: 'heading', text: 'Two-column section', size: 16 }],
          columns: 2,
          blocks: [{ kind: 'paragraph', text: left[0]! }, { kind: 'paragraph', text: left[1]! }, { kind: 'paragraph', text: right }],
        },
        { blocks: [{ kind: 'paragraph', text: prose(500, 3) }] },
      ],
    });
    const parsed = await parsePdf(bytes);
    expect(parsed.text).not.toContain('Think-tank paper');
    const lines = parsed.text.split('\n');
    expect(lines[0]).toBe('Regional security outlook');
    expect(lines).toContain('Two-column section');
    // Each paragraph comes out whole and in order, even the one that continues in the right column.
    expect(lines.slice(lines.indexOf('Two-column section') + 1, lines.indexOf('Two-column section') + 4)).toEqual([left[0], left[1], right]);
    expect(lines.at(-1)).toBe(prose(500, 3));
    expect(pageAt(parsed.pages, parsed.text.indexOf(right)).page).toBe(2);
  });

  it('refuses a scanned PDF (no text layer) with the 422 sentence', async () => {
    const error = await parsePdf(await makeScannedPdf()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArticleParseError);
    expect((error as ArticleParseError).code).toBe('no_text_layer');
    expect((error as ArticleParseError).message).toBe(NO_TEXT_LAYER_MESSAGE);
  });

  it('refuses a damaged PDF and one over the page budget', async () => {
    const damaged = await importDocument({ kind: 'file', bytes: new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage'), fileName: 'x.pdf' }).catch((e: unknown) => e);
    expect((damaged as ArticleParseError).code).toBe('unreadable');
    expect((damaged as ArticleParseError).message).toMatch(/could not be read/);

    const big = await PDFDocument.create();
    for (let i = 0; i < 501; i++) big.addPage([200, 200]);
    const tooMany = await parsePdf(await big.save()).catch((e: unknown) => e);
    expect((tooMany as ArticleParseError).code).toBe('too_large');
    expect((tooMany as ArticleParseError).message).toBe('This PDF has 501 pages; the limit is 500.');
  });

  it('is what importDocument gives for PDF bytes, whatever the file is called', async () => {
    const imported = await importDocument({ kind: 'file', bytes: await report(), fileName: 'report.txt' });
    expect(imported.format).toBe('pdf');
    expect(imported.pageCount).toBe(2);
    expect(imported.pages).toHaveLength(2);
    expect(imported.title).toBe('Final report of the Panel of Experts');
  });
});
