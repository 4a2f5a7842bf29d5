// Suggestions for an article's current version: the pure engine (lib/suggest) run on the canonical
// text with the desk's usable tags, minus spans already annotated and spans this user rejected, with
// the desk's history applied (muted rules dropped, confidence scaled per rule).
import 'server-only';
import { notFound } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import { readableOnArticle } from '@/lib/assignments/server/read-scope';
import { overlapRatio, SAME_CLAIM_OVERLAP } from '@/lib/review/overlap';
import { applyRuleStats } from '@/lib/suggest/rule-stats';
import { loadRuleStats } from '@/lib/suggest/server/load-rule-stats';
import { versionSuggestions } from '@/lib/suggest/server/version-suggestions';
import type { SuggestionListDto } from '@/lib/suggest/suggestion-dto';

export async function listSuggestions(db: Db, actor: Pick<Actor, 'id' | 'role'>, articleId: string): Promise<SuggestionListDto> {
  const version = await db.articleVersion.findFirst({
    where: { articleId },
    orderBy: { number: 'desc' },
    select: { id: true, text: true },
  });
  if (!version) throw notFound('The article');
  const readable = await readableOnArticle(db, actor, articleId);

  const [tags, annotations, rejections, stats] = await Promise.all([
    db.sourceTag.findMany({ where: { archivedAt: null }, orderBy: [{ sortOrder: 'asc' }, { createdAt: 'asc' }], select: { key: true } }),
    // Every live annotation the actor may read counts: a suggestion must never duplicate an existing
    // claim — nor, on a blind article, vanish where a colleague has marked one.
    db.annotation.findMany({
      where: { articleId, versionId: version.id, deletedAt: null, anchorState: { not: 'orphaned' }, ...readable },
      select: { start: true, end: true },
    }),
    db.suggestionRejection.findMany({ where: { userId: actor.id, versionId: version.id }, select: { start: true, end: true } }),
    loadRuleStats(db),
  ]);

  const rejected = new Set(rejections.map((r) => `${r.start}:${r.end}`));
  const learned = applyRuleStats(await versionSuggestions(actor, version, tags.map((t) => t.key)), stats);
  const suggestions = learned.suggestions
    .filter((s) => !rejected.has(`${s.start}:${s.end}`))
    .filter((s) => !annotations.some((a) => overlapRatio(s, a) >= SAME_CLAIM_OVERLAP))
    .map((s) => ({ start: s.start, end: s.end, exact: s.exact, tag: s.tag, confidence: s.confidence, reason: s.reason, rules: s.rules }));
  return { versionId: version.id, suggestions, muted: learned.muted };
}
