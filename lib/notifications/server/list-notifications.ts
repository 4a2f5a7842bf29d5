import 'server-only';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';

/** New replies and verdicts by others on my annotations; "unread" = newer than my last visit. */
export async function listNotifications(db: Db, actor: Actor) {
  const me = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { lastSeenAt: true } });
  const mine = { authorId: actor.id, deletedAt: null };
  const [replies, reviews] = await Promise.all([
    db.reply.findMany({
      where: { annotation: mine, authorId: { not: actor.id }, deletedAt: null },
      orderBy: { createdAt: 'desc' },
      take: 50,
      select: { id: true, body: true, createdAt: true, annotationId: true, annotation: { select: { articleId: true, exact: true } }, author: { select: { id: true, name: true } } },
    }),
    db.review.findMany({
      where: { annotation: mine, reviewerId: { not: actor.id } },
      orderBy: { createdAt: 'desc' },
      take: 50,
      select: { id: true, verdict: true, comment: true, createdAt: true, annotationId: true, annotation: { select: { articleId: true, exact: true } }, reviewer: { select: { id: true, name: true } } },
    }),
  ]);
  const items = [
    ...replies.map((r) => ({
      kind: 'reply' as const,
      id: r.id,
      annotationId: r.annotationId,
      articleId: r.annotation.articleId,
      actor: r.author,
      summary: `replied on “${clip(r.annotation.exact)}”: ${clip(r.body)}`,
      at: r.createdAt,
    })),
    ...reviews.map((r) => ({
      kind: 'review' as const,
      id: r.id,
      annotationId: r.annotationId,
      articleId: r.annotation.articleId,
      actor: r.reviewer,
      summary: `${r.verdict.toLowerCase().replace('_', ' ')} on “${clip(r.annotation.exact)}”${r.comment ? `: ${clip(r.comment)}` : ''}`,
      at: r.createdAt,
    })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, 50)
    .map((item) => ({ ...item, at: item.at.toISOString(), unread: item.at > me.lastSeenAt }));
  return { unread: items.filter((i) => i.unread).length, items };
}

export async function markNotificationsSeen(db: Db, actor: Actor) {
  await runWrite(db, actor, ({ tx }) => tx.user.update({ where: { id: actor.id }, data: { lastSeenAt: new Date() } }));
}

function clip(text: string, max = 80) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
