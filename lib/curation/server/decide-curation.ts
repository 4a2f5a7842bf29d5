import 'server-only';
import { AppError, forbidden, notFound } from '@/lib/api/app-error';
import { annotationDtoSelect, toAnnotationDto, type AnnotationDto } from '@/lib/annotations/annotation-dto';
import { snapshotOf } from '@/lib/annotations/annotation-snapshot';
import { lockCurrentVersion } from '@/lib/annotations/server/lock-current-version';
import { resolveUsableTag } from '@/lib/annotations/server/resolve-tag';
import { validateSelection } from '@/lib/annotations/validate-selection';
import type { Actor } from '@/lib/core/actor';
import { canCurate } from '@/lib/core/permissions';
import type { CurationDecisionInput } from '@/lib/curation/curation-schemas';
import { loadCurationUnits } from '@/lib/curation/server/load-curation';
import type { Db } from '@/lib/db/server/prisma';
import { runWrite, type Write } from '@/lib/db/server/run-write';
import { storeClaimKeys } from '@/lib/matching/server/store-claim-keys';

type Chosen = { tag: string; start: number; end: number; exact: string; from?: AnnotationDto };

/**
 * A curator's decision on a unit: the curated annotation it makes (accept: a copy of the chosen
 * analyst's annotation; edit: the curator's tag and span; reject: none). A new decision on a decided
 * unit replaces the old one (its curated annotation is deleted). `acceptAgreed` accepts every
 * undecided unit where all analysts agree, taking the annotation marked first (its note and grades).
 * One transaction with the audit entries and live events.
 */
export async function decideCuration(db: Db, actor: Actor, articleId: string, input: CurationDecisionInput): Promise<{ annotation: AnnotationDto | null } | { annotations: AnnotationDto[]; accepted: number }> {
  const decision = canCurate(actor);
  if (!decision.ok) throw forbidden(decision.reason);
  return runWrite(db, actor, async (w) => {
    const version = await lockCurrentVersion(w.tx, articleId);
    const { units } = await loadCurationUnits(w.tx, articleId);
    if ('acceptAgreed' in input) {
      const decided = new Set((await w.tx.curationDecision.findMany({ where: { articleId }, select: { unitKey: true } })).map((d) => d.unitKey));
      const agreed = units.filter((u) => u.agreement === 'all' && !decided.has(u.key));
      const annotations: AnnotationDto[] = [];
      for (const unit of agreed) {
        const from = markedFirst(unit.annotations.map((a) => a.dto));
        annotations.push((await apply(w, actor, articleId, version, unit.key, unit.annotations.map((a) => a.id), 'accept', { tag: from.tag, start: from.target.start, end: from.target.end, exact: from.target.exact, from }))!);
      }
      return { annotations, accepted: annotations.length };
    }
    const unit = units.find((u) => u.key === input.key);
    if (!unit) throw notFound('The unit (its annotations changed since it was listed: reload the curation page)');
    const members = unit.annotations.map((a) => a.id);
    if ('reject' in input) return { annotation: await apply(w, actor, articleId, version, unit.key, members, 'reject', null) };
    if ('accept' in input) {
      const from = unit.annotations.find((a) => a.id === input.accept)?.dto;
      if (!from) throw new AppError('validation_failed', 'accept must name one of the unit’s annotations.', [{ path: 'accept', message: 'not in this unit' }]);
      return { annotation: await apply(w, actor, articleId, version, unit.key, members, 'accept', { tag: from.tag, start: from.target.start, end: from.target.end, exact: from.target.exact, from }) };
    }
    return { annotation: await apply(w, actor, articleId, version, unit.key, members, 'edit', input.decision) };
  });
}

async function apply(
  w: Write,
  actor: Actor,
  articleId: string,
  version: { id: string; text: string },
  unitKey: string,
  members: string[],
  kind: 'accept' | 'edit' | 'reject',
  chosen: Chosen | null,
): Promise<AnnotationDto | null> {
  const previous = await w.tx.curationDecision.findUnique({ where: { articleId_unitKey: { articleId, unitKey } }, select: { annotationId: true } });
  if (previous?.annotationId) {
    const deletedAt = new Date();
    const { count } = await w.tx.annotation.updateMany({ where: { id: previous.annotationId, deletedAt: null }, data: { deletedAt } });
    if (count) {
      await w.audit({ annotationId: previous.annotationId, action: 'deleted', before: { deletedAt: null }, after: { deletedAt: deletedAt.toISOString(), replacedBy: kind } });
      w.live({ type: 'annotation.deleted', articleId, annotationId: previous.annotationId });
    }
  }
  let annotation: AnnotationDto | null = null;
  if (chosen) {
    const target = validateSelection(version.text, chosen.start, chosen.end, chosen.exact);
    const tag = await resolveUsableTag(w.tx, chosen.tag);
    const from = chosen.from;
    const row = await w.tx.annotation.create({
      data: {
        articleId,
        versionId: version.id,
        authorId: actor.id,
        ...target,
        tagId: tag.id,
        sourceDetail: from?.sourceDetail ?? null,
        note: from?.note ?? null,
        confidence: from?.confidence ?? null,
        reliability: from?.grade.reliability ?? null,
        credibility: from?.grade.credibility ?? null,
        curated: true,
        curatedFrom: members,
      },
      select: annotationDtoSelect,
    });
    await storeClaimKeys(w.tx, [{ id: row.id, articleId, exact: row.exact }]);
    annotation = toAnnotationDto(row);
    await w.audit({ annotationId: row.id, action: 'created', after: { ...snapshotOf(annotation), curated: true, curatedFrom: members, curation: kind } });
    w.live({ type: 'annotation.created', articleId, annotationId: row.id, annotation });
  }
  await w.tx.curationDecision.upsert({
    where: { articleId_unitKey: { articleId, unitKey } },
    create: { articleId, unitKey, kind, annotationId: annotation?.id ?? null, decidedById: actor.id },
    update: { kind, annotationId: annotation?.id ?? null, decidedById: actor.id },
  });
  return annotation;
}

/** The annotation made first (then by id): an agreed unit's accepted version does not depend on the order its members were read in. */
function markedFirst(annotations: readonly AnnotationDto[]): AnnotationDto {
  return [...annotations].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0]!;
}
