import 'server-only';
import { loadAnnotationDtos } from '@/lib/annotations/server/annotation-conflicts';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { Tx } from '@/lib/db/server/prisma';
import { LIVE_CHANNEL } from '@/lib/live/channel';
import { ANNOTATION_EVENT_TYPES, type LiveEvent, type LiveEventInput } from '@/lib/live/live-event';

/** Events the replay log keeps per article; a viewer further behind heals with `?since=`. */
export const LIVE_REPLAY_KEEP = 1_000;
/** More annotation events than this for one article in one write (an import) go out as one `annotations.changed`. */
export const LIVE_BULK_LIMIT = 50;
/** pg_notify refuses payloads of 8000 bytes or more: larger events travel as a reference into the log. */
const NOTIFY_MAX_BYTES = 7_900;

type Pending = { articleId: string; build: (envelope: { seq: number; actorId: string; at: string }) => LiveEvent; annotationIds: string[]; touchAll: boolean };

/**
 * Publishes a write's live events inside its transaction, as its last statements (one per article
 * touched): bumps the article's sequence number (the LiveSequence row lock is held until the commit,
 * so numbers follow commit order), appends the events to the replay log, marks the annotations they
 * are about as changed at that number (`?since=`), and queues a pg_notify that Postgres delivers to
 * every app instance only if the transaction commits. Annotations the events do not carry are loaded
 * here, so every event has the object in its API shape. Called by runWrite only.
 */
export async function publishLiveEvents(tx: Tx, actorId: string, queued: readonly LiveEventInput[]): Promise<LiveEvent[]> {
  if (queued.length === 0) return [];
  // An import's hundreds of events go out as one `annotations.changed` without objects: loading
  // their API shapes (rows, relations, conflicts) would only hold the request thread.
  const bulk = bulkAnnotationIds(queued);
  const dtos = await withAnnotations(tx, bulk.size > 0 ? queued.filter((e) => !('annotationId' in e) || !bulk.has(e.annotationId)) : queued, new Map());
  const dependents = await dependentsOf(tx, queued, dtos, bulk);
  const inputs = [...queued, ...dependents];
  await withAnnotations(tx, dependents, dtos);
  const at = new Date().toISOString();

  const byArticle = new Map<string, LiveEventInput[]>();
  for (const input of inputs) byArticle.set(input.articleId, [...(byArticle.get(input.articleId) ?? []), input]);
  const published: LiveEvent[] = [];
  // Sequence rows are locked in one order, so two writes touching the same two articles cannot deadlock.
  for (const articleId of [...byArticle.keys()].sort()) {
    const pending = planArticle(articleId, byArticle.get(articleId)!, dtos);
    published.push(...(await appendAndNotify(tx, articleId, pending, actorId, at)));
  }
  return published;
}

/** Adds to `dtos` the annotations these events are about: as the write passed them, else loaded (one query). */
async function withAnnotations(tx: Tx, inputs: readonly LiveEventInput[], dtos: Map<string, AnnotationDto>): Promise<Map<string, AnnotationDto>> {
  const missing = new Set<string>();
  for (const e of inputs) {
    if (!('annotationId' in e)) continue;
    if ('annotation' in e && e.annotation) dtos.set(e.annotationId, e.annotation);
    else if (!dtos.has(e.annotationId)) missing.add(e.annotationId);
  }
  for (const [id, dto] of await loadAnnotationDtos(tx, [...missing].filter((id) => !dtos.has(id)))) dtos.set(id, dto);
  return dtos;
}

const isAnnotationEvent = (e: LiveEventInput) => (ANNOTATION_EVENT_TYPES as readonly string[]).includes(e.type);

/** The annotations whose events planArticle sends as one `annotations.changed` (more than LIVE_BULK_LIMIT in an article). */
function bulkAnnotationIds(queued: readonly LiveEventInput[]): Set<string> {
  const byArticle = new Map<string, string[]>();
  for (const e of queued) if (isAnnotationEvent(e) && 'annotationId' in e) byArticle.set(e.articleId, [...(byArticle.get(e.articleId) ?? []), e.annotationId]);
  return new Set([...byArticle.values()].filter((ids) => ids.length > LIVE_BULK_LIMIT).flat());
}

