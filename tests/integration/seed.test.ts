import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/server/prisma';
import { DEMO_ACCOUNTS, seed } from '@/lib/db/server/seed';
import { resetDatabase } from '@/tests/support/fixtures';

describe('seed', () => {
  beforeAll(resetDatabase);

  it('creates the demo tags, accounts and article, and a second run changes nothing', async () => {
    const db = getDb();
    const before = {
      users: await db.user.count(),
      tags: await db.sourceTag.findMany({ orderBy: { key: 'asc' }, select: { key: true, label: true } }),
      articles: await db.article.count(),
      versions: await db.articleVersion.count(),
    };
    expect(before.users).toBe(DEMO_ACCOUNTS.length);
    expect(before.tags).toEqual([
      { key: 'analyst', label: 'Analyst opinion' },
      { key: 'intelligence', label: 'Intelligence' },
      { key: 'un', label: 'UN report' },
    ]);
    expect(before.articles).toBe(1);

    const report = await seed(db);
    expect(report).toEqual({ tagsCreated: 0, usersCreated: 0, articlesCreated: 0 });
    expect(await db.user.count()).toBe(before.users);
    expect(await db.article.count()).toBe(1);
    expect(await db.articleVersion.count()).toBe(before.versions);
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
