// Positioned PDF text (what pdf.js's getTextContent gives) → article blocks in reading order.
// Pure: no pdf.js here, so it is unit-tested on synthetic pages and runs wherever the parser runs.
//
// Steps: items → rows (shared baseline) → columns (a vertical gutter no row crosses) → lines in
// reading order (full-width lines in place, each run of column lines column by column) → running
// headers, footers and page numbers dropped (repeated at a page edge) → headings by font size or weight →
// paragraphs and list items from line geometry → end-of-line hyphenation joined → page map.
// A line opening with a number ("42. The Monitoring Team…") is a numbered paragraph, as in UN and
// other official reports: the number stays in its text, because it is part of the source's words
// and how the passage is cited (¶42); a list would render the number itself and drop it from the text.
import { listItemOf, listOf } from '@/lib/articles/inline-content';
import { textNode, type TiptapNode } from '@/lib/articles/tiptap-doc';
import type { PageMap } from '@/lib/documents/page-map';
import { markTableRows, rowText } from '@/lib/documents/pdf-table-rows';

export type PdfTextItem = {
  str: string;
  /** Left edge and baseline in PDF user space (origin bottom-left), as pdf.js reports them. */
  x: number;
  y: number;
  width: number;
  fontSize: number;
  /** pdf.js's "ltr" | "rtl" | "ttb". */
  dir?: string;
  /** Text drawn at an angle (watermarks, margin labels) is not body text. */
  rotated?: boolean;
  /** Set in a bold face (from the font's name): a heading at the text's own size is told by it. */
  bold?: boolean;
};

export type PdfPageText = { number: number; label: string; width: number; height: number; items: PdfTextItem[] };

export type PdfLayout = {
  blocks: TiptapNode[];
  /** Canonical text of `blocks` (textblocks joined by "\n"), which the page map indexes. */
  text: string;
  pages: PageMap;
  title: string | null;
  /** Pages that contributed no text (blank, or scanned images). */
  pagesWithoutText: number[];
};

type Item = {
  str: string;
  x0: number;
  x1: number;
  top: number;
  size: number;
  rtl: boolean;
  bold?: boolean;
  /** Set small and raised above its row's baseline: a footnote marker (or an exponent). */
  sup?: boolean;
};
type Row = {
  top: number;
  size: number;
  items: Item[];
  /** A table row: its cells' texts, one per column of its table (empty where the row has none). */
  cells?: string[];
};
type Line = {
  page: number;
  top: number;
  x0: number;
  x1: number;
  size: number;
  text: string;
  col: number;
  /** Where the text starts after a paragraph number drawn on its own ("42." then a tab). */
  afterNumberX?: number;
  /** A row of a table: a paragraph of its own, its cells joined by CELL_SEPARATOR. */
  tableRow?: boolean;
  /** A footnote at the foot of its page, opened by the number a marker in the text refers to. */
  footnote?: boolean;
  /** Every letter of it set bold (a raised marker aside). */
  bold?: boolean;
};

const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u200B\uFEFF]/g;
const SPACE = /[ \t\n\r\f\u2028\u2029]+/g;

export function layoutPdfText(pages: PdfPageText[]): PdfLayout {
  const perPage = pages.map((page) => linesOfPage(page));
  const kept = markFootnotes(dropRunningLines(perPage, pages), pages);
  const lines = dropContentsEntries(kept.flat());
  const layout = buildBlocks(lines, pages);
  // A contents page has text, only none of it is the document's: it is not "a page without text".
  const hadText = new Set(kept.flat().map((l) => l.page));
  return { ...layout, pagesWithoutText: layout.pagesWithoutText.filter((page) => !hadText.has(page)) };
}

// A table of contents is navigation, not the document's text: an entry is a title, a leader of
// dots and a page number ("2. Findings ........ 14"); the "Contents" heading goes with its entries.
const CONTENTS_ENTRY = /\S.*?(?:\s*(?:\.\s?){4,}|\s*…{2,}|\s*(?:·\s?){4,})\s*(?:\d{1,4}|[ivxlc]{1,6})$/i;
const CONTENTS_HEADING = /^(?:table of )?contents$|^sommaire$|^inhalt(?:sverzeichnis)?$|^índice$|^فہرست$|^المحتويات$/i;

function dropContentsEntries(lines: Line[]): Line[] {
  const entry = lines.map((l) => CONTENTS_ENTRY.test((l.tableRow ? l.text.replaceAll(' | ', ' ') : l.text).trim()));
  return lines.filter((l, i) => {
    if (entry[i]) return false;
    if (CONTENTS_HEADING.test(l.text.trim())) return !entry.slice(i + 1, i + 3).some(Boolean);
    return true;
  });
}

// ---------------------------------------------------------------- footnotes

const NOTE_REF = /\[(\d{1,3}|[a-z])\]/g;
// A lettered note's bare letter must be followed by a capital: "a Estimate of…", not a wrapped line's "a total of…".
const NOTE_START = /^(?:\[(\d{1,3}|[a-z])\]\s+(?=\S)|(\d{1,3})\s+(?=\S)|([a-z])\s+(?=\p{Lu}))/u;

/**
 * Footnotes at the foot of a page: a line in the lower half of the page, set smaller than the
 * text, opening with a number that a marker in the text has referred to (on this page or an
 * earlier one). It opens with "[12]" as its marker reads, so note and marker find each other;
 * a number no marker refers to ("2024 figures…", a list) is left as it is.
 */
function markFootnotes(perPage: Line[][], pages: PdfPageText[]): Line[][] {
  const body = dominantSize(perPage.flat());
  const referred = new Set<string>();
  return perPage.map((lines, i) => {
    const height = pages[i]!.height;
    const candidate = (l: Line) => !l.tableRow && l.size <= body * 0.9 && l.top > height * 0.5 && NOTE_START.test(l.text);
    for (const l of lines) if (!candidate(l)) for (const m of l.text.matchAll(NOTE_REF)) referred.add(m[1]!);
    return lines.map((l) => {
      if (!candidate(l)) return l;
      const m = NOTE_START.exec(l.text)!;
      const n = m[1] ?? m[2] ?? m[3]!;
      if (!referred.has(n)) return l;
      return { ...l, text: `[${n}] ${l.text.slice(m[0].length)}`, footnote: true };
    });
  });
}

