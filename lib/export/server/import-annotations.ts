// Imports W3C Web Annotations (a Claimdesk jsonld export or another tool's) into an article's current
// version. Parsing is the pure lib/export importer; this file anchors, checks tags, and writes
// everything (annotations, audit events, live events) in one transaction.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { AppError, notFound } from '@/lib/api/app-error';
import { describeRange, reanchorAll } from '@/lib/anchoring';
import type { Actor } from '@/lib/core/actor';
import type { AnchorState } from '@/lib/core/enums';
import type { Db } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';
import { parseJsonLd, positionInText, type ImportedAnnotation } from '@/lib/export';
import { storeClaimKeys } from '@/lib/matching/server/store-claim-keys';

export type ImportSkipped = { path: string; id: string | null; reason: string };
export type ImportSummary = { imported: number; orphaned: number; skipped: ImportSkipped[]; annotationIds: string[] };

/** cuid-shaped ids ("c" + 24 base-36 chars) so that rows can be inserted in bulk with known ids. */
function newId(): string {
  const bytes = randomBytes(24);
  let id = 'c';
  for (const b of bytes) id += (b % 36).toString(36);
  return id;
}

type Planned = {
  id: string;
  source: ImportedAnnotation;
  tagId: string;
  tagKey: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  anchorState: AnchorState;
  score: number;
};

export async function importAnnotations(db: Db, actor: Actor, articleId: string, document: unknown): Promise<ImportSummary> {
  const parsed = parseJsonLd(document);
  if (!parsed.ok) {
    throw new AppError(
      'validation_failed',
      `The annotation document could not be imported: ${parsed.errors.slice(0, 3).join('; ')}${parsed.errors.length > 3 ? ` (and ${parsed.errors.length - 3} more problems)` : ''}.`,
      parsed.errors.map((message) => ({ path: message.split(':')[0] ?? '(body)', message })),
    );
  }

  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { id: true, versions: { orderBy: { number: 'desc' }, take: 1, select: { id: true, text: true } } },
  });
  const version = article?.versions[0];
  if (!article || !version) throw notFound('The article');

  const [tags, existing] = await Promise.all([
    db.sourceTag.findMany({ select: { id: true, key: true, archivedAt: true } }),
    db.annotation.findMany({ where: { articleId, deletedAt: null, versionId: version.id }, select: { start: true, end: true, tagId: true } }),
  ]);
  const tagByKey = new Map(tags.map((t) => [t.key, t]));
  const usable = tags.filter((t) => !t.archivedAt).map((t) => t.key);
  const taken = new Set(existing.map((a) => `${a.start}:${a.end}:${a.tagId}`));

  const skipped: ImportSkipped[] = [...parsed.skipped];
  const planned: Planned[] = [];
  // The document counts positions in code points of the text it was made on: a hint for where
  // to look. Without its text there is no diff: every quote is searched for by quote and context.
  const placed = reanchorAll(
    parsed.annotations.map((a) => {
      const at = positionInText(a, version.text) ?? { start: 0, end: a.exact.length };
      return { exact: a.exact, prefix: a.prefix, suffix: a.suffix, ...at };
    }),
    version.text,
  );
  parsed.annotations.forEach((a, i) => {
    const path = `annotations[${i}]`;
    const skip = (reason: string) => skipped.push({ path, id: a.id, reason });
    if (!a.tag) return skip(`no tagging body; Claimdesk needs a source tag (${usable.join(', ')})`);
    const tag = tagByKey.get(a.tag);
    if (!tag) return skip(`unknown tag "${a.tag}"; this desk's tags are ${usable.join(', ')}`);
    if (tag.archivedAt) return skip(`tag "${a.tag}" is archived and cannot be used for new annotations`);

    const r = placed[i]!;
    let target: { exact: string; prefix: string; suffix: string; start: number; end: number };
    if (r.state === 'orphaned') {
      // Kept with its quote so that it can be re-attached by hand; offsets are clamped into the text.
      target = { exact: a.exact, prefix: a.prefix, suffix: a.suffix, start: r.start, end: r.end };
    } else {
      target = describeRange(version.text, r.start, r.end);
      const key = `${target.start}:${target.end}:${tag.id}`;
      if (taken.has(key)) return skip('the same span already has an annotation with this tag');
      taken.add(key);
    }
    // Without a TextPositionSelector there is no old position to have moved from: a verbatim hit
    // of the quote is an exact anchor, not a "moved" one that would ask a person to confirm it.
    const anchorState = r.state === 'moved' && a.start === null ? 'exact' : r.state;
    planned.push({ id: newId(), source: a, tagId: tag.id, tagKey: tag.key, ...target, anchorState, score: r.score });
  });

  if (planned.length > 0) {
    await runWrite(
      db,
      actor,
      async ({ tx, audit, live }) => {
        await tx.annotation.createMany({
          data: planned.map((p) => ({
            id: p.id,
            articleId,
            versionId: version.id,
            authorId: actor.id,
            exact: p.exact,
            prefix: p.prefix,
            suffix: p.suffix,
            start: p.start,
            end: p.end,
            tagId: p.tagId,
            sourceDetail: p.source.sourceDetail,
            note: p.source.note,
            confidence: p.source.confidence,
            reliability: p.source.grade.reliability,
            credibility: p.source.grade.credibility,
            // Status derives from reviews, which are not imported: an imported claim starts unreviewed.
            status: 'UNREVIEWED' as const,
            anchorState: p.anchorState,
          })),
        });
        await storeClaimKeys(tx, planned.map((p) => ({ id: p.id, articleId, exact: p.exact })));
        for (const p of planned) {
          // The importing user is the author (no users are invented); the original creator and
          // assessment are kept in the audit log.
          await audit({
            annotationId: p.id,
            action: 'created',
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
          });
          live({ type: 'annotation.created', articleId, annotationId: p.id });
        }
      },
      { timeoutMs: 60_000 },
    );
  }

  return {
    imported: planned.length,
    orphaned: planned.filter((p) => p.anchorState === 'orphaned').length,
    skipped,
    annotationIds: planned.map((p) => p.id),
  };
}
