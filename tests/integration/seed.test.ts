import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { overlapRatio } from '@/lib/review/overlap';
import { getDb } from '@/lib/db/server/prisma';
import { DEMO_ACCOUNTS } from '@/lib/db/demo-accounts';
import { seed } from '@/lib/db/server/seed';
import { DEMO_ANNOTATIONS, locateDemoQuotes } from '@/lib/db/server/seed-demo-annotations';
import { listAnnotations } from '@/lib/annotations/server/list-annotations';
import { resetDatabase } from '@/tests/support/fixtures';

describe('seed', () => {
  // The tests' reset seeds without the demo annotations; the app's seed (this call) adds them.
  beforeAll(async () => {
    await resetDatabase();
    expect((await seed(getDb())).annotationsCreated).toBe(DEMO_ANNOTATIONS.length);
  });

  it('creates the demo tags, accounts, article and annotations, and a second run changes nothing', async () => {
    const db = getDb();
    const before = {
      users: await db.user.count(),
      tags: await db.sourceTag.findMany({ orderBy: { key: 'asc' }, select: { key: true, label: true } }),
      articles: await db.article.count(),
      versions: await db.articleVersion.count(),
      annotations: await db.annotation.count(),
      reviews: await db.review.count(),
      replies: await db.reply.count(),
    };
    expect(before.users).toBe(DEMO_ACCOUNTS.length);
    expect(before.tags).toEqual([
      { key: 'analyst', label: 'Analyst opinion' },
      { key: 'intelligence', label: 'Intelligence' },
      { key: 'un', label: 'UN report' },
    ]);
    expect(before.articles).toBe(1);

    const report = await seed(db);
    expect(report).toEqual({ tagsCreated: 0, usersCreated: 0, articlesCreated: 0, annotationsCreated: 0 });
    expect(await db.user.count()).toBe(before.users);
    expect(await db.article.count()).toBe(1);
    expect(await db.articleVersion.count()).toBe(before.versions);
    expect(before.annotations).toBe(DEMO_ANNOTATIONS.length);
    expect({ annotations: await db.annotation.count(), reviews: await db.review.count(), replies: await db.reply.count() }).toEqual({
      annotations: before.annotations,
      reviews: before.reviews,
      replies: before.replies,
    });
  });

  it('finds every demo quote in the shared demo article text (no stored offsets)', () => {
    const shared = readFileSync(join(process.cwd(), '../shared/fixtures/un-militant-nexus-article.txt'), 'utf8');
    expect(locateDemoQuotes(shared).missing).toEqual([]);
    expect(locateDemoQuotes(shared, [{ by: 'ben', quote: 'a sentence the article never had', tag: 'un' }]).missing).toHaveLength(1);
  });

  it('the demo annotations show the desk at work: both analysts, several tags, an overlap, a conflict, a dispute with a reply, a B2 grade, a confirmed claim', async () => {
    const db = getDb();
    const article = await db.article.findFirstOrThrow();
    const rhea = await db.user.findUniqueOrThrow({ where: { email: 'rhea@claimdesk.test' } });
    const { annotations } = await listAnnotations(db, rhea, article.id);
    const version = await db.articleVersion.findFirstOrThrow({ where: { articleId: article.id } });
    for (const a of annotations) {
      expect(version.text.slice(a.target.start, a.target.end)).toBe(a.target.exact);
      expect(a.anchorState).toBe('exact');
    }
    expect(new Set(annotations.map((a) => a.author.name))).toEqual(new Set(['Amira Khan', 'Ben Okafor']));
    expect(new Set(annotations.map((a) => a.tag))).toEqual(new Set(['un', 'intelligence', 'analyst']));
    const conflicted = annotations.filter((a) => a.conflictsWith.length > 0);
    expect(conflicted.map((a) => a.tag).sort()).toEqual(['intelligence', 'un']);
    const sameTagOverlap = annotations.some((a) =>
      annotations.some((b) => a.id !== b.id && a.tag === b.tag && a.author.id !== b.author.id && overlapRatio(a.target, b.target) > 0),
    );
    expect(sameTagOverlap).toBe(true);
    expect(annotations.filter((a) => a.status === 'CONFIRMED')).toHaveLength(1);
    const disputed = annotations.filter((a) => a.status === 'DISPUTED');
    expect(disputed).toHaveLength(1);
    const replies = await db.reply.findMany({ where: { annotationId: disputed[0]!.id }, include: { author: true } });
    expect(replies.map((r) => r.author.name)).toEqual([disputed[0]!.author.name]);
    expect(annotations.filter((a) => a.grade.reliability === 'B' && a.grade.credibility === 2)).toHaveLength(1);
  });

  it('does not bring demo annotations back once the desk deleted them', async () => {
    const db = getDb();
    await db.annotation.updateMany({ data: { deletedAt: new Date() } });
    expect((await seed(db)).annotationsCreated).toBe(0);
    expect(await db.annotation.count({ where: { deletedAt: null } })).toBe(0);
  });

  it('imports the demo article with its headline, section headings and paragraphs', async () => {
    const version = await getDb().articleVersion.findFirstOrThrow({ include: { article: true } });
    expect(version.article.title).toBe('UN Flags Militant Nexus Threatening Pakistan');
    const doc = version.doc as { content: Array<{ type: string; attrs?: { level?: number } }> };
    expect(doc.content[0]).toMatchObject({ type: 'heading', attrs: { level: 1 } });
    expect(doc.content.filter((n) => n.type === 'heading' && n.attrs?.level === 2)).toHaveLength(6);
    expect(doc.content.filter((n) => n.type === 'paragraph')).toHaveLength(17);
    expect(version.text.split('\n')).toHaveLength(24);
  });

  it('does not overwrite a tag the desk has edited', async () => {
    const db = getDb();
    await db.sourceTag.update({ where: { key: 'un' }, data: { label: 'United Nations' } });
    await seed(db);
    expect((await db.sourceTag.findUniqueOrThrow({ where: { key: 'un' } })).label).toBe('United Nations');
  });
});