// ---------------------------------------------------------------- rows, columns, reading order

function linesOfPage(page: PdfPageText): Line[] {
  const items: Item[] = [];
  for (const it of page.items) {
    if (it.rotated || it.dir === 'ttb') continue;
    // NFC like every imported text (normalizeInput): PDFs often carry accents decomposed.
    const str = it.str.replace(CONTROL, '').normalize('NFC');
    if (str.trim() === '') continue;
    const size = it.fontSize > 0 ? it.fontSize : 10;
    items.push({ str, x0: it.x, x1: it.x + Math.max(0, it.width), top: page.height - it.y, size, rtl: it.dir === 'rtl', ...(it.bold ? { bold: true } : {}) });
  }
  if (items.length === 0) return [];
  dropMarginLineNumbers(items);
  if (items.length === 0) return [];
  // Tables first: their columns are no text columns, and each of their rows is read as one line.
  const rows = markTableRows(rowsOf(items), textOfItems, (row, rowItems, cells) => ({ ...row, items: rowItems, cells }));
  const gutters = findGutters(rows.filter((r) => !r.cells));
  return readingOrder(rows, gutters, page.number, gutters.length > 0 ? tablesInColumns(rows, gutters) : new Map());
}

/**
 * Line numbers in the margin, as rulings, bills and transcripts print them (every line or every
 * fifth): bare numbers standing clear of the text on the left, rising down the page. They are the
 * page's furniture, not its words; left in, each one opens or cuts a line ("4 1. The complainant…").
 */
function dropMarginLineNumbers(items: Item[]): void {
  const bare = (it: Item) => /^\d{1,4}$/.test(it.str.trim());
  const text = items.filter((it) => !bare(it));
  if (text.length === 0) return;
  const left = Math.min(...text.map((it) => it.x0));
  const numbers = items.filter((it) => bare(it) && it.x1 < left - 0.5 * it.size).sort((a, b) => a.top - b.top);
  if (numbers.length < 4) return;
  // Rising down the page by a steady step (1, or 5 when every fifth line is numbered).
  const values = numbers.map((it) => Number(it.str.trim()));
  const steps = values.slice(1).map((v, i) => v - values[i]!);
  const step = steps[0]!;
  if (step < 1 || step > 10 || steps.filter((s) => s === step).length < steps.length * 0.8) return;
  // Numbering lines, not paragraphs: as many numbers as lines (or fifth lines) in their span. Paragraph
  // numbers hung bare in the margin (as some courts print them) mark only each paragraph's first line.
  const first = numbers[0]!.top - 2;
  const last = numbers.at(-1)!.top + 2;
  const tops = text.filter((it) => it.top >= first && it.top <= last).map((it) => it.top).sort((a, b) => a - b);
  const lines = tops.filter((t, i) => i === 0 || t - tops[i - 1]! > 3).length;
  if (numbers.length * step < lines * 0.8) return;
  const drop = new Set(numbers);
  for (let i = items.length - 1; i >= 0; i--) if (drop.has(items[i]!)) items.splice(i, 1);
}

const crossesGutters = (row: Row, gutters: Gutter[]) => row.items.some((it) => gutters.some((g) => it.x0 < g.to - 1 && it.x1 > g.from + 1));
const columnOfItem = (it: Item, gutters: Gutter[]) => gutters.filter((g) => (it.x0 + it.x1) / 2 >= g.to).length;

/**
 * Tables set inside one column of a multi-column page: looked for in each column's own lines
 * (across the page they sit beside the other column's prose, which runs on, so they are not found
 * there). Maps each item of such a table to its row.
 */
function tablesInColumns(rows: Row[], gutters: Gutter[]): Map<Item, Row> {
  const found = new Map<Item, Row>();
  for (let col = 0; col <= gutters.length; col++) {
    let run: Row[] = [];
    const look = () => {
      for (const r of markTableRows(run, textOfItems, (row, items, cells) => ({ ...row, items, cells }))) if (r.cells) for (const it of r.items) found.set(it, r);
      run = [];
    };
    for (const row of rows) {
      // A full-width line or a table across the page ends the column's run of lines.
      if (row.cells || crossesGutters(row, gutters)) {
        look();
        continue;
      }
      const items = row.items.filter((it) => columnOfItem(it, gutters) === col);
      if (items.length > 0) run.push({ top: row.top, size: Math.max(...items.map((it) => it.size)), items });
    }
    look();
  }
  return found;
}

function rowsOf(items: Item[]): Row[] {
  const sorted = [...items].sort((a, b) => a.top - b.top || a.x0 - b.x0);
  const rows: Row[] = [];
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    // Same baseline within half a line: superscripts and mixed font sizes stay on their line. A
    // superscript (a footnote marker, set at ~60 % size and raised) is measured against the line it
    // sits on, not its own small size: it sorts first (it is higher) and would otherwise be a row of its own.
    const small = row ? Math.min(item.size, row.size) : 0;
    const large = row ? Math.max(item.size, row.size) : 0;
    const tolerance = small < large * 0.75 ? 0.5 * large : 0.5 * small;
    if (row && Math.abs(item.top - row.top) <= tolerance) {
      row.items.push(item);
      // The row's baseline is its body text's, not a raised marker's.
      if (item.size > row.size) row.top = item.top;
      row.size = Math.max(row.size, item.size);
    } else {
      rows.push({ top: item.top, size: item.size, items: [item] });
    }
  }
  for (const row of rows) markSuperscripts(row);
  return rows;
}

/**
 * A footnote marker is set at 55–75 % of its line's size with its baseline raised: "fighters¹²".
 * pdf.js gives it as an item of its own (the font size changes), which is what lets it be told
 * from the word it follows.
 */
