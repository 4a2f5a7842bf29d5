import { beforeEach, describe, expect, it } from 'vitest';
import * as repliesRoute from '@/app/api/annotations/[id]/replies/route';
import * as replyRoute from '@/app/api/replies/[id]/route';
import { getDb } from '@/lib/db/server/prisma';
import type { ReplyDto } from '@/lib/review/reply-dto';
import { callRoute } from '@/tests/support/call-route';
import { createAnnotation, createTestUser, resetDatabase, SENTENCES, type TestUser } from '@/tests/support/fixtures';

describe('Replies', () => {
  let author: TestUser;
  let reviewer: TestUser;
  let other: TestUser;
  let admin: TestUser;
  let annotationId: string;

  const post = (user: TestUser, json: unknown, id = annotationId) =>
    callRoute<{ reply: ReplyDto }>(repliesRoute.POST, `/api/annotations/${id}/replies`, { method: 'POST', token: user.token, json, params: { id } });
  const list = async (user: TestUser) =>
    (await callRoute<{ replies: ReplyDto[] }>(repliesRoute.GET, `/api/annotations/${annotationId}/replies`, { token: user.token, params: { id: annotationId } })).data.replies;
  const patch = (user: TestUser, id: string, json: unknown) => callRoute<{ reply: ReplyDto }>(replyRoute.PATCH, `/api/replies/${id}`, { method: 'PATCH', token: user.token, json, params: { id } });
  const del = (user: TestUser, id: string) => callRoute(replyRoute.DELETE, `/api/replies/${id}`, { method: 'DELETE', token: user.token, params: { id } });

  beforeEach(async () => {
    await resetDatabase();
    author = await createTestUser('ANALYST', { name: 'Ana Author' });
    reviewer = await createTestUser('REVIEWER', { name: 'Rev Iewer' });
    other = await createTestUser('ANALYST');
    admin = await createTestUser('ADMIN');
    annotationId = (await createAnnotation(author, SENTENCES.ttp600)).id;
  });

  it('creates threaded replies and lists them oldest first with author names', async () => {
    const first = await post(reviewer, { body: '  Which page of the report?  ' });
    expect(first.status).toBe(201);
    const firstReply = first.data.reply;
    expect(firstReply).toMatchObject({ body: 'Which page of the report?', parentId: null, author: { id: reviewer.id, name: 'Rev Iewer' }, deletedAt: null });
    const answer = await post(author, { body: 'Page 14, paragraph 3.', parentId: firstReply.id });
    expect(answer.status).toBe(201);
    await post(other, { body: 'A separate point.' });
    const replies = await list(other);
    expect(replies.map((r) => [r.body, r.parentId])).toEqual([
      ['Which page of the report?', null],
      ['Page 14, paragraph 3.', firstReply.id],
      ['A separate point.', null],
    ]);
    expect(Object.keys(replies[0]!).sort()).toEqual(['annotationId', 'author', 'body', 'createdAt', 'deletedAt', 'id', 'parentId', 'updatedAt']);
  });

  it('validates body length (1..5,000) and the parent', async () => {
    expect((await post(reviewer, { body: '' })).status).toBe(400);
    expect((await post(reviewer, { body: '   ' })).status).toBe(400);
    expect((await post(reviewer, {})).status).toBe(400);
    expect((await post(reviewer, { body: 'x'.repeat(5_001) })).status).toBe(400);
    expect((await post(reviewer, { body: 'x'.repeat(5_000) })).status).toBe(201);
    const elsewhere = await createAnnotation(author, SENTENCES.shelter);
    const foreign = (await post(reviewer, { body: 'On another annotation.' }, elsewhere.id)).data.reply;
    const badParent = await post(reviewer, { body: 'Threaded wrongly.', parentId: foreign.id });
    expect(badParent.status).toBe(400);
    expect(badParent.data.error?.message).toMatch(/parentId/);
  });

  it('only the author edits; others get 403', async () => {
    const reply = (await post(reviewer, { body: 'Original.' })).data.reply;
    expect((await patch(author, reply.id, { body: 'Hijacked.' })).status).toBe(403);
    expect((await patch(admin, reply.id, { body: 'Admin edit.' })).status).toBe(403);
    expect((await patch(reviewer, reply.id, { body: '' })).status).toBe(400);
    const edited = await patch(reviewer, reply.id, { body: 'Edited.' });
    expect(edited.status).toBe(200);
    expect(edited.data.reply).toMatchObject({ body: 'Edited.' });
    expect((await list(author))[0]!.body).toBe('Edited.');
  });

  it('author or admin deletes (soft: the body is hidden, the row stays in the thread); others get 403', async () => {
    const mine = (await post(reviewer, { body: 'To be removed by me.' })).data.reply;
    const theirs = (await post(other, { body: 'To be removed by an admin.' })).data.reply;
    const child = (await post(author, { body: 'A child reply.', parentId: mine.id })).data.reply;
    expect((await del(author, mine.id)).status).toBe(403);
    expect((await del(other, mine.id)).status).toBe(403);
    expect((await del(reviewer, mine.id)).status).toBe(204);
    expect((await del(admin, theirs.id)).status).toBe(204);
    const replies = await list(author);
    expect(replies).toHaveLength(3);
    expect(replies.find((r) => r.id === mine.id)).toMatchObject({ body: '', deletedAt: expect.any(String) });
    expect(replies.find((r) => r.id === theirs.id)).toMatchObject({ body: '', deletedAt: expect.any(String) });
    expect(replies.find((r) => r.id === child.id)).toMatchObject({ body: 'A child reply.', parentId: mine.id, deletedAt: null });
    // Gone for editing and deleting again.
    expect((await patch(reviewer, mine.id, { body: 'Back?' })).status).toBe(404);
    expect((await del(reviewer, mine.id)).status).toBe(404);
    // The deleted text does not leak through the audit log either.
    const deletedEvents = await getDb().annotationEvent.findMany({ where: { annotationId, action: 'reply_deleted' } });
    expect(deletedEvents).toHaveLength(2);
    expect(JSON.stringify(deletedEvents)).not.toContain('To be removed');
  });

  it('records reply_created / reply_updated / reply_deleted events', async () => {
    const reply = (await post(reviewer, { body: 'First.' })).data.reply;
    await patch(reviewer, reply.id, { body: 'Second.' });
    await del(reviewer, reply.id);
    const events = await getDb().annotationEvent.findMany({ where: { annotationId }, orderBy: { at: 'asc' } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ['reply_created', reviewer.id],
      ['reply_updated', reviewer.id],
      ['reply_deleted', reviewer.id],
    ]);
    expect(events[1]).toMatchObject({ before: { body: 'First.' }, after: { body: 'Second.' } });
  });

  it('404 on a deleted annotation', async () => {
    await getDb().annotation.update({ where: { id: annotationId }, data: { deletedAt: new Date() } });
    expect((await post(reviewer, { body: 'Hello?' })).status).toBe(404);
    expect((await callRoute(repliesRoute.GET, `/api/annotations/${annotationId}/replies`, { token: reviewer.token, params: { id: annotationId } })).status).toBe(404);
  });
});
