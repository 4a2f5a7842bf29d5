// Word brief via the `docx` library. Claim markers in the article are superscript "[n]" links to a bookmark
// on each claim: Word renumbers real footnotes by position, which would not match the claim numbers.
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  InternalHyperlink,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { TiptapNode } from '@/lib/articles/tiptap-doc';
import { CLAIM_MARKER, inlinePlainText, markerNumbers } from './article-with-markers';
import type { Brief, BriefClaim, BriefEvidence, BriefTag } from './build-brief';
import { safeHttpUrl } from './escape';
import { CONFIDENCE_LABELS, STATUS_LABELS, VERDICT_LABELS, formatDate, formatDateTime } from './format';
import { PROVENANCE_LABELS, RELATION_LABELS } from '@/lib/provenance/relations';
import { sourceLabel } from './source-label';
import { citedEvidenceHeading, citedLinkLabel } from './cited-evidence';
import { evidenceLocation } from './evidence-location';

type RunStyle = {
  bold?: boolean;
  italics?: boolean;
  color?: string;
  size?: number;
  rightToLeft?: boolean;
  underline?: Record<string, never>;
  shading?: { type: typeof ShadingType.CLEAR; fill: string; color: string };
};

const BAR_BLOCKS = 24;
const FONT = 'Calibri';

// XML 1.0 forbids most C0 controls and lone surrogates; user text can contain them and Word would refuse the file.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(s: string): string {
  return s.replace(XML_INVALID, '\uFFFD');
}

function hex(color: string): string {
  return color.replace('#', '').toUpperCase();
}

/** The tag colour mixed with white, for backgrounds that keep black text readable. */
function tint(color: string, amount = 0.25): string {
  const n = parseInt(color.slice(1), 16);
  const mix = (c: number) => Math.round(255 - (255 - c) * amount);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => mix(c).toString(16).padStart(2, '0')).join('').toUpperCase();
}

/** Runs for possibly multi-line text, with explicit line breaks. */
function runs(s: string, style: RunStyle = {}): TextRun[] {
  return xmlSafe(s)
    .split(/\r\n?|\n/)
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, font: FONT, ...style }));
}

function labelled(label: string, value: ParagraphChild[]): Paragraph {
  return new Paragraph({ spacing: { after: 40 }, children: [new TextRun({ text: `${label}: `, bold: true, font: FONT }), ...value] });
}

function cell(children: ParagraphChild[], width: number, opts: { header?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    shading: opts.header ? { type: ShadingType.CLEAR, fill: 'F3F4F6', color: 'auto' } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [new Paragraph({ alignment: opts.align, children })],
  });
}

function text(s: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text: xmlSafe(s), font: FONT, ...style });
}

function table(widths: number[], header: string[], rows: ParagraphChild[][][]): Table {
  return new Table({
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell([text(h, { bold: true })], widths[i], { header: true })) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, widths[i], { align: i > 0 && i < 3 ? AlignmentType.RIGHT : undefined })) })),
    ],
  });
}

function swatch(tag: BriefTag): TextRun {
  return text('■ ', { color: hex(tag.color) });
}

function header(brief: Brief): Paragraph[] {
  const a = brief.article;
  const out = [new Paragraph({ heading: HeadingLevel.HEADING_1, children: runs(a.title || 'Untitled article') })];
  if (a.outlet) out.push(labelled('Outlet', runs(a.outlet)));
  if (a.byline) out.push(labelled('Byline', runs(a.byline)));
  if (a.publishedAt) out.push(labelled('Published', [text(formatDate(a.publishedAt))]));
  if (a.url) out.push(labelled('URL', runs(a.url)));
  out.push(labelled('Desk', runs(brief.desk.name)));
  out.push(labelled('Prepared by', [...runs(brief.preparedBy.name), text(`, ${formatDateTime(brief.preparedAt)}`)]));
  out.push(labelled('Article version', [text(`${brief.version.number} (`), ...runs(brief.version.id), text(')')]));
  return out;
}

