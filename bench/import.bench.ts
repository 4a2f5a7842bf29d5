/**
 * Import cost of real documents, each against its raw baseline in the same run:
 * - a 40-page PDF report (running header, page numbers, headings, lists, every fifth page in two
 *   columns) through parsePdf, ÷ pdf.js alone reading the text of every page (our layout's overhead);
 * - a saved news page through importDocument (linkedom + Readability + sanitiser), ÷ the
 *   sanitising parser alone on the same markup.
 * Imports run once per request; there is no issue target, the figures go in the README.
 */
import { importDocument } from '@/lib/documents/server/import-document';
import { parsePdf } from '@/lib/documents/server/parse-pdf';
import { parseArticle } from '@/lib/articles/parse-article';
import { makePdf, prose, sentence, type PdfPageSpec } from '@/tests/support/make-pdf';
import { newsPage } from '@/tests/support/saved-pages';
import type { BenchResult } from './types';

const RUNS = 5;

export function fortyPageReport(): Promise<Uint8Array> {
  const pages: PdfPageSpec[] = Array.from({ length: 40 }, (_, i) =>
    i % 5 === 4
      ? { top: [{ kind: 'heading', text: `Annex ${i + 1}`, size: 15 }], columns: 2, blocks: [{ kind: 'paragraph', text: prose(i * 100, 14) }, { kind: 'paragraph', text: prose(i * 100 + 50, 14) }] }
      : {
          blocks: [
            { kind: 'heading', text: `Section ${i + 1}`, size: 15 },
            { kind: 'paragraph', text: prose(i * 100, 9) },
            { kind: 'bullets', items: [sentence(i * 100 + 20), sentence(i * 100 + 21)] },
            { kind: 'paragraph', text: prose(i * 100 + 30, 9) },
          ],
        },
  );
  return makePdf({ title: 'Benchmark report', runningHeader: 'Benchmark report — page {n}', pageNumbers: true, pages });
}

async function median(task: () => Promise<unknown>): Promise<number> {
  await task();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await task();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function rawPdfJs(bytes: Uint8Array): Promise<number> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  let items = 0;
  for (let n = 1; n <= pdf.numPages; n++) items += (await (await pdf.getPage(n)).getTextContent()).items.length;
  await pdf.destroy();
  return items;
}

export async function run(): Promise<BenchResult[]> {
  const pdf = await fortyPageReport();
  const ours = await median(() => parsePdf(pdf));
  const raw = await median(() => rawPdfJs(pdf));
  const parsed = await parsePdf(pdf);

  const page = newsPage();
  const web = await median(() => importDocument({ kind: 'text', text: page, format: 'html' }));
  const sanitiser = await median(async () => parseArticle({ format: 'html', content: page }));
  return [
    { suite: 'import', name: `40-page PDF → article (${parsed.text.length.toLocaleString('en-US')} chars, ${parsed.pages.length} pages)`, value: ours, unit: 'ms' },
    { suite: 'import', name: '40-page PDF: ours ÷ pdf.js text extraction alone', value: ours / raw, unit: 'ratio' },
    { suite: 'import', name: `saved news page (${Math.round(page.length / 1024)} KB) → article`, value: web, unit: 'ms' },
    { suite: 'import', name: 'saved news page: Readability pipeline ÷ sanitising parser alone', value: web / sanitiser, unit: 'ratio' },
  ];
}
