import 'server-only';
import { AppError, forbidden, notFound } from '@/lib/api/app-error';
import type { ArticleAccessDto } from '@/lib/assignments/assignment-dto';
import type { PatchArticleInput } from '@/lib/assignments/assignment-schemas';
import { loadArticleAccess } from '@/lib/assignments/server/load-article-access';
import type { Actor } from '@/lib/core/actor';
import { canAssignArticle, mayReadAllBlindWork } from '@/lib/core/permissions';
import type { Db } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';
import { announceAccessChange } from '@/lib/assignments/server/announce-access-change';

/**
 * PATCH /api/articles/:id: blind mode on/off, the assignees (the list replaces the old one; an
 * unassigned analyst keeps their annotations), the due date. One transaction with its audit entries
 * and an `access.changed` event, so every open reader re-reads what it may see.
 */
export async function updateArticleAccess(db: Db, actor: Actor, articleId: string, input: PatchArticleInput): Promise<{ article: { id: string } & ArticleAccessDto }> {
  const decision = canAssignArticle(actor);
  if (!decision.ok) throw forbidden(decision.reason);
  await runWrite(db, actor, async (w) => {
    // Locks the article: two reviewers assigning at once apply one after the other.
    const locked = await w.tx.$queryRaw<Array<{ id: string; blind: boolean }>>`SELECT id, blind FROM "Article" WHERE id = ${articleId} FOR UPDATE`;
    if (locked.length === 0) throw notFound('The article');
    const wasBlind = locked[0].blind;
    const current = await w.tx.assignment.findMany({ where: { articleId }, select: { id: true, userId: true, dueAt: true } });
    let changed = false;

    if (input.blind !== undefined && input.blind !== wasBlind) {
      await w.tx.article.update({ where: { id: articleId }, data: { blind: input.blind } });
      await w.auditArticle({ articleId, action: input.blind ? 'blind_on' : 'blind_off' });
      changed = true;
    }

    if (input.assignees !== undefined) {
      const users = await w.tx.user.findMany({ where: { id: { in: input.assignees } }, select: { id: true, name: true, role: true, disabled: true } });
      const byId = new Map(users.map((u) => [u.id, u]));
      input.assignees.forEach((id, i) => {
        const user = byId.get(id);
        if (!user || user.disabled) throw new AppError('validation_failed', `assignees: no active user has the id "${id}".`, [{ path: `assignees.${i}`, message: 'unknown or disabled user' }]);
        // A reviewer reads every annotation: their work on a blind article would not be blind.
        if (mayReadAllBlindWork(user)) {
          throw new AppError('validation_failed', `assignees: ${user.name} reads everyone’s annotations (reviewer or admin), so their work would not be blind: assign analysts.`, [
            { path: `assignees.${i}`, message: 'reads all annotations' },
          ]);
        }
      });
      const wanted = new Set(input.assignees);
      const held = new Set(current.map((a) => a.userId));
      const removed = current.filter((a) => !wanted.has(a.userId));
      if (removed.length) {
        await w.tx.assignment.deleteMany({ where: { id: { in: removed.map((a) => a.id) } } });
        for (const a of removed) await w.auditArticle({ articleId, action: 'unassigned', before: { userId: a.userId } });
      }
      for (const userId of input.assignees.filter((id) => !held.has(id))) {
        await w.tx.assignment.create({ data: { articleId, userId, assignedById: actor.id, dueAt: input.dueAt ?? current[0]?.dueAt ?? null } });
        await w.auditArticle({ articleId, action: 'assigned', after: { userId, dueAt: (input.dueAt ?? current[0]?.dueAt)?.toISOString() ?? null } });
      }
      changed ||= removed.length > 0 || input.assignees.some((id) => !held.has(id));
    }

    if (input.dueAt !== undefined) {
      // New assignees got the date with their `assigned` entry; a change is recorded for those who had one.
      const after = input.dueAt?.toISOString() ?? null;
      const kept = current.filter((a) => input.assignees === undefined || input.assignees.includes(a.userId));
      const before = kept.find((a) => (a.dueAt?.toISOString() ?? null) !== after)?.dueAt?.toISOString();
      await w.tx.assignment.updateMany({ where: { articleId }, data: { dueAt: input.dueAt } });
      if (before !== undefined || kept.some((a) => a.dueAt === null && after !== null)) {
        await w.auditArticle({ articleId, action: 'due_changed', before: { dueAt: before ?? null }, after: { dueAt: after } });
      }
    }

    if (changed) await announceAccessChange(w, articleId);
  });
  return { article: { id: articleId, ...(await loadArticleAccess(db, articleId)) } };
}
