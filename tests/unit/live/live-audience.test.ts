// The per-viewer rule of the live stream and the replay after a reconnect (pure functions).
import { describe, expect, it } from 'vitest';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { annotationScope, READ_ALL, type Subject } from '@/lib/core/permissions';
import { liveAudience, liveEventView } from '@/lib/live/live-audience';
import type { AnnotationLiveEvent, LiveEvent, LiveEventView } from '@/lib/live/live-event';
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
    expect(liveAudience(analyst, event(1, 'annotation.created', annotation('x')), READ_ALL)).toBe('full');
  });

  it('a deletion reaches a non-admin as a bare removal and an admin in full', () => {
    const e = event(2, 'annotation.deleted', deleted('x'));
    expect(liveAudience(analyst, e, READ_ALL)).toBe('removal');
    expect(liveAudience(admin, e, READ_ALL)).toBe('full');
    const view = liveEventView(e, 'removal', false, READ_ALL);
    expect(view).toEqual({ type: 'annotation.deleted', seq: 2, articleId: 'a1', id: 'x', annotationId: 'x', actorId: 'u-author', at: e.at });
    expect(JSON.stringify(view)).not.toContain('secret');
  });

  it('any other event about an annotation the viewer may not read is not delivered', () => {
    expect(liveAudience(analyst, event(3, 'annotation.updated', deleted('x')), READ_ALL)).toBeNull();
    const reply = { type: 'reply.created', seq: 4, articleId: 'a1', id: 'r', annotationId: 'x', actorId: 'u', at: '', annotation: deleted('x'), reply: { id: 'r', annotationId: 'x', parentId: null, body: 'b', author: { id: 'u', name: 'U' }, createdAt: '', updatedAt: '', deletedAt: null } } satisfies LiveEvent;
    expect(liveAudience(analyst, reply, READ_ALL)).toBeNull();
  });

  it('the create key goes only to the author’s own copy', () => {
    const e = event(1, 'annotation.created', annotation('x'), { clientKey: 'k1' });
    expect(liveEventView(e, 'full', true, READ_ALL)).toMatchObject({ clientKey: 'k1' });
    expect(liveEventView(e, 'full', false, READ_ALL)).not.toHaveProperty('clientKey');
  });
});

describe('replayEvents', () => {
  it('folds the missed events per annotation and judges each on its last state', () => {
    const a = annotation('a');
    const b = annotation('b');
    const logged = [event(3, 'annotation.created', a), event(4, 'annotation.created', b), event(5, 'annotation.updated', { ...a, note: 'n' }), event(6, 'annotation.deleted', deleted('b'))];
    const out = replayEvents(analyst, READ_ALL, 2, 6, logged);
    expect(Array.isArray(out)).toBe(true);
    if (!Array.isArray(out)) return;
    expect(out.map((e) => [e.type, e.seq, e.replayed])).toEqual([
      ['annotation.updated', 5, true],
      ['annotation.deleted', 6, true],
    ]);
    expect(JSON.stringify(out)).not.toContain('secret words of b');
    expect(replayEvents(admin, READ_ALL, 2, 6, logged)).toHaveLength(2);
  });

  it('sends a resync when numbers are missing, too many, or a bulk change is among them; everything for a number from the future', () => {
    const a = annotation('a');
    expect(replayEvents(analyst, READ_ALL, 2, 4, [event(4, 'annotation.updated', a)])).toEqual({ type: 'resync', since: 2 });
    const many = Array.from({ length: REPLAY_MAX_EVENTS + 1 }, (_, i) => event(i + 1, 'annotation.updated', a));
    expect(replayEvents(analyst, READ_ALL, 0, many.length, many)).toEqual({ type: 'resync', since: 0 });
    const bulk: LiveEvent = { type: 'version.created', seq: 3, articleId: 'a1', id: 'v2', actorId: 'u', at: '', since: 2, version: { id: 'v2', number: 2 } };
    expect(replayEvents(analyst, READ_ALL, 2, 3, [bulk])).toEqual({ type: 'resync', since: 2 });
    expect(replayEvents(analyst, READ_ALL, 9, 3, [])).toEqual({ type: 'resync', since: 9, full: true });
    expect(replayEvents(analyst, READ_ALL, 3, 3, [])).toEqual([]);
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

describe('liveAudience on a blind article (annotationScope)', () => {
  const reviewer: Subject = { id: 'u-reviewer', role: 'REVIEWER' };
  const colleague = (id: string) => annotation(id, { author: { id: 'u-colleague', name: 'Colleague' } });
  const mine = (id: string) => annotation(id, { author: { id: 'u-analyst', name: 'Me' }, conflictsWith: ['c1'] });
  const before = annotationScope(analyst, { blind: true, submitted: [] });
  const afterBoth = annotationScope(analyst, { blind: true, submitted: ['u-analyst', 'u-colleague'] });
  const afterMine = annotationScope(analyst, { blind: true, submitted: ['u-analyst'] });

  it('an analyst who has not submitted receives nothing of a colleague’s work, not even a removal', () => {
    expect(liveAudience(analyst, event(1, 'annotation.created', colleague('c1')), before)).toBeNull();
    expect(liveAudience(analyst, event(2, 'annotation.deleted', { ...colleague('c1'), deletedAt: '2026-01-02T00:00:00.000Z' }), before)).toBeNull();
    expect(liveAudience(analyst, event(3, 'annotation.created', mine('m1')), before)).toBe('full');
  });

  it('their own annotation reaches them without the conflict that would reveal the colleague', () => {
    const conflictsOf = (view: LiveEventView) => ('annotation' in view ? view.annotation?.conflictsWith : undefined);
    expect(conflictsOf(liveEventView(event(3, 'annotation.updated', mine('m1')), 'full', true, before))).toEqual([]);
    expect(conflictsOf(liveEventView(event(3, 'annotation.updated', mine('m1')), 'full', true, READ_ALL))).toEqual(['c1']);
  });

  it('after both submitted the colleague’s work arrives; submitted alone, it still does not', () => {
    expect(liveAudience(analyst, event(4, 'annotation.created', colleague('c2')), afterBoth)).toBe('full');
    expect(liveAudience(analyst, event(4, 'annotation.created', colleague('c2')), afterMine)).toBeNull();
  });

  it('the curated layer is shown to analysts who submitted only', () => {
    const curated = annotation('k', { author: { id: 'u-reviewer', name: 'Rev' }, curated: true });
    expect(liveAudience(analyst, event(5, 'annotation.created', curated), before)).toBeNull();
    expect(liveAudience(analyst, event(5, 'annotation.created', curated), afterMine)).toBe('full');
  });

  it('reviewers read everything; blind mode off reveals everything', () => {
    expect(annotationScope(reviewer, { blind: true, submitted: [] })).toEqual(READ_ALL);
    expect(annotationScope(analyst, { blind: false, submitted: [] })).toEqual(READ_ALL);
  });

  it('a replay judges the missed events by the viewer’s scope', () => {
    const logged = [event(3, 'annotation.created', colleague('c3')), event(4, 'annotation.created', mine('m4'))];
    const out = replayEvents(analyst, before, 2, 4, logged);
    expect(Array.isArray(out) && out.map((e) => e.id)).toEqual(['m4']);
    expect(JSON.stringify(out)).not.toContain('c3');
  });
});
