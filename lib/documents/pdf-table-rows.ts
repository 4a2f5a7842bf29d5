// Tables in a PDF page, found from the geometry of its text (pdf.js gives positioned strings, no
// table structure): consecutive rows whose text falls into the same columns, with a vertical
// channel of white between every two columns that no row crosses. Each table row becomes one line
// of text, its cells joined by CELL_SEPARATOR, so a row reads, searches and is cited as a unit
// ("Northern Kessa | 214 | 61 | 148 | 23") — the editor has no table node, and a table read as one
// blob (or column after column) can be neither cited nor checked.
//
// What looks like a table and is not: two columns of prose (every row has two wide segments with a
// gutter between them), numbered paragraphs and footnotes (a number, a tab, text), "(a)" lists.
// Prose is told by its lines: long, and running on from one line to the next (a line that does not
// end a sentence followed by one opening in lower case); a list by its first column of labels.

/** Between the cells of a table row as text: a pipe is never part of prose, and a Markdown table's rows read the same. */
export const CELL_SEPARATOR = ' | ';

export type TableItem = { str: string; x0: number; x1: number; top: number; size: number; rtl?: boolean };
export type TableRowCandidate<I extends TableItem> = { top: number; size: number; items: I[]; cells?: string[] };

/**
 * A gap between two text items wider than this (× the row's size) may separate two cells: a word
 * space is a quarter of an em, a dense table's figures are half an em apart. Wide spaces of
 * justified prose pass it too, but never line up from row to row as a table's channels do.
 */
const CELL_GAP = 0.45;
/** Rows of one table are this close (× size, baseline to baseline); a larger blank ends the table. */
const MAX_ROW_PITCH = 2.6;
const MIN_ROWS = 3;

type Segment<I> = { x0: number; x1: number; items: I[] };

function segmentsOf<I extends TableItem>(row: TableRowCandidate<I>): Array<Segment<I>> {
  const sorted = [...row.items].sort((a, b) => a.x0 - b.x0);
  const out: Array<Segment<I>> = [];
  for (const it of sorted) {
    const last = out[out.length - 1];
    if (last && it.x0 - last.x1 <= CELL_GAP * row.size) {
      last.items.push(it);
      last.x1 = Math.max(last.x1, it.x1);
    } else out.push({ x0: it.x0, x1: it.x1, items: [it] });
  }
  return out;
}

/** The content of a table row between its cells' separators. */
export function rowText(cells: string[]): string {
  const kept = [...cells];
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept.join(CELL_SEPARATOR).replace(/\s+/g, ' ').trim();
}

/**
 * The page's rows with each table found in them replaced by its rows, `cells` set; a wrapped
 * cell's further lines are part of their row. Rows outside tables are returned as they are.
 * `textOf` turns a cell's items (of one printed line) into text.
 */
export function markTableRows<I extends TableItem, R extends TableRowCandidate<I>>(rows: R[], textOf: (items: I[]) => string, make: (row: R, items: I[], cells: string[]) => R): R[] {
  const segments = rows.map((r) => segmentsOf(r));
  const out: R[] = [];
  let i = 0;
  while (i < rows.length) {
    const table = segments[i]!.length >= 2 ? tableAt(rows, segments, i, textOf) : null;
    if (!table || table.rows.length === 0) {
      // Rows judged to be prose are prose as a whole: a tail of them is no table either (the last
      // few lines of a column beside a table are too few to show that they run on).
      const through = table ? table.end : i + 1;
      for (; i < through; i++) out.push(rows[i]!);
      continue;
    }
    for (const tr of table.rows) out.push(make(rows[tr.first]!, tr.items, tr.cells));
    i = table.end;
  }
  return out;
}

type BuiltRow<I> = { first: number; items: I[]; cells: string[]; lines: string[][] };

