// One export request: options from the query, data from the DB (in pages) and bytes from the pure
// renderers, in the heavy-work pool under a budget (a 10,000-annotation DOCX takes seconds of CPU).
import 'server-only';
import { AppError } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import type { ExportFormat, RenderedExport } from '@/lib/export';
import type { BriefLayer, BriefOptions } from '@/lib/export/brief-input';
import { runHeavy } from '@/lib/jobs/server/run-heavy';
import { parseBriefQuery } from '@/lib/export/export-options';
import { inBriefSnapshot, openBriefSource } from '@/lib/export/server/load-brief-input';
import { packBrief, type PackedBrief } from '@/lib/export/server/packed-brief';
import type { BriefRequest } from '@/lib/export/server/read-brief';
import type { BriefHtmlParts } from '@/lib/export/to-html';
import { workersHaveDb } from '@/lib/jobs/server/worker-db';
import { PdfUnavailableError, renderPdf } from '@/lib/export/server/render-pdf';

export type ExportFile = { body: string | Buffer; contentType: string; filename: string };

export async function exportBrief(db: Db, actor: Actor, articleId: string, query: URLSearchParams, baseUrl: string): Promise<ExportFile> {
  // Options are checked before touching the DB, except the tag filter which needs the tag list.
  const { format, options: early } = parseBriefQuery(query, { withFormat: true });
  if (format === 'pdf') {
    const html = await render(db, actor, { articleId, query, layer: early.layer, format: 'html', baseUrl });
    try {
      const pdf = await renderPdf(String(html.body));
      return { body: pdf, contentType: 'application/pdf', filename: html.filename.replace(/\.html$/, '.pdf') };
    } catch (error) {
      if (error instanceof PdfUnavailableError) {
        console.warn('[claimdesk] PDF export unavailable:', error.message, error.cause ?? '');
        throw pdfExportUnavailable();
      }
      throw error;
    }
  }
  const rendered = await render(db, actor, { articleId, query, layer: early.layer, format: format ?? 'md', baseUrl });
  return { body: rendered.body, contentType: rendered.contentType, filename: rendered.filename };
}

type RenderRequest = { articleId: string; query: URLSearchParams; layer: BriefLayer; format: ExportFormat; baseUrl: string };

/** The brief's bytes, built in the heavy-work pool. */
async function render(db: Db, actor: Actor, { articleId, query, layer, format, baseUrl }: RenderRequest): Promise<RenderedExport> {
  const rendered = await inPool(db, actor, { articleId, query, layer, withFormat: true }, {
    reading: (request) => runHeavy(actor, 'exportBrief', { ...request, render: format, baseUrl }, { overBudget: exportOverBudget }),
    packed: (brief, options, transferList) => runHeavy(actor, 'renderBrief', { format, brief, options, baseUrl }, { overBudget: exportOverBudget, transferList }),
  });
  // A Buffer crosses the thread as a plain Uint8Array.
  const { body } = rendered;
  return { ...rendered, body: typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength) };
}

/**
 * The brief page's stylesheet and body (app/(print)/articles/[id]/brief), built in the heavy-work
 * pool like an export, under the same limits and budget (422 beyond it). The query is read as the
 * page reads it: `format` is ignored.
 */
export async function briefPageParts(db: Db, actor: Actor, articleId: string, query: URLSearchParams): Promise<BriefHtmlParts> {
  // Options first (the layer decides what is loaded); the tag filter once the tags are known.
  const { layer } = parseBriefQuery(query, { withFormat: false }).options;
  return inPool(db, actor, { articleId, query, layer, withFormat: false }, {
    reading: (request) => runHeavy(actor, 'readBriefPage', request, { overBudget: exportOverBudget }),
    packed: (brief, options, transferList) => runHeavy(actor, 'briefPage', { brief, options }, { overBudget: exportOverBudget, transferList }),
  });
}

type BriefWork<T> = {
  /** The thread reads the brief itself, over its own connection. */
  reading: (request: BriefRequest) => Promise<T>;
  /** The thread gets the brief read here, page by page, as serialized buffers to move. */
  packed: (brief: PackedBrief, options: BriefOptions, transferList: ArrayBuffer[]) => Promise<T>;
};

/**
 * Where the threads have their own connection the thread reads the data too (the request thread
 * parses no row); on the embedded database the request thread reads it in pages and moves each
 * page's serialized buffer to the thread.
 */
async function inPool<T>(
  db: Db,
  actor: Actor,
  { articleId, query, layer, withFormat }: { articleId: string; query: URLSearchParams; layer: BriefLayer; withFormat: boolean },
  work: BriefWork<T>,
): Promise<T> {
  if (workersHaveDb()) {
    const reader = { id: actor.id, role: actor.role, name: actor.name };
    return work.reading({ articleId, actor: reader, query: query.toString(), layer, now: new Date(), withFormat });
  }
  const { options, packed, transferList } = await inBriefSnapshot(db, async (tx) => {
    const source = await openBriefSource(tx, articleId, actor, { layer });
    const { options } = parseBriefQuery(query, { withFormat, knownTags: source.head.tags.map((t) => t.key) });
    return { options, ...(await packBrief(source)) };
  });
  return work.packed(packed, options, transferList);
}

/** 422: the brief is too big to build within one request's budget. */
function exportOverBudget(budgetMs: number): AppError {
  return new AppError(
    'unprocessable',
    `Building this brief needs more than ${budgetMs / 1000} s of work, the limit for one export. Narrow it (only confirmed claims, one tag, without replies), or export CSV or JSON-LD.`,
    { reason: 'work_budget', budgetMs },
  );
}

/** 501: the server cannot print PDFs (no Chromium); the HTML brief printed by the browser gives the same document. */
function pdfExportUnavailable(): AppError {
  return new AppError(
    'not_implemented',
    'PDF export is not available on this server (headless Chromium is not installed; set CHROMIUM_PATH). ' +
      'Open the brief page (/articles/<id>/brief) and use "Print / Save as PDF", or download format=html and print it from your browser: it is the same document.',
  );
}
