// The heavy-work thread (piscina worker): each export is one task run by lib/jobs/server/run-heavy.ts.
// Loaded three ways (lib/jobs/server/heavy-pool.ts): compiled to <dist>/cli/heavy-worker.mjs by
// scripts/build-cli.mjs for the production server, and from this source through tsx
// (heavy-worker-source.cjs) under `next dev`, a `next start` without the compiled file, and Vitest. Pure modules, and the
// brief's reading with the thread's own connection (worker-db.ts): no Next and no request.
import 'server-only';
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import type { MessagePort } from 'node:worker_threads';
import { placeOnVersion, type VersionPlacement } from '@/lib/anchoring/place-on-version';
import { proposePassages as propose, type PassageProposal } from '@/lib/provenance/propose-passages';
import { suggestClaims as suggest, type Suggestion } from '@/lib/suggest';
import type { AnchorTarget } from '@/lib/anchoring/selectors';
import { AppError } from '@/lib/api/app-error';
import { parseErrorToAppError } from '@/lib/articles/parse-error-to-app-error';
import { parseDocument, readDocument, type DocumentToParse, type ImportedDocument } from '@/lib/documents/server/import-document';
import type { BriefOptions } from '@/lib/export/brief-input';
import { buildBrief, renderExport, type ExportFormat, type RenderedExport } from '@/lib/export';
import { planAnnotationImport, type ImportPlan } from '@/lib/export/plan-annotation-import';
import { planEvidencePlacement, type EvidencePlacement } from '@/lib/export/plan-evidence-import';
import type { ImportedLink } from '@/lib/export/from-jsonld';
import { unpackBrief, type PackedBrief } from '@/lib/export/server/packed-brief';
import { readBrief, type BriefRequest } from '@/lib/export/server/read-brief';
import { toHtmlParts, type BriefHtmlParts } from '@/lib/export/to-html';
import { workerDb } from '@/lib/jobs/server/worker-db';
import { rankKnownSentences, type RankedSentence } from '@/lib/matching/server/rank-known-sentences';

/** An AppError thrown by a task crosses the thread as data (a thrown class would arrive as a bare Error). */
export type TaskOutcome<T> = { ok: true; value: T } | { ok: false; error: { code: AppError['code']; message: string; details?: unknown } };

/** What the pool hands a task: its input, and a port to say it has started (the budget runs from then). */
export type TaskMessage<I> = { input: I; started: MessagePort };

function task<I, T>(work: (input: I) => T | Promise<T>): (message: TaskMessage<I>) => Promise<TaskOutcome<T>> {
  return async ({ input, started }) => {
    started.postMessage('started');
    started.close();
    try {
      return { ok: true, value: await work(input) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message, details: error.details } };
      throw error;
    }
  };
}

/**
 * On Linux each thread has its own nice value: the lowest priority for this one, so a request
 * thread that wakes up always gets the core back, even when the pool and other processes fill both.
 */
function lowerThreadPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 19);
  } catch {
    // Not Linux: the pool size alone leaves a core for requests.
  }
}
lowerThreadPriority();

/**
 * Submitted content → an article document (HTML through linkedom and Readability, PDF through
 * pdf.js, which runs its own "worker" in this thread), read here first when the request thread has
 * not. A refusal (ArticleParseError) becomes the API error it maps to here, so it crosses the
 * thread as data and arrives unchanged.
 */
export const importDocument = task(async (input: DocumentToParse): Promise<ImportedDocument> => {
  try {
    return await parseDocument('read' in input ? input.read : await readDocument(input.source));
  } catch (error) {
    throw parseErrorToAppError(error);
  }
});

export const planImport = task((input: { body: string; text: string }): ImportPlan => planAnnotationImport(input.body, input.text));

export const placeEvidence = task(
  (input: { passages: Array<NonNullable<ImportedLink['passage']>>; text: string }): Array<EvidencePlacement | null> => planEvidencePlacement(input.passages, input.text),
);

export const placeVersion = task(
  (input: { targets: AnchorTarget[]; text: string; previousText: string }): VersionPlacement[] => placeOnVersion(input.targets, input.text, input.previousText),
);

export const renderBrief = task(
  (input: { format: ExportFormat; brief: PackedBrief; options: BriefOptions; baseUrl: string }): Promise<RenderedExport> =>
    renderExport(input.format, unpackBrief(input.brief), input.options, input.baseUrl),
);

/** Reads the brief from the database in this thread (its own connection), then renders it. */
export const exportBrief = task(async (input: BriefRequest & { render: ExportFormat; baseUrl: string }): Promise<RenderedExport> => {
  const { brief, options } = await readBrief(workerDb(), input);
  return renderExport(input.render, brief, options, input.baseUrl);
});

/** The brief page's parts (app/(print)/articles/[id]/brief) from a brief read by the request thread. */
export const briefPage = task((input: { brief: PackedBrief; options: BriefOptions }): BriefHtmlParts => toHtmlParts(buildBrief(unpackBrief(input.brief), input.options)));

/** The brief page's parts, the brief read in this thread (its own connection). */
export const readBriefPage = task(async (input: BriefRequest): Promise<BriefHtmlParts> => {
  const { brief, options } = await readBrief(workerDb(), input);
  return toHtmlParts(buildBrief(brief, options));
});

/**
 * "Find the passage for me": reading a source is most of the work (a 500-page report takes seconds),
 * and this thread keeps the last source read, so the next claim on it costs milliseconds.
 */
export const proposePassages = task((input: { claim: string; sourceText: string }): PassageProposal[] => propose(input.claim, input.sourceText));

/** The suggestion engine on a version's text (lib/suggest/server/version-suggestions.ts keeps the results). */
export const suggestClaims = task((input: { text: string; tags: string[] }): Suggestion[] => suggest(input.text, { tags: input.tags }));

/**
 * "Seen before" for a whole article (lib/matching/server/list-known-claims.ts): every sentence read
 * (kept per version in this thread), their candidates read and ranked here, over this thread's own
 * connection; the request thread then loads only the matches the reader may see.
 */
export const rankKnownClaims = task((input: { articleId: string; versionId: string; text: string }): Promise<RankedSentence[]> => rankKnownSentences(workerDb(), input));

/** Lets a test prove a budget cuts a task that never yields. */
export const spin = task((input: { ms: number }): number => {
  const until = Date.now() + input.ms;
  let n = 0;
  while (Date.now() < until) n++;
  return n;
});
