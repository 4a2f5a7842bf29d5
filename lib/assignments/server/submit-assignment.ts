import 'server-only';
import { AppError, forbidden, notFound } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import { canReopenSubmission, canSubmitAssignment } from '@/lib/core/permissions';
import type { Db } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';
import { announceAccessChange } from '@/lib/assignments/server/announce-access-change';

/**
 * POST /api/articles/:id/submit: an assignee says their annotation is done. On a blind article they
 * now read every submitted colleague's work, and theirs is read-only (canChangeBlindWork) until a
 * reviewer reopens it. Submitting twice answers the first submission's time.
 */
export async function submitAssignment(db: Db, actor: Actor, articleId: string): Promise<{ submittedAt: string }> {
  return runWrite(db, actor, async (w) => {
    const locked = await w.tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Article" WHERE id = ${articleId} FOR SHARE`;
    if (locked.length === 0) throw notFound('The article');
    const assignment = await w.tx.assignment.findUnique({ where: { articleId_userId: { articleId, userId: actor.id } }, select: { id: true, userId: true, submittedAt: true } });
    const decision = canSubmitAssignment(actor, assignment);
    if (!decision.ok || !assignment) throw forbidden(decision.ok ? 'Not assigned.' : decision.reason);
    if (assignment.submittedAt) return { submittedAt: assignment.submittedAt.toISOString() };
    const submittedAt = new Date();
    await w.tx.assignment.update({ where: { id: assignment.id }, data: { submittedAt } });
    await w.auditArticle({ articleId, action: 'submitted', after: { userId: actor.id, submittedAt: submittedAt.toISOString() } });
    await announceAccessChange(w, articleId);
    return { submittedAt: submittedAt.toISOString() };
  });
}

/** DELETE /api/articles/:id/submit: a reviewer reopens one assignee's submission (`userId`) or all of them. */
export async function reopenSubmissions(db: Db, actor: Actor, articleId: string, userId?: string): Promise<{ reopened: number }> {
  const decision = canReopenSubmission(actor);
  if (!decision.ok) throw forbidden(decision.reason);
  return runWrite(db, actor, async (w) => {
    const locked = await w.tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Article" WHERE id = ${articleId} FOR SHARE`;
    if (locked.length === 0) throw notFound('The article');
    if (userId) {
      const assignment = await w.tx.assignment.findUnique({ where: { articleId_userId: { articleId, userId } }, select: { id: true } });
      if (!assignment) throw new AppError('validation_failed', `user: "${userId}" is not assigned to this article.`, [{ path: 'user', message: 'not an assignee' }]);
    }
    const submitted = await w.tx.assignment.findMany({ where: { articleId, submittedAt: { not: null }, ...(userId ? { userId } : {}) }, select: { id: true, userId: true, submittedAt: true } });
    if (submitted.length === 0) return { reopened: 0 };
    const reopenedAt = new Date();
    await w.tx.assignment.updateMany({ where: { id: { in: submitted.map((a) => a.id) } }, data: { submittedAt: null, reopenedAt } });
    for (const a of submitted) {
      await w.auditArticle({ articleId, action: 'reopened', before: { userId: a.userId, submittedAt: a.submittedAt?.toISOString() ?? null }, after: { userId: a.userId, reopenedAt: reopenedAt.toISOString() } });
    }
    await announceAccessChange(w, articleId);
    return { reopened: submitted.length };
  });
}