function markSuperscripts(row: Row): void {
  for (const it of row.items) if (it.size <= row.size * 0.8 && row.top - it.top >= row.size * 0.15) it.sup = true;
}

type Gutter = { from: number; to: number };

/**
 * Vertical gutters: x ranges crossed by (almost) no row while the text on both sides is dense.
 * Counting rows per 2-pt bin makes full-width titles or abstracts (few rows) tolerable, and a
 * single column (every row crosses the middle) never qualifies.
 */
function findGutters(rows: Row[]): Gutter[] {
  if (rows.length < 6) return [];
  let left = Infinity;
  let right = -Infinity;
  for (const r of rows) for (const it of r.items) {
    left = Math.min(left, it.x0);
    right = Math.max(right, it.x1);
  }
  const width = right - left;
  if (!(width > 50)) return [];
  const BIN = 2;
  const bins = Math.ceil(width / BIN) + 1;
  const counts = new Uint32Array(bins);
  const mark = new Uint8Array(bins);
  for (const r of rows) {
    mark.fill(0);
    for (const it of r.items) {
      const a = Math.max(0, Math.floor((it.x0 - left) / BIN));
      const b = Math.min(bins - 1, Math.floor((it.x1 - left) / BIN));
      for (let i = a; i <= b; i++) mark[i] = 1;
    }
    for (let i = 0; i < bins; i++) counts[i]! += mark[i]!;
  }
  const nonZero = [...counts].filter((c) => c > 0).sort((a, b) => a - b);
  const dense = nonZero[Math.floor(nonZero.length * 0.8)] ?? 0;
  if (dense < 4) return [];
  const low = Math.max(1, Math.floor(dense * 0.3));
  const gutters: Gutter[] = [];
  let runStart = -1;
  for (let i = 0; i <= bins; i++) {
    const quiet = i < bins && counts[i]! <= low;
    if (quiet && runStart < 0) runStart = i;
    if (!quiet && runStart >= 0) {
      // The gutter proper is where the fewest rows cross: the quiet run also takes in the ragged
      // ends of the left column's longest lines, which are column text, not lines across the gutter.
      const [a, b] = fewestCrossed(counts, runStart, i, 6 / BIN);
      const from = left + a * BIN;
      const to = left + b * BIN;
      if (to - from >= 6 && from > left + width * 0.15 && to < right - width * 0.15) gutters.push({ from, to });
      runStart = -1;
    }
  }
  // Each column must really hold text: rows entirely on each side of every gutter.
  return gutters.filter((g) => {
    let before = 0;
    let after = 0;
    for (const r of rows) {
      if (r.items.every((it) => it.x1 <= g.from + 1)) before++;
      else if (r.items.every((it) => it.x0 >= g.to - 1)) after++;
      else if (r.items.some((it) => it.x1 <= g.from + 1) && r.items.some((it) => it.x0 >= g.to - 1)) {
        before++;
        after++;
      }
    }
    const wide = (side: 'before' | 'after', count: number) => {
      const w = sideWidth(rows, g, side);
      // A sidebar box of key figures is narrower than a column of prose but runs down the page;
      // a letterhead's address block beside the name is as narrow and only three lines long.
      return w >= width * MIN_COLUMN_SHARE || (w >= width * MIN_SIDEBAR_SHARE && count >= 6);
    };
    return before >= 3 && after >= 3 && wide('before', before) && wide('after', after);
  });
}

// A column of running text is wide; the last column of a table ("Change", "+3.9%") is not, and a
// table is read row by row rather than as columns.
const MIN_COLUMN_SHARE = 0.2;
const MIN_SIDEBAR_SHARE = 0.15;

/**
 * Width of the text rows set on one side of a gutter (up to the next gutter or the edge): the upper
 * quartile, as a column of prose is as wide as its full lines, whatever its short ones (a paragraph's
 * last line, a list of names) — while every line of a table's last column is narrow.
 */
function sideWidth(rows: Row[], g: Gutter, side: 'before' | 'after'): number {
  const widths: number[] = [];
  for (const r of rows) {
    const items = r.items.filter((it) => (side === 'before' ? it.x1 <= g.from + 1 : it.x0 >= g.to - 1));
    if (items.length === 0) continue;
    widths.push(Math.max(...items.map((it) => it.x1)) - Math.min(...items.map((it) => it.x0)));
  }
  widths.sort((a, b) => a - b);
  return widths[Math.floor(widths.length * 0.75)] ?? 0;
}

/** The longest run of bins in [from, to) crossed by the fewest rows, if at least minBins wide; else the whole range. */
function fewestCrossed(counts: Uint32Array, from: number, to: number, minBins: number): [number, number] {
  let min = Infinity;
  for (let i = from; i < to; i++) min = Math.min(min, counts[i]!);
  let best: [number, number] = [from, to];
  let bestLength = 0;
  for (let i = from; i < to; ) {
    if (counts[i] !== min) {
      i++;
      continue;
    }
    let j = i;
    while (j < to && counts[j] === min) j++;
    if (j - i > bestLength) {
      best = [i, j];
      bestLength = j - i;
    }
    i = j;
  }
  return bestLength >= minBins ? best : [from, to];
}

