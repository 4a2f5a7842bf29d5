// Issue #11, items 1, 6, 7, 8, 10, 11, 12: stored values that cannot break a list, every text field
// and path id validated, deleted replies redacted in history, unknown users 404, long passwords
// refused, tag colours constrained, and disabled accounts that do not confirm passwords.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import * as articlesRoute from '@/app/api/articles/route';
import * as articleRoute from '@/app/api/articles/[id]/route';
import * as versionsRoute from '@/app/api/articles/[id]/versions/route';
import * as annotationsRoute from '@/app/api/articles/[id]/annotations/route';
import * as importRoute from '@/app/api/articles/[id]/annotations/import/route';
import * as resolveRoute from '@/app/api/articles/[id]/conflicts/resolve/route';
import * as rejectRoute from '@/app/api/articles/[id]/suggestions/reject/route';
import * as annotationRoute from '@/app/api/annotations/[id]/route';
import * as reviewsRoute from '@/app/api/annotations/[id]/reviews/route';
import * as repliesRoute from '@/app/api/annotations/[id]/replies/route';
import * as historyRoute from '@/app/api/annotations/[id]/history/route';
import * as replyRoute from '@/app/api/replies/[id]/route';
import * as tokensRoute from '@/app/api/tokens/route';
import * as deskRoute from '@/app/api/desk/route';
import * as usersRoute from '@/app/api/admin/users/route';
import * as userRoute from '@/app/api/admin/users/[id]/route';
import * as tagsRoute from '@/app/api/tags/route';
import { authenticate, SIGN_IN_MESSAGES } from '@/lib/auth/server/authenticate';
import { verifyPassword } from '@/lib/auth/server/password';
import { getDb } from '@/lib/db/server/prisma';
import { FALLBACK_TAG_COLOR, tagColor, tagColorSchema } from '@/lib/tags/tag-color';
import type { ArticleSummaryDto } from '@/lib/articles/article-dto';
import type { ReplyDto } from '@/lib/review/reply-dto';
import type { UserDto } from '@/lib/users/user-dto';
import { callRoute } from '@/tests/support/call-route';
import { createAnnotation, createTestUser, demoArticle, resetDatabase, SENTENCES, type TestUser } from '@/tests/support/fixtures';

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
/** Any route handler, as callRoute takes it. */
type AnyRoute = Parameters<typeof callRoute>[0];

describe('stored values that JavaScript cannot read back', () => {
  let admin: TestUser;
  beforeEach(async () => {
    await resetDatabase();
    admin = await createTestUser('ADMIN');
  });

  it('refuses publishedAt outside 1900–2100 at the API, storing nothing', async () => {
    const before = await getDb().article.count();
    for (const publishedAt of ['+275760-09-13T00:00:00Z', '10000-01-01', '1899-12-31', 'yesterday']) {
      const res = await callRoute(articlesRoute.POST, '/api/articles', { method: 'POST', token: admin.token, json: { format: 'text', content: 'Headline\n\nBody text.', publishedAt } });
      expect(res.status, publishedAt).toBe(400);
      expect(res.data.error?.message).toMatch(/publishedAt/);
    }
    expect(await getDb().article.count()).toBe(before);
    const ok = await callRoute(articlesRoute.POST, '/api/articles', { method: 'POST', token: admin.token, json: { format: 'text', content: 'Headline\n\nBody text.', publishedAt: '2026-11-25' } });
    expect(ok.status).toBe(201);
  });

  it('a row with an impossible date (written behind the API) does not break the library or the article', async () => {
    const { article } = await demoArticle();
    await getDb().$executeRawUnsafe(`UPDATE "Article" SET "publishedAt" = '10000-01-01' WHERE id = $1`, article.id);
    const list = await callRoute<{ articles: ArticleSummaryDto[] }>(articlesRoute.GET, '/api/articles', { token: admin.token });
    expect(list.status).toBe(200);
    const row = list.data.articles.find((a) => a.id === article.id);
    expect(row).toMatchObject({ id: article.id, publishedAt: null });
    const one = await callRoute(articleRoute.GET, `/api/articles/${article.id}`, { token: admin.token, params: { id: article.id } });
    expect(one.status).toBe(200);
  });
});

