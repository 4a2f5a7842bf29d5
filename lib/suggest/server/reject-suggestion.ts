import 'server-only';
import { AppError, notFound } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';
import { recordSuggestionFeedback } from '@/lib/suggest/server/record-suggestion-feedback';
import type { RejectSuggestionInput } from '@/lib/suggest/suggest-schemas';

/** Remembers that this user rejected the span on this version, and teaches the desk (rejecting twice is a no-op). */
export async function rejectSuggestion(db: Db, actor: Pick<Actor, 'id'>, articleId: string, input: RejectSuggestionInput): Promise<void> {
  const version = await db.articleVersion.findUnique({ where: { id: input.versionId }, select: { articleId: true, text: true } });
  if (!version || version.articleId !== articleId) throw notFound('That version of the article');
  if (input.end > version.text.length) {
    throw new AppError('validation_failed', `end (${input.end}) is past the end of the text (${version.text.length} characters).`, [
      { path: 'end', message: 'past the end of the text' },
    ]);
  }
  await runWrite(db, actor, async ({ tx }) => {
    await tx.suggestionRejection.upsert({
      where: { userId_versionId_start_end: { userId: actor.id, versionId: input.versionId, start: input.start, end: input.end } },
      create: { userId: actor.id, versionId: input.versionId, start: input.start, end: input.end },
      update: {},
    });
    await recordSuggestionFeedback(tx, { userId: actor.id, articleId, versionId: input.versionId, text: version.text, start: input.start, end: input.end, finalTag: null });
  });
}