function readingOrder(rows: Row[], gutters: Gutter[], page: number, inColumns: Map<Item, Row>): Line[] {
  const out: Line[] = [];
  const emitted = new Set<Row>();
  const columns: Line[][] = gutters.map(() => []).concat([[]]);
  const flush = (below?: Row) => {
    const lifted = below ? sectionHeadingOver(columns, below) : null;
    for (const col of columns) {
      out.push(...col.filter((l) => l !== lifted));
      col.length = 0;
    }
    if (lifted) out.push({ ...lifted, col: -1 });
  };
  for (const row of rows) {
    const crosses = row.cells !== undefined || crossesGutters(row, gutters);
    if (gutters.length === 0 || crosses) {
      // A full-width line (title, abstract, wide figure caption, a table's row) ends the columns above it.
      flush(row);
      const line = lineOf(row.items, page, gutters.length === 0 ? 0 : -1, row.cells);
      if (line) out.push(line);
      continue;
    }
    const byColumn = new Map<number, Item[]>();
    for (const it of row.items) {
      const col = columnOfItem(it, gutters);
      byColumn.set(col, [...(byColumn.get(col) ?? []), it]);
    }
    for (const [col, items] of byColumn) {
      // A row of a table in this column is one line (with its wrapped cells), where its first line is.
      const tableRow = inColumns.get(items[0]!);
      if (tableRow) {
        if (!emitted.has(tableRow)) {
          emitted.add(tableRow);
          const line = lineOf(tableRow.items, page, col, tableRow.cells);
          if (line) columns[col]!.push(line);
        }
        continue;
      }
      const line = lineOf(items, page, col);
      if (line) columns[col]!.push(line);
    }
  }
  flush();
  return out;
}

/**
 * Where a page turns from columns to one column, the heading of the one-column section is short and
 * sits over the left column's place: it is read there unless lifted out. It is a column's last line,
 * lower than everything in the other columns, set apart from the lines above it, ending no sentence,
 * right over the full-width text. A longer left column's last line (at the pitch of those above it) stays.
 */
function sectionHeadingOver(columns: Line[][], below: Row): Line | null {
  const filled = columns.filter((c) => c.length > 0);
  if (filled.length < 2) return null;
  for (const col of filled) {
    const last = col.at(-1)!;
    const before = col.at(-2);
    if (!before) continue;
    const othersBottom = Math.max(...filled.filter((c) => c !== col).map((c) => c.at(-1)!.top));
    if (last.top <= othersBottom || SENTENCE_END.test(last.text) || last.text.length > 100) continue;
    if (last.top - before.top < 1.6 * before.size || below.top - last.top > 3 * last.size) continue;
    return last;
  }
  return null;
}

/** Items of one line (or one table cell) as text: a space where there is a gap, footnote markers as "[12]". */
function textOfItems(items: Item[]): string {
  const rtl = items.filter((it) => it.rtl).length * 2 > items.length;
  const sorted = [...items].sort((a, b) => (rtl ? b.x1 - a.x1 : a.x0 - b.x0));
  let text = '';
  let prev: Item | null = null;
  for (const it of sorted) {
    const marker = it.sup && !rtl ? footnoteMarker(it.str, text) : null;
    if (marker !== null) {
      // Glued to the word it follows, whatever the gap: "fighters[12]", "in 2024.[14]"; a note's own
      // number at the start of its line is followed by a space ("[14] Figures verified…").
      text = prev ? `${text.replace(/\s+$/, '')}${marker}` : `${marker} `;
      prev = it;
      continue;
    }
    if (prev) {
      const gap = rtl ? prev.x0 - it.x1 : it.x0 - prev.x1;
      if (gap > 0.12 * Math.min(prev.size, it.size) && !/\s$/.test(text) && !/^\s/.test(it.str)) text += ' ';
    }
    text += it.str;
    prev = it;
  }
  // Composed like every other import (NFC), before any offset is counted.
  return text.replace(SPACE, ' ').trim().normalize('NFC');
}

// A footnote marker: a note number, a run of them ("3,4", "7–9"), or a printer's mark.
const MARKER = /^(?:\d{1,3}(?:[,–-]\d{1,3})*|[*†‡§¶]{1,3})$/;

/** "[12]" for a raised footnote marker; null for what is raised and no marker (an exponent: "km²", an ordinal's "st"). */
function footnoteMarker(str: string, before: string): string | null {
  const s = str.trim();
  // A table's notes are often lettered ("Varda^a"): one letter after a word (after a figure it is an ordinal's, "1^e").
  if (/^[a-z]$/.test(s) && /\p{L}$/u.test(before)) return `[${s}]`;
  if (!MARKER.test(s)) return null;
  if (/^[23]$/.test(s) && /(?:^|[^\p{L}])(?:[kcdm]?m|ft|in|mi)$/u.test(before)) return null;
  return `[${s}]`;
}

function lineOf(items: Item[], page: number, col: number, cells?: string[]): Line | null {
  const rtl = items.filter((it) => it.rtl).length * 2 > items.length;
  const sorted = [...items].sort((a, b) => (rtl ? b.x1 - a.x1 : a.x0 - b.x0));
  const text = cells ? rowText(cells) : textOfItems(items);
  if (text === '') return null;
  let x0 = Infinity;
  let x1 = -Infinity;
  let top = Infinity;
  let size = 0;
  let chars = 0;
  for (const it of items) {
    x0 = Math.min(x0, it.x0);
    x1 = Math.max(x1, it.x1);
    // The line's size and baseline are its dominant text's, not a stray superscript's.
    if (it.str.length > chars) {
      chars = it.str.length;
      size = it.size;
    }
  }
  for (const it of items) if (it.size >= size * 0.75) top = Math.min(top, it.top);
  if (cells) return { page, top, x0, x1, size, text, col, tableRow: true };
  const lead = sorted[0]!.str.trim();
  const bold = items.every((it) => it.bold || it.sup || !/\p{L}/u.test(it.str));
  // A footnote's number, raised or not, then its text: the note's wrapped lines hang at the text.
  const afterNumberX = sorted.length > 1 && !rtl && (/^\d{1,3}[.)]?$/.test(lead) || SUB_LABEL_ALONE.test(lead)) ? sorted[1]!.x0 : undefined;
  return { page, top, x0, x1, size, text, col, ...(afterNumberX !== undefined ? { afterNumberX } : {}), ...(bold && items.some((it) => it.bold) ? { bold: true } : {}) };
}

// ---------------------------------------------------------------- running headers and footers