function summary(brief: Brief): Array<Paragraph | Table> {
  const s = brief.summary;
  const max = Math.max(1, s.maxTagCount);
  const out: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [text('Summary')] }),
    new Paragraph({
      spacing: { after: 120 },
      children: [text(`${s.total} claim${s.total === 1 ? '' : 's'} (${s.anchored} in the text, ${s.orphaned} orphaned).${brief.options.onlyConfirmed ? ' Only confirmed claims are included.' : ''}`)],
    }),
    table(
      [3400, 900, 900, 3800],
      ['Tag', 'Claims', 'Share', 'Chart'],
      s.byTag.map((t) => {
        const blocks = t.count === 0 ? 0 : Math.max(1, Math.round((t.count / max) * BAR_BLOCKS));
        const pct = s.total === 0 ? 0 : Math.round((t.count / s.total) * 100);
        return [
          [swatch(t.tag), ...runs(t.tag.label), text(` (${xmlSafe(t.tag.key)})`, { color: '6B7280' })],
          [text(String(t.count))],
          [text(`${pct}%`)],
          [text('█'.repeat(blocks) || ' ', { color: hex(t.tag.color), size: 16 })],
        ];
      }),
    ),
    new Paragraph({ children: [] }),
    table(
      [3400, 900],
      ['Status', 'Claims'],
      s.byStatus.map((st) => [[text(STATUS_LABELS[st.status])], [text(String(st.count))]]),
    ),
    new Paragraph({ children: [] }),
    table(
      [3400, 900],
      ['Provenance', 'Claims'],
      s.byProvenance.map((p) => [[text(PROVENANCE_LABELS[p.provenance])], [text(String(p.count))]]),
    ),
  ];
  if (brief.analysts.length > 0) {
    out.push(labelled('Analysts', runs(brief.analysts.map((a) => `${a.name} (${a.claims})`).join(', '))));
  }
  if (brief.reviewers.length > 0) {
    out.push(labelled('Reviewers', runs(brief.reviewers.map((r) => `${r.name} (${r.reviews})`).join(', '))));
  }
  return out;
}

function claim(c: BriefClaim): Paragraph[] {
  const out = [
    new Paragraph({
      heading: HeadingLevel.HEADING_3,
      keepNext: true,
      children: [new Bookmark({ id: `claim_${c.number}`, children: [text(`${c.number}. `), ...runs(c.tag.label), text(` — ${STATUS_LABELS[c.status]}`)] })],
    }),
    new Paragraph({
      keepNext: true,
      indent: { left: 240 },
      spacing: { after: 120 },
      border: { left: { style: BorderStyle.SINGLE, size: 18, color: hex(c.tag.color), space: 8 } },
      children: runs(c.exact, { italics: true, shading: { type: ShadingType.CLEAR, fill: tint(c.tag.color), color: 'auto' } }),
    }),
    labelled('Tag', [swatch(c.tag), ...runs(c.tag.label), text(` (${xmlSafe(c.tag.key)})`)]),
  ];
  if (c.page) out.push(labelled('Page', [text(c.page)]));
  if (c.sourceDetail) out.push(labelled('Source', runs(c.sourceDetail)));
  if (c.previouslyChecked) out.push(labelled('Previously checked', runs(c.previouslyChecked)));
  if (c.confidence) out.push(labelled('Confidence', [text(CONFIDENCE_LABELS[c.confidence])]));
  if (c.gradeLabel) out.push(labelled('Grade', [text(c.gradeLabel)]));
  if (c.note) out.push(labelled('Note', runs(c.note)));
  if (c.orphaned) out.push(labelled('Anchor', [text('Orphaned: the quote was not found in this version')]));
  else if (c.anchorState !== 'exact') out.push(labelled('Anchor', [text(c.anchorState)]));
  out.push(labelled('Analyst', [...runs(c.author.name), text(`, ${formatDate(c.createdAt)}`)]));
  out.push(labelled('Provenance', [text(PROVENANCE_LABELS[c.provenance])]));
  for (const e of c.evidence) out.push(...evidence(e));
  for (const r of c.reviews) {
    const children: ParagraphChild[] = [text(`${VERDICT_LABELS[r.verdict]} — `, { bold: true }), ...runs(r.reviewerName ?? 'a reviewer'), text(`, ${formatDate(r.createdAt)}`)];
    if (r.suggestedTag) children.push(text(' (suggests tag '), ...runs(r.suggestedTag), text(')'));
    if (r.comment) children.push(text(': '), ...runs(r.comment));
    out.push(new Paragraph({ bullet: { level: 0 }, children }));
  }
  for (const r of c.replies) {
    out.push(new Paragraph({ bullet: { level: 0 }, children: [text('Reply — ', { bold: true }), ...runs(r.authorName), text(`, ${formatDate(r.createdAt)}: `), ...runs(r.body)] }));
  }
  return out;
}

const RELATION_COLORS: Record<BriefEvidence['relation'], string> = { supports: '15803D', partial: 'B45309', contradicts: 'B91C1C', misquoted: 'B91C1C', not_found: '6B7280' };

