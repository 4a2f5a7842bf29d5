import 'server-only';
import { AppError, notFound } from '@/lib/api/app-error';
import { diffVersions, type DiffOp } from '@/lib/articles/version-diff';
import type { Db } from '@/lib/db/server/prisma';

export type VersionComparison = {
  versions: Array<{ number: number; createdAt: string; createdBy: string | null }>;
  from: number;
  to: number;
  ops: DiffOp[];
  stats: { inserted: number; deleted: number };
};

/**
 * The word diff between two versions of an article (default: the previous one → the current one).
 * With a single version, from = to and the diff is all "equal".
 */
export async function compareVersions(db: Db, articleId: string, wanted: { from?: number; to?: number } = {}): Promise<VersionComparison> {
  const versions = await db.articleVersion.findMany({
    where: { articleId },
    orderBy: { number: 'asc' },
    select: { number: true, createdAt: true, createdById: true },
  });
  if (versions.length === 0) throw notFound('The article');
  const latest = versions[versions.length - 1]!.number;
  const to = wanted.to ?? latest;
  const from = wanted.from ?? Math.max(1, to - 1);
  const known = new Set(versions.map((v) => v.number));
  for (const n of [from, to]) if (!known.has(n)) throw notFound(`Version ${n} of this article`);
  if (from > to) throw new AppError('validation_failed', 'Compare an older version with a newer one (from ≤ to).');

  const authorIds = [...new Set(versions.map((v) => v.createdById).filter((id): id is string => id !== null))];
  const [texts, authors] = await Promise.all([
    db.articleVersion.findMany({ where: { articleId, number: { in: [from, to] } }, select: { number: true, text: true } }),
    db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } }),
  ]);
  const nameOf = new Map(authors.map((u) => [u.id, u.name]));
  const textOf = (n: number) => texts.find((t) => t.number === n)!.text;
  const ops = diffVersions(textOf(from), textOf(to));
  const count = (op: DiffOp['op']) => ops.filter((o) => o.op === op).reduce((sum, o) => sum + o.text.length, 0);
  return {
    versions: versions.map((v) => ({ number: v.number, createdAt: v.createdAt.toISOString(), createdBy: v.createdById ? (nameOf.get(v.createdById) ?? null) : null })),
    from,
    to,
    ops,
    stats: { inserted: count('insert'), deleted: count('delete') },
  };
}
