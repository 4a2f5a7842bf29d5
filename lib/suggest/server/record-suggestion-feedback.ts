// Records what an analyst did with a suggestion, with the rules that fired for it. The rules are
// recomputed here from the stored text and the desk's tags, never taken from the client, so a
// script cannot teach the desk with made-up rule ids; a span the engine does not propose records nothing.
import 'server-only';
import type { Tx } from '@/lib/db/server/prisma';
import { suggestClaims, type Suggestion } from '@/lib/suggest';
import type { SuggestionOutcome } from '@/lib/core/enums';

export async function deskTagKeys(tx: Tx): Promise<string[]> {
  const tags = await tx.sourceTag.findMany({ where: { archivedAt: null }, orderBy: [{ sortOrder: 'asc' }, { createdAt: 'asc' }], select: { key: true } });
  return tags.map((t) => t.key);
}

/** The engine's suggestion for exactly this span of the text, if it proposes one. */
export function suggestionAt(text: string, tags: string[], start: number, end: number): Suggestion | null {
  return suggestClaims(text, { tags }).find((s) => s.start === start && s.end === end) ?? null;
}

type Decision = {
  userId: string;
  articleId: string;
  versionId: string;
  text: string;
  start: number;
  end: number;
  /** null for a rejection; the tag the annotation got for an acceptance. */
  finalTag: string | null;
  annotationId?: string;
};

/** Upserts the user's decision on this span of this version (deciding again replaces it). */
export async function recordSuggestionFeedback(tx: Tx, d: Decision): Promise<SuggestionOutcome | null> {
  const suggestion = suggestionAt(d.text, await deskTagKeys(tx), d.start, d.end);
  if (!suggestion) return null;
  const outcome: SuggestionOutcome = d.annotationId === undefined ? 'REJECTED' : d.finalTag === suggestion.tag ? 'ACCEPTED' : 'RETAGGED';
  const data = { outcome, proposedTag: suggestion.tag, finalTag: d.finalTag, rules: suggestion.rules, annotationId: d.annotationId ?? null };
  await tx.suggestionFeedback.upsert({
    where: { userId_versionId_start_end: { userId: d.userId, versionId: d.versionId, start: d.start, end: d.end } },
    create: { userId: d.userId, articleId: d.articleId, versionId: d.versionId, start: d.start, end: d.end, ...data },
    update: data,
  });
  return outcome;
}

/** The annotation an accepted suggestion became got another tag: the suggestion's tag was wrong (or right again). */
export async function retagSuggestionFeedback(tx: Tx, annotationId: string, tag: string): Promise<void> {
  const row = await tx.suggestionFeedback.findUnique({ where: { annotationId }, select: { id: true, proposedTag: true } });
  if (!row) return;
  await tx.suggestionFeedback.update({ where: { id: row.id }, data: { finalTag: tag, outcome: row.proposedTag === tag ? 'ACCEPTED' : 'RETAGGED' } });
}
