import { Parser } from 'htmlparser2';
import {
  buildInline,
  headingLevel,
  listItemOf,
  listOf,
  NO_MARKS,
  type InlineItem,
  type MarkState,
} from '@/lib/articles/inline-content';
import { safeHref } from '@/lib/articles/safe-href';
import type { TiptapNode } from '@/lib/articles/tiptap-doc';

/** A minimal DOM: only tag names, the two attributes we may use, and text. */
type HtmlNode = { kind: 'text'; text: string } | HtmlElement;
type HtmlElement = {
  kind: 'element';
  tag: string;
  href: string | null;
  start: string | null;
  /** A table cell's extent in columns and rows (1 for anything else). */
  colspan: number;
  rowspan: number;
  children: HtmlNode[];
};

// Subtrees whose contents are never article text (and may be active content).
const DROPPED = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript', 'noembed', 'noframes',
  'template', 'svg', 'math', 'canvas', 'video', 'audio', 'picture', 'select', 'textarea', 'button', 'input',
  'img', 'map', 'meta', 'link', 'base',
]);

// Elements that end the current paragraph; anything else is an inline wrapper whose text flows through.
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'address', 'figure', 'figcaption',
  'pre', 'hr', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'dl', 'dt', 'dd', 'li', 'details',
  'summary', 'fieldset', 'legend', 'center', 'body', 'html', 'hgroup',
]);

/**
 * Sanitising HTML → StarterKit blocks. Nothing from the input survives except text and the
 * structure we rebuild (headings, paragraphs, quotes, lists, bold/italic, safe links, breaks):
 * attributes (event handlers, styles) are never copied. Title = first h1, else <title>
 * (which is then prepended as the headline so the doc always shows it).
 */
export function parseHtml(normalized: string): { title: string | null; blocks: TiptapNode[] } {
  const { root, documentTitle } = parseTree(normalized);
  const sink = new BlockSink(false);
  walkChildren(root.children, NO_MARKS, sink);
  sink.flush();
  const blocks = sink.blocks;

  const h1 = blocks.find((b) => b.type === 'heading' && b.attrs?.level === 1);
  if (h1) return { title: inlineText(h1), blocks };
  const titleContent = buildInline([{ kind: 'text', text: documentTitle, marks: NO_MARKS }]);
  if (titleContent.length === 0) return { title: null, blocks };
  const headline: TiptapNode = { type: 'heading', attrs: { level: 1 }, content: titleContent };
  return { title: inlineText(headline), blocks: [headline, ...blocks] };
}

function inlineText(node: TiptapNode): string {
  return (node.content ?? []).map((n) => (n.type === 'text' ? (n.text ?? '') : ' ')).join('');
}

/** A colspan/rowspan attribute as a count, bounded (a page's "colspan=1000" spans no more than a real table). */
function spanOf(value: string | undefined): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, 50) : 1;
}

function parseTree(html: string): { root: HtmlElement; documentTitle: string } {
  const root: HtmlElement = { kind: 'element', tag: '#root', href: null, start: null, colspan: 1, rowspan: 1, children: [] };
  const stack: HtmlElement[] = [root];
  let dropDepth = 0;
  let inTitle = false;
  let documentTitle = '';
  let titleSeen = false;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'title' && !titleSeen) inTitle = true;
        if (dropDepth > 0 || DROPPED.has(name) || name === 'title') {
          dropDepth += 1;
          return;
        }
        const element: HtmlElement = {
          kind: 'element',
          tag: name,
          href: name === 'a' ? (attribs.href ?? null) : null,
          start: name === 'ol' ? (attribs.start ?? null) : null,
          colspan: name === 'td' || name === 'th' ? spanOf(attribs.colspan) : 1,
          rowspan: name === 'td' || name === 'th' ? spanOf(attribs.rowspan) : 1,
          children: [],
        };
        stack[stack.length - 1].children.push(element);
        stack.push(element);
      },
      ontext(text) {
        if (inTitle) documentTitle += text;
        if (dropDepth > 0) return;
        stack[stack.length - 1].children.push({ kind: 'text', text });
      },
      onclosetag(name) {
        if (name === 'title' && inTitle) {
          inTitle = false;
          titleSeen = true;
        }
        if (dropDepth > 0) {
          dropDepth -= 1;
          return;
        }
        if (stack.length > 1) stack.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { root, documentTitle };
}

