// Bounded work per request (issue #11 item 2): CPU-heavy work (an import's placing of quotes, a
// brief, the parsing of a submitted document) runs in the heavy-work pool, at most
// HEAVY_JOBS_PER_USER per user at a time (429 with Retry-After beyond), and within a time budget
// (413 for an import that asks too much, 422 for a brief too big to build), with nothing stored half-way.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as articlesRoute from '@/app/api/articles/route';
import * as exportRoute from '@/app/api/articles/[id]/export/route';
import * as importRoute from '@/app/api/articles/[id]/annotations/import/route';
import * as versionsRoute from '@/app/api/articles/[id]/versions/route';
import * as previewRoute from '@/app/api/articles/preview/route';
import * as proposalsRoute from '@/app/api/annotations/[id]/evidence/proposals/route';
import * as suggestionsRoute from '@/app/api/articles/[id]/suggestions/route';
import * as knownClaimsRoute from '@/app/api/articles/[id]/known-claims/route';
import { getDb } from '@/lib/db/server/prisma';
import { buildBrief } from '@/lib/export';
import { parseBriefQuery } from '@/lib/export/export-options';
import { briefPageParts } from '@/lib/export/server/export-brief';
import { loadBriefInput } from '@/lib/export/server/load-brief-input';
import { formatDateTime } from '@/lib/export/format';
import { toHtmlParts } from '@/lib/export/to-html';
import { TOO_DEEP_MESSAGE } from '@/lib/documents/server/import-document';
import { IMPORT_BUDGET_MS, importDocumentOr4xx, importLimits, READ_HERE_MAX_BYTES } from '@/lib/documents/server/import-document-or-4xx';
import { heavyLimits, HEAVY_BUDGET_MS, HEAVY_JOBS_PER_USER, runHeavy } from '@/lib/jobs/server/run-heavy';
import { callRoute, callRouteRaw } from '@/tests/support/call-route';
import { createAnnotation, createTestUser, demoArticle, resetDatabase, SENTENCES, type TestUser } from '@/tests/support/fixtures';
import { hostileAnnotationDocument, longArticleText, nestedWebPage } from '@/tests/support/hostile-import';
import { makePdf, prose } from '@/tests/support/make-pdf';

const limits = heavyLimits();

