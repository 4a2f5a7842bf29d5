import 'server-only';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { AnnotationScope } from '@/lib/core/permissions';

/**
 * Whole annotation lists recently built, shared by every viewer who would be shown the same rows.
 * Opening an article is the request a desk sends all at once — a new version makes every viewer
 * reload, a morning meeting opens the same brief — and building the list (rows, relations,
 * conflicts) is most of its cost; the answer is the same for everyone with the same scope.
 *
 * An entry is keyed by what decides its rows: the article, its live sequence number (every write
 * through runWrite bumps it, including those that change what this article's claims show from
 * another article: lib/live/server/publish.ts dependents), a fingerprint of its annotation rows
 * (count and latest update: a write outside runWrite, such as the seed, changes it), whether deleted
 * ones are included, and the viewer's scope on the article. What differs per viewer beyond the scope
 * (evidence they may read, conflicts narrowed on blind articles) is applied by the caller to every
 * answer, cached or not. MAX_AGE_MS bounds what the key cannot see.
 */
export const LIST_CACHE_MAX_AGE_MS = 10_000;
/** Annotations held across all entries (~2–3 KB each as objects): a bound on memory, not a count of lists. */
export const LIST_CACHE_MAX_ANNOTATIONS = 20_000;

type Entry = { annotations: readonly AnnotationDto[]; at: number; articleId: string; seq: number };

export type ListCacheKey = {
  articleId: string;
  seq: number;
  fingerprint: string;
  includeDeleted: boolean;
  scope: AnnotationScope;
};

/** Map order is use order: the first entry is the least recently used. */
const entries = new Map<string, Entry>();
let held = 0;

function keyOf(k: ListCacheKey): string {
  const scope = k.scope.all ? 'all' : `${[...k.scope.authorIds].sort().join(',')}${k.scope.curated ? '+curated' : ''}`;
  return `${k.articleId}|${k.seq}|${k.fingerprint}|${k.includeDeleted ? 'd' : ''}|${scope}`;
}

/** The list built for this key within LIST_CACHE_MAX_AGE_MS, or null. The objects are shared: callers never mutate them. */
export function cachedList(key: ListCacheKey, now = Date.now()): readonly AnnotationDto[] | null {
  const k = keyOf(key);
  const entry = entries.get(k);
  if (!entry) return null;
  entries.delete(k);
  if (now - entry.at > LIST_CACHE_MAX_AGE_MS) {
    held -= entry.annotations.length;
    return null;
  }
  entries.set(k, entry);
  return entry.annotations;
}

/** Keeps a built list; lists of the same article at an earlier sequence number are dropped (no one is sent them again). */
export function rememberList(key: ListCacheKey, annotations: readonly AnnotationDto[], now = Date.now()): void {
  if (annotations.length > LIST_CACHE_MAX_ANNOTATIONS) return;
  const k = keyOf(key);
  for (const [other, entry] of entries) {
    if (other === k || (entry.articleId === key.articleId && entry.seq < key.seq)) {
      entries.delete(other);
      held -= entry.annotations.length;
    }
  }
  entries.set(k, { annotations, at: now, articleId: key.articleId, seq: key.seq });
  held += annotations.length;
  for (const [other, entry] of entries) {
    if (held <= LIST_CACHE_MAX_ANNOTATIONS) break;
    entries.delete(other);
    held -= entry.annotations.length;
  }
}

/** How many lists and annotations are held (tests, diagnostics). */
export function listCacheSize(): { lists: number; annotations: number } {
  return { lists: entries.size, annotations: held };
}

export function clearListCache(): void {
  entries.clear();
  held = 0;
}