/** Collects blocks; inline content accumulates until a block boundary flushes it into a paragraph. */
class BlockSink {
  readonly blocks: TiptapNode[] = [];
  inline: InlineItem[] = [];

  /** inlineOnly: inside a heading, where block boundaries become spaces instead of paragraphs. */
  constructor(readonly inlineOnly: boolean) {}

  flush(): void {
    if (this.inlineOnly) {
      this.inline.push({ kind: 'text', text: ' ', marks: NO_MARKS });
      return;
    }
    const content = buildInline(this.inline);
    this.inline = [];
    if (content.length > 0) this.blocks.push({ type: 'paragraph', content });
  }
}

function walkChildren(children: HtmlNode[], marks: MarkState, sink: BlockSink): void {
  for (const child of children) walk(child, marks, sink);
}

function walk(node: HtmlNode, marks: MarkState, sink: BlockSink): void {
  if (node.kind === 'text') {
    sink.inline.push({ kind: 'text', text: node.text, marks });
    return;
  }
  const { tag, children } = node;
  switch (tag) {
    case 'br':
      sink.inline.push({ kind: 'break' });
      return;
    case 'b':
    case 'strong':
      walkChildren(children, { ...marks, bold: true }, sink);
      return;
    case 'i':
    case 'em':
      walkChildren(children, { ...marks, italic: true }, sink);
      return;
    case 'a': {
      const href = safeHref(node.href);
      walkChildren(children, href ? { ...marks, href } : marks, sink);
      return;
    }
  }
  if (tag === 'table' && !sink.inlineOnly && isDataTable(node)) {
    sink.flush();
    pushTableRows(node, marks, sink);
    return;
  }
  const headingMatch = /^h([1-6])$/.exec(tag);
  const structural = headingMatch !== null || tag === 'blockquote' || tag === 'ul' || tag === 'ol';
  if (!BLOCK.has(tag) && !structural) {
    walkChildren(children, marks, sink);
    return;
  }
  sink.flush();
  if (sink.inlineOnly || !structural) {
    walkChildren(children, marks, sink);
  } else if (headingMatch) {
    const inner = new BlockSink(true);
    walkChildren(children, marks, inner);
    const content = buildInline(inner.inline);
    if (content.length > 0) sink.blocks.push({ type: 'heading', attrs: { level: headingLevel(Number(headingMatch[1])) }, content });
  } else if (tag === 'blockquote') {
    const inner = blocksOf(children, marks);
    if (inner.length > 0) sink.blocks.push({ type: 'blockquote', content: inner });
  } else {
    const list = listOf(tag === 'ol', listItems(children, marks), parseStart(node.start));
    if (list) sink.blocks.push(list);
  }
  sink.flush();
}

// ---------------------------------------------------------------- tables

/**
 * Between a table row's cells: StarterKit has no table node, so a row is one paragraph, read and
 * cited as a unit ("Torkham | 4,210 | +12%"); the pipe is never part of prose, and a Markdown
 * table's rows read the same way (parse-markdown).
 */
const CELL_SEPARATOR = ' | ';
// A cell holding these is a page's layout, not a table's data: its blocks are kept as blocks.
const LAYOUT_IN_CELL = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'blockquote', 'table', 'pre', 'dl']);
const MAX_CELL_TEXT = 400;

function elementChildren(node: HtmlElement): HtmlElement[] {
  return node.children.filter((c): c is HtmlElement => c.kind === 'element');
}

/** The rows of a table, through its thead/tbody/tfoot, not those of a table nested in a cell. */
function tableRows(table: HtmlElement): HtmlElement[] {
  return elementChildren(table).flatMap((c) => (c.tag === 'tr' ? [c] : c.tag === 'thead' || c.tag === 'tbody' || c.tag === 'tfoot' ? elementChildren(c).filter((r) => r.tag === 'tr') : []));
}

