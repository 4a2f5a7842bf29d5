import 'server-only';
import { AppError, notFound } from '@/lib/api/app-error';
import { describeRange, reanchorAll, type AnchorTarget } from '@/lib/anchoring';
import { contentHash } from '@/lib/articles/server/content-hash';
import type { Actor } from '@/lib/core/actor';
import { docToJson } from '@/lib/db/server/json';
import type { Db } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';
import { importDocumentOr4xx } from '@/lib/documents/server/import-document-or-4xx';
import type { DocumentSource } from '@/lib/documents/server/import-document';
import { reanchorEvidence } from '@/lib/provenance/server/reanchor-evidence';

/**
 * Stores an edited text as the article's next version and re-anchors every live annotation onto
 * it. Orphans are kept (with their original quote) and reported, never deleted.
 */
export async function addArticleVersion(db: Db, actor: Actor, articleId: string, source: DocumentSource) {
  // Parsed before the transaction: a refused file stores nothing and holds no lock while parsing.
  const parsed = await importDocumentOr4xx(source);
  const hash = contentHash(parsed.text);
  const result = await runWrite(
    db,
    actor,
    async (w) => {
      const { tx, audit, live } = w;
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
      const annotations = await tx.annotation.findMany({
        where: { articleId, deletedAt: null },
        select: { id: true, exact: true, prefix: true, suffix: true, start: true, end: true, anchorState: true, versionId: true },
      });
      const targets: AnchorTarget[] = annotations.map((a) => ({ exact: a.exact, prefix: a.prefix, suffix: a.suffix, start: a.start, end: a.end }));
      // The previous version's text gives the re-anchorer the diff: untouched passages map in one
      // pass, and an edit in place is told from look-alikes that were already elsewhere. Annotations
      // whose offsets refer to an older version (orphans) are found by searching, as without it.
      const placed = reanchorAll(targets, parsed.text, { previousText: current.text });
      let orphaned = 0;
      for (const [i, a] of annotations.entries()) {
        const r = placed[i]!;
        const before = { start: a.start, end: a.end, exact: a.exact, anchorState: a.anchorState, versionId: a.versionId };
        const after =
          r.state === 'orphaned'
            ? { start: r.start, end: r.end, exact: a.exact, prefix: a.prefix, suffix: a.suffix, anchorState: 'orphaned' as const }
            : { ...describeRange(parsed.text, r.start, r.end), anchorState: r.state };
        if (r.state === 'orphaned') orphaned++;
        // A new placement is a new revision: a confirm based on the old placement gets 409.
        await tx.annotation.update({ where: { id: a.id }, data: { ...after, versionId: version.id, revision: { increment: 1 } } });
        await audit({
          annotationId: a.id,
          action: 'reanchored',
          before,
          after: { start: after.start, end: after.end, exact: after.exact, anchorState: after.anchorState, versionId: version.id, score: r.score },
        });
      }
      live({ type: 'version.created', articleId, version: { id: version.id, number: version.number } });
      // Passages of this document that claims elsewhere cite as evidence move with the text too.
      const evidence = await reanchorEvidence(w, articleId, { id: version.id, text: parsed.text }, current.text);
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
