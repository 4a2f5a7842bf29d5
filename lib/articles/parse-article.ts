import { canonicalTextOf } from '@/lib/anchoring/canonical-text';
import { ArticleParseError } from '@/lib/articles/article-parse-error';
import { normalizeInput } from '@/lib/articles/normalize-input';
import { parseHtml } from '@/lib/articles/parse-html';
import { parseMarkdown } from '@/lib/articles/parse-markdown';
import { parsePlainText } from '@/lib/articles/parse-plain-text';
import type { TiptapDoc, TiptapNode } from '@/lib/articles/tiptap-doc';

export { ArticleParseError, type ArticleParseErrorCode } from '@/lib/articles/article-parse-error';

export type ArticleFormat = 'text' | 'markdown' | 'html';
export const ARTICLE_FORMATS: readonly ArticleFormat[] = ['text', 'markdown', 'html'];
export const MAX_ARTICLE_CHARS = 1_000_000;

export type ArticleInput = { format: ArticleFormat; content: string };
export type ParsedArticle = { title: string | null; doc: TiptapDoc; text: string };

/**
 * Turns submitted content into the stored TipTap document (StarterKit schema) and its
 * canonical text. Throws ArticleParseError with a message fit for the API's error body.
 */
export function parseArticle(input: ArticleInput): ParsedArticle {
  const { format, content } = input;
  if (typeof content !== 'string') throw new ArticleParseError('empty', 'The article is empty.');
  if (content.length > MAX_ARTICLE_CHARS) {
    throw new ArticleParseError(
      'too_large',
      `The article is too long (${content.length.toLocaleString('en-US')} characters; the limit is ${MAX_ARTICLE_CHARS.toLocaleString('en-US')}).`,
    );
  }
  const normalized = normalizeInput(content);
  if (normalized.trim() === '') throw new ArticleParseError('empty', 'The article is empty.');

  const { title, blocks } = parseBlocks(format, normalized);
  if (blocks.length === 0) throw new ArticleParseError('empty', 'The article has no readable text.');
  const doc: TiptapDoc = { type: 'doc', content: blocks.map(composeText) };
  return { title: title?.normalize('NFC') ?? null, doc, text: canonicalTextOf(doc) };
}

/** Character references decode after `normalizeInput` ("e&#769;"): compose them too. */
function composeText(node: TiptapNode): TiptapNode {
  if (node.type === 'text' && typeof node.text === 'string') return { ...node, text: node.text.normalize('NFC') };
  return node.content ? { ...node, content: node.content.map(composeText) } : node;
}

function parseBlocks(format: ArticleFormat, normalized: string): { title: string | null; blocks: TiptapNode[] } {
  switch (format) {
    case 'text':
      return parsePlainText(normalized);
    case 'markdown':
      return parseMarkdown(normalized);
    case 'html':
      return parseHtml(normalized);
    default:
      throw new ArticleParseError(
        'unsupported_format',
        `Unsupported article format "${String(format)}"; use one of: ${ARTICLE_FORMATS.join(', ')}.`,
      );
  }
}