const cellsOf = (row: HtmlElement) => elementChildren(row).filter((c) => c.tag === 'td' || c.tag === 'th');

function textLength(node: HtmlNode): number {
  return node.kind === 'text' ? node.text.trim().length : node.children.reduce((n, c) => n + textLength(c), 0);
}

function holdsLayout(node: HtmlElement): boolean {
  return node.children.some((c) => c.kind === 'element' && (LAYOUT_IN_CELL.has(c.tag) || holdsLayout(c)));
}

/** A table of data: some row has two cells or more, and no cell holds a page's worth of text or structure. */
function isDataTable(table: HtmlElement): boolean {
  const rows = tableRows(table);
  if (!rows.some((r) => cellsOf(r).length >= 2)) return false;
  return rows.every((r) => cellsOf(r).every((cell) => textLength(cell) <= MAX_CELL_TEXT && !holdsLayout(cell)));
}

/** The caption, then one paragraph per row: its cells' inline content (marks and links kept) joined by CELL_SEPARATOR. */
function pushTableRows(table: HtmlElement, marks: MarkState, sink: BlockSink): void {
  for (const caption of elementChildren(table).filter((c) => c.tag === 'caption')) {
    walkChildren(caption.children, marks, sink);
    sink.flush();
  }
  const cellContent = (cell: HtmlElement): InlineItem[] => {
    const inner = new BlockSink(true);
    walkChildren(cell.children, marks, inner);
    // A line break inside a cell is a space in its row.
    return inner.inline.map((item): InlineItem => (item.kind === 'break' ? { kind: 'text', text: ' ', marks: NO_MARKS } : item));
  };
  // Rows still covered by a cell above that spans them, per column: those places stay empty, so
  // the cells after them keep their columns ("North | Kessa | 214", then "| Harrow | 58").
  const covered: number[] = [];
  for (const row of tableRows(table)) {
    const cells: InlineItem[][] = [];
    let col = 0;
    const skipCovered = () => {
      while ((covered[col] ?? 0) > 0) {
        covered[col]! -= 1;
        cells.push([]);
        col++;
      }
    };
    for (const cell of cellsOf(row)) {
      skipCovered();
      // A cell spanning columns is followed by an empty place for each further column it covers.
      for (let k = 0; k < cell.colspan; k++) {
        cells.push(k === 0 ? cellContent(cell) : []);
        if (cell.rowspan > 1) covered[col] = cell.rowspan - 1;
        col++;
      }
    }
    skipCovered();
    while (cells.length > 0 && buildInline(cells[cells.length - 1]!).length === 0) cells.pop();
    cells.forEach((items, i) => {
      if (i > 0) sink.inline.push({ kind: 'text', text: CELL_SEPARATOR, marks: NO_MARKS });
      sink.inline.push(...items);
    });
    sink.flush();
  }
}

function blocksOf(children: HtmlNode[], marks: MarkState): TiptapNode[] {
  const sink = new BlockSink(false);
  walkChildren(children, marks, sink);
  sink.flush();
  return sink.blocks;
}

// Content between <li>s (stray text, nested lists written without an <li>) joins its own item.
function listItems(children: HtmlNode[], marks: MarkState): TiptapNode[] {
  const items: TiptapNode[] = [];
  let stray: HtmlNode[] = [];
  const pushItem = (nodes: HtmlNode[]) => {
    const item = listItemOf(blocksOf(nodes, marks));
    if (item) items.push(item);
  };
  for (const child of children) {
    if (child.kind === 'element' && child.tag === 'li') {
      pushItem(stray);
      stray = [];
      pushItem(child.children);
    } else {
      stray.push(child);
    }
  }
  pushItem(stray);
  return items;
}

function parseStart(start: string | null): number {
  if (start === null || !/^\s*-?\d{1,9}\s*$/.test(start)) return 1;
  return Number.parseInt(start, 10);
}