function evidence(e: BriefEvidence): Paragraph[] {
  const where = evidenceLocation(e);
  const out = [
    new Paragraph({
      bullet: { level: 0 },
      keepNext: true,
      children: [
        text(`Evidence — ${RELATION_LABELS[e.relation]}: `, { bold: true, color: RELATION_COLORS[e.relation] }),
        ...runs(sourceLabel(e.document)),
        ...(where ? [text(`, ${where}`)] : []),
        text(` (linked by `, { color: '6B7280' }),
        ...runs(e.authorName, { color: '6B7280' }),
        text(`, ${formatDate(e.createdAt)})`, { color: '6B7280' }),
      ],
    }),
  ];
  out.push(
    e.passage
      ? new Paragraph({ indent: { left: 720 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: RELATION_COLORS[e.relation], space: 6 } }, children: [text('“'), ...runs(e.passage.exact, { italics: true }), text('”')] })
      : new Paragraph({ indent: { left: 720 }, children: [text('No passage: the source was searched and does not say it.', { italics: true })] }),
  );
  if (e.anchorState && e.anchorState !== 'exact') out.push(new Paragraph({ indent: { left: 720 }, children: [text(`Passage anchor: ${e.anchorState}`)] }));
  if (e.cited) {
    out.push(new Paragraph({ indent: { left: 720 }, children: [text(citedEvidenceHeading(e.cited), { bold: true })] }));
    for (const l of e.cited.links) {
      out.push(new Paragraph({ bullet: { level: 1 }, children: [...runs(citedLinkLabel(l)), ...(l.exact ? [text(': “'), ...runs(l.exact, { italics: true }), text('”')] : [])] }));
    }
  }
  if (e.note) out.push(new Paragraph({ indent: { left: 720 }, children: [text('Note: ', { bold: true }), ...runs(e.note)] }));
  for (const r of e.reviews) {
    const children: ParagraphChild[] = [text(`${VERDICT_LABELS[r.verdict]} — `, { bold: true }), ...runs(r.reviewerName ?? 'a reviewer'), text(`, ${formatDate(r.createdAt)}`)];
    if (r.comment) children.push(text(': '), ...runs(r.comment));
    out.push(new Paragraph({ bullet: { level: 1 }, children }));
  }
  return out;
}

function sources(brief: Brief): Paragraph[] {
  if (brief.sources.length === 0) return [];
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [text('Sources')] }),
    ...brief.sources.map((s) => {
      const d = s.document;
      const url = safeHttpUrl(d.url);
      return new Paragraph({
        bullet: { level: 0 },
        children: [
          ...runs(sourceLabel(d)),
          ...(d.publishedAt ? [text(`, ${formatDate(d.publishedAt)}`)] : []),
          ...(url ? [text(', '), new ExternalHyperlink({ link: url, children: [text(url, { color: '1D4ED8', underline: {} })] })] : []),
          text(` — cited by claim${s.claims.length === 1 ? '' : 's'} ${s.claims.join(', ')}`),
        ],
      });
    }),
  ];
}

// Right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation forms).
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const STRONG = /[\p{L}]/u;

/** Whether a block reads right to left: its first strongly directional letter decides (as dir="auto"). */
export function isRtlText(text: string): boolean {
  for (const ch of text) if (STRONG.test(ch)) return RTL.test(ch);
  return false;
}

type InlineStyle = { bold?: boolean; italics?: boolean; rightToLeft?: boolean; size?: number };

function inlineChildren(node: TiptapNode, style: InlineStyle): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const c of node.content ?? []) {
    if (c.type === CLAIM_MARKER) {
      for (const n of markerNumbers(c.attrs?.numbers)) {
        out.push(new InternalHyperlink({ anchor: `claim_${n}`, children: [new TextRun({ text: `[${n}]`, superScript: true, color: '1D4ED8', font: FONT })] }));
      }
      continue;
    }
    if (c.type === 'hardBreak') {
      out.push(new TextRun({ text: '', break: 1, font: FONT }));
      continue;
    }
    if (c.type !== 'text' || !c.text) continue;
    const marks = new Set((c.marks ?? []).map((m) => m.type));
    const runStyle = { ...style, bold: style.bold || marks.has('bold') || undefined, italics: style.italics || marks.has('italic') || undefined };
    const href = (c.marks ?? []).find((m) => m.type === 'link')?.attrs?.href;
    const safe = typeof href === 'string' ? (safeHttpUrl(href) ?? (/^mailto:/i.test(href) ? href : null)) : null;
    if (safe) out.push(new ExternalHyperlink({ link: safe, children: [text(c.text, { ...runStyle, color: '1D4ED8', underline: {} })] }));
    else out.push(text(c.text, runStyle));
  }
  return out;
}

