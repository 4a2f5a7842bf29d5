// Builds PDFs with known text for the importer's tests (pdf-lib, no office suite needed): a tiny
// typesetter with word wrapping, paragraph spacing, headings, bullet lists, explicit line breaks
// (to force end-of-line hyphenation), numbered paragraphs and their "(a)" sub-paragraphs, superscript footnote
// markers ("{^3}" in a text) with footnotes at the foot of the page, simple tables, two-column pages, running
// headers and page numbers.
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

export type PdfBlock =
  | { kind: 'heading'; text: string; size?: number }
  | { kind: 'paragraph'; text: string; indent?: boolean }
  /** Lines drawn exactly as given (one paragraph), e.g. ending in "trans-" to test hyphenation. */
  | { kind: 'lines'; lines: string[] }
  | { kind: 'bullets'; items: string[] }
  /**
   * A numbered paragraph as UN reports set it: the number drawn on its own, the text from a tab
   * stop; continuation lines back at the margin ("flush") or at the tab stop ("hanging"). `lines`
   * are drawn as given (to choose where a sentence wraps), else `text` is wrapped.
   */
  | { kind: 'numbered'; number: number; text?: string; lines?: string[]; style?: 'flush' | 'hanging' }
  /** A sub-paragraph under a numbered paragraph: its label ("(a)") at the number's tab stop, its text hanging after it. */
  | { kind: 'sub'; label: string; text: string }
  /** A table drawn cell by cell: a bold header row, then rows; `widths` are fractions of the box width. */
  | { kind: 'table'; header: string[]; rows: string[][]; widths?: number[] }
  /** Vertical space, in points (a cover page's title lower down). */
  | { kind: 'space'; height: number };

export type PdfPageSpec = {
  /** Full-width blocks at the top of the page (a title above two columns). */
  top?: PdfBlock[];
  blocks: PdfBlock[];
  columns?: 1 | 2;
  /** Footnotes set small at the foot of the page above a short rule, each opening with its number. */
  footnotes?: string[];
};

export type PdfSpec = {
  pages: PdfPageSpec[];
  /** Drawn at the top of every page; "{n}" is replaced by the page number. */
  runningHeader?: string;
  /** A centred page number at the bottom of every page. */
  pageNumbers?: boolean;
  title?: string;
  author?: string;
  bodySize?: number;
};

const WIDTH = 595;
const HEIGHT = 842;
const MARGIN = 56;
const GUTTER = 24;

export async function makePdf(spec: PdfSpec): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  const bold = await pdf.embedFont(StandardFonts.TimesRomanBold);
  if (spec.title) pdf.setTitle(spec.title);
  if (spec.author) pdf.setAuthor(spec.author);
  const body = spec.bodySize ?? 11;
  spec.pages.forEach((pageSpec, index) => {
    const page = pdf.addPage([WIDTH, HEIGHT]);
    if (spec.runningHeader) page.drawText(spec.runningHeader.replace('{n}', String(index + 1)), { x: MARGIN, y: HEIGHT - 34, size: 8, font });
    if (spec.pageNumbers) page.drawText(String(index + 1), { x: WIDTH / 2 - 3, y: 28, size: 9, font });
    let y = HEIGHT - MARGIN - 10;
    const foot = drawFootnotes(page, pageSpec.footnotes ?? [], font);
    for (const block of pageSpec.top ?? []) y = drawBlock(page, block, { x: MARGIN, width: WIDTH - 2 * MARGIN }, y, { font, bold, body });
    const columns = pageSpec.columns ?? 1;
    const colWidth = columns === 2 ? (WIDTH - 2 * MARGIN - GUTTER) / 2 : WIDTH - 2 * MARGIN;
    const top = y;
    let col = 0;
    for (const block of pageSpec.blocks) {
      const x = MARGIN + col * (colWidth + GUTTER);
      const next = drawBlock(page, block, { x, width: colWidth }, y, { font, bold, body }, () => {
        // Column full: continue at the top of the next column.
        if (columns === 2 && col === 0) {
          col = 1;
          return { x: MARGIN + colWidth + GUTTER, y: top };
        }
        throw new Error('makePdf: the text does not fit on the page');
      }, foot);
      y = next;
    }
  });
  return pdf.save();
}

type Fonts = { font: PDFFont; bold: PDFFont; body: number };
type Overflow = () => { x: number; y: number };

