import 'server-only';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ArticleParseError } from '@/lib/articles/article-parse-error';
import { MAX_ARTICLE_TEXT_CHARS, MAX_PDF_PAGES } from '@/lib/documents/import-limits';
import { NO_METADATA, type DocumentMetadata } from '@/lib/documents/page-metadata';
import { layoutPdfText, type PdfLayout, type PdfPageText, type PdfTextItem } from '@/lib/documents/pdf-layout';

export type ParsedPdf = PdfLayout & { metadata: DocumentMetadata; pageCount: number };

export const NO_TEXT_LAYER_MESSAGE = 'This PDF has no text layer (scanned image); OCR is not supported.';

/**
 * Reading one PDF may take this long in all; past it the import is refused, not left running. A
 * guard for callers outside the pool: in the API the heavy-work pool's shorter budget cuts first.
 */
const TIME_BUDGET_MS = 60_000;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type TextItem = import('pdfjs-dist/types/src/display/api').TextItem;

let pdfjsPromise: Promise<{ pdfjs: PdfJs; dataDir: string }> | null = null;

// pdf.js runs its "worker" on the calling thread in Node when the worker module is preloaded (in
// the API a heavy-work thread, which has no Worker global either); loading it ourselves keeps that
// working in Next's server bundle and the compiled heavy worker (pdfjs-dist is external to both).
function loadPdfJs(): Promise<{ pdfjs: PdfJs; dataDir: string }> {
  pdfjsPromise ??= (async () => {
    const [pdfjs, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    // Resolved from the project root: inside Next's server bundle import.meta.url is no file URL.
    const dataDir = path.dirname(createRequire(path.join(process.cwd(), 'package.json')).resolve('pdfjs-dist/package.json'));
    return { pdfjs, dataDir };
  })();
  pdfjsPromise.catch(() => {
    pdfjsPromise = null;
  });
  return pdfjsPromise;
}

/**
 * A PDF's text as article blocks in reading order, with its page map and declared metadata.
 * Refuses (ArticleParseError) encrypted, broken and image-only PDFs, and anything over the page,
 * text or time budget. In the API it runs in a heavy-work thread (importDocumentOr4xx).
 */
export async function parsePdf(bytes: Uint8Array): Promise<ParsedPdf> {
  const started = Date.now();
  const { pdfjs, dataDir } = await loadPdfJs();
  // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    stopAtErrors: false,
    verbosity: 0,
    cMapUrl: `${path.join(dataDir, 'cmaps')}${path.sep}`,
    cMapPacked: true,
    standardFontDataUrl: `${path.join(dataDir, 'standard_fonts')}${path.sep}`,
    // Pages' operator lists are built only to learn their fonts' names (bold headings); images are
    // never painted, so none is decoded.
    maxImageSize: 1,
  });
  let pdf: Awaited<typeof task.promise>;
  try {
    pdf = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw openError(error);
  }
  try {
    if (pdf.numPages > MAX_PDF_PAGES) {
      throw new ArticleParseError('too_large', `This PDF has ${pdf.numPages.toLocaleString('en-US')} pages; the limit is ${MAX_PDF_PAGES}.`, { limitPages: MAX_PDF_PAGES });
    }
    const labels = await pdf.getPageLabels().catch(() => null);
    const pages: PdfPageText[] = [];
    let chars = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      if (Date.now() - started > TIME_BUDGET_MS) {
        throw new ArticleParseError('unreadable', `This PDF takes too long to read (over ${TIME_BUDGET_MS / 1000} s at page ${n} of ${pdf.numPages}).`);
      }
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const fontIds = new Set(content.items.flatMap((raw) => ('str' in raw && raw.str.trim() !== '' ? [raw.fontName] : [])));
      const boldFonts = fontIds.size > 0 ? await boldFontsOf(page, fontIds) : new Set<string>();
      const items: PdfTextItem[] = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const item = raw as TextItem;
        chars += item.str.length;
        // In viewport space (top-left origin, page rotation applied) upright text is [s, 0, 0, -s, x, baseline].
        const m = pdfjs.Util.transform(viewport.transform, item.transform) as number[];
        const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = m;
        items.push({
          str: item.str,
          x: e,
          y: viewport.height - f,
          width: item.width,
          fontSize: Math.hypot(c, d) || Math.hypot(a, b),
          dir: item.dir,
          ...(boldFonts.has(item.fontName) ? { bold: true } : {}),
          rotated: Math.abs(b) > 0.05 * Math.abs(a) || Math.abs(c) > 0.05 * Math.abs(d) || a < 0,
        });
      }
      pages.push({ number: n, label: labels?.[n - 1]?.trim() || String(n), width: viewport.width, height: viewport.height, items });
      page.cleanup();
      if (chars > MAX_ARTICLE_TEXT_CHARS * 2) {
        throw new ArticleParseError('too_large', `This PDF holds more text than one article may (over ${MAX_ARTICLE_TEXT_CHARS.toLocaleString('en-US')} characters).`);
      }
    }
    const layout = layoutPdfText(pages);
    if (layout.text.replace(/\s/g, '').length < 20) throw new ArticleParseError('no_text_layer', NO_TEXT_LAYER_MESSAGE);
    if (layout.text.length > MAX_ARTICLE_TEXT_CHARS) {
      throw new ArticleParseError('too_large', `This PDF holds more text than one article may (${layout.text.length.toLocaleString('en-US')} characters; the limit is ${MAX_ARTICLE_TEXT_CHARS.toLocaleString('en-US')}).`);
    }
    return { ...layout, metadata: await metadataOf(pdf), pageCount: pdf.numPages };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

// A font's weight is in its name ("Times-Bold", "ABCDEF+Arial-BoldMT", "SourceSansPro-Semibold").
const BOLD_FONT_NAME = /bold|black|heavy|semibold|demibold|[-,]demi\b|[-,]sb$/i;

/**
 * The page's fonts that are bold. pdf.js hands a font's name over only with the page's operator
 * list; without it (a failure there) no text is known to be bold and headings go by size alone.
 */
async function boldFontsOf(page: { getOperatorList(): Promise<unknown>; commonObjs: { has(id: string): boolean; get(id: string): unknown } }, fontIds: Iterable<string>): Promise<Set<string>> {
  const bold = new Set<string>();
  try {
    await page.getOperatorList();
    for (const id of fontIds) {
      if (!page.commonObjs.has(id)) continue;
      const font = page.commonObjs.get(id) as { name?: unknown } | null;
      if (typeof font?.name === 'string' && BOLD_FONT_NAME.test(font.name)) bold.add(id);
    }
  } catch {
    // Headings by size alone.
  }
  return bold;
}

function openError(error: unknown): ArticleParseError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return new ArticleParseError('unreadable', 'This PDF is password-protected; remove the password and upload it again.');
  return new ArticleParseError('unreadable', 'This file starts like a PDF but could not be read (it may be damaged or incomplete).');
}

// Producer-generated titles that say nothing about the document.
const JUNK_TITLE = /^(untitled|document\d*|microsoft (word|powerpoint|excel) - .*|.*\.(docx?|pptx?|indd|pdf|tmp|qxd|rtf))$/i;

async function metadataOf(pdf: { getMetadata(): Promise<{ info: object }> }): Promise<DocumentMetadata> {
  const info = (await pdf.getMetadata().catch(() => ({ info: {} }))).info as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.replace(/\s+/g, ' ').trim() : null);
  const title = str(info.Title);
  return {
    ...NO_METADATA,
    title: title && !JUNK_TITLE.test(title) ? title.slice(0, 300) : null,
    byline: str(info.Author)?.slice(0, 300) ?? null,
  };
}