type BlockContext = { quote: number; list: Array<{ ordered: boolean; instance: number }> };

/** The article's blocks as Word paragraphs: headings, paragraphs, bulleted and numbered lists, quotes. */
function articleBlocks(nodes: TiptapNode[], ctx: BlockContext, counter: { lists: number }): Paragraph[] {
  const out: Paragraph[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'heading':
      case 'paragraph': {
        const rtl = isRtlText(inlinePlainText(node));
        const level = node.type === 'heading' ? Number(node.attrs?.level ?? 2) : 0;
        const style: InlineStyle = { rightToLeft: rtl || undefined, ...(level === 1 ? { bold: true, size: 28 } : {}) };
        const children = inlineChildren(node, style);
        if (children.length === 0) break;
        const list = ctx.list[ctx.list.length - 1];
        out.push(
          new Paragraph({
            heading: level === 2 ? HeadingLevel.HEADING_3 : level >= 3 ? HeadingLevel.HEADING_4 : undefined,
            bidirectional: rtl || undefined,
            spacing: { after: list ? 60 : 120 },
            indent: ctx.quote > 0 && !list ? { left: 480 * ctx.quote } : undefined,
            border: ctx.quote > 0 ? { left: { style: BorderStyle.SINGLE, size: 12, color: 'D1D5DB', space: 8 } } : undefined,
            numbering: list ? { reference: list.ordered ? 'article-numbers' : 'article-bullets', level: Math.min(ctx.list.length - 1, 8), instance: list.instance } : undefined,
            children,
          }),
        );
        break;
      }
      case 'blockquote':
        out.push(...articleBlocks(node.content ?? [], { ...ctx, quote: ctx.quote + 1 }, counter));
        break;
      case 'bulletList':
      case 'orderedList': {
        // Each list numbers from its own start: a fresh numbering instance per list.
        const list = { ordered: node.type === 'orderedList', instance: ++counter.lists };
        for (const item of node.content ?? []) {
          const [first, ...rest] = item.content ?? [];
          if (first) out.push(...articleBlocks([first], { ...ctx, list: [...ctx.list, list] }, counter));
          // Later blocks of an item (a second paragraph, a nested list) hang under it, unnumbered.
          out.push(...articleBlocks(rest, { ...ctx, list: [...ctx.list, list] }, counter));
        }
        break;
      }
      default:
        if (node.content) out.push(...articleBlocks(node.content, ctx, counter));
    }
  }
  return out;
}

function article(brief: Brief): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, pageBreakBefore: true, children: [text('Article text')] }),
    ...articleBlocks(brief.articleDoc.content, { quote: 0, list: [] }, { lists: 0 }),
  ];
}

const LIST_LEVELS = (ordered: boolean) =>
  Array.from({ length: 9 }, (_, level) => ({
    level,
    format: ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
    text: ordered ? `%${level + 1}.` : ['•', '◦', '▪'][level % 3]!,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));

export async function toDocx(brief: Brief): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [...header(brief), ...summary(brief)];
  if (brief.claims.length === 0) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [text('Claims')] }), new Paragraph({ children: [text('No claims match this export.')] }));
  }
  for (const s of brief.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: s.tag ? [text('Claims: '), ...runs(s.tag.label)] : [text('Claims')] }));
    for (const c of s.claims) children.push(...claim(c));
  }
  if (brief.orphaned.length > 0) {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [text('Orphaned claims')] }),
      new Paragraph({ children: [text('These quotes could not be located in the current version of the article.', { italics: true })] }),
    );
    for (const c of brief.orphaned) children.push(...claim(c));
  }
  children.push(...sources(brief));
  children.push(...article(brief));

  const doc = new Document({
    creator: xmlSafe(brief.preparedBy.name),
    title: xmlSafe(`Brief: ${brief.article.title || 'Untitled article'}`),
    description: xmlSafe(`${brief.desk.name}, prepared ${formatDateTime(brief.preparedAt)}`),
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    numbering: {
      config: [
        { reference: 'article-bullets', levels: LIST_LEVELS(false) },
        { reference: 'article-numbers', levels: LIST_LEVELS(true) },
      ],
    },
    sections: [{ properties: {}, children }],
  });
  return Packer.toBuffer(doc);
}