function planArticle(articleId: string, inputs: LiveEventInput[], loaded: Map<string, AnnotationDto>): Pending[] {
  const perAnnotation = inputs.filter(isAnnotationEvent);
  const plan: Pending[] = [];
  let rest = inputs;
  if (perAnnotation.length > LIVE_BULK_LIMIT) {
    const annotationIds = [...new Set(perAnnotation.map((e) => ('annotationId' in e ? e.annotationId : '')))];
    plan.push({ articleId, annotationIds, touchAll: false, build: (env) => ({ ...env, type: 'annotations.changed', articleId, id: articleId, since: env.seq - 1 }) });
    rest = inputs.filter((e) => !isAnnotationEvent(e));
  }
  for (const input of rest) plan.push(pendingOf(input, loaded));
  return plan;
}

function pendingOf(input: LiveEventInput, loaded: Map<string, AnnotationDto>): Pending {
  const { articleId } = input;
  if (input.type === 'version.created') {
    const { version } = input;
    // A new version re-anchors every annotation: all of them changed at this number.
    return { articleId, annotationIds: [], touchAll: true, build: (env) => ({ ...env, type: input.type, articleId, id: version.id, version, since: env.seq - 1 }) };
  }
  if (input.type === 'access.changed') {
    return { articleId, annotationIds: [], touchAll: true, build: (env) => ({ ...env, type: input.type, articleId, id: articleId, since: env.seq - 1 }) };
  }
  const annotation = ('annotation' in input ? input.annotation : undefined) ?? loaded.get(input.annotationId);
  if (!annotation) throw new Error(`live event ${input.type} names an annotation that does not exist (${input.annotationId})`);
  const annotationIds = [input.annotationId];
  const base = { articleId, annotationId: input.annotationId, annotation };
  switch (input.type) {
    case 'reply.created':
    case 'reply.updated':
    case 'reply.deleted':
      return { articleId, annotationIds, touchAll: false, build: (env) => ({ ...env, ...base, type: input.type, id: input.reply.id, reply: input.reply }) };
    case 'evidence.created':
    case 'evidence.updated':
    case 'evidence.deleted':
      return { articleId, annotationIds, touchAll: false, build: (env) => ({ ...env, ...base, type: input.type, id: input.evidence.id, evidence: input.evidence }) };
    case 'review.created':
      return { articleId, annotationIds, touchAll: false, build: (env) => ({ ...env, ...base, type: input.type, id: input.review.id, review: input.review }) };
    default:
      return {
        articleId,
        annotationIds,
        touchAll: false,
        build: (env) => ({ ...env, ...base, type: input.type, id: input.annotationId, ...(input.clientKey ? { clientKey: input.clientKey } : {}) }),
      };
  }
}

/**
 * Annotations elsewhere whose API shape a change also alters: a new or deleted annotation made from
 * an earlier claim (`matchOf`) changes that claim's `matchedByCount`; a change of a claim that others
 * were made from changes how they show it ("previously checked in …: Confirmed"). Known from the
 * changed annotations' own DTOs, so a write without such links costs no query here.
 */
async function dependentsOf(tx: Tx, queued: readonly LiveEventInput[], dtos: Map<string, AnnotationDto>, bulk: ReadonlySet<string>): Promise<LiveEventInput[]> {
  const changed = new Set(queued.flatMap((e) => ('annotationId' in e ? [e.annotationId] : [])));
  const out = new Map<string, LiveEventInput>();
  const matched: string[] = [];
  const links = [...changed].flatMap((id) => {
    const dto = dtos.get(id);
    return dto ? [{ id, earlier: dto.matchOf ? { id: dto.matchOf.annotationId, articleId: dto.matchOf.article.id } : null, matchedBy: dto.matchedByCount }] : [];
  });
  // Annotations sent in bulk have no DTO loaded: the same two facts, read narrowly.
  if (bulk.size > 0) {
    const rows = await tx.annotation.findMany({
      where: { id: { in: [...bulk] } },
      select: {
        id: true,
        matchOf: { select: { id: true, articleId: true, deletedAt: true, article: { select: { blind: true } } } },
        _count: { select: { matchedBy: { where: { deletedAt: null, article: { blind: false } } } } },
      },
    });
    // As the DTO shows them (annotation-dto.ts): a deleted earlier claim, or one on a blind article, is no link.
    for (const { id, matchOf: m, _count } of rows) links.push({ id, earlier: m && !m.deletedAt && !m.article.blind ? { id: m.id, articleId: m.articleId } : null, matchedBy: _count.matchedBy });
  }
  for (const { id, earlier, matchedBy } of links) {
    if (earlier && !changed.has(earlier.id)) out.set(earlier.id, { type: 'annotation.updated', articleId: earlier.articleId, annotationId: earlier.id });
    if (matchedBy > 0) matched.push(id);
  }
  if (matched.length) {
    const rows = await tx.annotation.findMany({ where: { matchOfId: { in: matched }, deletedAt: null }, select: { id: true, articleId: true } });
    for (const row of rows) if (!changed.has(row.id)) out.set(row.id, { type: 'annotation.updated', articleId: row.articleId, annotationId: row.id });
  }
  return [...out.values()];
}