const PAGE_NUMBER = /^(page|p\.?|pg\.?|seite|página|page no\.?)?\s*[-–—]?\s*(#|[ivxlcdm]+)\s*[-–—]?\s*((of|\/|de|von)\s*#)?$/i;

function edgeKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/**
 * Drops lines at a page's top or bottom edge that repeat on other pages in the same size (digits
 * ignored, so "Report 2026 — page 3" repeats) and bare page numbers. Body text seldom repeats
 * verbatim at the same edge, so the rule needs no position heuristics beyond "outermost lines".
 */
function dropRunningLines(perPage: Line[][], pages: PdfPageText[]): Line[][] {
  const n = perPage.length;
  const edges = perPage.map((lines, i) => edgeCandidates(lines, pages[i]!.height));
  const seen = new Map<string, Set<number>>();
  const add = (key: string, page: number) => {
    const set = seen.get(key) ?? new Set<number>();
    set.add(page);
    seen.set(key, set);
  };
  edges.forEach((candidates, page) => {
    for (const line of candidates) add(sizedEdgeKey(line), page);
  });
  const neededOf = (pageCount: number) => (pageCount <= 3 ? 2 : Math.max(3, Math.ceil(pageCount * 0.2)));
  const needed = neededOf(n);
  // Books and journals alternate their running heads: the article's title on odd pages, the
  // journal's on even ones. Each repeats on every other page, so each side is counted on its own.
  // Page indices from 0: side 0 holds the first, third… pages.
  const sidePages = [Math.ceil(n / 2), Math.floor(n / 2)];
  const running = (key: string, page: number) => {
    const pagesSeen = seen.get(key);
    if (!pagesSeen) return false;
    if (pagesSeen.size >= needed) return true;
    const side = page % 2;
    const onSide = [...pagesSeen].filter((p) => p % 2 === side).length;
    return sidePages[side]! >= 2 && onSide === pagesSeen.size && onSide >= neededOf(sidePages[side]!);
  };
  return perPage.map((lines, page) => {
    const drop = new Set<Line>();
    for (const candidate of edges[page]!) {
      const { line } = candidate;
      if (PAGE_NUMBER.test(edgeKey(line.text)) || running(sizedEdgeKey(candidate), page)) drop.add(line);
    }
    return drop.size === 0 ? lines : lines.filter((l) => !drop.has(l));
  });
}

type EdgeCandidate = { line: Line; zone: 'top' | 'bottom'; deep: boolean };

function edgeCandidates(lines: Line[], height: number): EdgeCandidate[] {
  const byTop = [...lines].sort((a, b) => a.top - b.top);
  const out: EdgeCandidate[] = [];
  // A table's row is no running header, even a header row repeated at the top of each page the table runs over.
  // A letterhead runs to three or four lines (a name, a country or department, an address block
  // beside them): the outermost four lines at the top are tried, three at the foot. Those beyond the
  // outermost two are "deep": only a verbatim repeat drops one (see dropRunningLines).
  byTop.slice(0, 4).forEach((line, i) => {
    if (line.top < height * 0.15 && !line.tableRow) out.push({ line, zone: 'top', deep: i >= 2 });
  });
  const foot = byTop.slice(-3);
  foot.forEach((line, i) => {
    if (line.top > height * 0.85 && !line.tableRow && !out.some((o) => o.line === line)) out.push({ line, zone: 'bottom', deep: foot.length - i > 2 });
  });
  return out;
}

/**
 * A running line repeats in its zone with its words and its size: an article's title opening its
 * first page is set large, in the same words as the small running head of the pages after it.
 */
function sizedEdgeKey(candidate: EdgeCandidate): string {
  return `${candidate.zone}:${round(candidate.line.size)}:${edgeLineKey(candidate)}`;
}

/** A deep edge line's key keeps its digits: a letterhead's third line repeats verbatim, while body text that only looks alike once its numbers are folded ("… in case 100. The committee …" on one page, "… in case 400. …" on another) is not furniture. */
function edgeLineKey(candidate: EdgeCandidate): string {
  return candidate.deep ? `deep:${candidate.line.text.toLowerCase().replace(/\s+/g, ' ').trim()}` : edgeKey(candidate.line.text);
}

// ---------------------------------------------------------------- blocks

type Block = {
  kind: 'heading' | 'paragraph' | 'item';
  level: number;
  /** A paragraph opened by its number ("42. …"). */
  numbered: boolean;
  /** Opens with a paragraph number or a sub-paragraph label, so its continuation lines may hang at `textX`. */
  hangs: boolean;
  /** For list items and numbered paragraphs: where the text after the marker starts (a hanging indent aligns there). */
  textX: number;
  /** A table's row: a paragraph of one line. */
  row: boolean;
  /** A list item opened by a dash: its first line as printed (a lone one is no list). */
  dashed?: Line;
  /** Large type read as a pull quote (one quoted sentence), not a heading. */
  pulled?: boolean;
  lines: Line[];
};

const BULLET = /^([•●▪◦‣∙○■□►▸➢➤\u2022\u2023\u25E6\u2043\u2219·]\s*|[-–—*]\s+)(?=\S)/;
const NUMBERED = /^(\d{1,3})[.)]\s+(?=\S)/;
/** A sub-paragraph's label as UN reports set it ("(a) ", "(iv) ", "(3) ", "b) "): its text may hang after the label. */
const SUB_LABEL = /^(?:\([a-z]{1,5}\)|\(\d{1,2}\)|[a-z]\))\s+(?=\S)/i;
const SUB_LABEL_ALONE = /^(?:\([a-z]{1,5}\)|\(\d{1,2}\)|[a-z]\))$/i;
const SENTENCE_END = /[.!?:;…]["'”’»)\]]*$/;

function round(size: number): number {
  return Math.round(size * 2) / 2;
}

function buildBlocks(lines: Line[], pages: PdfPageText[]): PdfLayout {
  const bodySize = dominantSize(lines);
  const headingSizes = [...new Set(lines.filter((l) => isHeadingLine(l, bodySize)).map((l) => round(l.size)))].sort((a, b) => b - a);
  const pitch = linePitch(lines, bodySize);
  const colRight = new Map<string, number>();
  const colLeft = new Map<string, number>();
  for (const l of lines) {
    const key = `${l.page}:${l.col}`;
    colRight.set(key, Math.max(colRight.get(key) ?? -Infinity, l.x1));
    colLeft.set(key, Math.min(colLeft.get(key) ?? Infinity, l.x0));
  }

  const spaced = numberedParagraphsSpaced(lines, pitch, bodySize);
  const breaks = (a: Line, b: Line, block: Block) => paragraphBreak(a, b, block, pitch, colRight, colLeft, spaced);

  const blocks: Block[] = [];
  let cur: Block | null = null;
  let prev: Line | null = null;
  for (const [i, line] of lines.entries()) {
    const sized = !line.tableRow && !line.footnote && isHeadingLine(line, bodySize);
    const boldHeading = !sized && isBoldHeadingLine(line, lines[i - 1], lines[i + 1], bodySize, pitch);
    const heading = sized || boldHeading;
    const bullet = heading || line.tableRow || line.footnote ? null : BULLET.exec(line.text);
    const numbered = heading || bullet || line.tableRow || line.footnote ? null : NUMBERED.exec(line.text);
    let start = !cur || !prev;
    // A table's row is a paragraph of its own, and so is each footnote.
    if (line.tableRow || line.footnote || cur?.row) start = true;
    if (!start && cur && prev) {
      if (heading !== (cur.kind === 'heading')) start = true;
      else if (bullet) start = true;
      // "…rose to about" / "600. Its members…": a full line that has not ended goes on, whatever opens the next.
      else if (numbered) start = !(cur.kind === 'paragraph' && /[\p{L},]$/u.test(prev.text) && !breaks(prev, line, cur));
      else if (heading) start = round(line.size) !== round(prev.size) || line.page !== prev.page || line.top - prev.top > 2.2 * line.size || line.top < prev.top;
      else start = breaks(prev, line, cur);
    }
    if (start) {
      const sub: RegExpExecArray | null = heading || bullet || numbered || line.tableRow ? null : SUB_LABEL.exec(line.text);
      const marker: string = bullet?.[0] ?? numbered?.[0] ?? sub?.[0] ?? '';
      const bareNumber: boolean = !heading && !bullet && !line.tableRow && line.afterNumberX !== undefined && /^\d{1,3} /.test(line.text);
      cur = {
        kind: heading ? 'heading' : bullet ? 'item' : 'paragraph',
        level: sized ? headingLevel(round(line.size), headingSizes, lines, bodySize) : boldHeading ? Math.min(3, Math.max(2, 1 + headingSizes.filter((size) => size > round(line.size)).length)) : 0,
        numbered: numbered !== null,
        // A sub-paragraph "(a) …" hangs its wrapped lines after its label, like a numbered paragraph after its number.
        // A footnote's wrapped lines hang after its number too.
        // So do a paragraph's number hung bare in the margin ("12", then the text at a tab), as some courts print them.
        hangs: numbered !== null || sub !== null || line.footnote === true || bareNumber,
        textX: (numbered || sub || line.footnote || bareNumber ? line.afterNumberX : undefined) ?? line.x0 + (marker ? (line.x1 - line.x0) * (marker.length / Math.max(1, line.text.length)) : 0),
        row: line.tableRow === true,
        ...(bullet && /^[-–—]/.test(bullet[0]) ? { dashed: line } : {}),
        lines: [],
      };
      blocks.push(cur);
    }
    cur!.lines.push(marker(line, start ? cur! : null));
    prev = line;
  }
  return assemble(joinAroundPullQuotes(blocks.map((b, i) => (b.dashed && blocks[i - 1]?.kind !== 'item' && blocks[i + 1]?.kind !== 'item' ? loneDash(b) : pullQuote(b)))), pages, lines);
}

// A whole quoted sentence: “…, or less.”
const QUOTED_SENTENCE = /^[“"‘«„].*[.!?…][”"’»“]$/su;

/**
 * Large type that is one quoted sentence is a pull quote, not a heading: a heading names a section
 * and seldom ends a sentence inside quotation marks (a headline quoting someone goes on after the
 * quote: “We will not leave”: residents defy order).
 */
function pullQuote(block: Block): Block {
  if (block.kind !== 'heading') return block;
  const text = block.lines.map((l) => l.text.trim()).join(' ');
  return QUOTED_SENTENCE.test(text) ? { ...block, kind: 'paragraph', level: 0, pulled: true } : block;
}

/**
 * A pull quote set in the middle of a column interrupts a paragraph wherever the box falls, often
 * mid-sentence: a paragraph that has not ended (its last line ends in a letter or a comma) and a
 * paragraph after the quote, on the same page and column, opening in lower case are one paragraph,
 * read before the quote.
 */
function joinAroundPullQuotes(blocks: Block[]): Block[] {
  const out = [...blocks];
  for (let i = 1; i < out.length - 1; i++) {
    const [a, q, b] = [out[i - 1]!, out[i]!, out[i + 1]!];
    if (!q.pulled || a.kind !== 'paragraph' || b.kind !== 'paragraph' || a.row || b.row || a.pulled || b.pulled) continue;
    const last = a.lines[a.lines.length - 1]!;
    const first = b.lines[0]!;
    if (last.page !== first.page || last.col !== first.col || first.top <= last.top || first.footnote || last.footnote) continue;
    if (!/[\p{Ll},]$/u.test(last.text.trim()) || !/^\p{Ll}/u.test(first.text.trim())) continue;
    out.splice(i - 1, 3, { ...a, lines: [...a.lines, ...b.lines] }, q);
  }
  return out;
}

/**
 * A dash opening a line is a list's bullet only when there is a list: a lone "— A farmer in
 * Kelmouth" is a quote's attribution (or a dialogue line) and keeps its dash as a paragraph.
 */
function loneDash(block: Block): Block {
  const { dashed, ...rest } = block;
  return { ...rest, kind: 'paragraph', lines: [dashed!, ...block.lines.slice(1)] };
}

/** The line with its bullet removed when it opens a list item (lists render their own). */
function marker(line: Line, opened: Block | null): Line {
  if (!opened || opened.kind !== 'item') return line;
  return { ...line, text: line.text.replace(BULLET, '') };
}

/**
 * Whether the document sets its numbered paragraphs apart with space (most UN and government
 * reports do): then a numbered paragraph ends at that space or at the next number, and a short
 * line ending a sentence (ragged-right text) is no proof that it ended.
 */
function numberedParagraphsSpaced(lines: Line[], pitch: number, bodySize: number): boolean {
  let starts = 0;
  let spaced = 0;
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    if (a.page !== b.page || a.col !== b.col || round(a.size) !== bodySize || round(b.size) !== bodySize || !NUMBERED.test(b.text)) continue;
    starts++;
    if (b.top - a.top > pitch * 1.3) spaced++;
  }
  return starts >= 3 && spaced >= 0.8 * starts;
}

