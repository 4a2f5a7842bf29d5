// The shared whole-list cache (issue 20, cheap lists): what separates two lists, how long one lives, how much is held.
import { beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import {
  cachedList,
  clearListCache,
  LIST_CACHE_MAX_AGE_MS,
  LIST_CACHE_MAX_ANNOTATIONS,
  listCacheSize,
  rememberList,
  type ListCacheKey,
} from '@/lib/annotations/server/annotation-list-cache';
import { READ_ALL } from '@/lib/core/permissions';

const list = (n: number, label = 'a') => Array.from({ length: n }, (_, i) => ({ id: `${label}${i}` }) as AnnotationDto);
const key = (over: Partial<ListCacheKey> = {}): ListCacheKey => ({ articleId: 'art1', seq: 3, fingerprint: '2:x', includeDeleted: false, scope: READ_ALL, ...over });

describe('annotation list cache', () => {
  beforeEach(() => clearListCache());

  it('answers the same key with the list kept, and nothing else', () => {
    const kept = list(2);
    rememberList(key(), kept, 1_000);
    expect(cachedList(key(), 1_001)).toBe(kept);
    expect(cachedList(key({ seq: 4 }), 1_001)).toBeNull();
    expect(cachedList(key({ fingerprint: '3:y' }), 1_001)).toBeNull();
    expect(cachedList(key({ includeDeleted: true }), 1_001)).toBeNull();
    expect(cachedList(key({ articleId: 'art2' }), 1_001)).toBeNull();
    expect(cachedList(key({ scope: { all: false, authorIds: ['u1'], curated: false } }), 1_001)).toBeNull();
  });

  it('tells blind scopes apart by who they read and by the curated layer, not by the order of ids', () => {
    const ab = key({ scope: { all: false, authorIds: ['u1', 'u2'], curated: true } });
    rememberList(ab, list(1), 0);
    expect(cachedList(key({ scope: { all: false, authorIds: ['u2', 'u1'], curated: true } }), 1)).not.toBeNull();
    expect(cachedList(key({ scope: { all: false, authorIds: ['u1', 'u2'], curated: false } }), 1)).toBeNull();
    expect(cachedList(key({ scope: { all: false, authorIds: ['u1'], curated: true } }), 1)).toBeNull();
  });

  it('forgets a list after LIST_CACHE_MAX_AGE_MS', () => {
    rememberList(key(), list(2), 0);
    expect(cachedList(key(), LIST_CACHE_MAX_AGE_MS)).not.toBeNull();
    expect(cachedList(key(), LIST_CACHE_MAX_AGE_MS + 1)).toBeNull();
    expect(listCacheSize()).toEqual({ lists: 0, annotations: 0 });
  });

  it('drops an article’s lists at earlier sequence numbers when a later one is kept, not the other way round', () => {
    rememberList(key({ seq: 3 }), list(2), 0);
    rememberList(key({ seq: 3, scope: { all: false, authorIds: ['u1'], curated: false } }), list(1), 0);
    rememberList(key({ articleId: 'art2', seq: 1 }), list(1), 0);
    rememberList(key({ seq: 5 }), list(3), 0);
    expect(cachedList(key({ seq: 3 }), 1)).toBeNull();
    expect(listCacheSize()).toEqual({ lists: 2, annotations: 4 });
    // A request that read the older number before a write committed does not evict the newer list.
    rememberList(key({ seq: 4 }), list(2), 0);
    expect(cachedList(key({ seq: 5 }), 1)).not.toBeNull();
  });

  it('holds at most LIST_CACHE_MAX_ANNOTATIONS, dropping the least recently used lists first', () => {
    const third = Math.floor(LIST_CACHE_MAX_ANNOTATIONS / 3);
    rememberList(key({ articleId: 'a' }), list(third), 0);
    rememberList(key({ articleId: 'b' }), list(third), 0);
    expect(cachedList(key({ articleId: 'a' }), 1)).not.toBeNull(); // a is now the most recently used
    rememberList(key({ articleId: 'c' }), list(third), 0);
    rememberList(key({ articleId: 'd' }), list(third), 0);
    expect(cachedList(key({ articleId: 'b' }), 1)).toBeNull();
    expect(cachedList(key({ articleId: 'a' }), 1)).not.toBeNull();
    expect(listCacheSize().annotations).toBeLessThanOrEqual(LIST_CACHE_MAX_ANNOTATIONS);
    // A list larger than the whole budget is not kept at all.
    rememberList(key({ articleId: 'e' }), list(LIST_CACHE_MAX_ANNOTATIONS + 1), 0);
    expect(cachedList(key({ articleId: 'e' }), 1)).toBeNull();
    expect(cachedList(key({ articleId: 'a' }), 1)).not.toBeNull();
  });
});