function tableAt<I extends TableItem, R extends TableRowCandidate<I>>(rows: R[], segments: Array<Array<Segment<I>>>, start: number, textOf: (items: I[]) => string): { end: number; rows: Array<BuiltRow<I>> } | null {
  // The run of rows with two segments or more that keep the columns found so far apart (a paragraph
  // after the table runs across them), allowing single-segment rows (wrapped cells) inside it.
  let columns = columnsOf(segments[start]!, rows[start]!.size);
  let end = start + 1;
  let lastMulti = start;
  let multi = 1;
  for (; end < rows.length; end++) {
    const pitch = rows[end]!.top - rows[end - 1]!.top;
    if (pitch < 0 || pitch > MAX_ROW_PITCH * Math.max(rows[end]!.size, rows[end - 1]!.size)) break;
    const segs = segments[end]!;
    if (segs.length >= 2) {
      // The columns are the union of the spans so far: merging the new row's into them is enough.
      const merged = columnsOf([...columns, ...segs], rows[start]!.size);
      // The first row runs across the next one's columns (a caption, a numbered paragraph): no table starts there.
      if (end === start + 1 && merged.length < segs.length) return null;
      if (merged.length < columns.length) break;
      columns = merged;
      lastMulti = end;
      multi++;
    } else if (end - lastMulti > 2 || !segs.every((sg) => columns.some((c) => sg.x0 >= c.x0 - 0.5 && sg.x1 <= c.x1 + 0.5))) break;
  }
  // A wrapped cell may follow the last full row; anything further is not the table's.
  end = Math.min(end, lastMulti + 3);
  if (multi < MIN_ROWS || columns.length < 2) return null;
  const columnOf = (s: Segment<I>) => columns.findIndex((c) => s.x0 >= c.x0 - 0.5 && s.x1 <= c.x1 + 0.5);

  const built: Array<BuiltRow<I>> = [];
  let used = start;
  for (let k = start; k < end; k++) {
    const segs = segments[k]!;
    const at = segs.map(columnOf);
    // A line crossing a channel (a paragraph after the table, a spanning title) is not a row.
    if (at.some((c) => c < 0)) break;
    const lines = columns.map(() => [] as string[]);
    const cellItems = columns.map(() => [] as I[]);
    segs.forEach((s, n) => cellItems[at[n]!]!.push(...s.items));
    cellItems.forEach((items, c) => {
      if (items.length > 0) lines[c]!.push(textOf(items));
    });
    const filled = lines.filter((l) => l.length > 0).length;
    const prev = built[built.length - 1];
    if (prev && continuesRow(prev, lines, rows[k]!.top - rows[k - 1]!.top, rows[k]!.size, filled)) {
      lines.forEach((l, c) => prev.lines[c]!.push(...l));
      prev.items.push(...rows[k]!.items);
      used = k;
      continue;
    }
    if (filled < 2 && k > start) {
      // A line in one column only that continues nothing: the table has ended above it.
      break;
    }
    built.push({ first: k, items: [...rows[k]!.items], cells: [], lines });
    used = k;
  }
  if (built.length < MIN_ROWS) return null;
  // A header over two lines ("2024" over "approved"): the first row has no cell in the first column.
  if (built.length > MIN_ROWS && built[0]!.lines[0]!.length === 0 && built[1]!.lines[0]!.length > 0 && rows[built[1]!.first]!.top - rows[built[0]!.first]!.top < 1.5 * rows[start]!.size) {
    const [head, next] = built;
    next!.lines.forEach((l, c) => head!.lines[c]!.push(...l));
    head!.items.push(...next!.items);
    built.splice(1, 1);
  }
  // A right-to-left table (Arabic, Urdu) starts at its rightmost column.
  const items = built.flatMap((r) => r.items);
  if (items.filter((it) => it.rtl).length * 2 > items.length) for (const r of built) r.lines.reverse();
  if (!looksTabular(built) || columnGoesOn(rows, segments, start, used + 1, columns)) return { end: used + 1, rows: [] };
  for (const row of built) row.cells = row.lines.map((l) => l.join(' '));
  return { end: used + 1, rows: built };
}

/**
 * A line that carries on the row above it: a wrapped cell, not a row of its own. Without text in
 * the first column it is one when it fills one cell, or several set closer than the rows are; a
 * line filling the other columns at the rows' pitch is a row grouped under the label above it
 * ("North | Kessa | 214" then "| Harrow | 58"). With first-column text only, it is one when it
 * opens in lower case or is set close under a cell that has not ended.
 */
