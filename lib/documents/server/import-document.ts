import 'server-only';
import { canonicalTextOf } from '@/lib/anchoring/canonical-text';
import { ArticleParseError } from '@/lib/articles/article-parse-error';
import { parseArticle, type ArticleFormat } from '@/lib/articles/parse-article';
import type { TiptapDoc } from '@/lib/articles/tiptap-doc';
import { isWholeWebPage } from '@/lib/documents/is-whole-web-page';
import type { PageMap } from '@/lib/documents/page-map';
import { NO_METADATA, type DocumentMetadata } from '@/lib/documents/page-metadata';
import { ACCEPTED_MEDIA_TYPES, ACCEPTED_TYPES_SENTENCE, sniffDocument, type SniffedDocument } from '@/lib/documents/sniff-document';
import { extractWebPage } from '@/lib/documents/server/extract-web-page';
import { tidyWebArticle } from '@/lib/documents/tidy-web-article';
import { promoteBoldParagraphHeadings } from '@/lib/documents/bold-paragraph-headings';
import { parsePdf } from '@/lib/documents/server/parse-pdf';

/** What an article version was imported from (stored with the version). */
export type SourceFormat = ArticleFormat | 'pdf';

/**
 * Submitted content, as the API received it: an uploaded file's bytes (sniffed), or a JSON string
 * in a named text format. `fileName` only tells Markdown from plain text; it is never trusted for
 * anything else.
 */
export type DocumentSource =
  | { kind: 'file'; bytes: Uint8Array; fileName?: string | null; textFormat?: ArticleFormat | null }
  | { kind: 'text'; text: string; format: ArticleFormat };

/** What the heavy worker's `importDocument` task takes: a source it reads (sniffs) itself, or one already read. */
export type DocumentToParse = { source: DocumentSource } | { read: SniffedDocument };

export type ImportedDocument = {
  format: SourceFormat;
  /** True when HTML was a whole web page and went through Readability. */
  webPage: boolean;
  doc: TiptapDoc;
  text: string;
  /** The headline found in the content (the article's default title). */
  title: string | null;
  /** What the source declares about itself (page metadata, PDF info), to prefill the article. */
  metadata: DocumentMetadata;
  pages: PageMap | null;
  pageCount: number | null;
  pagesWithoutText: number[];
};

/**
 * The one way content becomes an article document, whatever its format. Every budget (size,
 * pages, text) is checked inside; CPU-bound, so the API runs it in the heavy-work pool
 * (importDocumentOr4xx, the `importDocument` task of lib/jobs/server/heavy-worker.ts), whose
 * budget bounds its time. Throws ArticleParseError with a user-facing sentence.
 */
export async function importDocument(source: DocumentSource): Promise<ImportedDocument> {
  return parseDocument(await readDocument(source));
}

/**
 * The first half of importDocument: what the content is (sniffed by its bytes), with the refusals
 * that need no parsing (empty, too large, not a document, a PDF sent as text). Linear in the size
 * with no parsing, so cheap for text and small files.
 */
export async function readDocument(source: DocumentSource): Promise<SniffedDocument> {
  if (source.kind === 'text') {
    if (/^\s*%PDF-/.test(source.text)) {
      throw new ArticleParseError(
        'unsupported_type',
        `This content is a PDF sent as ${source.format}: send format "pdf" with the file base64-encoded, or upload the file. ${ACCEPTED_TYPES_SENTENCE}`,
        { accepted: [...ACCEPTED_MEDIA_TYPES], detected: 'application/pdf' },
      );
    }
    return { kind: 'text', text: source.text, format: source.format };
  }
  return sniffDocument(source.bytes, { fileName: source.fileName, textFormat: source.textFormat });
}

/** The second half of importDocument, the expensive one: the parsing (pdf.js, linkedom and Readability, Markdown). */
export async function parseDocument(document: SniffedDocument): Promise<ImportedDocument> {
  try {
    if (document.kind === 'pdf') return await importPdf(document.bytes);
    return importText(document.text, document.format);
  } catch (error) {
    // The parsers recurse per level: a document nested thousands deep (block quotes, elements) runs out of stack.
    if (error instanceof RangeError && /call stack/i.test(error.message)) throw new ArticleParseError('unreadable', TOO_DEEP_MESSAGE);
    throw error;
  }
}

export const TOO_DEEP_MESSAGE = 'This document is nested too deeply to read (thousands of levels of quotes or elements); import its text as plain text.';

async function importPdf(bytes: Uint8Array): Promise<ImportedDocument> {
  const pdf = await parsePdf(bytes);
  const doc: TiptapDoc = { type: 'doc', content: pdf.blocks };
  const text = canonicalTextOf(doc);
  // The page map indexes the layout's text; both come from the same blocks, so they must agree.
  if (text !== pdf.text) throw new Error('PDF layout text and canonical text disagree');
  return {
    format: 'pdf',
    webPage: false,
    doc,
    text,
    title: pdf.title ?? pdf.metadata.title ?? firstLine(text),
    metadata: pdf.metadata,
    pages: pdf.pages,
    pageCount: pdf.pageCount,
    pagesWithoutText: pdf.pagesWithoutText,
  };
}

function importText(content: string, format: ArticleFormat): ImportedDocument {
  if (format === 'html' && isWholeWebPage(content)) {
    const page = extractWebPage(content);
    const parsed = parseArticle({ format: 'html', content: page.html });
    const doc = promoteBoldParagraphHeadings(tidyWebArticle(parsed.doc, page.metadata.byline, page.metadata.outlet));
    return {
      ...base(format),
      webPage: true,
      doc,
      text: doc === parsed.doc ? parsed.text : canonicalTextOf(doc),
      title: parsed.title,
      metadata: page.metadata,
    };
  }
  const parsed = parseArticle({ format, content });
  return { ...base(format), doc: parsed.doc, text: parsed.text, title: parsed.title };
}

function base(format: SourceFormat) {
  return { format, webPage: false, metadata: NO_METADATA, pages: null, pageCount: null, pagesWithoutText: [] as number[] };
}

function firstLine(text: string): string | null {
  const line = text.split('\n', 1)[0]?.trim() ?? '';
  return line === '' ? null : line.slice(0, 300);
}
