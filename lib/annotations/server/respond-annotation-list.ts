import 'server-only';
import { createHash } from 'node:crypto';
import { notFound } from '@/lib/api/app-error';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { ListAnnotationsQuery } from '@/lib/annotations/annotation-schemas';
import { annotationPages, assertMayList } from '@/lib/annotations/server/list-annotations';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import { readArticleSeq } from '@/lib/live/server/read-article-seq';
import { readListState } from '@/lib/annotations/server/read-list-state';

/**
 * The list's version: the article's live sequence number (every write that changes what any list of
 * it shows publishes an event, which bumps it), and who asks with what filters (what one viewer may
 * read differs from another's). Writes outside runWrite (the demo seed) do not bump it.
 */
export function annotationListEtag(seq: number, actor: Pick<Actor, 'id' | 'role'>, query: ListAnnotationsQuery): string {
  const filters = Object.entries(query)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const who = createHash('sha1').update(JSON.stringify([actor.id, actor.role, filters])).digest('base64url').slice(0, 16);
  return `W/"${seq}-${who}"`;
}

/** Whether an If-None-Match header names this ETag (weak comparison, lists and `*` included). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/**
 * GET /api/articles/:id/annotations: `304` when the client's copy is current — decided from one query
 * (the sequence number), without loading a row; otherwise `{ annotations, seq }`, streamed page by
 * page when the list is longer than a page (a 10,000-annotation article never becomes one string).
 */
export async function respondAnnotationList(db: Db, actor: Actor, articleId: string, query: ListAnnotationsQuery, headers: Headers): Promise<Response> {
  assertMayList(actor, query);
  const ifNoneMatch = headers.get('if-none-match');
  // Revalidation reads the sequence number alone; a body needs the list's fingerprint as well (read-list-state.ts).
  const state = ifNoneMatch ? null : await readListState(db, articleId);
  const seq = state ? state.seq : await readArticleSeq(db, articleId);
  if (seq === null) throw notFound('The article');
  const etag = annotationListEtag(seq, actor, query);
  // Browsers keep the list and revalidate it each time (If-None-Match), so a refetch that changes nothing costs no body.
  const cacheHeaders = { ETag: etag, 'Cache-Control': 'private, no-cache', Vary: 'Authorization, Cookie' };
  if (etagMatches(ifNoneMatch, etag)) return new Response(null, { status: 304, headers: cacheHeaders });

  const known = state ?? (await readListState(db, articleId));
  if (known === null) throw notFound('The article');
  // The ETag names the sequence number read first: a list read after a later write is only newer than it says.
  const { pages } = await annotationPages(db, actor, articleId, query, known);
  const first = await pages.next();
  const second = first.done ? first : await pages.next();
  if (second.done) return listBody(first.done ? [] : first.value, seq, cacheHeaders);

  const encoder = new TextEncoder();
  const queued: AnnotationDto[][] = [first.value as AnnotationDto[], second.value];
  let started = false;
  let wroteOne = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      // Pulled as the client reads: a slow client does not make the server load every page at once.
      async pull(controller) {
        try {
          if (!started) {
            started = true;
            controller.enqueue(encoder.encode(`{"seq":${seq},"annotations":[`));
          }
          const page: AnnotationDto[] | null = queued.shift() ?? (await pages.next().then((r) => (r.done ? null : r.value)));
          if (page === null) {
            controller.enqueue(encoder.encode(']}'));
            controller.close();
            return;
          }
          if (page.length === 0) return;
          const body = page.map(annotationJson).join(',');
          controller.enqueue(encoder.encode(wroteOne ? `,${body}` : body));
          wroteOne = true;
        } catch (error) {
          console.error('[claimdesk] annotation list stream failed', error);
          controller.error(error);
        }
      },
      async cancel() {
        await pages.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(stream, { status: 200, headers: { ...cacheHeaders, 'Content-Type': 'application/json; charset=utf-8' } });
}

/** Each annotation object's JSON, kept while the object lives: lists shared between viewers (annotation-list-cache.ts) are serialised once. */
const jsonOfAnnotation = new WeakMap<AnnotationDto, string>();

function annotationJson(annotation: AnnotationDto): string {
  let text = jsonOfAnnotation.get(annotation);
  if (text === undefined) {
    text = JSON.stringify(annotation);
    jsonOfAnnotation.set(annotation, text);
  }
  return text;
}

/** JSON.stringify never leaves a lone surrogate, so the body goes as bytes: a string body would be scanned for them first (undici's toUSVString). */
function listBody(annotations: readonly AnnotationDto[], seq: number, headers: Record<string, string>): Response {
  return new Response(Buffer.from(`{"annotations":[${annotations.map(annotationJson).join(',')}],"seq":${seq}}`, 'utf8'), {
    status: 200,
    headers: { ...headers, 'Content-Type': 'application/json' },
  });
}
