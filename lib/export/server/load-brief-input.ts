// DB → BriefInput for the pure brief builder (lib/export). The article, its current version, the desk
// and the tags come in one go (the head); the annotations with their reviews, replies and earlier
// checks come in pages of BRIEF_PAGE_SIZE (keyset on the brief's order), so a 10,000-annotation
// article is ten small queries and ten short mappings between which the request thread serves
// others, instead of one query whose id lists, result parsing and mapping hold it for a second.
import 'server-only';
import { isSaneDate } from '@/lib/api/date-field';
import { AppError, notFound } from '@/lib/api/app-error';
import type { TiptapDoc } from '@/lib/articles/tiptap-doc';
import type { Actor } from '@/lib/core/actor';
import { readPageMap } from '@/lib/documents/page-map';
import type { Db, Prisma, Tx } from '@/lib/db/server/prisma';
import { readableOnArticle } from '@/lib/assignments/server/read-scope';
import { codePointIndex } from '@/lib/anchoring';
import { loadCitedEvidence } from '@/lib/export/server/load-cited-evidence';
import { readableEvidence } from '@/lib/provenance/server/list-evidence';
import { joinBriefPages, type BriefHead, type BriefPage } from '@/lib/export/brief-pages';
import {
  CREDIBILITIES,
  RELIABILITIES,
  type BriefEvidenceInput,
  type BriefInput,
  type BriefLayer,
  type Credibility,
  type PreviousCheckInput,
  type Reliability,
} from '@/lib/export/brief-input';

/** Annotations per page: ~20 ms of query parsing and mapping on the request thread. */
export const BRIEF_PAGE_SIZE = 1_000;

export type BriefSource = { head: BriefHead; pages: AsyncGenerator<BriefPage, void, undefined> };

function reliability(v: string | null): Reliability | null {
  return v !== null && (RELIABILITIES as readonly string[]).includes(v) ? (v as Reliability) : null;
}

function credibility(v: number | null): Credibility | null {
  return v !== null && (CREDIBILITIES as readonly number[]).includes(v) ? (v as Credibility) : null;
}

const annotationInclude = {
  tag: { select: { key: true } },
  author: { select: { id: true, name: true } },
  matchOf: { select: { status: true, deletedAt: true, article: { select: { title: true, outlet: true, publishedAt: true, blind: true } } } },
  reviews: {
    where: { supersededAt: null },
    orderBy: { createdAt: 'asc' },
    include: { reviewer: { select: { id: true, name: true } } },
  },
  replies: {
    where: { deletedAt: null },
    orderBy: { createdAt: 'asc' },
    include: { author: { select: { id: true, name: true } } },
  },
} satisfies Prisma.AnnotationInclude;

type Key = { start: number; end: number; createdAt: Date; id: string };

/** The rows after `k` in the order (start, end, createdAt, id); id makes the order total, so no row is skipped or repeated. */
function after(k: Key): Prisma.AnnotationWhereInput {
  return {
    OR: [
      { start: { gt: k.start } },
      { start: k.start, end: { gt: k.end } },
      { start: k.start, end: k.end, createdAt: { gt: k.createdAt } },
      { start: k.start, end: k.end, createdAt: k.createdAt, id: { gt: k.id } },
    ],
  };
}

/**
 * Reads a brief inside one repeatable-read snapshot: its pages are separate queries, and a new
 * version committed between two of them must not give a brief half on the old version and half on
 * the new one.
 */
export function inBriefSnapshot<T>(db: Db, read: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(read, { isolationLevel: 'RepeatableRead', maxWait: 10_000, timeout: 60_000 });
}

/**
 * The brief's data as a head and a stream of pages: the annotations the actor may read (a
 * colleague's blind work stays out); the curated layer alone once there is one. `db` is a
 * transaction from inBriefSnapshot for a consistent brief.
 */
