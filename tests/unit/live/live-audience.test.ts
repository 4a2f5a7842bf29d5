// The per-viewer rule of the live stream and the replay after a reconnect (pure functions).
import { describe, expect, it } from 'vitest';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { Subject } from '@/lib/core/permissions';
import { liveAudience, liveEventView } from '@/lib/live/live-audience';
import type { AnnotationLiveEvent, LiveEvent } from '@/lib/live/live-event';
import { notifyPayload, parseNotifyBody, parseNotifyHeader } from '@/lib/live/notify-payload';
import { replayEvents, REPLAY_MAX_EVENTS } from '@/lib/live/replay-events';
import { annotationDto } from '@/tests/support/fixtures';

const analyst: Subject = { id: 'u-analyst', role: 'ANALYST' };
const admin: Subject = { id: 'u-admin', role: 'ADMIN' };

// Quotes that must never reach a viewer who may not read the annotation.
const annotation = (id: string, overrides: Partial<AnnotationDto> = {}) =>
  annotationDto(id, { target: { exact: `secret words of ${id}`, prefix: '', suffix: '', start: 0, end: 5 }, ...overrides });

function event(seq: number, type: AnnotationLiveEvent['type'], a: AnnotationDto, extra: Partial<AnnotationLiveEvent> = {}): AnnotationLiveEvent {
  return { type, seq, articleId: 'a1', id: a.id, annotationId: a.id, actorId: 'u-author', at: '2026-01-01T00:00:00.000Z', annotation: a, ...extra };
}

const deleted = (id: string) => annotation(id, { deletedAt: '2026-01-02T00:00:00.000Z' });

describe('liveAudience', () => {
  it('a readable annotation goes to everyone in full', () => {
    expect(liveAudience(analyst, event(1, 'annotation.created', annotation('x')))).toBe('full');
  });

  it('a deletion reaches a non-admin as a bare removal and an admin in full', () => {
    const e = event(2, 'annotation.deleted', deleted('x'));
    expect(liveAudience(analyst, e)).toBe('removal');
    expect(liveAudience(admin, e)).toBe('full');
    const view = liveEventView(e, 'removal', false);
    expect(view).toEqual({ type: 'annotation.deleted', seq: 2, articleId: 'a1', id: 'x', annotationId: 'x', actorId: 'u-author', at: e.at });
    expect(JSON.stringify(view)).not.toContain('secret');
  });

  it('any other event about an annotation the viewer may not read is not delivered', () => {
    expect(liveAudience(analyst, event(3, 'annotation.updated', deleted('x')))).toBeNull();
    const reply = { type: 'reply.created', seq: 4, articleId: 'a1', id: 'r', annotationId: 'x', actorId: 'u', at: '', annotation: deleted('x'), reply: { id: 'r', annotationId: 'x', parentId: null, body: 'b', author: { id: 'u', name: 'U' }, createdAt: '', updatedAt: '', deletedAt: null } } satisfies LiveEvent;
    expect(liveAudience(analyst, reply)).toBeNull();
  });

  it('the create key goes only to the author’s own copy', () => {
    const e = event(1, 'annotation.created', annotation('x'), { clientKey: 'k1' });
    expect(liveEventView(e, 'full', true)).toMatchObject({ clientKey: 'k1' });
    expect(liveEventView(e, 'full', false)).not.toHaveProperty('clientKey');
  });
});

describe('replayEvents', () => {
  it('folds the missed events per annotation and judges each on its last state', () => {
    const a = annotation('a');
    const b = annotation('b');
    const logged = [event(3, 'annotation.created', a), event(4, 'annotation.created', b), event(5, 'annotation.updated', { ...a, note: 'n' }), event(6, 'annotation.deleted', deleted('b'))];
    const out = replayEvents(analyst, 2, 6, logged);
    expect(Array.isArray(out)).toBe(true);
    if (!Array.isArray(out)) return;
    expect(out.map((e) => [e.type, e.seq, e.replayed])).toEqual([
      ['annotation.updated', 5, true],
      ['annotation.deleted', 6, true],
    ]);
    expect(JSON.stringify(out)).not.toContain('secret words of b');
    expect(replayEvents(admin, 2, 6, logged)).toHaveLength(2);
  });

  it('sends a resync when numbers are missing, too many, or a bulk change is among them; everything for a number from the future', () => {
    const a = annotation('a');
    expect(replayEvents(analyst, 2, 4, [event(4, 'annotation.updated', a)])).toEqual({ type: 'resync', since: 2 });
    const many = Array.from({ length: REPLAY_MAX_EVENTS + 1 }, (_, i) => event(i + 1, 'annotation.updated', a));
    expect(replayEvents(analyst, 0, many.length, many)).toEqual({ type: 'resync', since: 0 });
    const bulk: LiveEvent = { type: 'version.created', seq: 3, articleId: 'a1', id: 'v2', actorId: 'u', at: '', since: 2, version: { id: 'v2', number: 2 } };
    expect(replayEvents(analyst, 2, 3, [bulk])).toEqual({ type: 'resync', since: 2 });
    expect(replayEvents(analyst, 9, 3, [])).toEqual({ type: 'resync', since: 9, full: true });
    expect(replayEvents(analyst, 3, 3, [])).toEqual([]);
  });
});

describe('NOTIFY payload', () => {
  it('round-trips, and refuses what is not ours', () => {
    const e = event(7, 'annotation.created', annotation('x'));
    const header = parseNotifyHeader(notifyPayload('a1', 7, JSON.stringify(e)));
    expect(header).toMatchObject({ articleId: 'a1', seq: 7 });
    expect(parseNotifyBody(header!)).toEqual(e);
    expect(parseNotifyHeader(notifyPayload('a1', 7, null))).toEqual({ articleId: 'a1', seq: 7, body: null });
    for (const bad of ['', 'not json', 'a1 x {}', 'a1 -3 {}', ' 1 {}']) expect(parseNotifyHeader(bad)).toBeNull();
    // A body that is not the event its header names is dropped.
    expect(parseNotifyBody({ articleId: 'a1', seq: 8, body: JSON.stringify(e) })).toBeNull();
    expect(parseNotifyBody({ articleId: 'a1', seq: 7, body: '{"type":"annotation.created"' })).toBeNull();
  });
});