/** The longest the request thread went without running a timer while `work` ran. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 10);
  try {
    await work();
  } finally {
    clearInterval(tick);
  }
  return Math.max(longest, performance.now() - last);
}
const defaults = { ...limits };

async function longArticle(user: TestUser, { words = 20_000, seed, kind }: { words?: number; seed?: number; kind?: 'source' } = {}): Promise<{ id: string; text: string }> {
  const res = await callRoute<{ article: { id: string } }>(articlesRoute.POST, '/api/articles', {
    method: 'POST',
    token: user.token,
    json: { format: 'text', content: longArticleText(words, seed), ...(kind ? { kind } : {}) },
  });
  expect(res.status).toBe(201);
  const version = await getDb().articleVersion.findFirstOrThrow({ where: { articleId: res.data.article.id } });
  return { id: res.data.article.id, text: version.text };
}

const importInto = (user: TestUser, articleId: string, document: unknown) =>
  callRoute<{ imported: number }>(importRoute.POST, `/api/articles/${articleId}/annotations/import`, {
    method: 'POST',
    token: user.token,
    params: { id: articleId },
    json: document,
  });

describe('heavy work per request', () => {
  let user: TestUser;
  let article: { id: string; text: string };
  beforeAll(async () => {
    await resetDatabase();
    user = await createTestUser('ANALYST', { name: 'Heavy Importer' });
    article = await longArticle(user);
    // A warm thread: the budget counts a task's running time, and the first one starts the thread.
    await runHeavy(user, 'spin', { ms: 1 }, { overBudget: () => new Error('warm-up over budget') as never });
  });
  afterEach(() => Object.assign(limits, defaults));

  it('has the documented defaults', () => {
    expect(defaults).toEqual({ perUser: HEAVY_JOBS_PER_USER, waiting: 8, budgetMs: HEAVY_BUDGET_MS });
    expect(HEAVY_JOBS_PER_USER).toBe(2);
    expect(HEAVY_BUDGET_MS).toBe(20_000);
  });

  it('refuses an import whose quotes need more work than the budget with 413, storing nothing', async () => {
    limits.budgetMs = 1_000;
    const started = Date.now();
    const res = await importInto(user, article.id, hostileAnnotationDocument(article.text, 1_000, { quoteLength: 100 }));
    expect(res.status).toBe(413);
    expect(res.data.error?.code).toBe('payload_too_large');
    expect(res.data.error?.message).toMatch(/needs more than 1 s of work, the limit for one import/);
    expect(res.data.error?.details).toEqual({ reason: 'work_budget', budgetMs: 1_000 });
    // The thread was cut at the budget, not left to finish the search.
    expect(Date.now() - started).toBeLessThan(1_000 + 5_000);
    expect(await getDb().annotation.count({ where: { articleId: article.id } })).toBe(0);
    // The pool replaced the terminated thread: the next task runs (at the normal budget: a new
    // thread's start-up on a loaded machine can take a second by itself).
    limits.budgetMs = defaults.budgetMs;
    const after = await importInto(user, article.id, hostileAnnotationDocument(article.text, 1, { quoteLength: 100 }));
    expect(after.status).toBe(201);
    expect(after.data.imported).toBe(1);
  });

  it(`answers 429 with Retry-After to a user's third heavy request while two run; others still get theirs`, async () => {
    limits.budgetMs = 3_000;
    const other = await createTestUser('ANALYST', { name: 'Other Importer' });
    const heavy = hostileAnnotationDocument(article.text, 400, { quoteLength: 100, seed: 5 });
    const running = [importInto(user, article.id, heavy), importInto(user, article.id, heavy)];
    // Both are admitted at once (the first runs, the second waits for the thread).
    await new Promise((r) => setTimeout(r, 100));
    const third = await importInto(user, article.id, heavy);
    expect(third.status).toBe(429);
    expect(third.data.error?.code).toBe('rate_limited');
    expect(third.headers.get('retry-after')).toBe('5');
    expect(third.data.error?.message).toMatch(/You already have 2 heavy requests running \(imports, exports, searches of long documents\); at most 2 run at a time/);
    // The limit is per user: a colleague's export waits its turn instead of being refused.
    const theirs = await callRouteRaw(exportRoute.GET, `/api/articles/${article.id}/export?format=md`, { token: other.token, params: { id: article.id } });
    expect(theirs.status).toBe(200);
    for (const res of await Promise.all(running)) expect([201, 413]).toContain(res.status);
    // Finished work frees the user's slots.
    const again = await importInto(user, article.id, hostileAnnotationDocument(article.text, 1, { quoteLength: 100, seed: 9 }));
    expect(again.status).toBe(201);
  });

  it('answers 429 to everyone once the waiting line is full', async () => {
    limits.budgetMs = 3_000;
    limits.waiting = 1;
    const [a, b, c] = await Promise.all([1, 2, 3].map((i) => createTestUser('ANALYST', { name: `Queue ${i}` })));
    const heavy = hostileAnnotationDocument(article.text, 400, { quoteLength: 100, seed: 6 });
    const running = [importInto(a!, article.id, heavy), importInto(b!, article.id, heavy)];
    await new Promise((r) => setTimeout(r, 100));
    const refused = await importInto(c!, article.id, heavy);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('10');
    expect(refused.data.error?.message).toMatch(/The server is busy with other heavy work/);
    await Promise.all(running);
  });

  it('refuses a brief too big to build within the budget with 422', async () => {
    const { article: demo, version } = await demoArticle();
    await createAnnotation(user, SENTENCES.un, { on: { articleId: demo.id, versionId: version.id, text: version.text }, tag: 'un' });
    limits.budgetMs = 1;
    const res = await callRoute(exportRoute.GET, `/api/articles/${demo.id}/export?format=docx`, { token: user.token, params: { id: demo.id } });
    expect(res.status).toBe(422);
    expect(res.data.error?.code).toBe('unprocessable');
    expect(res.data.error?.message).toMatch(/Building this brief needs more than 0\.001 s of work/);
    expect(res.data.error?.details).toEqual({ reason: 'work_budget', budgetMs: 1 });
    Object.assign(limits, defaults);
    const ok = await callRouteRaw(exportRoute.GET, `/api/articles/${demo.id}/export?format=docx`, { token: user.token, params: { id: demo.id } });
    expect(ok.status).toBe(200);
    expect(ok.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  describe('a new version', () => {
    const addVersion = (who: TestUser, articleId: string, content: string) =>
      callRoute<{ reanchored: number; orphaned: number }>(versionsRoute.POST, `/api/articles/${articleId}/versions`, {
        method: 'POST',
        token: who.token,
        params: { id: articleId },
        json: { format: 'text', content },
      });

    it('re-anchors in the pool: over its budget a 413 and nothing stored; within it, every annotation moved and audited', async () => {
      const mine = await longArticle(user);
      const imported = await importInto(user, mine.id, hostileAnnotationDocument(mine.text, 60, { quoteLength: 100, seed: 21 }));
      expect(imported.status).toBe(201);
      const db = getDb();
      const before = await db.annotation.findMany({ where: { articleId: mine.id }, select: { id: true, start: true, revision: true, versionId: true }, orderBy: { id: 'asc' } });
      // Every paragraph reworded a little: the diff maps most claims, the rest are searched for.
      const edited = mine.text.split('\n').map((p, i) => (i % 3 === 1 ? p.replace(/ the /g, ' a ') : p)).join('\n');
      limits.budgetMs = 1;
      const refused = await addVersion(user, mine.id, edited);
      expect(refused.status).toBe(413);
      expect(refused.data.error?.code).toBe('payload_too_large');
      expect(refused.data.error?.message).toMatch(/Re-anchoring this article's annotations onto the new text needs more than 0\.001 s of work/);
      expect(refused.data.error?.details).toEqual({ reason: 'work_budget', budgetMs: 1 });
      expect(await db.articleVersion.count({ where: { articleId: mine.id } })).toBe(1);
      expect(await db.annotation.findMany({ where: { articleId: mine.id }, select: { id: true, start: true, revision: true, versionId: true }, orderBy: { id: 'asc' } })).toEqual(before);
      expect(await db.annotationEvent.count({ where: { annotationId: { in: before.map((a) => a.id) }, action: 'reanchored' } })).toBe(0);

      Object.assign(limits, defaults);
      const added = await addVersion(user, mine.id, edited);
      expect(added.status).toBe(201);
      expect(added.data.reanchored + added.data.orphaned).toBe(before.length);
      const version = await db.articleVersion.findFirstOrThrow({ where: { articleId: mine.id, number: 2 } });
      const after = await db.annotation.findMany({ where: { articleId: mine.id }, orderBy: { id: 'asc' } });
      for (const [i, a] of after.entries()) {
        expect(a.versionId).toBe(version.id);
        expect(a.revision).toBe(before[i]!.revision + 1);
        if (a.anchorState !== 'orphaned') expect(version.text.slice(a.start, a.end)).toBe(a.exact);
      }
      expect(await db.annotationEvent.count({ where: { annotationId: { in: before.map((a) => a.id) }, action: 'reanchored' } })).toBe(before.length);
    });

    it(`counts against the user's heavy-work limit (429 while two of theirs run), storing nothing`, async () => {
      const mine = await longArticle(user);
      expect((await importInto(user, mine.id, hostileAnnotationDocument(mine.text, 1, { quoteLength: 100, seed: 3 }))).status).toBe(201);
      limits.budgetMs = 3_000;
      const heavy = hostileAnnotationDocument(article.text, 400, { quoteLength: 100, seed: 8 });
      const running = [importInto(user, article.id, heavy), importInto(user, article.id, heavy)];
      await new Promise((r) => setTimeout(r, 100));
      const refused = await addVersion(user, mine.id, `${mine.text}\nA closing paragraph.`);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('5');
      await Promise.all(running);
      expect(await getDb().articleVersion.count({ where: { articleId: mine.id } })).toBe(1);
    });
  });

  describe('a submitted document', () => {
    const importLimit = importLimits();
    afterEach(() => {
      importLimit.budgetMs = IMPORT_BUDGET_MS;
    });
    // A saved page of 11 KB that holds linkedom and Readability for ~10 s on the request thread before this.
    const nested = nestedWebPage(1_000);
    const createFrom = (who: TestUser, json: unknown) => callRoute<{ article: { id: string } }>(articlesRoute.POST, '/api/articles', { method: 'POST', token: who.token, json });
    const counts = async () => ({ articles: await getDb().article.count(), versions: await getDb().articleVersion.count() });


    it('is parsed in the pool: over its budget a 413 and nothing stored, the request thread free meanwhile', async () => {
      expect(IMPORT_BUDGET_MS).toBe(20_000);
      const { article: demo } = await demoArticle();
      const before = await counts();
      importLimit.budgetMs = 1_000;
      const cases = {
        create: () => createFrom(user, { format: 'html', content: nested }),
        preview: () => callRoute(previewRoute.POST, '/api/articles/preview', { method: 'POST', token: user.token, json: { format: 'html', content: nested } }),
        version: () => callRoute(versionsRoute.POST, `/api/articles/${demo.id}/versions`, { method: 'POST', token: user.token, params: { id: demo.id }, json: { format: 'html', content: nested } }),
      };
      for (const [name, call] of Object.entries(cases)) {
        let res: Awaited<ReturnType<typeof call>> | undefined;
        const started = Date.now();
        const stall = await longestStall(async () => (res = await call()));
        expect(res!.status, name).toBe(413);
        expect(res!.data.error?.code, name).toBe('payload_too_large');
        expect(res!.data.error?.message, name).toBe(
          'Reading this document needs more than 1 s of work, the limit for one import. Nothing was stored. Split it into smaller files, or import its text as plain text or Markdown.',
        );
        expect(res!.data.error?.details, name).toEqual({ reason: 'work_budget', budgetMs: 1_000 });
        // Cut at the budget, not left to finish; and the request thread kept running timers throughout.
        expect(Date.now() - started, name).toBeLessThan(1_000 + 5_000);
        expect(stall, name).toBeLessThan(500);
      }
      expect(await counts()).toEqual(before);
      // The budget is the parsing's own: the other heavy work keeps its own.
      expect(limits.budgetMs).toBe(HEAVY_BUDGET_MS);
    });

    it(`counts against the user's heavy-work limit: 429 with Retry-After while theirs is parsed, others' imports wait their turn`, async () => {
      const other = await createTestUser('ANALYST', { name: 'Other Author' });
      const before = await counts();
      importLimit.budgetMs = 3_000;
      limits.perUser = 1;
      const running = createFrom(user, { format: 'html', content: nested });
      await new Promise((r) => setTimeout(r, 200));
      const small = { format: 'text', content: 'A short note\nOne paragraph of text.' };
      const refused = await createFrom(user, small);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('5');
      expect(refused.data.error?.message).toMatch(/You already have 1 heavy requests running \(imports, exports, searches of long documents\); at most 1 run at a time/);
      const preview = await callRoute(previewRoute.POST, '/api/articles/preview', { method: 'POST', token: user.token, json: small });
      expect(preview.status).toBe(429);
      const theirs = await createFrom(other, small);
      expect(theirs.status).toBe(201);
      expect((await running).status).toBe(413);
      expect(await counts()).toEqual({ articles: before.articles + 1, versions: before.versions + 1 });
      // The finished parse freed the slot.
      expect((await createFrom(user, small)).status).toBe(201);
    });

    it('refuses from the thread with the same error as from the request thread (status, sentence, details)', async () => {
      const upload = (bytes: Uint8Array, name: string) => {
        const form = new FormData();
        form.set('file', new File([new Uint8Array(bytes)], name));
        return callRoute(articlesRoute.POST, '/api/articles', { method: 'POST', token: user.token, form });
      };
      const noise = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7919 + (i >> 8)) & 255);
      const withHead = (head: string | number[], n: number) => {
        const bytes = noise(n);
        bytes.set(typeof head === 'string' ? new TextEncoder().encode(head) : head);
        return bytes;
      };
      const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89];
      const before = await counts();
      for (const [head, name, status] of [[PNG_HEAD, 'photo.pdf', 415], ['%PDF-1.7\n1 0 obj <<', 'broken.pdf', 422]] as const) {
        // Small files are read on the request thread, big ones in the pool: one answer.
        const here = await upload(withHead(head, 4_096), name);
        const there = await upload(withHead(head, READ_HERE_MAX_BYTES + 4_096), name);
        expect(here.status, name).toBe(status);
        expect(there.status, name).toBe(status);
        expect(there.data.error, name).toEqual(here.data.error);
      }
      expect(await counts()).toEqual(before);
    });

    it('refuses a document nested too deeply for the parsers with 422, not a 500', async () => {
      const before = await counts();
      for (const [format, content] of [['markdown', `${'>'.repeat(30_000)} deep`], ['html', `<p>${'<blockquote>'.repeat(20_000)}deep</p>`]] as const) {
        const res = await createFrom(user, { format, content });
        expect(res.status, format).toBe(422);
        expect(res.data.error, format).toEqual({ code: 'unprocessable', message: TOO_DEEP_MESSAGE, details: { reason: 'unreadable' } });
      }
      expect(await counts()).toEqual(before);
    });

    it('moves an upload\'s bytes to the thread instead of copying them', async () => {
      const pdf = await makePdf({ title: 'Moved', pages: [{ blocks: [{ kind: 'paragraph', text: prose(0, 4) }] }] });
      const owned = new Uint8Array(pdf);
      const imported = await importDocumentOr4xx(user, { kind: 'file', bytes: owned });
      expect(imported).toMatchObject({ format: 'pdf', title: 'Moved', pageCount: 1 });
      expect(owned.byteLength).toBe(0);
      expect(owned.buffer.byteLength).toBe(0);
      // A view into a larger buffer is copied once: the rest of that buffer stays its owner's.
      const shared = new Uint8Array(pdf.byteLength + 16);
      shared.set(pdf, 16);
      const view = shared.subarray(16);
      expect((await importDocumentOr4xx(user, { kind: 'file', bytes: view })).title).toBe('Moved');
      expect(view.byteLength).toBe(pdf.byteLength);
      expect(shared.byteLength).toBe(pdf.byteLength + 16);
    });
  });

  describe('"find the passage for me"', () => {
    it('searches a long source in the pool: the request thread stays free, a search over its budget is a 422', async () => {
      // A long report: 80-word sentences, each read for figures, entities and terms.
      const { id: sourceId } = await longArticle(user, { words: 100_000, seed: 11, kind: 'source' });
      const claim = await createAnnotation(user, SENTENCES.ttp600);
      const propose = () =>
        callRoute<{ proposals: unknown[] }>(proposalsRoute.GET, `/api/annotations/${claim.id}/evidence/proposals`, { token: user.token, params: { id: claim.id }, query: { documentId: sourceId } });

      let res: Awaited<ReturnType<typeof propose>> | undefined;
      const stall = await longestStall(async () => (res = await propose()));
      expect(res!.status).toBe(200);
      expect(res!.data.proposals.length).toBeGreaterThan(0);
      expect(stall).toBeLessThan(500);

      // Even with the source already read by the thread, scoring its 1,250 passages takes more than 1 ms.
      limits.budgetMs = 1;
      const cut = await propose();
      expect(cut.status).toBe(422);
      expect(cut.data.error?.message).toBe('Searching this source for the claim needs more than 0.001 s of work, the limit for one request. Select the passage by hand.');
      expect(cut.data.error?.details).toEqual({ reason: 'work_budget', budgetMs: 1 });
    });
  });

  describe('suggestions', () => {
    it('are read in the pool: over the budget a 422, within it the request thread stays free, then kept for the version', async () => {
      const { id } = await longArticle(user, { words: 100_000, seed: 13 });
      const suggest = () => callRoute<{ suggestions: unknown[] }>(suggestionsRoute.GET, `/api/articles/${id}/suggestions`, { token: user.token, params: { id } });

      limits.budgetMs = 1;
      const cut = await suggest();
      expect(cut.status).toBe(422);
      expect(cut.data.error?.message).toBe('Reading this article for suggestions needs more than 0.001 s of work, the limit for one request. Annotate it by hand.');
      expect(cut.data.error?.details).toEqual({ reason: 'work_budget', budgetMs: 1 });

      limits.budgetMs = HEAVY_BUDGET_MS;
      let res: Awaited<ReturnType<typeof suggest>> | undefined;
      const stall = await longestStall(async () => (res = await suggest()));
      expect(res!.status).toBe(200);
      expect(stall).toBeLessThan(500);
      // The same version again: no work at all, so even a budget nothing fits in is no obstacle.
      limits.budgetMs = 1;
      const again = await suggest();
      expect(again.status).toBe(200);
      expect(again.data.suggestions).toEqual(res!.data.suggestions);
    });
  });

  describe('"seen before" for a whole article', () => {
    it('reads and ranks its sentences in the pool: the request thread stays free, over the budget a 422', async () => {
      const { id } = await longArticle(user, { words: 100_000, seed: 17 });
      const known = () => callRoute<{ known: unknown[] }>(knownClaimsRoute.GET, `/api/articles/${id}/known-claims`, { token: user.token, params: { id } });

      limits.budgetMs = 1;
      const cut = await known();
      expect(cut.status).toBe(422);
      expect(cut.data.error?.message).toBe('Comparing this article with the claims checked before needs more than 0.001 s of work, the limit for one request.');
      expect(cut.data.error?.details).toEqual({ reason: 'work_budget', budgetMs: 1 });

      limits.budgetMs = HEAVY_BUDGET_MS;
      let res: Awaited<ReturnType<typeof known>> | undefined;
      const stall = await longestStall(async () => (res = await known()));
      expect(res!.status).toBe(200);
      expect(res!.data.known).toEqual([]);
      expect(stall).toBeLessThan(500);
    });
  });

  describe('the brief page', () => {
    it('is built in the pool: the parts the page rendered itself, the page\'s messages, 422 over the budget, 429 over the limit', async () => {
      const { article: demo, version } = await demoArticle();
      await createAnnotation(user, SENTENCES.un, { on: { articleId: demo.id, versionId: version.id, text: version.text }, tag: 'un' });
      const query = new URLSearchParams([['group', 'document'], ['tags', 'un'], ['format', 'docx']]);
      const now = new Date();
      const parts = await briefPageParts(getDb(), user, demo.id, query);
      // What the page built on the request thread before: the same brief, the same HTML (but the time it was prepared).
      const input = await loadBriefInput(getDb(), demo.id, user, now);
      const expected = toHtmlParts(buildBrief(input, parseBriefQuery(query, { withFormat: false, knownTags: input.tags.map((t) => t.key) }).options));
      const undated = (html: string) => html.replaceAll(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/g, '<time>');
      expect(undated(formatDateTime(now))).toBe('<time>');
      expect({ ...parts, body: undated(parts.body) }).toEqual({ ...expected, body: undated(expected.body) });
      expect(parts.body).toContain(SENTENCES.un);
      // On the embedded database the request thread reads the brief and moves it to the thread: the same page.
      process.env.CLAIMDESK_EMBEDDED_DB = '1';
      try {
        const moved = await briefPageParts(getDb(), user, demo.id, query);
        expect({ ...moved, body: undated(moved.body) }).toEqual({ ...parts, body: undated(parts.body) });
        expect(await briefPageParts(getDb(), user, demo.id, new URLSearchParams('tags=nope')).catch((e: unknown) => (e as Error).message)).toMatch(/^Unknown tag/);
      } finally {
        delete process.env.CLAIMDESK_EMBEDDED_DB;
      }

      // A bad option is the page's sentence (no "format" among the valid options), read in the thread or here.
      const badTag = await briefPageParts(getDb(), user, demo.id, new URLSearchParams('tags=nope')).catch((e: unknown) => e);
      const badFlag = await briefPageParts(getDb(), user, demo.id, new URLSearchParams('replies=2')).catch((e: unknown) => e);
      for (const [error, query] of [[badTag, 'tags=nope'], [badFlag, 'replies=2']] as const) {
        let direct: unknown;
        try {
          parseBriefQuery(new URLSearchParams(query), { withFormat: false, knownTags: input.tags.map((t) => t.key) });
        } catch (e) {
          direct = e;
        }
        expect(error, query).toMatchObject({ code: 'validation_failed', status: 400, message: (direct as Error).message });
        expect((error as Error).message).not.toMatch(/format/);
      }

      limits.budgetMs = 1;
      expect(await briefPageParts(getDb(), user, demo.id, new URLSearchParams()).catch((e: unknown) => e)).toMatchObject({
        code: 'unprocessable',
        status: 422,
        message: expect.stringMatching(/^Building this brief needs more than 0\.001 s of work/),
        details: { reason: 'work_budget', budgetMs: 1 },
      });
      Object.assign(limits, defaults);

      limits.perUser = 1;
      const holding = runHeavy(user, 'spin', { ms: 1_000 }, { overBudget: () => new Error('spin over budget') as never });
      expect(await briefPageParts(getDb(), user, demo.id, new URLSearchParams()).catch((e: unknown) => e)).toMatchObject({ code: 'rate_limited', status: 429, details: { reason: 'heavy_work', retryAfterSeconds: 5 } });
      await holding;
    });
  });
});
