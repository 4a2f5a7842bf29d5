import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pageAt } from '@/lib/documents/page-map';
import { importDocument } from '@/lib/documents/server/import-document';

// A report laid out the way institutions publish them, drawn directly with pdf-lib (the shapes
// tests/support/make-pdf.ts does not draw): a cover page, a contents page with dot leaders, a
// running header and a "Page n of N" footer, footnotes at the foot of a page, a table, and a
// two-column page whose columns are ragged and of unequal length under a full-width heading.
const W = 595;
const H = 842;
const M = 56;
const PAGES = 5;

const TWO_COLUMN_LEFT = [
  'Ports on the northern coast grew faster than those in the south, largely because of transhipment traffic diverted from the strait during the closure in spring.',
  'Southern ports lost traffic in the second half of the year as two shipping lines moved their services to larger hubs abroad.',
];
const TWO_COLUMN_RIGHT = 'The annex describes how the council matched bulletins across ports that count calls differently.';

function drawParagraph(page: PDFPage, font: PDFFont, text: string, x: number, y: number, width: number, size = 11): number {
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      page.drawText(line, { x, y, size, font });
      y -= size * 1.25;
      line = word;
    } else line = candidate;
  }
  page.drawText(line, { x, y, size, font });
  return y - size * 1.25 - size * 0.7;
}

async function institutionalReport(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  const bold = await pdf.embedFont(StandardFonts.TimesRomanBold);
  const sans = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.setTitle('Coastal Shipping Review 2025');
  const page = (n: number) => {
    const p = pdf.addPage([W, H]);
    if (n > 1) {
      p.drawText('Coastal Shipping Review 2025', { x: M, y: H - 34, size: 8, font: sans });
      p.drawText(`Harbour Research Council | Page ${n} of ${PAGES}`, { x: W - M - 170, y: 28, size: 8, font: sans });
    }
    return p;
  };
  const cover = page(1);
  cover.drawText('Coastal Shipping Review 2025', { x: M, y: H - 300, size: 28, font: bold });
  cover.drawText('Container traffic, port calls and the cost of delay', { x: M, y: H - 340, size: 15, font });

  const contents = page(2);
  contents.drawText('Contents', { x: M, y: H - 90, size: 18, font: bold });
  [['1. Introduction', '3'], ['2. Container traffic by port', '4'], ['3. Regional comparison', '5'], ['Annex: Method', '5']].forEach(([title, n], i) => {
    const dots = '.'.repeat(Math.floor((W - 2 * M - font.widthOfTextAtSize(title!, 11) - 20) / font.widthOfTextAtSize('.', 11)));
    contents.drawText(`${title} ${dots}`, { x: M, y: H - 130 - 20 * i, size: 11, font });
    contents.drawText(n!, { x: W - M - 8, y: H - 130 - 20 * i, size: 11, font });
  });

  const intro = page(3);
  intro.drawText('1. Introduction', { x: M, y: H - 90, size: 16, font: bold });
  let y = drawParagraph(intro, font, 'Container traffic through the eleven ports of the coast grew by 4 per cent in 2024, less than half the rate claimed in several public statements.', M, H - 120, W - 2 * M);
  drawParagraph(intro, font, 'Delays at berth cost shipping lines an estimated 310 million euros over the year, most of it at the two largest ports.', M, y, W - 2 * M);
  intro.drawLine({ start: { x: M, y: 92 }, end: { x: M + 150, y: 92 }, thickness: 0.5, color: rgb(0, 0, 0) });
  intro.drawText('1 National Statistics Office, Port statistics methodology note, 2023.', { x: M, y: 80, size: 8, font });
  intro.drawText('2 Estimate based on average charter rates of 18,000 euros a day; see the Annex.', { x: M, y: 69, size: 8, font });

  const table = page(4);
  table.drawText('2. Container traffic by port', { x: M, y: H - 90, size: 16, font: bold });
  y = drawParagraph(table, font, 'Table 1 shows the calls recorded at the four largest ports in each year.', M, H - 120, W - 2 * M);
  const rows = [['Port', '2023', '2024', 'Change'], ['Kelmouth', '1,204', '1,251', '+3.9%'], ['Tarel', '988', '1,040', '+5.3%'], ['Lorne', '743', '760', '+2.3%'], ['Skerry', '412', '431', '+4.6%']];
  for (const row of rows) {
    row.forEach((cell, i) => table.drawText(cell, { x: M + [0, 160, 260, 360][i]!, y, size: 10, font }));
    y -= 15;
  }
  drawParagraph(table, font, 'Growth was strongest at Tarel, where a new crane came into service in April.', M, y - 10, W - 2 * M);

  const columns = page(5);
  columns.drawText('3. Regional comparison', { x: M, y: H - 90, size: 16, font: bold });
  const cw = (W - 2 * M - 24) / 2;
  y = H - 125;
  for (const text of TWO_COLUMN_LEFT) y = drawParagraph(columns, font, text, M, y, cw);
  y = drawParagraph(columns, font, TWO_COLUMN_RIGHT, M + cw + 24, H - 125, cw);
  columns.drawText('Annex: Method', { x: M + cw + 24, y, size: 13, font: bold });
  drawParagraph(columns, font, 'A call is counted once per vessel per visit, whatever the number of berths used.', M + cw + 24, y - 20, cw);
  return pdf.save();
}

