// Drawing helpers for PDFs laid out as reports print them (pdf-lib, no office suite): wrapped
// paragraphs with superscript footnote markers ("{^12}") and an optional paragraph number at a tab,
// tables with right-aligned figures and wrapped cells, footnotes at the foot of the page.
import type { PDFFont, PDFPage } from 'pdf-lib';

export const W = 595;
export const H = 842;
export const M = 62;
export const TEXT_WIDTH = W - 2 * M;

export type Fonts = { font: PDFFont; bold: PDFFont };

/** Wraps and draws a paragraph; "{^n}" is a superscript footnote marker. Returns the y below it. */
export function para(page: PDFPage, f: Fonts, text: string, x: number, y: number, width: number, opts: { size?: number; lead?: string } = {}): number {
  const size = opts.size ?? 11;
  const tab = opts.lead ? size * 3 : 0;
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  const measure = (s: string) => f.font.widthOfTextAtSize(s.replace(/\{\^([^}]+)\}/g, '$1'), size);
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate) > width - tab) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  lines.push(line);
  lines.forEach((l, i) => {
    if (i === 0 && opts.lead) page.drawText(opts.lead, { x, y, size, font: f.font });
    superscripted(page, f.font, l, x + (i === 0 ? tab : 0), y, size);
    y -= size * 1.3;
  });
  return y - size * 0.8;
}

export function superscripted(page: PDFPage, font: PDFFont, text: string, x: number, y: number, size: number): void {
  let cx = x;
  let last = 0;
  for (const m of text.matchAll(/\{\^([^}]+)\}/g)) {
    const before = text.slice(last, m.index);
    page.drawText(before, { x: cx, y, size, font });
    cx += font.widthOfTextAtSize(before, size);
    page.drawText(m[1]!, { x: cx, y: y + size * 0.33, size: size * 0.58, font });
    cx += font.widthOfTextAtSize(m[1]!, size * 0.58);
    last = m.index! + m[0].length;
  }
  page.drawText(text.slice(last), { x: cx, y, size, font });
}

export type Column = { x: number; width: number; align: 'left' | 'right' };

/** A table as a typesetter sets it: a bold header, numbers right-aligned; a cell with "\n" wraps onto the next line. */
export function table(page: PDFPage, f: Fonts, columns: Column[], header: string[], rows: string[][], y: number, size = 9.5): number {
  const draw = (cells: string[], font: PDFFont) => {
    let lines = 1;
    cells.forEach((cell, i) => {
      const c = columns[i]!;
      cell.split('\n').forEach((part, k) => {
        const x = c.align === 'right' ? c.x + c.width - font.widthOfTextAtSize(part, size) : c.x;
        page.drawText(part, { x, y: y - k * size * 1.2, size, font });
        lines = Math.max(lines, k + 1);
      });
    });
    y -= lines * size * 1.2 + size * 0.45;
  };
  draw(header, f.bold);
  page.drawLine({ start: { x: columns[0]!.x, y: y + size * 0.9 }, end: { x: columns.at(-1)!.x + columns.at(-1)!.width, y: y + size * 0.9 }, thickness: 0.4 });
  for (const r of rows) draw(r, f.font);
  return y - size;
}

export function footnotes(page: PDFPage, f: Fonts, notes: Array<[string, string[]]>): void {
  const size = 8;
  let y = 50 + notes.reduce((n, [, lines]) => n + lines.length, 0) * size * 1.25;
  page.drawLine({ start: { x: M, y: y + size * 1.2 }, end: { x: M + 150, y: y + size * 1.2 }, thickness: 0.5 });
  for (const [n, lines] of notes) {
    lines.forEach((l, i) => {
      if (i === 0) page.drawText(n, { x: M, y: y + size * 0.33, size: size * 0.7, font: f.font });
      page.drawText(l, { x: M + 10, y, size, font: f.font });
      y -= size * 1.25;
    });
  }
}
