// Scores what the web-page importer made of a saved page against a hand-written gold record: the
// metadata that prefills the import form, the passages a fact-checker needs in the canonical text
// (in their block kind: a list item stays a list item, a quotation a block quote), and the page
// chrome that must not leak into it. Pure, so a unit test and `npm run eval:pages` share it.
import { z } from 'zod';
import type { DocumentMetadata } from '@/lib/documents/page-metadata';
import type { TiptapDoc, TiptapNode } from '@/lib/articles/tiptap-doc';

const passageKind = z.enum(['p', 'h', 'li', 'quote']);

export const pageGoldSchema = z.object({
  file: z.string(),
  family: z.string(),
  title: z.string(),
  /** Names, in any order and however the importer joins them. */
  byline: z.array(z.string()),
  outlet: z.string(),
  publishedAt: z.string(),
  mustHave: z.array(z.object({ kind: passageKind, text: z.string() })),
  /** Strings that must appear exactly once (a pull quote repeats a paragraph). */
  once: z.array(z.string()).default([]),
  mustNot: z.array(z.string()),
});
export const pagesGoldSchema = z.object({ policy: z.string(), pages: z.array(pageGoldSchema) });
export type PageGold = z.infer<typeof pageGoldSchema>;

export type ImportedPage = { doc: TiptapDoc; text: string; title: string | null; metadata: DocumentMetadata };

export type PageScore = {
  file: string;
  metadata: { title: boolean; byline: boolean; outlet: boolean; publishedAt: boolean };
  metadataFound: DocumentMetadata & { title: string | null };
  kept: number;
  missing: string[];
  /** Kept, but not in the block kind the page gives it (a list item flattened into a paragraph). */
  wrongKind: string[];
  outOfOrder: boolean;
  leaked: string[];
  repeated: string[];
};

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function textOf(node: TiptapNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return ' ';
  return (node.content ?? []).map(textOf).join(node.type === 'listItem' || node.type === 'blockquote' ? ' ' : '');
}

const KIND_NODES: Record<z.infer<typeof passageKind>, string[]> = {
  p: ['paragraph'],
  h: ['heading'],
  li: ['listItem'],
  quote: ['blockquote'],
};

function nodesOfTypes(node: TiptapNode, types: string[], into: TiptapNode[] = []): TiptapNode[] {
  if (types.includes(node.type)) into.push(node);
  for (const child of node.content ?? []) nodesOfTypes(child, types, into);
  return into;
}

/** Bylines are compared as sets of names: "A and B", "A, B" and "A & B" are the same byline. */
export function bylineNames(byline: string | null): string[] {
  if (!byline) return [];
  return byline
    .replace(/^\s*by\s+/i, '')
    .split(/\s*(?:,|;|&|\band\b)\s*/i)
    .map((name) => squash(name).toLowerCase())
    .filter(Boolean)
    .sort();
}

function sameInstant(a: string | null, b: string): boolean {
  if (!a) return false;
  const t = Date.parse(a);
  return Number.isFinite(t) && t === Date.parse(b);
}

function count(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) n += 1;
  return n;
}

export function scorePageImport(gold: PageGold, page: ImportedPage): PageScore {
  const text = squash(page.text);
  const title = page.metadata.title ?? page.title;
  const missing: string[] = [];
  const wrongKind: string[] = [];
  let kept = 0;
  let lastAt = -1;
  let outOfOrder = false;
  for (const passage of gold.mustHave) {
    const wanted = squash(passage.text);
    const at = text.indexOf(wanted);
    if (at === -1) {
      missing.push(passage.text);
      continue;
    }
    kept += 1;
    if (at < lastAt) outOfOrder = true;
    lastAt = at;
    const inKind = nodesOfTypes(page.doc, KIND_NODES[passage.kind]).some((n) => squash(textOf(n)).includes(wanted));
    if (!inKind) wrongKind.push(passage.text);
  }
  return {
    file: gold.file,
    metadata: {
      title: squash(title ?? '') === squash(gold.title),
      byline: JSON.stringify(bylineNames(page.metadata.byline)) === JSON.stringify(bylineNames(gold.byline.join(', '))),
      outlet: squash(page.metadata.outlet ?? '').toLowerCase() === squash(gold.outlet).toLowerCase(),
      publishedAt: sameInstant(page.metadata.publishedAt, gold.publishedAt),
    },
    metadataFound: { ...page.metadata, title },
    kept,
    missing,
    wrongKind,
    outOfOrder,
    leaked: gold.mustNot.filter((s) => page.text.includes(s)),
    repeated: gold.once.filter((s) => count(page.text, s) !== 1),
  };
}