/** Every event's JSON starts with its number (the envelope's first key): Postgres writes it in. */
const SEQ_HEAD = '{"seq":0';
/** Events about a whole range (`since`) end with it: Postgres writes it in too (seq - 1). */
const SINCE_TAIL = ',"since":-1}';

/**
 * One round trip: the sequence bump, the log, the annotations' change marks, pruning now and then,
 * and the NOTIFYs. The events' numbers are known only inside the statement, so each event is built
 * with seq 0 and Postgres splices the real number (and `since`, seq - 1) into its JSON text: the
 * logged and notified JSON is byte for byte `JSON.stringify` of the event this function returns; the
 * NOTIFY text has notifyPayload's shape (lib/live/notify-payload.ts).
 */
async function appendAndNotify(tx: Tx, articleId: string, pending: Pending[], actorId: string, at: string): Promise<LiveEvent[]> {
  const n = pending.length;
  const drafts = pending.map((p) => {
    const draft = p.build({ seq: 0, actorId, at });
    const json = JSON.stringify(draft);
    const since = 'since' in draft;
    if (!json.startsWith(SEQ_HEAD) || (since && (draft.since !== -1 || !json.endsWith(SINCE_TAIL)))) {
      throw new Error(`live event ${draft.type}: its JSON must start with seq and end with since (if any), as the envelope builds it`);
    }
    return { type: draft.type, middle: json.slice(SEQ_HEAD.length, since ? -SINCE_TAIL.length : undefined), since };
  });
  const touched = [...new Set(pending.flatMap((p) => p.annotationIds))];
  const touchAll = pending.some((p) => p.touchAll);
  const [{ last } = { last: 0 }] = await tx.$queryRaw<Array<{ last: number }>>`
    WITH bumped AS (
      INSERT INTO "LiveSequence" AS s ("articleId", seq) VALUES (${articleId}, ${n})
      ON CONFLICT ("articleId") DO UPDATE SET seq = s.seq + EXCLUDED.seq
      RETURNING s.seq AS last
    ), input AS (
      SELECT e.seq, e.type,
             '{"seq":' || e.seq || e.middle || CASE WHEN e.since THEN ',"since":' || (e.seq - 1) || '}' ELSE '' END AS json
      FROM (
        SELECT (b.last - ${n} + t.ord)::int AS seq, t.type, t.middle, t.since
        FROM bumped b, unnest(${drafts.map((d) => d.type)}::text[], ${drafts.map((d) => d.middle)}::text[], ${drafts.map((d) => d.since)}::boolean[]) WITH ORDINALITY AS t(type, middle, since, ord)
      ) AS e
    ), logged AS (
      INSERT INTO "LiveEvent" ("articleId", seq, type, payload) SELECT ${articleId}, seq, type, json::jsonb FROM input
    ), touched AS (
      UPDATE "Annotation" SET "liveSeq" = (SELECT last FROM bumped) WHERE "articleId" = ${articleId} AND (${touchAll} OR id = ANY(${touched}::text[]))
    ), pruned AS (
      DELETE FROM "LiveEvent" USING bumped b WHERE "articleId" = ${articleId} AND seq <= b.last - ${LIVE_REPLAY_KEEP} AND b.last % 64 < ${n}
    )
    SELECT (SELECT last FROM bumped) AS last,
           (SELECT count(pg_notify(${LIVE_CHANNEL}, notify))::int FROM (
              SELECT ${articleId} || ' ' || seq || CASE WHEN octet_length(json) <= ${NOTIFY_MAX_BYTES} THEN ' ' || json ELSE '' END AS notify FROM input ORDER BY seq
           ) AS ordered) AS notified`;
  return pending.map((p, i) => p.build({ seq: last - n + 1 + i, actorId, at }));
}