export async function openBriefSource(
  db: Db | Tx,
  articleId: string,
  actor: Pick<Actor, 'id' | 'role' | 'name'>,
  { now = new Date(), pageSize = BRIEF_PAGE_SIZE, layer = 'auto' }: { now?: Date; pageSize?: number; layer?: BriefLayer } = {},
): Promise<BriefSource> {
  const article = await db.article.findUnique({
    where: { id: articleId },
    include: { versions: { orderBy: { number: 'desc' }, take: 1 } },
  });
  const version = article?.versions[0];
  if (!article || !version) throw notFound('The article');

  const readable = await readableOnArticle(db, actor, articleId);
  // Once a curator has adjudicated the article, the brief is the curated layer (the desk's result), not the raw analysts' work.
  // `layer` (export option) overrides that; an analyst still gets only what they may read, whichever layer.
  const curatedExists = layer === 'all' ? false : (await db.annotation.count({ where: { articleId, deletedAt: null, curated: true, ...readable } })) > 0;
  if (layer === 'curated' && !curatedExists) {
    throw new AppError('validation_failed', 'This article has no curated layer you can read yet: export layer=all, or curate it first.', [{ path: 'layer', message: 'no curated layer' }]);
  }
  const curatedOnly = layer === 'curated' || (layer === 'auto' && curatedExists);
  const [desk, tags] = await Promise.all([
    db.deskSettings.findUnique({ where: { id: 'desk' }, select: { name: true } }),
    // Archived tags stay in the list: old annotations may still carry them.
    db.sourceTag.findMany({ orderBy: [{ sortOrder: 'asc' }, { createdAt: 'asc' }] }),
  ]);
  const where: Prisma.AnnotationWhereInput = { articleId, deletedAt: null, ...readable, ...(curatedOnly ? { curated: true } : {}) };

  const page = (last: Key | null) =>
    db.annotation.findMany({
      where: last ? { AND: [where, after(last)] } : where,
      orderBy: [{ start: 'asc' }, { end: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
      take: pageSize,
      include: annotationInclude,
    });

  async function* pages(): AsyncGenerator<BriefPage, void, undefined> {
    let last: Key | null = null;
    for (;;) {
      const rows = await page(last);
      if (rows.length === 0) return;
      const evidence = await loadEvidence(db, actor, rows.map((a) => a.id));
      yield {
        annotations: rows.map((a) => ({
          id: a.id,
          start: a.start,
          end: a.end,
          exact: a.exact,
          prefix: a.prefix,
          suffix: a.suffix,
          tag: a.tag.key,
          sourceDetail: a.sourceDetail,
          note: a.note,
          confidence: a.confidence,
          grade: { reliability: reliability(a.reliability), credibility: credibility(a.credibility) },
          status: a.status,
          // Offsets only mean something on the version they refer to; re-anchoring moves every live
          // annotation forward, so one left behind cannot be placed in this text.
          anchorState: a.versionId === version!.id ? a.anchorState : 'orphaned',
          author: a.author,
          createdAt: a.createdAt,
          updatedAt: a.updatedAt,
          reviews: a.reviews.map((r) => ({
            reviewer: r.reviewer,
            verdict: r.verdict,
            comment: r.comment,
            suggestedTag: r.suggestedTag,
            createdAt: r.createdAt,
          })),
          replies: a.replies.map((r) => ({ author: r.author, body: r.body, createdAt: r.createdAt })),
          evidence: evidence.get(a.id) ?? [],
        })),
        // As on the annotation JSON: a check on a blind article is not "previously checked" while blind mode is on.
        previousChecks: rows.flatMap((a) =>
          a.matchOf && !a.matchOf.deletedAt && !a.matchOf.article.blind
            ? [[a.id, { status: a.matchOf.status, article: { title: a.matchOf.article.title, outlet: a.matchOf.article.outlet, publishedAt: a.matchOf.article.publishedAt } }] as [string, PreviousCheckInput]]
            : [],
        ),
      };
      if (rows.length < pageSize) return;
      const end = rows[rows.length - 1]!;
      last = { start: end.start, end: end.end, createdAt: end.createdAt, id: end.id };
    }
  }

  return {
    head: {
      desk: { name: desk?.name ?? 'Claimdesk' },
      preparedBy: { name: actor.name },
      preparedAt: now,
      article: {
        id: article.id,
        title: article.title,
        outlet: article.outlet,
        byline: article.byline,
        publishedAt: article.publishedAt && isSaneDate(article.publishedAt) ? article.publishedAt : null,
        url: article.url,
      },
      version: { id: version.id, number: version.number, text: version.text, doc: version.doc as unknown as TiptapDoc, pages: readPageMap(version.pages) },
      tags: tags.map((t) => ({ key: t.key, label: t.label, color: t.color, description: t.description })),
    },
    pages: pages(),
  };
}

/** The whole brief input in memory (the brief page renders it here); loaded page by page all the same. */
export function loadBriefInput(
  db: Db,
  articleId: string,
  actor: Pick<Actor, 'id' | 'role' | 'name'>,
  now: Date = new Date(),
  layer: BriefLayer = 'auto',
): Promise<BriefInput> {
  return inBriefSnapshot(db, async (tx) => {
    const { head, pages } = await openBriefSource(tx, articleId, actor, { now, layer });
    const all: BriefPage[] = [];
    for await (const page of pages) all.push(page);
    return joinBriefPages(head, all);
  });
}

/**
 * The claims' live evidence links (one query, then the passages' code-point offsets from their
 * versions' texts); a link quoting an annotation the actor may not read (blind work elsewhere) is left out.
 */
async function loadEvidence(db: Db | Tx, actor: Pick<Actor, 'id' | 'role'>, annotationIds: string[]): Promise<Map<string, BriefEvidenceInput[]>> {
  const out = new Map<string, BriefEvidenceInput[]>();
  const dtos = await readableEvidence(db, actor, annotationIds);
  const versionIds = [...new Set(dtos.flatMap((d) => (d.versionId ? [d.versionId] : [])))];
  const texts = new Map(
    (versionIds.length > 0 ? await db.articleVersion.findMany({ where: { id: { in: versionIds } }, select: { id: true, text: true } }) : []).map((v) => [v.id, codePointIndex(v.text)]),
  );
  const cited = await loadCitedEvidence(db, actor, dtos.flatMap((d) => (d.targetAnnotation ? [d.targetAnnotation.id] : [])));
  for (const d of dtos) {
    const index = d.versionId ? texts.get(d.versionId) : undefined;
    const e: BriefEvidenceInput = {
      id: d.id,
      relation: d.relation,
      document: {
        id: d.document.id,
        title: d.document.title,
        issuer: d.document.issuer,
        symbol: d.document.symbol,
        url: d.document.url,
        publishedAt: d.document.publishedAt ? new Date(d.document.publishedAt) : null,
      },
      passage: d.target
        ? { ...d.target, codePointStart: index ? index.toCodePoint(d.target.start) : d.target.start, codePointEnd: index ? index.toCodePoint(d.target.end) : d.target.end }
        : null,
      page: d.page,
      paragraph: d.paragraph,
      targetAnnotationId: d.targetAnnotation?.id ?? null,
      targetStatus: d.targetAnnotation?.status ?? null,
      cited: d.targetAnnotation ? (cited.get(d.targetAnnotation.id) ?? null) : null,
      anchorState: d.anchorState,
      note: d.note,
      author: d.author,
      createdAt: new Date(d.createdAt),
      reviews: d.reviews.map((r) => ({ reviewer: r.reviewer, verdict: r.verdict, comment: r.comment, createdAt: new Date(r.createdAt) })),
    };
    out.set(d.annotationId, [...(out.get(d.annotationId) ?? []), e]);
  }
  return out;
}
