import fs from 'node:fs';
import path from 'node:path';
import { heading, paragraph, textNode, type TiptapDoc, type TiptapNode } from '@/lib/articles/tiptap-doc';

export const ARTICLE_PATH = path.resolve(process.cwd(), 'prisma/fixtures/un-militant-nexus-article.txt');

/** The demo article as canonical text: its lines, no trailing newline. */
export function loadArticle(): string {
  return fs.readFileSync(ARTICLE_PATH, 'utf8').replace(/\r\n?/g, '\n').replace(/\n+$/, '');
}

/** The article as a TipTap doc: first line h1, short unpunctuated lines h2, the rest paragraphs. */
export function articleDoc(text: string): TiptapDoc {
  const lines = text.split('\n');
  return {
    type: 'doc',
    content: lines.map((line, i) => (i === 0 ? heading(1, line) : isSubheading(line) ? heading(2, line) : paragraph(line))),
  };
}

function isSubheading(line: string): boolean {
  return line.length < 60 && !/[.!?]$/.test(line);
}

/**
 * The first lines of the article in every StarterKit structure: marks, hardBreaks, a
 * blockquote, nested lists, a horizontal rule, an empty paragraph and a code block.
 */
export function nestedDoc(text: string): TiptapDoc {
  const [title, p1, p2, h2, p3, p4, p5] = text.split('\n');
  const [p1a, p1b] = splitAt(p1, p1.indexOf(' A new'));
  const item = (...blocks: TiptapNode[]): TiptapNode => ({ type: 'listItem', content: blocks });
  return {
    type: 'doc',
    content: [
      heading(1, title),
      {
        type: 'paragraph',
        content: [
          textNode(p1a, [{ type: 'bold' }]),
          { type: 'hardBreak' },
          textNode(p1b.slice(1), [{ type: 'italic' }]),
        ],
      },
      { type: 'blockquote', content: [paragraph(p2), paragraph('')] },
      { type: 'horizontalRule' },
      heading(2, h2),
      {
        type: 'bulletList',
        content: [
          item(paragraph(p3.slice(0, 120))),
          item(paragraph(p3.slice(120)), {
            type: 'orderedList',
            attrs: { start: 1 },
            content: [item(paragraph(p4)), item(paragraph('nested'), { type: 'blockquote', content: [paragraph(p5)] })],
          }),
        ],
      },
      { type: 'horizontalRule' },
      { type: 'codeBlock', attrs: { language: null }, content: [textNode('const x = 1;')] },
      paragraph('The end.'),
    ],
  };
}

function splitAt(s: string, at: number): [string, string] {
  return [s.slice(0, at), s.slice(at)];
}

export function replaceRange(text: string, from: number, to: number, insert: string): string {
  return text.slice(0, from) + insert + text.slice(to);
}

/** Deterministic PRNG (mulberry32) so fixtures built from "random" choices are reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
