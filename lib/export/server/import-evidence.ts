// The evidence half of a W3C import (#15): each Claimdesk "linking" annotation re-created as an evidence
// link on the claim it targets, when that claim is part of the same import and its source document is
// in this library (found by id, then symbol, then URL). Everything else is reported in `skipped`, never
// stored half-way: placing happens before the write, the write is the import's one transaction.
import 'server-only';
import { AppError } from '@/lib/api/app-error';
import { lockCurrentVersion } from '@/lib/annotations/server/lock-current-version';
import type { Actor } from '@/lib/core/actor';
import type { EvidenceRelation } from '@/lib/core/enums';
import { mayReadRow } from '@/lib/assignments/server/read-scope';
import type { Db, Tx } from '@/lib/db/server/prisma';
import type { ImportedLink } from '@/lib/export';
import { runHeavy } from '@/lib/jobs/server/run-heavy';
import type { TiptapNode } from '@/lib/articles/tiptap-doc';
import { paragraphNumbering } from '@/lib/provenance/paragraph-number';
import { evidenceDtoSelect, toEvidenceDto, type EvidenceDto } from '@/lib/provenance/evidence-dto';
import { NO_PASSAGE, type StoredPassage } from '@/lib/provenance/server/evidence-target';

export type LinkSkip = { path: string; id: string | null; reason: string };

export type PlannedLink = {
  importedId: string | null;
  /** The new id of the imported claim the link is on. */
  annotationId: string;
  documentId: string;
  targetAnnotationId: string | null;
  passage: StoredPassage;
  relation: EvidenceRelation;
  note: string | null;
};

type Doc = { id: string; title: string; kind: string; symbol: string | null; url: string | null };

/** The id at the end of one of our IRIs (".../annotations/<id>"), or null. */
function lastSegment(iri: string, collection: string): string | null {
  const m = new RegExp(`/${collection}/([^/?#]+)$`).exec(iri);
  return m ? decodeURIComponent(m[1]!) : null;
}

/** Finds each link's document: by its id here, else a unique source with its symbol, else one with its URL. */
async function findDocuments(db: Db, links: readonly ImportedLink[]): Promise<(link: ImportedLink) => Doc | 'ambiguous' | null> {
  const ids = links.flatMap((l) => [l.document.id, l.document.iri ? lastSegment(l.document.iri, 'articles') : null]).filter((x): x is string => Boolean(x));
  const symbols = links.flatMap((l) => (l.document.symbol ? [l.document.symbol] : []));
  const urls = links.flatMap((l) => (l.document.url ? [l.document.url] : []));
  const docs: Doc[] = await db.article.findMany({
    where: { OR: [{ id: { in: ids } }, { kind: 'source', symbol: { in: symbols } }, { kind: 'source', url: { in: urls } }] },
    select: { id: true, title: true, kind: true, symbol: true, url: true },
  });
  const byId = new Map(docs.map((d) => [d.id, d]));
  const sources = docs.filter((d) => d.kind === 'source');
  const unique = (matches: Doc[]) => (matches.length === 1 ? matches[0]! : matches.length > 1 ? 'ambiguous' : null);
  return (link) => {
    const direct = [link.document.id, link.document.iri ? lastSegment(link.document.iri, 'articles') : null].map((id) => (id ? byId.get(id) : undefined)).find(Boolean);
    // An id from another library can name a different document here: trust it only for a source or the article a linked claim is in.
    if (direct && (direct.kind === 'source' || link.targetAnnotation)) return direct;
    if (link.document.symbol) {
      const hit = unique(sources.filter((d) => d.symbol === link.document.symbol));
      if (hit) return hit;
    }
    if (link.document.url) return unique(sources.filter((d) => d.url === link.document.url));
    return null;
  };
}

function describeDocument(link: ImportedLink): string {
  const d = link.document;
  return `“${d.title ?? d.iri ?? d.id ?? 'unnamed'}”${d.symbol ? ` (${d.symbol})` : ''}`;
}

/**
 * Plans the links of an import: `claimIds` maps the document's claim IRIs to the new annotations'
 * ids. Reads the library and places passages (in the heavy pool); writes nothing.
 */