describe('every text field and id refuses NUL and broken characters with a 400', () => {
  let admin: TestUser;
  let analyst: TestUser;
  let articleId: string;
  let versionId: string;
  let annotationId: string;
  let replyId: string;
  let text: string;

  beforeEach(async () => {
    await resetDatabase();
    admin = await createTestUser('ADMIN');
    analyst = await createTestUser('ANALYST');
    const { article, version } = await demoArticle();
    articleId = article.id;
    versionId = version.id;
    text = version.text;
    annotationId = (await createAnnotation(analyst, SENTENCES.ttp600)).id;
    const reply = await getDb().reply.create({ data: { annotationId, authorId: admin.id, body: 'A reply.' } });
    replyId = reply.id;
  });

  /** A valid request per write route; each of its string fields is broken in turn. */
  const cases = (): Array<{ name: string; handler: AnyRoute; method: string; path: string; params?: Record<string, string>; user: () => TestUser; body: Record<string, unknown> }> => {
    const s = SENTENCES.twenty;
    return [
      { name: 'create article', handler: articlesRoute.POST, method: 'POST', path: '/api/articles', user: () => admin, body: { format: 'text', content: 'Headline\n\nBody text.', title: 'T', outlet: 'O', byline: 'B', url: 'https://x.example/a' } },
      { name: 'new version', handler: versionsRoute.POST, method: 'POST', path: `/api/articles/${articleId}/versions`, params: { id: articleId }, user: () => admin, body: { format: 'text', content: 'Another headline\n\nOther body.' } },
      { name: 'create annotation', handler: annotationsRoute.POST, method: 'POST', path: `/api/articles/${articleId}/annotations`, params: { id: articleId }, user: () => admin, body: { exact: s, start: text.indexOf(s), end: text.indexOf(s) + s.length, tag: 'un', note: 'n', sourceDetail: 'd', versionId } },
      { name: 'edit annotation', handler: annotationRoute.PATCH, method: 'PATCH', path: `/api/annotations/${annotationId}`, params: { id: annotationId }, user: () => analyst, body: { revision: 1, note: 'n', sourceDetail: 'd', tag: 'un' } },
      { name: 'review', handler: reviewsRoute.POST, method: 'POST', path: `/api/annotations/${annotationId}/reviews`, params: { id: annotationId }, user: () => admin, body: { verdict: 'DISPUTE', comment: 'c', suggestedTag: 'analyst' } },
      { name: 'reply', handler: repliesRoute.POST, method: 'POST', path: `/api/annotations/${annotationId}/replies`, params: { id: annotationId }, user: () => admin, body: { body: 'b', parentId: replyId } },
      { name: 'edit reply', handler: replyRoute.PATCH, method: 'PATCH', path: `/api/replies/${replyId}`, params: { id: replyId }, user: () => admin, body: { body: 'b' } },
      { name: 'token', handler: tokensRoute.POST, method: 'POST', path: '/api/tokens', user: () => admin, body: { label: 'l' } },
      { name: 'desk', handler: deskRoute.PATCH, method: 'PATCH', path: '/api/desk', user: () => admin, body: { name: 'Desk' } },
      { name: 'create user', handler: usersRoute.POST, method: 'POST', path: '/api/admin/users', user: () => admin, body: { email: 'new@test.local', name: 'New', role: 'ANALYST', password: 'long-enough-password' } },
      { name: 'resolve conflict', handler: resolveRoute.POST, method: 'POST', path: `/api/articles/${articleId}/conflicts/resolve`, params: { id: articleId }, user: () => admin, body: { keep: annotationId, other: annotationId, tag: 'un' } },
      { name: 'reject suggestion', handler: rejectRoute.POST, method: 'POST', path: `/api/articles/${articleId}/suggestions/reject`, params: { id: articleId }, user: () => admin, body: { versionId, start: 0, end: 5 } },
      {
        name: 'JSON-LD import',
        handler: importRoute.POST,
        method: 'POST',
        path: `/api/articles/${articleId}/annotations/import`,
        params: { id: articleId },
        user: () => admin,
        body: {
          '@context': 'http://www.w3.org/ns/anno.jsonld',
          type: 'Annotation',
          id: 'https://x.example/a/1',
          motivation: 'tagging',
          creator: { type: 'Person', name: 'Someone' },
          body: [
            { type: 'TextualBody', purpose: 'tagging', value: 'un' },
            { type: 'TextualBody', purpose: 'commenting', value: 'a note' },
          ],
          target: { source: 'https://news.example/article', selector: { type: 'TextQuoteSelector', exact: s } },
        },
      },
    ];
  };

  it('each string field of each write, with a NUL or a lone surrogate → 400 naming the problem, never a 500', async () => {
    const problems: string[] = [];
    for (const c of cases()) {
      for (const [path, original] of stringLeaves(c.body)) {
        for (const bad of [`${original}\u0000x`, `${original}\ud83dx`]) {
          const res = await callRoute(c.handler, c.path, { method: c.method, token: c.user().token, params: c.params, json: setAt(c.body, path, bad) });
          if (res.status !== 400) problems.push(`${c.name} ${path.join('.')}=${JSON.stringify(bad)} → ${res.status} ${res.text.slice(0, 120)}`);
          else if (!/NUL character|broken character/.test(res.data.error?.message ?? '')) problems.push(`${c.name} ${path.join('.')}: message ${res.data.error?.message}`);
        }
      }
    }
    expect(problems).toEqual([]);
    // Nothing was stored half-way by any of them.
    expect(await getDb().article.count()).toBe(1);
    expect(await getDb().annotation.count()).toBe(1);
    expect(await getDb().reply.findUniqueOrThrow({ where: { id: replyId } })).toMatchObject({ body: 'A reply.' });
  });

  it('text is trimmed and NFC-normalised on the way in', async () => {
    const res = await callRoute<{ reply: ReplyDto }>(repliesRoute.POST, `/api/annotations/${annotationId}/replies`, { method: 'POST', token: admin.token, params: { id: annotationId }, json: { body: '  Cafe\u0301  ' } });
    expect(res.status).toBe(201);
    expect(res.data.reply.body).toBe('Caf\u00e9');
  });

  it('every route with an id in its path answers 400 for %00, a broken or an overlong id, before any query', async () => {
    const root = process.cwd();
    const files = routeFiles(join(root, 'app/api')).map((f) => relative(root, f).split(sep).join('/')).filter((f) => f.includes('[') && !f.includes('[...'));
    expect(files.length).toBeGreaterThan(15);
    const problems: string[] = [];
    for (const file of files) {
      const mod = (await import(pathToFileURL(join(root, file)).href)) as Record<string, unknown>;
      for (const method of ['GET', 'POST', 'PATCH', 'DELETE'] as const) {
        const handler = mod[method] as Handler | undefined;
        if (typeof handler !== 'function') continue;
        for (const id of ['\u0000', 'a\u0000b', '\ud83d', 'x'.repeat(1_000), '../etc', 'a b']) {
          const url = `http://localhost:3000/${file.replace(/^app\//, '').replace(/\/route\.ts$/, '').replace(/\[(\w+)\]/g, 'x')}`;
          const res = await handler(
            new Request(url, { method, headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' }, body: method === 'GET' || method === 'DELETE' ? undefined : '{}' }),
            { params: Promise.resolve({ id }) },
          );
          if (res.status !== 400) problems.push(`${method} ${file} id=${JSON.stringify(id.slice(0, 10))} → ${res.status}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('query strings with a NUL → 400 on routes that read them without a schema too', async () => {
    const res = await callRoute(annotationsRoute.GET, `/api/articles/${articleId}/annotations`, { token: admin.token, params: { id: articleId }, query: { tag: 'un\u0000' } });
    expect(res.status).toBe(400);
    const tags = await callRoute(tagsRoute.GET, '/api/tags', { token: admin.token, query: { x: '\u0000' } });
    expect(tags.status).toBe(400);
  });
});

describe('history redacts deleted replies except for admins', () => {
  beforeEach(resetDatabase);

  it('the text of a deleted reply is gone from the history for analysts and reviewers, kept for admins', async () => {
    const author = await createTestUser('ANALYST');
    const reviewer = await createTestUser('REVIEWER');
    const admin = await createTestUser('ADMIN');
    const annotationId = (await createAnnotation(author, SENTENCES.shelter)).id;
    const post = await callRoute<{ reply: ReplyDto }>(repliesRoute.POST, `/api/annotations/${annotationId}/replies`, { method: 'POST', token: reviewer.token, params: { id: annotationId }, json: { body: 'first words' } });
    const replyId = post.data.reply.id;
    await callRoute(replyRoute.PATCH, `/api/replies/${replyId}`, { method: 'PATCH', token: reviewer.token, params: { id: replyId }, json: { body: 'secret second words' } });
    const kept = await callRoute(repliesRoute.POST, `/api/annotations/${annotationId}/replies`, { method: 'POST', token: author.token, params: { id: annotationId }, json: { body: 'a reply that stays' } });
    expect(kept.status).toBe(201);
    expect((await callRoute(replyRoute.DELETE, `/api/replies/${replyId}`, { method: 'DELETE', token: reviewer.token, params: { id: replyId } })).status).toBe(204);

    const history = async (user: TestUser) => {
      const res = await callRoute(historyRoute.GET, `/api/annotations/${annotationId}/history`, { token: user.token, params: { id: annotationId } });
      expect(res.status).toBe(200);
      return JSON.stringify(res.data.events);
    };
    for (const user of [author, reviewer]) {
      const text = await history(user);
      expect(text).not.toContain('first words');
      expect(text).not.toContain('secret second words');
      expect(text).toContain('"redacted":true');
      expect(text).toContain('a reply that stays');
    }
    const forAdmin = await history(admin);
    expect(forAdmin).toContain('first words');
    expect(forAdmin).toContain('secret second words');
  });
});

describe('accounts', () => {
  let admin: TestUser;
  beforeEach(async () => {
    await resetDatabase();
    admin = await createTestUser('ADMIN');
  });

  it('PATCH /api/admin/users/<unknown id> → 404 for each kind of change, not a 500', async () => {
    for (const json of [{ role: 'REVIEWER' }, { disabled: true }, { password: 'a-new-password-1' }, { role: 'ANALYST', disabled: false }]) {
      const res = await callRoute(userRoute.PATCH, '/api/admin/users/cunknownuser000000000000', { method: 'PATCH', token: admin.token, params: { id: 'cunknownuser000000000000' }, json });
      expect(res.status, JSON.stringify(json)).toBe(404);
      expect(res.data.error?.code).toBe('not_found');
    }
  });

  it('passwords over 72 bytes (what bcrypt reads) are refused with a clear message; 72 bytes is fine', async () => {
    const create = (password: string, email: string) =>
      callRoute<{ user: UserDto }>(usersRoute.POST, '/api/admin/users', { method: 'POST', token: admin.token, json: { email, name: 'Long', role: 'ANALYST', password } });
    const tooLong = await create('a'.repeat(73), 'long1@test.local');
    expect(tooLong.status).toBe(400);
    expect(tooLong.data.error?.message).toMatch(/at most 72 bytes/);
    // 25 emoji are 25 × 4 = 100 bytes in 50 UTF-16 units.
    expect((await create('😀'.repeat(25), 'long2@test.local')).status).toBe(400);
    const exactly = await create('b'.repeat(72), 'long3@test.local');
    expect(exactly.status).toBe(201);
    const id = exactly.data.user.id;
    const reset = await callRoute(userRoute.PATCH, `/api/admin/users/${id}`, { method: 'PATCH', token: admin.token, params: { id }, json: { password: 'c'.repeat(80) } });
    expect(reset.status).toBe(400);
    expect(reset.data.error?.message).toMatch(/72 bytes/);
    // The stored hash still verifies exactly the 72-byte password, and no longer one is ever stored.
    const row = await getDb().user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } });
    expect(await verifyPassword('b'.repeat(72), row.passwordHash)).toBe(true);
  });

  it('a disabled account gives the same neutral answer for the right and a wrong password', async () => {
    const user = await createTestUser();
    await getDb().user.update({ where: { id: user.id }, data: { disabled: true } });
    const right = await authenticate(getDb(), { email: user.email, password: user.password }, '10.4.0.1');
    const wrong = await authenticate(getDb(), { email: user.email, password: 'not-the-password' }, '10.4.0.1');
    expect(right).toEqual(wrong);
    expect(right).toEqual({ ok: false, reason: 'disabled' });
    expect(SIGN_IN_MESSAGES.disabled).toBe('This account cannot sign in. Ask a desk admin if you think it should.');
  });
});

describe('tag colours', () => {
  beforeEach(resetDatabase);

  it('the database refuses a tag colour that is not #rrggbb, whoever writes it', async () => {
    const db = getDb();
    for (const color of ['red', '#12345', 'url(x)', '#123456;background:url(//evil)', '#ABCDEF']) {
      await expect(db.$executeRawUnsafe(`INSERT INTO "SourceTag" (id, key, label, color) VALUES ($1, $2, 'X', $3)`, `t${color.length}x`, `k${Math.random()}`, color)).rejects.toThrow(/SourceTag_color_check/);
    }
    await db.$executeRawUnsafe(`INSERT INTO "SourceTag" (id, key, label, color) VALUES ('tok', 'ok', 'OK', '#a1b2c3')`);
  });

  it('validates colours for writes and renders anything else as the fallback', () => {
    expect(tagColorSchema.parse(' #A1B2C3 ')).toBe('#a1b2c3');
    for (const bad of ['red', '#abc', '#12345g', '#123456;x:y', '', 'var(--x)']) expect(tagColorSchema.safeParse(bad).success, bad).toBe(false);
    expect(tagColor('#123456')).toBe('#123456');
    expect(tagColor('#123456}body{display:none')).toBe(FALLBACK_TAG_COLOR);
    expect(tagColor(null)).toBe(FALLBACK_TAG_COLOR);
  });
});

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === 'route.ts' ? [full] : [];
  });
}

type Path = Array<string | number>;

function stringLeaves(value: unknown, path: Path = []): Array<[Path, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
}

function setAt(value: unknown, path: Path, replacement: string): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? setAt(v, rest, replacement) : v));
  const obj = value as Record<string, unknown>;
  return { ...obj, [head as string]: setAt(obj[head as string], rest, replacement) };
}
