import { beforeEach, describe, expect, it } from 'vitest';
import * as notificationsRoute from '@/app/api/notifications/route';
import * as repliesRoute from '@/app/api/annotations/[id]/replies/route';
import * as reviewsRoute from '@/app/api/annotations/[id]/reviews/route';
import { getDb } from '@/lib/db/server/prisma';
import type { NotificationsDto } from '@/lib/notifications/notification-dto';
import { callRoute } from '@/tests/support/call-route';
import { createAnnotation, createTestUser, resetDatabase, SENTENCES, type TestUser } from '@/tests/support/fixtures';

describe('Notifications: replies and verdicts on my annotations since my last visit', () => {
  let author: TestUser;
  let reviewer: TestUser;
  let annotationId: string;

  const list = async (user: TestUser) => {
    const res = await callRoute<NotificationsDto>(notificationsRoute.GET, '/api/notifications', { token: user.token });
    expect(res.status).toBe(200);
    return res.data;
  };
  const markSeen = (user: TestUser) => callRoute(notificationsRoute.POST, '/api/notifications', { method: 'POST', token: user.token });

  beforeEach(async () => {
    await resetDatabase();
    author = await createTestUser('ANALYST');
    reviewer = await createTestUser('REVIEWER', { name: 'Rev Iewer' });
    annotationId = (await createAnnotation(author, SENTENCES.ttp600)).id;
    // The author's last visit is before everything below.
    await getDb().user.update({ where: { id: author.id }, data: { lastSeenAt: new Date(Date.now() - 60_000) } });
  });

  it('counts a colleague reply and verdict as unread, then clears them when seen', async () => {
    const params = { id: annotationId };
    expect((await callRoute(repliesRoute.POST, '/x', { method: 'POST', token: reviewer.token, json: { body: 'Which page?' }, params })).status).toBe(201);
    expect(
      (await callRoute(reviewsRoute.POST, '/x', { method: 'POST', token: reviewer.token, json: { verdict: 'DISPUTE', comment: 'Figure is from 2024' }, params })).status,
    ).toBe(201);

    const before = await list(author);
    expect(before.unread).toBe(2);
    expect(before.items.map((i) => i.kind).sort()).toEqual(['reply', 'review']);
    expect(before.items.every((i) => i.annotationId === annotationId && i.actor.id === reviewer.id && i.unread)).toBe(true);
    expect(before.items.find((i) => i.kind === 'review')?.summary).toContain('Figure is from 2024');

    expect((await markSeen(author)).status).toBe(200);
    const after = await list(author);
    expect(after.unread).toBe(0);
    expect(after.items).toHaveLength(2);
    expect(after.items.some((i) => i.unread)).toBe(false);
  });

  it('does not notify me of my own replies, nor others of my annotations', async () => {
    await callRoute(repliesRoute.POST, '/x', { method: 'POST', token: author.token, json: { body: 'Source: para 42' }, params: { id: annotationId } });
    expect((await list(author)).unread).toBe(0);
    expect((await list(reviewer)).items).toHaveLength(0);
  });

  it('answers 401 without credentials', async () => {
    expect((await callRoute(notificationsRoute.GET, '/api/notifications')).status).toBe(401);
    expect((await callRoute(notificationsRoute.POST, '/api/notifications', { method: 'POST' })).status).toBe(401);
  });
});
