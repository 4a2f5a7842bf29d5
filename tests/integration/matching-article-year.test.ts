// A claim without a year speaks of about its article's date: the matcher reads each candidate's
// article date with the row (never stored with the features), so "last reached 11% in 2018" is not
// offered for an undated 11% in a 2026 article, and is for the same words in a 2018 one.
import { beforeEach, describe, expect, it } from 'vitest';
import * as annotationsRoute from '@/app/api/articles/[id]/annotations/route';
import { createArticle } from '@/lib/articles/server/create-article';
import { getDb } from '@/lib/db/server/prisma';
import { getClaimMatches } from '@/lib/matching/server/get-claim-matches';
import { callRoute } from '@/tests/support/call-route';
import { createTestUser, resetDatabase, type TestUser } from '@/tests/support/fixtures';

const UNDATED = 'Unemployment in Kessa rose to 11 per cent in the year to March, the statistics office said.';
const DATED = 'Unemployment in Kessa last reached 11% in 2018, the statistics office said.';

async function annotate(user: TestUser, quote: string, publishedAt: string | undefined): Promise<string> {
  const article = await createArticle(getDb(), user, {
    source: { kind: 'text', format: 'text', text: `Jobs report\n${quote}\n` },
    metadata: { outlet: 'Kessa Ledger', publishedAt: publishedAt ? new Date(publishedAt) : undefined },
  });
  const version = await getDb().articleVersion.findFirstOrThrow({ where: { articleId: article.id }, select: { text: true } });
  const start = version.text.indexOf(quote);
  const res = await callRoute(annotationsRoute.POST, `/api/articles/${article.id}/annotations`, {
    method: 'POST',
    token: user.token,
    params: { id: article.id },
    json: { start, end: start + quote.length, exact: quote, tag: 'un' },
  });
  expect(res.status, JSON.stringify(res.data)).toBe(201);
  return (res.data as unknown as { annotation: { id: string } }).annotation.id;
}

describe('matches read the articles’ dates', () => {
  beforeEach(resetDatabase);

  it('drops a claim dated years before the undated one’s article, keeps it for an article of that year', async () => {
    const user = await createTestUser('ANALYST');
    const actor = { id: user.id, name: user.name, email: user.email, role: user.role };
    const dated = await annotate(user, DATED, '2026-04-02');
    const recent = await annotate(user, UNDATED, '2026-04-10');
    const back = await annotate(user, UNDATED, '2018-04-10');
    const undatedArticle = await annotate(user, UNDATED, undefined);

    const ids = async (id: string) => (await getClaimMatches(getDb(), actor, id)).map((m) => m.annotation.id);
    const fromDated = await ids(dated);
    expect(fromDated).toContain(back);
    expect(fromDated).not.toContain(recent);
    // An article without a date says nothing about when its undated claim happened.
    expect(fromDated).toContain(undatedArticle);
    expect(await ids(recent)).not.toContain(dated);
    const r = (await getClaimMatches(getDb(), actor, dated, { limit: 10 })).find((m) => m.annotation.id === back);
    expect(r?.reason).not.toContain('a year on one side only');
  });
});
