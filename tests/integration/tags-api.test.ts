import { beforeEach, describe, expect, it } from 'vitest';
import * as tagsRoute from '@/app/api/tags/route';
import * as tagRoute from '@/app/api/tags/[key]/route';
import * as annotationsRoute from '@/app/api/articles/[id]/annotations/route';
import { getDb } from '@/lib/db/server/prisma';
import type { SourceTagDto } from '@/lib/tags/tag-dto';
import { callRoute, sessionCookieFor } from '@/tests/support/call-route';
import { createAnnotation, createTestUser, demoArticle, resetDatabase, SENTENCES, type TestUser } from '@/tests/support/fixtures';

const list = async (user: TestUser) => (await callRoute<{ tags: SourceTagDto[] }>(tagsRoute.GET, '/api/tags', { token: user.token })).data.tags;
const post = (user: TestUser, json: unknown) => callRoute(tagsRoute.POST, '/api/tags', { method: 'POST', token: user.token, json });
const patch = (user: TestUser, key: string, json: unknown) => callRoute(tagRoute.PATCH, `/api/tags/${key}`, { method: 'PATCH', token: user.token, json, params: { key } });
const tagRows = () => getDb().sourceTag.findMany({ orderBy: { key: 'asc' } });

const THINK_TANK = { key: 'think_tank', label: 'Think tank', color: '#7C3AED', description: 'Research institutes and their reports.' };

