import 'server-only';
import { AppError, notFound } from '@/lib/api/app-error';
import type { VersionPlacement } from '@/lib/anchoring/place-on-version';
import type { AnchorTarget } from '@/lib/anchoring';
import { contentHash } from '@/lib/articles/server/content-hash';
import { versionOverBudget } from '@/lib/articles/server/version-over-budget';
import type { Actor } from '@/lib/core/actor';
import { docToJson } from '@/lib/db/server/json';
import type { Db, Tx } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';
import { importDocumentOr4xx } from '@/lib/documents/server/import-document-or-4xx';
import type { DocumentSource } from '@/lib/documents/server/import-document';
import { runHeavy } from '@/lib/jobs/server/run-heavy';
import { reanchorEvidence } from '@/lib/provenance/server/reanchor-evidence';

/** Rows per statement when the placements are written: a few hundred build and send in a few milliseconds. */
const WRITE_CHUNK = 250;

type Moved = { id: string; placement: VersionPlacement };

/**
 * One chunk of re-anchored annotations in one raw statement (Prisma's per-row update compiles on the
 * request thread; 10,000 of them hold it for seconds). A new placement is a new revision: a confirm
 * based on the old placement gets 409.
 */
async function moveAnnotations(tx: Tx, versionId: string, rows: readonly Moved[]): Promise<void> {
  const col = <T>(f: (m: Moved) => T) => rows.map(f);
  await tx.$executeRaw`
    UPDATE "Annotation" AS a
    SET exact = t.exact, prefix = t.prefix, suffix = t.suffix, start = t.start, "end" = t.stop,
        "anchorState" = t.state::"AnchorState", "versionId" = ${versionId}, revision = a.revision + 1, "updatedAt" = now()
    FROM unnest(${col((m) => m.id)}::text[], ${col((m) => m.placement.exact)}::text[], ${col((m) => m.placement.prefix)}::text[],
                ${col((m) => m.placement.suffix)}::text[], ${col((m) => m.placement.start)}::int[], ${col((m) => m.placement.end)}::int[],
                ${col((m) => m.placement.state)}::text[])
      AS t(id, exact, prefix, suffix, start, stop, state)
    WHERE a.id = t.id`;
}

/** Rows per read: one query's parsing and mapping of 10,000 rows would hold the request thread ~0.2 s. */
const READ_PAGE = 1_000;

/** The article's live annotations, read in pages (keyset on id) inside the version's transaction. */
async function liveAnnotations(tx: Tx, articleId: string) {
  const read = (after: string | null) =>
    tx.annotation.findMany({
      where: { articleId, deletedAt: null, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: 'asc' },
      take: READ_PAGE,
      select: { id: true, exact: true, prefix: true, suffix: true, start: true, end: true, anchorState: true, versionId: true },
    });
  const all: Awaited<ReturnType<typeof read>> = [];
  for (let page = await read(null); page.length > 0; page = page.length < READ_PAGE ? [] : await read(page[page.length - 1]!.id)) all.push(...page);
  return all;
}

/**
 * Stores an edited text as the article's next version and re-anchors every live annotation onto
 * it. Orphans are kept (with their original quote) and reported, never deleted. The placing (a
 * diff and searches over the whole text) runs in the heavy-work pool under its budget and limits
 * (lib/jobs/server/run-heavy.ts); over them, the whole write rolls back.
 */
export async function addArticleVersion(db: Db, actor: Actor, articleId: string, source: DocumentSource) {
  // Parsed before the transaction: a refused file stores nothing and holds no lock while parsing.
  const parsed = await importDocumentOr4xx(actor, source);
  const hash = contentHash(parsed.text);
  const result = await runWrite(
    db,
    actor,
    async (w) => {
      const { tx, auditMany, live } = w;
      // Row lock: two simultaneous re-imports get consecutive numbers instead of a unique violation.
      const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Article" WHERE id = ${articleId} FOR UPDATE`;
      if (locked.length === 0) throw notFound('The article');
      const current = await tx.articleVersion.findFirst({ where: { articleId }, orderBy: { number: 'desc' } });
      if (!current) throw notFound('The article');
      if (current.contentHash === hash) throw new AppError('conflict', `This text is identical to version ${current.number}; no new version was created.`);

      const version = await tx.articleVersion.create({
        data: {
          articleId,
          number: current.number + 1,
          doc: docToJson(parsed.doc),
          text: parsed.text,
          contentHash: hash,
          format: parsed.format,
          pages: parsed.pages ?? undefined,
          createdById: actor.id,
        },
      });
      const annotations = await liveAnnotations(tx, articleId);
      const targets: AnchorTarget[] = annotations.map((a) => ({ exact: a.exact, prefix: a.prefix, suffix: a.suffix, start: a.start, end: a.end }));
      const placed =
        targets.length === 0 ? [] : await runHeavy(actor, 'placeVersion', { targets, text: parsed.text, previousText: current.text }, { overBudget: versionOverBudget });
      let orphaned = 0;
      for (let from = 0; from < annotations.length; from += WRITE_CHUNK) {
        const part = annotations.slice(from, from + WRITE_CHUNK).map((a, i) => ({ a, placement: placed[from + i]! }));
        await moveAnnotations(tx, version.id, part.map(({ a, placement }) => ({ id: a.id, placement })));
        await auditMany(
          part.map(({ a, placement: r }) => {
            if (r.state === 'orphaned') orphaned++;
            return {
              annotationId: a.id,
              action: 'reanchored' as const,
              before: { start: a.start, end: a.end, exact: a.exact, anchorState: a.anchorState, versionId: a.versionId },
              after: { start: r.start, end: r.end, exact: r.exact, anchorState: r.state, versionId: version.id, score: r.score },
            };
          }),
        );
      }
      live({ type: 'version.created', articleId, version: { id: version.id, number: version.number } });
      // Passages of this document that claims elsewhere cite as evidence move with the text too.
      const evidence = await reanchorEvidence(w, actor, articleId, { id: version.id, text: parsed.text, doc: parsed.doc }, current.text);
      return { version, reanchored: annotations.length - orphaned, orphaned, evidence };
    },
    { timeoutMs: 120_000 },
  );
  return {
    version: { id: result.version.id, number: result.version.number, contentHash: result.version.contentHash, createdAt: result.version.createdAt.toISOString() },
    reanchored: result.reanchored,
    orphaned: result.orphaned,
    /** Evidence links into this document's text: re-anchored and orphaned. */
    evidence: { reanchored: result.evidence.moved, orphaned: result.evidence.orphaned },
  };
}
