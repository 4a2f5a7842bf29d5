import 'server-only';
import { forbidden, notFound } from '@/lib/api/app-error';
import { formUnits, unitAgreement, type Unit } from '@/lib/agreement/units';
import { annotationDtoSelect, toAnnotationDto, type AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { Actor } from '@/lib/core/actor';
import { canCurate } from '@/lib/core/permissions';
import type { CurationDto, CurationKind, CurationUnitDto } from '@/lib/curation/curation-dto';
import type { Db, Tx } from '@/lib/db/server/prisma';

type Span = { id: string; start: number; end: number; authorId: string; tag: string; dto: AnnotationDto };

/**
 * The units to curate: the compared analysts' live, placed annotations (the assignees when the
 * article is assigned, else every author; never the curated layer) grouped by overlap
 * (lib/agreement/units.ts), each with what the analysts agree on and the decision taken on it.
 */
export async function loadCurationUnits(db: Db | Tx, articleId: string): Promise<{ blind: boolean; analysts: Array<{ id: string; name: string }>; units: Array<Unit<Span> & { agreement: CurationUnitDto['agreement'] }> }> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { blind: true, assignments: { select: { user: { select: { id: true, name: true } } } } } });
  if (!article) throw notFound('The article');
  const assigned = article.assignments.map((a) => a.user);
  const rows = await db.annotation.findMany({
    where: { articleId, deletedAt: null, curated: false, anchorState: { not: 'orphaned' }, ...(assigned.length ? { authorId: { in: assigned.map((u) => u.id) } } : {}) },
    select: annotationDtoSelect,
  });
  const analysts = assigned.length ? assigned : [...new Map(rows.map((r) => [r.author.id, r.author])).values()];
  analysts.sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const spans: Span[] = rows.map((r) => ({ id: r.id, start: r.start, end: r.end, authorId: r.author.id, tag: r.tag.key, dto: toAnnotationDto(r) }));
  const ids = analysts.map((a) => a.id);
  return { blind: article.blind, analysts, units: formUnits(spans).map((u) => ({ ...u, agreement: unitAgreement(u, ids) })) };
}

export async function loadCuration(db: Db, actor: Actor, articleId: string): Promise<CurationDto> {
  const decision = canCurate(actor);
  if (!decision.ok) throw forbidden(decision.reason);
  const { blind, analysts, units } = await loadCurationUnits(db, articleId);
  const decisions = await db.curationDecision.findMany({
    where: { articleId, unitKey: { in: units.map((u) => u.key) } },
    select: { unitKey: true, kind: true, annotationId: true, updatedAt: true, decidedBy: { select: { id: true, name: true } } },
  });
  const curatedIds = decisions.flatMap((d) => (d.annotationId ? [d.annotationId] : []));
  const curated = curatedIds.length ? await db.annotation.findMany({ where: { id: { in: curatedIds }, deletedAt: null }, select: annotationDtoSelect }) : [];
  const curatedById = new Map(curated.map((r) => [r.id, toAnnotationDto(r)]));
  const byKey = new Map(decisions.map((d) => [d.unitKey, d]));
  const out: CurationUnitDto[] = units.map((u) => {
    const d = byKey.get(u.key);
    return {
      key: u.key,
      start: u.start,
      end: u.end,
      annotations: u.annotations.map((a) => a.dto),
      agreement: u.agreement,
      decision: d ? { kind: d.kind as CurationKind, annotation: d.annotationId ? (curatedById.get(d.annotationId) ?? null) : null, decidedBy: d.decidedBy, at: d.updatedAt.toISOString() } : null,
    };
  });
  return { blind, analysts, units: out, decided: out.filter((u) => u.decision).length, agreedUndecided: out.filter((u) => !u.decision && u.agreement === 'all').length };
}
