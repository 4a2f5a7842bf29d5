import { beforeEach, describe, expect, it } from 'vitest';
import * as versionsRoute from '@/app/api/articles/[id]/versions/route';
import { compareVersions } from '@/lib/articles/server/compare-versions';
import { getDb } from '@/lib/db/server/prisma';
import { callRoute } from '@/tests/support/call-route';
import { createTestUser, demoArticle, resetDatabase, type TestUser } from '@/tests/support/fixtures';

const OLD = 'Headline of the story\nThe report counts 600 attacks in 2025.\nAnalysts warn of more.';
const NEW = 'Headline of the story\nThe report counts 650 attacks in 2025.\nAnalysts warn of more.';

describe('compareVersions', () => {
  let user: TestUser;
  let articleId: string;

  beforeEach(async () => {
    await resetDatabase();
    user = await createTestUser('ANALYST', { name: 'Vera Version' });
    const { article } = await demoArticle();
    articleId = article.id;
    const add = (content: string) =>
      callRoute(versionsRoute.POST, `/api/articles/${articleId}/versions`, { method: 'POST', token: user.token, json: { format: 'text', content }, params: { id: articleId } });
    expect((await add(OLD)).status).toBe(201); // version 2
    expect((await add(NEW)).status).toBe(201); // version 3
  });

  it('diffs the previous version against the current one by default, word by word', async () => {
    const c = await compareVersions(getDb(), articleId);
    expect([c.from, c.to]).toEqual([2, 3]);
    expect(c.versions.map((v) => v.number)).toEqual([1, 2, 3]);
    expect(c.versions[2]!.createdBy).toBe('Vera Version');
    expect(c.ops.filter((o) => o.op === 'delete').map((o) => o.text)).toEqual(['600']);
    expect(c.ops.filter((o) => o.op === 'insert').map((o) => o.text)).toEqual(['650']);
    expect(c.stats).toEqual({ inserted: 3, deleted: 3 });
    // Equal + inserted parts rebuild the new text exactly.
    expect(c.ops.filter((o) => o.op !== 'delete').map((o) => o.text).join('')).toBe(
      (await getDb().articleVersion.findFirstOrThrow({ where: { articleId, number: 3 } })).text,
    );
  });

  it('compares any two versions and refuses unknown or reversed ones', async () => {
    const c = await compareVersions(getDb(), articleId, { from: 1, to: 3 });
    expect(c.stats.deleted).toBeGreaterThan(1000); // the demo article became a three-line text
    await expect(compareVersions(getDb(), articleId, { from: 1, to: 9 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(compareVersions(getDb(), articleId, { from: 3, to: 2 })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(compareVersions(getDb(), 'nope')).rejects.toMatchObject({ code: 'not_found' });
  });
});
