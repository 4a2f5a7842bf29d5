// Rows keyed by an older matcher are re-keyed by the backfill (run after migrations), so a library
// keyed before a change to how claims are read is compared as the current matcher reads it.
import { beforeEach, describe, expect, it } from 'vitest';
import * as annotationsRoute from '@/app/api/articles/[id]/annotations/route';
import { createArticle } from '@/lib/articles/server/create-article';
import { getDb } from '@/lib/db/server/prisma';
import { MATCHER_VERSION } from '@/lib/matching/claim-key-columns';
import { backfillClaimKeys } from '@/lib/matching/server/backfill-claim-keys';
import { callRoute } from '@/tests/support/call-route';
import { createTestUser, resetDatabase, type TestUser } from '@/tests/support/fixtures';

const QUOTE = 'Almost one in two children under the age of five suffers from acute malnutrition, the report found.';

async function annotate(user: TestUser): Promise<string> {
  const text = `Drought report\n${QUOTE}\n`;
  const article = await createArticle(getDb(), user, { source: { kind: 'text', format: 'text', text }, metadata: { outlet: 'Relief Wire' } });
  const version = await getDb().articleVersion.findFirstOrThrow({ where: { articleId: article.id }, select: { text: true } });
  const start = version.text.indexOf(QUOTE);
  const res = await callRoute(annotationsRoute.POST, `/api/articles/${article.id}/annotations`, {
    method: 'POST',
    token: user.token,
    params: { id: article.id },
    json: { start, end: start + QUOTE.length, exact: QUOTE, tag: 'un' },
  });
  expect(res.status, JSON.stringify(res.data)).toBe(201);
  return (res.data as unknown as { annotation: { id: string } }).annotation.id;
}

describe('re-keying claims an older matcher read', () => {
  beforeEach(resetDatabase);

  it('stores the matcher version with the features and re-keys rows of an older one, once', async () => {
    const id = await annotate(await createTestUser('ANALYST'));
    const db = getDb();
    const fresh = await db.claimKey.findUniqueOrThrow({ where: { annotationId: id } });
    expect((fresh.features as { v?: number }).v).toBe(MATCHER_VERSION);
    expect(await backfillClaimKeys(db)).toBe(0);

    // What a version-1 row looked like: no version, and "one in two" / "five" read as counts.
    await db.$executeRaw`UPDATE "ClaimKey" SET features = (features - 'v') || '{"quantities": [{"kind": "count", "lo": 2, "hi": 2}]}'::jsonb, keys = '{n:count:4}' WHERE "annotationId" = ${id}`;
    expect(await backfillClaimKeys(db)).toBe(1);
    const rekeyed = await db.claimKey.findUniqueOrThrow({ where: { annotationId: id } });
    expect((rekeyed.features as { v?: number }).v).toBe(MATCHER_VERSION);
    expect(rekeyed.keys).toEqual(fresh.keys);
    expect(rekeyed.keys.some((k) => k.startsWith('p:'))).toBe(true);
    expect(await backfillClaimKeys(db)).toBe(0);
  });
});