/** A page is clean when every metadata field is right, every passage kept in its kind and in order, nothing leaked. */
export function isCleanImport(score: PageScore): boolean {
  return (
    Object.values(score.metadata).every(Boolean) &&
    score.missing.length === 0 &&
    score.wrongKind.length === 0 &&
    !score.outOfOrder &&
    score.leaked.length === 0 &&
    score.repeated.length === 0
  );
}

/** Mistakes in the gold itself: a required passage that is not in the page, or forbidden by the same record. */
export function goldProblems(gold: PageGold, html: string): string[] {
  const source = squash(
    html
      .replace(/<\/?(?:span|a|strong|em|b|i|sup|sub|time)\b[^>]*>/gi, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&amp;/g, '&'),
  );
  // A table row is written as the importer writes it (cells joined by " | "); in the page its cells are separate elements.
  const inSource = (text: string) => source.includes(squash(text.replace(/\s*\|\s*/g, ' ')));
  const problems = gold.mustHave.filter((p) => !inSource(p.text)).map((p) => `${gold.file}: not in the page: ${p.text.slice(0, 50)}`);
  for (const s of gold.mustNot) {
    if (!source.includes(squash(s))) problems.push(`${gold.file}: forbidden string not in the page: ${s}`);
    const clash = gold.mustHave.find((p) => p.text.includes(s));
    if (clash) problems.push(`${gold.file}: forbidden "${s}" is inside a required passage`);
  }
  return problems;
}

export type PagesReport = { pages: PageScore[]; summary: PagesSummary };
export type PagesSummary = {
  pages: number;
  clean: number;
  metadataRight: number;
  metadataFields: number;
  passagesKept: number;
  passages: number;
  inKind: number;
  leaked: number;
  forbidden: number;
};

export function summarisePages(scores: PageScore[], golds: PageGold[]): PagesSummary {
  return {
    pages: scores.length,
    clean: scores.filter(isCleanImport).length,
    metadataRight: scores.reduce((n, s) => n + Object.values(s.metadata).filter(Boolean).length, 0),
    metadataFields: scores.length * 4,
    passagesKept: scores.reduce((n, s) => n + s.kept, 0),
    passages: golds.reduce((n, g) => n + g.mustHave.length, 0),
    inKind: scores.reduce((n, s) => n + s.kept - s.wrongKind.length, 0),
    leaked: scores.reduce((n, s) => n + s.leaked.length + s.repeated.length, 0),
    forbidden: golds.reduce((n, g) => n + g.mustNot.length + g.once.length, 0),
  };
}

export function formatPagesReport(scores: PageScore[], summary: PagesSummary, verbose: boolean): string {
  const lines: string[] = [];
  for (const s of scores) {
    const wrongMeta = Object.entries(s.metadata).filter(([, ok]) => !ok).map(([k]) => `${k}=${JSON.stringify(s.metadataFound[k as keyof typeof s.metadataFound])}`);
    lines.push(
      `${isCleanImport(s) ? 'CLEAN' : '     '} ${s.file.padEnd(22)} meta ${4 - wrongMeta.length}/4  kept ${s.kept}/${s.kept + s.missing.length}` +
        `  wrong-kind ${s.wrongKind.length}${s.outOfOrder ? '  OUT OF ORDER' : ''}  leaked ${s.leaked.length + s.repeated.length}`,
    );
    if (verbose) {
      for (const m of wrongMeta) lines.push(`        metadata: ${m}`);
      for (const m of s.missing) lines.push(`        missing: ${m.slice(0, 90)}`);
      for (const m of s.wrongKind) lines.push(`        wrong kind: ${m.slice(0, 90)}`);
      for (const m of s.leaked) lines.push(`        leaked: ${m}`);
      for (const m of s.repeated) lines.push(`        not exactly once: ${m}`);
    }
  }
  const pct = (a: number, b: number) => `${a}/${b} (${b ? ((100 * a) / b).toFixed(1) : '0'}%)`;
  lines.push(
    '',
    `pages clean ${pct(summary.clean, summary.pages)} · metadata ${pct(summary.metadataRight, summary.metadataFields)} · passages kept ${pct(summary.passagesKept, summary.passages)}` +
      ` · in their kind ${pct(summary.inKind, summary.passages)} · chrome leaked ${pct(summary.leaked, summary.forbidden)}`,
  );
  return lines.join('\n');
}
