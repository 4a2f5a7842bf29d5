// Imports W3C Web Annotations (a Claimdesk jsonld export or another tool's) into an article's current
// version. Parsing and placing every quote is CPU-heavy (a whole-text approximate search per quote
// not found verbatim): it runs in the heavy-work pool under a budget (lib/jobs/server/run-heavy.ts).
// This file checks tags and duplicates and writes everything (annotations, matching keys, audit
// events, live events) in one transaction, in chunks, so no single statement or loop holds the
// request thread.
import 'server-only';
import { AppError, notFound } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import type { AnchorState } from '@/lib/core/enums';
import { newRowId } from '@/lib/db/server/new-row-id';
import type { Db, Tx } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';
import type { ImportedAnnotation } from '@/lib/export';
import type { ImportPlacement } from '@/lib/export/plan-annotation-import';
import { runHeavy } from '@/lib/jobs/server/run-heavy';
import { storeClaimKeys } from '@/lib/matching/server/store-claim-keys';
import { evidenceSnapshot } from '@/lib/provenance/evidence-snapshot';
import { planLinks, writeLinks } from '@/lib/export/server/import-evidence';

export type ImportSkipped = { path: string; id: string | null; reason: string };
export type ImportSummary = { imported: number; orphaned: number; skipped: ImportSkipped[]; annotationIds: string[]; links: number };

/** Rows per statement: a few hundred rows build and send in a few milliseconds. */
const WRITE_CHUNK = 250;

type Planned = ImportPlacement & {
  id: string;
  source: ImportedAnnotation;
  tagId: string;
  tagKey: string;
  anchorState: AnchorState;
};