export async function planLinks(
  db: Db,
  actor: Actor,
  articleId: string,
  links: readonly ImportedLink[],
  claimIds: ReadonlyMap<string, string>,
): Promise<{ planned: PlannedLink[]; skipped: LinkSkip[]; versions: Map<string, string> }> {
  const skipped: LinkSkip[] = [];
  const versions = new Map<string, string>();
  if (links.length === 0) return { planned: [], skipped, versions };
  const skip = (l: ImportedLink, reason: string) => void skipped.push({ path: l.path, id: l.id, reason });
  const documentOf = await findDocuments(db, links);

  type Pending = { link: ImportedLink; annotationId: string; document: Doc; targetAnnotationId: string | null };
  const pending: Pending[] = [];
  for (const link of links) {
    const annotationId = claimIds.get(link.claim);
    if (!annotationId) {
      skip(link, `its claim ${link.claim} is not among the annotations imported here, so the link has nothing to attach to`);
      continue;
    }
    const document = documentOf(link);
    if (document === 'ambiguous') {
      skip(link, `the source ${describeDocument(link)} matches several documents of this library; link it by hand`);
      continue;
    }
    if (!document) {
      skip(link, `the source ${describeDocument(link)} is not in this library; import it as a source first (kind "source", same symbol or URL), then import again`);
      continue;
    }
    if (document.id === articleId) {
      skip(link, 'it points into the article itself: a claim cannot be its own evidence');
      continue;
    }
    let targetAnnotationId: string | null = null;
    if (link.targetAnnotation) {
      const id = lastSegment(link.targetAnnotation, 'annotations');
      const target = id ? await db.annotation.findUnique({ where: { id }, select: { id: true, articleId: true, authorId: true, curated: true, deletedAt: true } }) : null;
      if (!target || target.articleId !== document.id || !(await mayReadRow(db, actor, target))) {
        skip(link, `the claim it cites (${link.targetAnnotation}) is not in ${describeDocument(link)} here`);
        continue;
      }
      targetAnnotationId = target.id;
    }
    pending.push({ link, annotationId, document, targetAnnotationId });
  }

  const placedByLink = new Map<Pending, StoredPassage | null>();
  const withPassage = pending.filter((p) => p.link.passage && !p.targetAnnotationId);
  for (const documentId of new Set(withPassage.map((p) => p.document.id))) {
    const version = await db.articleVersion.findFirst({ where: { articleId: documentId }, orderBy: { number: 'desc' }, select: { id: true, text: true, doc: true } });
    const group = withPassage.filter((p) => p.document.id === documentId);
    if (!version) {
      for (const p of group) placedByLink.set(p, null);
      continue;
    }
    versions.set(documentId, version.id);
    const paragraphAt = paragraphNumbering(version.text, version.doc as TiptapNode);
    const placements = await runHeavy(actor, 'placeEvidence', { passages: group.map((p) => p.link.passage!), text: version.text }, { overBudget: linksOverBudget });
    group.forEach((p, i) => {
      const at = placements[i];
      placedByLink.set(
        p,
        at ? { versionId: version.id, exact: at.exact, prefix: at.prefix, suffix: at.suffix, start: at.start, end: at.end, anchorState: at.state, paragraph: paragraphAt(at.start) } : null,
      );
    });
  }

  const planned: PlannedLink[] = [];
  for (const p of pending) {
    let passage = NO_PASSAGE;
    if (placedByLink.has(p)) {
      const placed = placedByLink.get(p);
      if (!placed) {
        skip(p.link, `the passage “${p.link.passage!.exact.slice(0, 80)}” is not in the current text of ${describeDocument(p.link)}`);
        continue;
      }
      passage = placed;
    }
    planned.push({ importedId: p.link.id, annotationId: p.annotationId, documentId: p.document.id, targetAnnotationId: p.targetAnnotationId, passage, relation: p.link.relation, note: p.link.note });
  }
  return { planned, skipped, versions };
}

/**
 * Writes planned links inside the import's transaction, each source share-locked so a new version
 * cannot slip in between placing and writing (409 then: nothing of the import is stored).
 */
export async function writeLinks(
  tx: Tx,
  authorId: string,
  links: readonly PlannedLink[],
  versions: ReadonlyMap<string, string>,
): Promise<Array<{ link: PlannedLink; evidence: EvidenceDto }>> {
  for (const [documentId, versionId] of versions) {
    const current = await lockCurrentVersion(tx, documentId);
    if (current.id !== versionId) throw new AppError('conflict', 'A source document got a new version during the import; nothing was imported. Send the import again.', { documentId });
  }
  const out: Array<{ link: PlannedLink; evidence: EvidenceDto }> = [];
  for (const link of links) {
    const row = await tx.evidence.create({
      data: {
        annotationId: link.annotationId,
        documentId: link.documentId,
        targetAnnotationId: link.targetAnnotationId,
        ...link.passage,
        relation: link.relation,
        note: link.note,
        // The importing user, as for the imported claims: no users are invented.
        authorId,
      },
      select: evidenceDtoSelect,
    });
    out.push({ link, evidence: toEvidenceDto(row) });
  }
  return out;
}

function linksOverBudget(budgetMs: number): AppError {
  return new AppError('payload_too_large', `Placing the evidence passages needs more than ${budgetMs / 1000} s of work, the limit for one import. Import fewer links at once.`, {
    reason: 'work_budget',
    budgetMs,
  });
}