function paragraphBreak(a: Line, b: Line, cur: Block, pitch: number, colRight: Map<string, number>, colLeft: Map<string, number>, spaced: boolean): boolean {
  const aKey = `${a.page}:${a.col}`;
  const right = colRight.get(aKey) ?? a.x1;
  // A short line ended its paragraph only if the next line's first word would have fitted in the
  // room left: a long word ("Thirty-one", "Compensation") after a long name or phrase wraps whole.
  const short = a.x1 < right - 4 * a.size && right - a.x1 > firstWordWidth(b) + 0.3 * b.size;
  if (a.page !== b.page || a.col !== b.col || b.top < a.top) {
    // Across a column or page break a paragraph goes on only when it visibly had not ended
    // (ragged-right text makes a short last line no proof that it did).
    if (SENTENCE_END.test(a.text)) return true;
    return !(/^[\p{Ll}\d(“"'‘]/u.test(b.text) || /[-\u2010]$/.test(a.text) || /[,\p{Ll}]$/u.test(a.text));
  }
  const gap = b.top - a.top;
  if (gap > pitch * 1.45) return true;
  // Lines of one paragraph share a size; a caption's source line is set a point smaller (9 → 8).
  if (Math.abs(b.size - a.size) > a.size * 0.1) return true;
  if (cur.kind === 'item') return b.x0 < cur.textX - 0.5 * b.size;
  const left = colLeft.get(`${b.page}:${b.col}`) ?? b.x0;
  // Under a paragraph number the text may hang at the number's tab stop: that is no indent.
  const hanging = cur.hangs && b.x0 <= cur.textX + 0.5 * b.size;
  // A first-line indent opens a paragraph; a line back at the margin continues one.
  if (!hanging && b.x0 > a.x0 + 0.8 * b.size && b.x0 > left + 0.8 * b.size) return true;
  if (SUB_LABEL.test(b.text) && SENTENCE_END.test(a.text)) return true;
  // In a report whose numbered paragraphs are spaced, the line after a short one at the normal
  // pitch still belongs to its numbered paragraph (or sub-paragraph).
  if (spaced && cur.hangs && gap <= pitch * 1.2) return false;
  return short && SENTENCE_END.test(a.text);
}

/** The width of a line's first word, by its share of the line's letters. */
function firstWordWidth(line: Line): number {
  const word = /^\S+/.exec(line.text)?.[0] ?? '';
  return ((line.x1 - line.x0) * word.length) / Math.max(1, line.text.length);
}

function dominantSize(lines: Line[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) weight.set(round(l.size), (weight.get(round(l.size)) ?? 0) + l.text.length);
  let best = 10;
  let bestWeight = -1;
  for (const [size, w] of weight) if (w > bestWeight) [best, bestWeight] = [size, w];
  return best;
}

/**
 * A sub-heading set in bold at about the text's size ("Notes to editors", "Background" a point
 * larger): one short line, all bold, with no sentence punctuation, over a line of plain text, and
 * not the last line of a bold paragraph. A time stamp ("2.47 pm"), a bold "ENDS" over the notes,
 * a speaker's name opening a speech ("Mr Speaker:") and a bold sentence stay text.
 */
function isBoldHeadingLine(line: Line, prev: Line | undefined, next: Line | undefined, bodySize: number, pitch: number): boolean {
  if (!line.bold || line.tableRow || line.footnote || !next || next.bold || next.tableRow || next.footnote) return false;
  // Measured against the text it heads as well as the body: a boilerplate's bold title ("About the
  // …") set a point under the body, over its own smaller paragraph, still heads it.
  const under = Math.min(bodySize, next.size);
  if (line.size < under * 0.95 || next.size < bodySize * 0.8 || next.top <= line.top || next.page !== line.page) return false;
  const text = line.text.trim();
  const words = text.split(/\s+/);
  if (words.length > 12 || !/\p{L}{3}/u.test(text) || BULLET.test(text)) return false;
  if (/[.,:;!…]["'”’»)\]]*$/.test(text) || (/\?$/.test(text) && words.length > 6)) return false;
  // The last line of a bold paragraph (a bold sentence wrapped) is no heading.
  if (prev?.bold && prev.page === line.page && prev.col === line.col && line.top - prev.top <= pitch * 1.45) return false;
  return true;
}

function isHeadingLine(line: Line, bodySize: number): boolean {
  return line.size >= bodySize * 1.15 && line.text.length <= 200 && /\p{L}/u.test(line.text);
}

function headingLevel(size: number, sizes: number[], lines: Line[], bodySize: number): number {
  const rank = sizes.indexOf(size);
  const largest = sizes[0];
  const largestLines = lines.filter((l) => round(l.size) === largest && isHeadingLine(l, bodySize));
  // The document title: the largest size, used only on the first page it appears on.
  const titleLevel = largestLines.every((l) => l.page === largestLines[0]!.page);
  const level = titleLevel ? rank + 1 : rank + 2;
  return Math.min(3, Math.max(1, level));
}

function linePitch(lines: Line[], bodySize: number): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    if (a.page === b.page && a.col === b.col && round(a.size) === bodySize && round(b.size) === bodySize) {
      const gap = b.top - a.top;
      if (gap > 0 && gap < bodySize * 3) gaps.push(gap);
    }
  }
  if (gaps.length === 0) return bodySize * 1.2;
  gaps.sort((x, y) => x - y);
  // The smallest gap that is common (a quarter of them or more, within 8 %): on a short page of
  // short paragraphs the paragraph spaces may outnumber the line gaps, and a median would take a
  // paragraph space for the pitch.
  const common = gaps.find((g) => gaps.filter((o) => Math.abs(o - g) <= g * 0.08).length * 4 >= gaps.length);
  return common ?? gaps[Math.floor(gaps.length / 2)]!;
}

// ---------------------------------------------------------------- text, hyphenation, page map

const WORD = /[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*/gu;

function assemble(blocks: Block[], pages: PdfPageText[], lines: Line[]): PdfLayout {
  const seen = new Set<string>();
  for (const l of lines) for (const w of l.text.replace(/[-\u2010]$/, '').match(WORD) ?? []) seen.add(w.toLowerCase());

  const firstOffset = new Map<number, number>();
  const texts: string[] = [];
  let offset = 0;
  const built: Array<{ block: Block; text: string }> = [];
  for (const block of blocks) {
    let text = '';
    for (const line of block.lines) {
      const t = line.text.trim();
      if (t === '') continue;
      let at = 0;
      if (text === '') text = t;
      else ({ text, at } = join(text, t, seen));
      if (!firstOffset.has(line.page)) firstOffset.set(line.page, offset + at);
    }
    if (text === '') continue;
    built.push({ block, text });
    texts.push(text);
    offset += text.length + 1;
  }

  const out: TiptapNode[] = [];
  let list: { items: TiptapNode[] } | null = null;
  const closeList = () => {
    if (list) {
      const node = listOf(false, list.items);
      if (node) out.push(node);
    }
    list = null;
  };
  for (const { block, text } of built) {
    if (block.kind === 'item') {
      list ??= { items: [] };
      const item = listItemOf([{ type: 'paragraph', content: [textNode(text)] }]);
      if (item) list.items.push(item);
      continue;
    }
    closeList();
    out.push(block.kind === 'heading' ? { type: 'heading', attrs: { level: block.level }, content: [textNode(text)] } : { type: 'paragraph', content: [textNode(text)] });
  }
  closeList();

  const text = texts.join('\n');
  const pageMap: PageMap = [];
  const pagesWithoutText: number[] = [];
  // A page without text starts where the next page with text does (or at the end).
  let next = text.length;
  const starts = new Array<number>(pages.length);
  for (let i = pages.length - 1; i >= 0; i--) {
    const start = firstOffset.get(pages[i]!.number);
    if (start === undefined) pagesWithoutText.unshift(pages[i]!.number);
    else next = start;
    starts[i] = start ?? next;
  }
  pages.forEach((p, i) => pageMap.push({ page: p.number, label: p.label, start: starts[i]! }));
  // The first page owns everything before the first page with text (there is none, but stay total).
  if (pageMap.length > 0) pageMap[0]!.start = 0;
  for (let i = 1; i < pageMap.length; i++) pageMap[i]!.start = Math.max(pageMap[i]!.start, pageMap[i - 1]!.start);

  const firstHeading = built.find((b) => b.block.kind === 'heading' && b.block.level === 1) ?? built.find((b) => b.block.kind === 'heading');
  return { blocks: out, text, pages: pageMap, title: firstHeading?.text ?? null, pagesWithoutText };
}

// Prefixes English writes with a hyphen before a word ("self-government", "quasi-judicial"), and
// combining forms joined to a whole word ("ethno-nationalist", "socio-economic", "politico-military"):
// the hyphen at the line end is the word's own. Joined to another Greek or Latin element the same
// forms are closed ("ethnography", "sociology", "ethnocentric"), and so is what a hyphenation break
// leaves after "ex-", "pre-", "non-" or "anti-" ("ex-pected", "pre-vent"): those are joined.
const HYPHENATED_PREFIX = /^(?:self|quasi)$/i;
const COMBINING_FORM = /^(?:ethno|socio|politico)$/i;
const CLOSED_SECOND_ELEMENT = /^(?:log|graph|metr|nom|path|phob|phil|centr|cid|cra[ct]|gen|lingu|sphere|scop|biolog)/i;

function hyphenatedPrefix(head: string, tail: string): boolean {
  if (HYPHENATED_PREFIX.test(head)) return tail.length >= 4;
  return COMBINING_FORM.test(head) && tail.length >= 5 && !CLOSED_SECOND_ELEMENT.test(tail);
}

/**
 * Joins the next line onto a block's text: a word broken by a hyphen at the line end is rejoined
 * ("transpor-" + "tation") unless the document spells it hyphenated elsewhere ("long-term").
 * Returns where the next line's text starts in the result (for the page map).
 */
function join(text: string, next: string, seen: Set<string>): { text: string; at: number } {
  const broken = /([\p{L}\p{M}]+)[-\u2010]$/u.exec(text);
  if (broken && /^\p{Ll}/u.test(next)) {
    const tail = /^[\p{L}\p{M}]+/u.exec(next)?.[0] ?? '';
    const hyphenated = `${broken[1]}-${tail}`.toLowerCase();
    const closed = `${broken[1]}${tail}`.toLowerCase();
    if (seen.has(hyphenated) && !seen.has(closed)) return { text: text + next, at: text.length };
    if (hyphenatedPrefix(broken[1]!, tail)) return { text: text + next, at: text.length };
    return { text: text.slice(0, -1) + next, at: text.length - 1 };
  }
  return { text: `${text} ${next}`, at: text.length + 1 };
}
