import 'server-only';
import { parseErrorToAppError } from '@/lib/articles/parse-error-to-app-error';
import type { Actor } from '@/lib/core/actor';
import type { SniffedDocument } from '@/lib/documents/sniff-document';
import { readDocument, type DocumentSource, type DocumentToParse, type ImportedDocument } from '@/lib/documents/server/import-document';
import { importOverBudget } from '@/lib/documents/server/import-over-budget';
import { runHeavy } from '@/lib/jobs/server/run-heavy';

/**
 * Files up to this size are sniffed on the request thread (at most ~20 ms, for a Windows-1252 one):
 * an empty or unsupported one is refused without taking one of the user's heavy-work slots.
 */
export const READ_HERE_MAX_BYTES = 1024 * 1024;

/** Running time one document's parsing may take in the pool (a 500-page PDF of plain prose takes ~3 s on the 2-core machine). */
export const IMPORT_BUDGET_MS = 20_000;
const limits = { budgetMs: IMPORT_BUDGET_MS };

/**
 * The parsing's own budget, apart from heavyLimits().budgetMs (a new version is parsed, then
 * re-anchored: a test can cut either). Mutable on purpose, for tests.
 */
export function importLimits(): { budgetMs: number } {
  return limits;
}

/**
 * importDocument with the parsing in the heavy-work pool (lib/jobs/server/run-heavy.ts): a
 * multi-MB web page or a long PDF is parsed off the request thread, under the user's heavy-work
 * limit (429) and the budget (413, nothing stored). Refusals are the API errors parseErrorToAppError
 * makes of them (400/413/415/422, the sentence and details unchanged), from either thread. Every
 * document is parsed there, however small: parsing cost does not follow size (an 11 KB page of
 * nested elements holds Readability for seconds). An uploaded file's bytes are moved to the thread,
 * not copied: the source's `bytes` are unusable afterwards.
 */
export async function importDocumentOr4xx(actor: Pick<Actor, 'id'>, source: DocumentSource): Promise<ImportedDocument> {
  const { input, moved } = await toParse(source);
  return runHeavy(actor, 'importDocument', input, { overBudget: importOverBudget, budgetMs: limits.budgetMs, transferList: moved ? [moved] : [] });
}

async function toParse(source: DocumentSource): Promise<{ input: DocumentToParse; moved: ArrayBuffer | null }> {
  if (source.kind === 'file' && source.bytes.byteLength > READ_HERE_MAX_BYTES) {
    const bytes = ownBuffer(source.bytes);
    return { input: { source: { ...source, bytes } }, moved: bytes.buffer };
  }
  let read: SniffedDocument;
  try {
    read = await readDocument(source);
  } catch (error) {
    throw parseErrorToAppError(error);
  }
  if (read.kind === 'text') return { input: { read }, moved: null };
  const bytes = ownBuffer(read.bytes);
  return { input: { read: { kind: 'pdf', bytes } }, moved: bytes.buffer };
}

/**
 * The bytes on a buffer of their own, which can be moved: an upload's bytes already are; a view
 * into a larger (or shared) buffer is copied once, since cloning it would copy the whole buffer
 * and moving it would take the rest of that buffer away from its other users.
 */
function ownBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const { buffer } = bytes;
  if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength) return bytes as Uint8Array<ArrayBuffer>;
  return bytes.slice();
}