describe('an institutional report: cover, contents, footnotes, a table, ragged columns', async () => {
  const result = await importDocument({ kind: 'file', bytes: await institutionalReport(), fileName: 'review.pdf' });
  const lines = result.text.split('\n');

  it('drops the contents page (dot leaders, page numbers, its heading) without calling it a page without text', () => {
    expect(result.text).not.toMatch(/\.{4,}/);
    expect(lines).not.toContain('Contents');
    expect(lines.filter((l) => l === '1. Introduction')).toHaveLength(1);
    expect(result.pagesWithoutText).toEqual([]);
    expect(result.text).not.toMatch(/Page \d of 5/);
  });

  it('reads ragged columns of unequal length column by column', () => {
    for (const paragraph of [...TWO_COLUMN_LEFT, TWO_COLUMN_RIGHT]) expect(lines).toContain(paragraph);
    expect(lines.indexOf(TWO_COLUMN_LEFT[1]!)).toBeLessThan(lines.indexOf(TWO_COLUMN_RIGHT));
  });

  it('reads a table row by row, one paragraph per row, not its last column as a text column', () => {
    const at = lines.indexOf('Port | 2023 | 2024 | Change');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at, at + 5)).toEqual(['Port | 2023 | 2024 | Change', 'Kelmouth | 1,204 | 1,251 | +3.9%', 'Tarel | 988 | 1,040 | +5.3%', 'Lorne | 743 | 760 | +2.3%', 'Skerry | 412 | 431 | +4.6%']);
    expect(lines[at + 5]).toBe('Growth was strongest at Tarel, where a new crane came into service in April.');
  });

  it('keeps footnotes as notes of their own, after the page’s text', () => {
    const delays = lines.indexOf('Delays at berth cost shipping lines an estimated 310 million euros over the year, most of it at the two largest ports.');
    expect(delays).toBeGreaterThan(0);
    expect(lines[delays + 1]).toBe('1 National Statistics Office, Port statistics methodology note, 2023.');
  });

  it('maps each page to where its text begins', () => {
    const pages = result.pages!;
    expect(pageAt(pages, result.text.indexOf('1. Introduction')).page).toBe(3);
    expect(pageAt(pages, result.text.indexOf('Table 1 shows')).page).toBe(4);
    expect(pageAt(pages, result.text.indexOf(TWO_COLUMN_RIGHT)).page).toBe(5);
    expect(pageAt(pages, result.text.indexOf('Container traffic, port calls')).page).toBe(1);
  });
});