function continuesRow<I>(prev: BuiltRow<I>, lines: string[][], pitch: number, size: number, filled: number): boolean {
  if (filled === 0) return false;
  if (lines[0]!.length === 0) return filled === 1 || pitch < 1.35 * size;
  if (filled > 1) return false;
  const text = lines[0]![0]!;
  const before = prev.lines[0]!.at(-1) ?? '';
  return /^\p{Ll}/u.test(text) || (pitch < 1.35 * size && !/[.:;!?]$/.test(before));
}

/**
 * A page column, not a table's: the line just above or below the rows (at a line's distance) is
 * running text set within one of the columns other than the first — the prose beside a table set
 * in the other column of the page. A table's caption or the paragraph after it runs across the
 * columns, or starts at the first.
 */
function columnGoesOn<I extends TableItem, R extends TableRowCandidate<I>>(rows: R[], segments: Array<Array<Segment<I>>>, start: number, end: number, columns: Array<{ x0: number; x1: number }>): boolean {
  for (const [k, next] of [[start - 1, start], [end, end - 1]] as const) {
    const row = rows[k];
    if (!row || Math.abs(row.top - rows[next]!.top) > MAX_ROW_PITCH * row.size) continue;
    for (let c = 1; c < columns.length; c++) {
      const col = columns[c]!;
      const inside = segments[k]!.filter((sg) => sg.x0 >= col.x0 - row.size && sg.x1 <= col.x1 + row.size);
      const words = inside.reduce((n, sg) => n + sg.items.map((it) => it.str).join(' ').split(/\s+/).filter(Boolean).length, 0);
      if (inside.length > 0 && words >= 5) return true;
    }
  }
  return false;
}

/** Columns: the x ranges the rows' segments cover, merged where they overlap; the white between them is the channels. */
function columnsOf(input: Array<{ x0: number; x1: number }>, size: number): Array<{ x0: number; x1: number }> {
  const spans = [...input].sort((a, b) => a.x0 - b.x0);
  const out: Array<{ x0: number; x1: number }> = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    // A channel narrower than a word space is no channel: the two are one column.
    if (last && s.x0 <= last.x1 + 0.3 * size) last.x1 = Math.max(last.x1, s.x1);
    else out.push({ ...s });
  }
  return out;
}

// A first column of paragraph numbers, footnote numbers, "(a)" labels or bullets makes a list, not a table.
const LABEL = /^(?:\d{1,3}[.)]?|\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)|[•●▪◦‣∙○■□►▸➢➤·*–—-]|\[\d{1,3}\])$/i;
const SENTENCE_END = /[.!?:;…۔؟]["'”’»)\]]*$/u;
// A line opening as a sentence's middle does: in lower case, or in a script without case (Arabic, Urdu).
const OPENS_MID_SENTENCE = /^[\p{Ll}\p{Lo}]/u;

function looksTabular<I>(rows: Array<BuiltRow<I>>): boolean {
  const columns = rows[0]!.lines.length;
  const full = rows.filter((r) => r.lines.filter((l) => l.length > 0).length >= 2);
  if (full.length < MIN_ROWS) return false;
  const first = full.map((r) => r.lines[0]![0] ?? '').filter((t) => t !== '');
  if (columns === 2 && first.every((t) => LABEL.test(t))) return false;
  let proseColumns = 0;
  for (let c = 0; c < columns; c++) {
    const cells = full.map((r) => r.lines[c]![0] ?? '');
    const filled = cells.filter((t) => t !== '');
    const words = filled.map((t) => t.split(/\s+/).length).sort((a, b) => a - b);
    const chars = filled.map((t) => t.length).sort((a, b) => a - b);
    const median = words[Math.floor(words.length / 2)] ?? 0;
    // Long lines: many words, or many characters in a script written without spaces.
    const long = median >= 6 || (chars[Math.floor(chars.length / 2)] ?? 0) >= 30;
    // Lines of running text run on into the next row's line in the same column.
    let pairs = 0;
    let runOn = 0;
    for (let k = 1; k < cells.length; k++) {
      if (cells[k - 1] === '' || cells[k] === '') continue;
      pairs++;
      if (!SENTENCE_END.test(cells[k - 1]!) && OPENS_MID_SENTENCE.test(cells[k]!)) runOn++;
    }
    if ((median >= 4 || long) && pairs >= 2 && runOn >= 0.3 * pairs) return false;
    if (long) proseColumns++;
  }
  return proseColumns < columns;
}
