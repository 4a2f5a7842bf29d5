import 'server-only';
import { computeAgreementOverTime, type AgreementOverTime, type CompletedDoubleAnnotation } from '@/lib/agreement/agreement-over-time';
import type { DeskAgreementQuery } from '@/lib/agreement/agreement-schemas';
import { forbidden } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import { canReadDeskAgreement } from '@/lib/core/permissions';
import type { Db } from '@/lib/db/server/prisma';

/** The most recent completed double annotations one report covers: a page a person can read, a bounded cost. */
export const MAX_AGREEMENT_POINTS = 200;

const DAY_MS = 86_400_000;

/** A date-only `to` ("2026-11-30") means the whole of that day. */
function endOf(to: Date): Date {
  return to.getTime() % DAY_MS === 0 ? new Date(to.getTime() + DAY_MS) : new Date(to.getTime() + 1);
}

export type DeskAgreementDto = AgreementOverTime & { truncated: boolean; limit: number };

/**
 * The desk's agreement over time: every article two or more assignees have submitted (completed at the
 * last submission), each compared on the submitted analysts' own annotations — the same work the
 * article's agreement page compares — and pooled per period when it was done blind.
 */
export async function computeDeskAgreement(db: Db, actor: Pick<Actor, 'id' | 'role'>, query: DeskAgreementQuery): Promise<DeskAgreementDto> {
  const decision = canReadDeskAgreement(actor);
  if (!decision.ok) throw forbidden(decision.reason);

  const completedAt = { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lt: endOf(query.to) } : {}) };
  const completed = await db.assignment.groupBy({
    by: ['articleId'],
    where: { submittedAt: { not: null } },
    _max: { submittedAt: true },
    having: { articleId: { _count: { gte: 2 } }, ...(query.from || query.to ? { submittedAt: { _max: completedAt } } : {}) },
    orderBy: { _max: { submittedAt: 'desc' } },
    take: MAX_AGREEMENT_POINTS + 1,
  });
  const truncated = completed.length > MAX_AGREEMENT_POINTS;
  const ids = completed.slice(0, MAX_AGREEMENT_POINTS).map((c) => c.articleId);

  const [articles, rows, tags] = await Promise.all([
    db.article.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        title: true,
        blind: true,
        versions: { orderBy: { number: 'desc' }, take: 1, select: { text: true } },
        assignments: { where: { submittedAt: { not: null } }, select: { submittedAt: true, user: { select: { id: true, name: true } } } },
      },
    }),
    db.annotation.findMany({
      where: { articleId: { in: ids }, deletedAt: null, curated: false, anchorState: { not: 'orphaned' } },
      select: { id: true, articleId: true, start: true, end: true, exact: true, note: true, authorId: true, tag: { select: { key: true } } },
    }),
    db.sourceTag.findMany({ where: { archivedAt: null }, orderBy: [{ sortOrder: 'asc' }, { createdAt: 'asc' }], select: { key: true } }),
  ]);
  const tagKeys = tags.map((t) => t.key);

  const items: CompletedDoubleAnnotation[] = articles.map((article) => {
    const submitted = new Set(article.assignments.map((a) => a.user.id));
    return {
      articleId: article.id,
      title: article.title,
      completedAt: new Date(Math.max(...article.assignments.map((a) => a.submittedAt!.getTime()))),
      blind: article.blind,
      analysts: article.assignments.map((a) => a.user).sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1)),
      annotations: rows
        .filter((r) => r.articleId === article.id && submitted.has(r.authorId))
        .map((r) => ({ id: r.id, start: r.start, end: r.end, exact: r.exact, note: r.note, authorId: r.authorId, tag: r.tag.key })),
      textLength: article.versions[0]?.text.length ?? 0,
      tagKeys,
    };
  });
  return { ...computeAgreementOverTime({ items, period: query.period }), truncated, limit: MAX_AGREEMENT_POINTS };
}