function chunks<T>(items: readonly T[], size = WRITE_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * One chunk of imported annotations in one raw statement: Prisma's createMany compiles its whole
 * payload on the request thread (~0.5 ms a row), unnest() arrays cost next to nothing.
 */
async function insertAnnotations(tx: Tx, articleId: string, versionId: string, authorId: string, rows: readonly Planned[]): Promise<void> {
  const col = <T>(f: (p: Planned) => T) => rows.map(f);
  // Status derives from reviews, which are not imported: an imported claim starts unreviewed.
  await tx.$executeRaw`
    INSERT INTO "Annotation" (id, "articleId", "versionId", "authorId", exact, prefix, suffix, start, "end", "tagId",
                              "sourceDetail", note, confidence, reliability, credibility, status, "anchorState", "updatedAt")
    SELECT t.id, ${articleId}, ${versionId}, ${authorId}, t.exact, t.prefix, t.suffix, t.start, t.stop, t.tag,
           t.detail, t.note, t.confidence::"Confidence", t.reliability, t.credibility, 'UNREVIEWED'::"ReviewStatus", t.state::"AnchorState", now()
    FROM unnest(${col((p) => p.id)}::text[], ${col((p) => p.exact)}::text[], ${col((p) => p.prefix)}::text[], ${col((p) => p.suffix)}::text[],
                ${col((p) => p.start)}::int[], ${col((p) => p.end)}::int[], ${col((p) => p.tagId)}::text[], ${col((p) => p.source.sourceDetail)}::text[],
                ${col((p) => p.source.note)}::text[], ${col((p) => p.source.confidence)}::text[], ${col((p) => p.source.grade.reliability)}::text[],
                ${col((p) => p.source.grade.credibility)}::int[], ${col((p) => p.anchorState)}::text[])
      AS t(id, exact, prefix, suffix, start, stop, tag, detail, note, confidence, reliability, credibility, state)`;
}

/** 413: the document asks for more work than one request may do. */
function importOverBudget(budgetMs: number): AppError {
  return new AppError(
    'payload_too_large',
    `Placing these annotations needs more than ${budgetMs / 1000} s of work, the limit for one import. Import them in smaller parts, or include each one's TextPositionSelector and context so its quote is found without searching the whole article.`,
    { reason: 'work_budget', budgetMs },
  );
}

export async function importAnnotations(db: Db, actor: Actor, articleId: string, body: string): Promise<ImportSummary> {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { id: true, versions: { orderBy: { number: 'desc' }, take: 1, select: { id: true, text: true } } },
  });
  const version = article?.versions[0];
  if (!article || !version) throw notFound('The article');

  const plan = await runHeavy(actor, 'planImport', { body, text: version.text }, { overBudget: importOverBudget });
  if (!plan.ok) {
    throw new AppError(
      'validation_failed',
      `The annotation document could not be imported: ${plan.errors.slice(0, 3).join('; ')}${plan.errors.length > 3 ? ` (and ${plan.errors.length - 3} more problems)` : ''}.`,
      plan.errors.map((message) => ({ path: message.split(':')[0] ?? '(body)', message })),
    );
  }

  const [tags, existing] = await Promise.all([
    db.sourceTag.findMany({ select: { id: true, key: true, archivedAt: true } }),
    db.annotation.findMany({ where: { articleId, deletedAt: null, versionId: version.id }, select: { start: true, end: true, tagId: true } }),
  ]);
  const tagByKey = new Map(tags.map((t) => [t.key, t]));
  const usable = tags.filter((t) => !t.archivedAt).map((t) => t.key);
  const taken = new Set(existing.map((a) => `${a.start}:${a.end}:${a.tagId}`));

  const skipped: ImportSkipped[] = [...plan.skipped];
  const planned: Planned[] = [];
  plan.annotations.forEach((a, i) => {
    const path = `annotations[${i}]`;
    const skip = (reason: string) => skipped.push({ path, id: a.id, reason });
    if (!a.tag) return skip(`no tagging body; Claimdesk needs a source tag (${usable.join(', ')})`);
    const tag = tagByKey.get(a.tag);
    if (!tag) return skip(`unknown tag "${a.tag}"; this desk's tags are ${usable.join(', ')}`);
    if (tag.archivedAt) return skip(`tag "${a.tag}" is archived and cannot be used for new annotations`);

    const placement = plan.placements[i]!;
    if (placement.state !== 'orphaned') {
      const key = `${placement.start}:${placement.end}:${tag.id}`;
      if (taken.has(key)) return skip('the same span already has an annotation with this tag');
      taken.add(key);
    }
    // Without a TextPositionSelector there is no old position to have moved from: a verbatim hit
    // of the quote is an exact anchor, not a "moved" one that would ask a person to confirm it.
    const anchorState = placement.state === 'moved' && a.start === null ? 'exact' : placement.state;
    planned.push({ ...placement, id: newRowId(), source: a, tagId: tag.id, tagKey: tag.key, anchorState });
  });

  // Evidence links ride on the claims imported here: a link to a claim that was skipped is skipped too.
  const claimIds = new Map(planned.flatMap((p) => (p.source.id ? [[p.source.id, p.id] as const] : [])));
  const links = await planLinks(db, actor, articleId, plan.links, claimIds);
  skipped.push(...links.skipped);

  if (planned.length > 0) {
    await runWrite(
      db,
      actor,
      async ({ tx, auditMany, live }) => {
        for (const part of chunks(planned)) {
          await insertAnnotations(tx, articleId, version.id, actor.id, part);
          await storeClaimKeys(tx, part.map((p) => ({ id: p.id, articleId, exact: p.exact, columns: p.columns })));
          // The importing user is the author (no users are invented); the original creator and
          // assessment are kept in the audit log.
          await auditMany(
            part.map((p) => ({
              annotationId: p.id,
              action: 'created' as const,
              after: {
                imported: true,
                importedId: p.source.id,
                originalCreator: p.source.creatorName,
                originalStatus: p.source.status,
                originalCreated: p.source.created?.toISOString() ?? null,
                source: p.source.source,
                tag: p.tagKey,
                start: p.start,
                end: p.end,
                exact: p.exact,
                anchorState: p.anchorState,
                score: p.score,
              },
            })),
          );
        }
        for (const p of planned) live({ type: 'annotation.created', articleId, annotationId: p.id });
        const written = await writeLinks(tx, actor.id, links.planned, links.versions);
        await auditMany(
          written.map(({ link, evidence }) => ({ annotationId: link.annotationId, action: 'evidence_created' as const, after: { ...evidenceSnapshot(evidence), imported: true, importedId: link.importedId } })),
        );
        for (const { link, evidence } of written) live({ type: 'evidence.created', articleId, annotationId: link.annotationId, evidence });
      },
      { timeoutMs: 60_000 },
    );
  }

  return {
    imported: planned.length,
    orphaned: planned.filter((p) => p.anchorState === 'orphaned').length,
    skipped,
    annotationIds: planned.map((p) => p.id),
    links: planned.length > 0 ? links.planned.length : 0,
  };
}