function drawBlock(page: PDFPage, block: PdfBlock, box: { x: number; width: number }, y: number, fonts: Fonts, overflow?: Overflow, overflowFloor?: number): number {
  const { font, bold, body } = fonts;
  let x = box.x;
  const line = (text: string, size: number, f: PDFFont, dx = 0) => {
    if (y < MARGIN + 20 + (overflowFloor ?? 0)) {
      if (!overflow) throw new Error('makePdf: the text does not fit on the page');
      ({ x, y } = overflow());
    }
    drawMarked(page, text, x + dx, y, size, f);
    y -= size * 1.25;
  };
  switch (block.kind) {
    case 'heading': {
      const size = block.size ?? body * 1.6;
      y -= size * 0.4;
      for (const l of wrap(block.text, bold, size, box.width)) line(l, size, bold);
      y -= size * 0.3;
      return y;
    }
    case 'paragraph': {
      wrap(block.text, font, body, box.width - (block.indent ? body * 1.5 : 0)).forEach((l, i) => line(l, body, font, block.indent && i === 0 ? body * 1.5 : 0));
      return y - body * 0.7;
    }
    case 'lines': {
      for (const l of block.lines) line(l, body, font);
      return y - body * 0.7;
    }
    case 'numbered': {
      const tab = body * 3;
      const hanging = block.style === 'hanging';
      const lines = block.lines ?? wrap(block.text ?? '', font, body, box.width - tab);
      lines.forEach((l, i) => {
        if (i === 0) page.drawText(`${block.number}.`, { x, y, size: body, font });
        line(l, body, font, i === 0 || hanging ? tab : 0);
      });
      return y - body * 0.7;
    }
    case 'sub': {
      const tab = body * 3;
      wrap(block.text, font, body, box.width - tab * 2).forEach((l, i) => {
        if (i === 0) page.drawText(block.label, { x: x + tab, y, size: body, font });
        line(l, body, font, tab * 2);
      });
      return y - body * 0.5;
    }
    case 'table': {
      const size = body - 1;
      const widths = block.widths ?? block.header.map(() => 1 / block.header.length);
      const row = (cells: string[], f: PDFFont) => {
        let cx = 0;
        cells.forEach((cell, i) => {
          page.drawText(cell, { x: x + cx, y, size, font: f });
          cx += widths[i]! * box.width;
        });
        y -= size * 1.4;
      };
      row(block.header, bold);
      for (const r of block.rows) row(r, font);
      return y - body * 0.7;
    }
    case 'space':
      return y - block.height;
    case 'bullets': {
      for (const item of block.items) {
        wrap(item, font, body, box.width - body * 1.5).forEach((l, i) => {
          if (i === 0) page.drawText('•', { x, y, size: body, font });
          line(l, body, font, body * 1.5);
        });
      }
      return y - body * 0.7;
    }
  }
}

/** "{^3}" in a text: a footnote marker, drawn raised and small right after the text before it. */
const MARKER = /\{\^(\d+)\}/g;

function drawMarked(page: PDFPage, text: string, x: number, y: number, size: number, font: PDFFont): void {
  let cx = x;
  let last = 0;
  for (const m of text.matchAll(MARKER)) {
    const before = text.slice(last, m.index);
    page.drawText(before, { x: cx, y, size, font });
    cx += font.widthOfTextAtSize(before, size);
    page.drawText(m[1]!, { x: cx, y: y + size * 0.35, size: size * 0.6, font });
    cx += font.widthOfTextAtSize(m[1]!, size * 0.6);
    last = m.index + m[0].length;
  }
  page.drawText(text.slice(last), { x: cx, y, size, font });
}

/** Measures a text as drawn: a marker is narrower than its braces. */
function widthOf(text: string, font: PDFFont, size: number): number {
  return font.widthOfTextAtSize(text.replace(MARKER, '$1'), size);
}

/** Draws the footnotes bottom-up above the page number; returns the height they take (the body stops above it). */
function drawFootnotes(page: PDFPage, notes: string[], font: PDFFont): number {
  if (notes.length === 0) return 0;
  const size = 8;
  const lines = notes.flatMap((note) => wrap(note, font, size, WIDTH - 2 * MARGIN - 12).map((l, i) => ({ l, first: i === 0 })));
  let y = 48 + (lines.length - 1) * size * 1.25;
  const top = y + size * 1.6;
  page.drawLine({ start: { x: MARGIN, y: top }, end: { x: MARGIN + 140, y: top }, thickness: 0.5 });
  for (const { l, first } of lines) {
    // The note's number at the margin, its text after a small indent.
    const m = first ? /^(\d+)\s+(.*)$/.exec(l) : null;
    if (m) {
      page.drawText(m[1]!, { x: MARGIN, y, size, font });
      page.drawText(m[2]!, { x: MARGIN + 12, y, size, font });
    } else page.drawText(l, { x: MARGIN + 12, y, size, font });
    y -= size * 1.25;
  }
  return top - MARGIN;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && widthOf(candidate, font, size) > width) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines;
}

/** A PDF whose only page is an image-like drawing with no text at all (a scan, for the parser). */
export async function makeScannedPdf(pages = 2): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pages; i++) {
    const page = pdf.addPage([WIDTH, HEIGHT]);
    for (let r = 0; r < 40; r++) page.drawRectangle({ x: MARGIN, y: HEIGHT - MARGIN - r * 18, width: 300 + ((r * 37) % 180), height: 9, opacity: 0.6 });
  }
  return pdf.save();
}

/** Deterministic filler prose: sentence `n` of a report, distinct enough to search for. */
export function sentence(n: number): string {
  const subjects = ['The panel', 'The mission', 'Field teams', 'The secretariat', 'Observers', 'The committee'];
  const verbs = ['documented', 'reported', 'verified', 'recorded', 'reviewed', 'confirmed'];
  const objects = ['incidents along the border', 'supply routes in the north', 'displacement near the river', 'payments to armed groups', 'crossings at night', 'detentions in the capital'];
  return `${subjects[n % 6]} ${verbs[(n * 5) % 6]} ${objects[(n * 7) % 6]} in case ${n}.`;
}

export function prose(from: number, count: number): string {
  return Array.from({ length: count }, (_, i) => sentence(from + i)).join(' ');
}