describe('tag vocabulary API', () => {
  let admin: TestUser;
  let analyst: TestUser;
  let reviewer: TestUser;

  beforeEach(async () => {
    await resetDatabase();
    admin = await createTestUser('ADMIN');
    analyst = await createTestUser('ANALYST');
    reviewer = await createTestUser('REVIEWER');
  });

  it('lists the desk tags in order with the contract fields, for any signed-in user', async () => {
    const tags = await list(analyst);
    expect(tags.map((t) => t.key)).toEqual(['un', 'intelligence', 'analyst']);
    expect(tags[0]).toMatchObject({ key: 'un', label: 'UN report', color: '#2563eb', sortOrder: 1, archived: false });
    expect(typeof tags[0]!.description).toBe('string');
  });

  it('an admin adds a tag: stored lower-case, last in the order, audited', async () => {
    const res = await post(admin, THINK_TANK);
    expect(res.status).toBe(201);
    expect(res.data.tag).toMatchObject({ key: 'think_tank', label: 'Think tank', color: '#7c3aed', sortOrder: 4, archived: false });
    expect((await list(analyst)).map((t) => t.key)).toEqual(['un', 'intelligence', 'analyst', 'think_tank']);
    const events = await getDb().tagEvent.findMany({ where: { tag: { key: 'think_tank' } } });
    expect(events).toEqual([expect.objectContaining({ action: 'created', actorId: admin.id })]);
  });

  it('refuses writes from analysts and reviewers (403) and stores nothing', async () => {
    const before = await tagRows();
    for (const user of [analyst, reviewer]) {
      const created = await post(user, THINK_TANK);
      expect(created.status).toBe(403);
      expect(created.data.error?.message).toMatch(/admin/i);
      const changed = await patch(user, 'un', { label: 'United Nations' });
      expect(changed.status).toBe(403);
    }
    expect(await tagRows()).toEqual(before);
    expect(await getDb().tagEvent.count()).toBe(0);
  });

  it('a browser session needs the same origin for a write', async () => {
    const cookie = await sessionCookieFor(admin.id);
    const crossSite = await callRoute(tagsRoute.POST, '/api/tags', { method: 'POST', cookie, headers: { origin: 'https://evil.example' }, json: THINK_TANK });
    expect(crossSite.status).toBe(403);
    const sameSite = await callRoute(tagsRoute.POST, '/api/tags', { method: 'POST', cookie, headers: { origin: 'http://localhost:3000' }, json: THINK_TANK });
    expect(sameSite.status).toBe(201);
  });

  it.each([
    ['a colour that is not #rrggbb', { ...THINK_TANK, color: 'purple' }, /#rrggbb/],
    ['a short colour', { ...THINK_TANK, color: '#7c3' }, /#rrggbb/],
    ['a colour white text cannot be read on', { ...THINK_TANK, color: '#fde047' }, /too light.*4\.5:1/],
    ['the old light green', { ...THINK_TANK, color: '#16a34a' }, /contrast of 3\.\d:1/],
    ['a key with capitals or spaces', { ...THINK_TANK, key: 'Think Tank' }, /key must start with a lower-case letter/],
    ['a key that is too long', { ...THINK_TANK, key: 'k'.repeat(33) }, /at most 32/],
    ['no label', { ...THINK_TANK, label: '   ' }, /label must not be empty/],
    ['a label over 60 characters', { ...THINK_TANK, label: 'x'.repeat(61) }, /at most 60/],
    ['a NUL in the description', { ...THINK_TANK, description: 'a\u0000b' }, /NUL/],
    ['an unknown field', { ...THINK_TANK, shortcut: 5 }, /shortcut/],
  ])('POST refuses %s (400) and stores nothing', async (_what, body, message) => {
    const res = await post(admin, body);
    expect(res.status).toBe(400);
    expect(res.data.error?.code).toBe('validation_failed');
    expect(JSON.stringify(res.data.error)).toMatch(message);
    expect(await getDb().sourceTag.count()).toBe(3);
  });

  it('a duplicate key is a 409, archived or not', async () => {
    const dup = await post(admin, { ...THINK_TANK, key: 'un' });
    expect(dup.status).toBe(409);
    expect(dup.data.error?.code).toBe('conflict');
    expect(dup.data.error?.message).toMatch(/"un" already exists/);
    expect((await patch(admin, 'un', { archived: true })).status).toBe(200);
    expect((await post(admin, { ...THINK_TANK, key: 'un' })).status).toBe(409);
  });

  it('an admin renames, recolours and re-describes; each change is audited with before and after', async () => {
    const res = await patch(admin, 'un', { label: 'United Nations', color: '#1E40AF', description: 'UN bodies and reports.' });
    expect(res.status).toBe(200);
    expect(res.data.tag).toMatchObject({ key: 'un', label: 'United Nations', color: '#1e40af', description: 'UN bodies and reports.', sortOrder: 1 });
    const [event] = await getDb().tagEvent.findMany({ where: { tag: { key: 'un' } } });
    expect(event).toMatchObject({ action: 'updated', actorId: admin.id, before: expect.objectContaining({ label: 'UN report' }), after: expect.objectContaining({ label: 'United Nations' }) });
  });

  it('PATCH refuses bad input (400), an unknown tag (404), and leaves the tag as it was', async () => {
    const before = await tagRows();
    for (const body of [{}, { color: '#ffff00' }, { color: 'blue' }, { sortOrder: 0 }, { sortOrder: 1.5 }, { archived: 'yes' }, { key: 'renamed' }, { label: '' }]) {
      const res = await patch(admin, 'un', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.data.error?.message.length).toBeGreaterThan(10);
    }
    expect((await patch(admin, 'nope', { label: 'x' })).status).toBe(404);
    const badKey = await callRoute(tagRoute.PATCH, '/api/tags/a%20b', { method: 'PATCH', token: admin.token, json: { label: 'x' }, params: { key: 'a b' } });
    expect(badKey.status).toBe(400);
    expect(await tagRows()).toEqual(before);
  });

  it('moving a tag renumbers the list, so the shortcuts follow the order', async () => {
    await post(admin, THINK_TANK);
    const moved = await patch(admin, 'think_tank', { sortOrder: 1 });
    expect(moved.status).toBe(200);
    expect(moved.data.tag).toMatchObject({ sortOrder: 1 });
    expect((await list(analyst)).map((t) => [t.key, t.sortOrder])).toEqual([
      ['think_tank', 1],
      ['un', 2],
      ['intelligence', 3],
      ['analyst', 4],
    ]);
    await patch(admin, 'un', { sortOrder: 99 }); // past the end: last
    expect((await list(analyst)).map((t) => t.key)).toEqual(['think_tank', 'intelligence', 'analyst', 'un']);
    const events = await getDb().tagEvent.findMany({ where: { action: 'moved' }, orderBy: { at: 'asc' } });
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [{ sortOrder: 4 }, { sortOrder: 1 }],
      [{ sortOrder: 2 }, { sortOrder: 4 }],
    ]);
  });

  it('an archived tag stays on old annotations, is listed flagged and last, and cannot be used for new ones', async () => {
    const old = await createAnnotation(analyst, SENTENCES.twenty, { tag: 'intelligence' });
    const archived = await patch(admin, 'intelligence', { archived: true });
    expect(archived.status).toBe(200);
    expect(archived.data.tag).toMatchObject({ archived: true });
    expect((await list(analyst)).map((t) => [t.key, t.archived])).toEqual([
      ['un', false],
      ['analyst', false],
      ['intelligence', true],
    ]);
    expect((await getDb().annotation.findUniqueOrThrow({ where: { id: old.id }, include: { tag: true } })).tag.key).toBe('intelligence');

    const { article, version } = await demoArticle();
    const start = version.text.indexOf(SENTENCES.isk);
    const body = { start, end: start + SENTENCES.isk.length, exact: SENTENCES.isk, tag: 'intelligence' };
    const refused = await callRoute(annotationsRoute.POST, `/api/articles/${article.id}/annotations`, { method: 'POST', token: analyst.token, json: body, params: { id: article.id } });
    expect(refused.status).toBe(400);
    expect(refused.data.error?.message).toMatch(/archived/);

    expect((await patch(admin, 'intelligence', { archived: false })).status).toBe(200);
    const allowed = await callRoute(annotationsRoute.POST, `/api/articles/${article.id}/annotations`, { method: 'POST', token: analyst.token, json: body, params: { id: article.id } });
    expect(allowed.status).toBe(201);
    const actions = (await getDb().tagEvent.findMany({ where: { tag: { key: 'intelligence' } }, orderBy: { at: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(['archived', 'unarchived']);
  });
});
