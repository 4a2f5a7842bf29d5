import 'server-only';
import { AppError, notFound } from '@/lib/api/app-error';
import { quoteMatches } from '@/lib/anchoring';
import { lockCurrentVersion } from '@/lib/annotations/server/lock-current-version';
import { validateSelection } from '@/lib/annotations/validate-selection';
import type { Actor } from '@/lib/core/actor';
import type { AnchorState } from '@/lib/core/enums';
import { mayReadRow } from '@/lib/assignments/server/read-scope';
import type { Tx } from '@/lib/db/server/prisma';
import type { TiptapNode } from '@/lib/articles/tiptap-doc';
import { paragraphNumbering } from '@/lib/provenance/paragraph-number';
import type { ClaimRef } from '@/lib/provenance/server/readable-claim';

export type PassageInput = { versionId?: string; start?: number; end?: number; exact?: string };

/** What an evidence row stores about where it points (all null for a not_found link or a link to an annotation). */
export type StoredPassage = {
  versionId: string | null;
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
  start: number | null;
  end: number | null;
  anchorState: AnchorState | null;
  /** The numbered paragraph the passage is in (lib/provenance/paragraph-number.ts). */
  paragraph: number | null;
};

export const NO_PASSAGE: StoredPassage = { versionId: null, exact: null, prefix: null, suffix: null, start: null, end: null, anchorState: null, paragraph: null };

/**
 * The document a link names: 404 when it does not exist; a link to a passage needs a source
 * (`kind: source`); an article is accepted only through one of its annotations (targetAnnotationId).
 */
export async function resolveDocument(tx: Tx, claim: ClaimRef, documentId: string, viaAnnotation: boolean) {
  const document = await tx.article.findUnique({ where: { id: documentId }, select: { id: true, kind: true, title: true } });
  if (!document) throw notFound('The document');
  if (document.kind !== 'source' && !viaAnnotation) {
    throw new AppError(
      'validation_failed',
      `“${document.title}” is an article, not a source document: link to a source (import it as kind "source"), or to one of this article’s annotations with targetAnnotationId.`,
      [{ path: 'documentId', message: 'not a source document' }],
    );
  }
  if (document.id === claim.articleId) {
    throw new AppError('validation_failed', 'A claim cannot be its own evidence: link a passage of another document.', [{ path: 'documentId', message: 'the claim’s own article' }]);
  }
  return document;
}

/** Another claim annotation as the evidence (the article cites another article): readable, in that document, not the claim itself. */
export async function resolveTargetAnnotation(tx: Tx, actor: Actor, claim: ClaimRef, documentId: string, targetAnnotationId: string): Promise<string> {
  const target = await tx.annotation.findUnique({ where: { id: targetAnnotationId }, select: { id: true, articleId: true, authorId: true, deletedAt: true } });
  if (!target || !(await mayReadRow(tx, actor, target))) throw notFound('The annotation to link to');
  if (target.id === claim.id) throw new AppError('validation_failed', 'A claim cannot be its own evidence.', [{ path: 'targetAnnotationId', message: 'the claim itself' }]);
  if (target.articleId !== documentId) {
    throw new AppError('validation_failed', 'targetAnnotationId is an annotation of another document than documentId: send the document it is in.', [
      { path: 'targetAnnotationId', message: 'not in documentId' },
    ]);
  }
  return target.id;
}

/**
 * Checks a passage against the source's current text and describes it (quote + context), under the
 * document's share lock so a concurrent new version re-anchors it rather than leaving it on the old text.
 */
export async function resolvePassage(tx: Tx, documentId: string, input: Required<Pick<PassageInput, 'start' | 'end' | 'exact'>> & PassageInput): Promise<StoredPassage> {
  const version = await lockCurrentVersion(tx, documentId);
  if (input.versionId !== undefined && input.versionId !== version.id) {
    throw new AppError('conflict', `The source has a newer version (${version.number}); reload it and select the passage again.`, { currentVersionId: version.id });
  }
  if (input.end <= version.text.length && !quoteMatches(version.text, input.start, input.end, input.exact)) {
    throw new AppError('validation_failed', `The quote does not match the source text at ${input.start}–${input.end}: reload the source and select the passage again.`, [
      { path: 'exact', message: 'must equal the source text between start and end' },
    ]);
  }
  const target = validateSelection(version.text, input.start, input.end, input.exact);
  // The document is read only here: its ordered lists may number the paragraphs (paragraph-number.ts).
  const { doc } = await tx.articleVersion.findUniqueOrThrow({ where: { id: version.id }, select: { doc: true } });
  return { versionId: version.id, ...target, anchorState: 'exact', paragraph: paragraphNumbering(version.text, doc as TiptapNode)(target.start) };
}
