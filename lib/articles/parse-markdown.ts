import { Lexer, type MarkedToken, type Token, type Tokens } from 'marked';
import { decodeEntities } from '@/lib/articles/decode-entities';
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

/**
 * Markdown → StarterKit blocks via marked's lexer (never its HTML renderer). Raw HTML and
 * images contribute no text; code is kept as literal text. Title = text of the first "#".
 */
export function parseMarkdown(normalized: string): { title: string | null; blocks: TiptapNode[] } {
  const tokens = Lexer.lex(normalized, { gfm: true });
  const blocks = blockNodes(tokens);
  return { title: firstH1Text(blocks), blocks };
}

function firstH1Text(blocks: TiptapNode[]): string | null {
  const h1 = blocks.find((b) => b.type === 'heading' && b.attrs?.level === 1);
  if (!h1) return null;
  return (h1.content ?? []).map((n) => (n.type === 'text' ? (n.text ?? '') : ' ')).join('');
}

function blockNodes(tokens: Token[]): TiptapNode[] {
  const out: TiptapNode[] = [];
  // Tight list items hold bare inline "text" tokens; consecutive ones form one paragraph.
  let looseInline: InlineItem[] = [];
  const flush = () => {
    pushParagraph(out, looseInline);
    looseInline = [];
  };
  for (const raw of tokens) {
    const token = raw as MarkedToken;
    if (token.type === 'text') {
      if (looseInline.length > 0) looseInline.push({ kind: 'text', text: ' ', marks: NO_MARKS });
      looseInline.push(...inlineItems(token.tokens ?? [token], NO_MARKS));
      continue;
    }
    flush();
    switch (token.type) {
      case 'heading': {
        const content = buildInline(inlineItems(token.tokens, NO_MARKS));
        if (content.length > 0) out.push({ type: 'heading', attrs: { level: headingLevel(token.depth) }, content });
        break;
      }
      case 'paragraph':
        pushParagraph(out, inlineItems(token.tokens, NO_MARKS));
        break;
      case 'blockquote': {
        const inner = blockNodes(token.tokens);
        if (inner.length > 0) out.push({ type: 'blockquote', content: inner });
        break;
      }
      case 'list': {
        const items = token.items.map((item) => listItemOf(blockNodes(item.tokens))).filter((n) => n !== null);
        const list = listOf(token.ordered, items, typeof token.start === 'number' ? token.start : 1);
        if (list) out.push(list);
        break;
      }
      case 'code':
        pushParagraph(out, literalLines(token.text));
        break;
      case 'table':
        for (const row of [token.header, ...token.rows]) pushParagraph(out, tableRow(row));
        break;
      // html (raw HTML is never kept), hr, space, def and unknown extension tokens carry no article text.
      default:
        break;
    }
  }
  flush();
  return out;
}

function pushParagraph(out: TiptapNode[], items: InlineItem[]): void {
  const content = buildInline(items);
  if (content.length > 0) out.push({ type: 'paragraph', content });
}

// Code keeps its line structure through hard breaks; spaces still collapse (prose display).
function literalLines(text: string): InlineItem[] {
  const items: InlineItem[] = [];
  text.split('\n').forEach((line, i) => {
    if (i > 0) items.push({ kind: 'break' });
    items.push({ kind: 'text', text: line, marks: NO_MARKS });
  });
  return items;
}

function tableRow(cells: Tokens.TableCell[]): InlineItem[] {
  const items: InlineItem[] = [];
  cells.forEach((cell, i) => {
    if (i > 0) items.push({ kind: 'text', text: ' | ', marks: NO_MARKS });
    items.push(...inlineItems(cell.tokens, NO_MARKS));
  });
  return items;
}

function inlineItems(tokens: Token[], marks: MarkState): InlineItem[] {
  const items: InlineItem[] = [];
  for (const raw of tokens) {
    const token = raw as MarkedToken;
    switch (token.type) {
      case 'text':
        if (token.tokens && token.tokens.length > 0) items.push(...inlineItems(token.tokens, marks));
        else items.push({ kind: 'text', text: decodeEntities(token.text), marks });
        break;
      case 'escape':
        items.push({ kind: 'text', text: token.text, marks });
        break;
      case 'codespan':
        items.push({ kind: 'text', text: token.text, marks });
        break;
      case 'strong':
        items.push(...inlineItems(token.tokens, { ...marks, bold: true }));
        break;
      case 'em':
        items.push(...inlineItems(token.tokens, { ...marks, italic: true }));
        break;
      case 'del':
        items.push(...inlineItems(token.tokens, marks));
        break;
      case 'link': {
        const href = safeHref(token.autolink ? token.href : decodeEntities(token.href));
        items.push(...inlineItems(token.tokens, href ? { ...marks, href } : marks));
        break;
      }
      case 'br':
        items.push({ kind: 'break' });
        break;
      // html tags, images, checkboxes: no text of their own.
      default:
        break;
    }
  }
  return items;
}
