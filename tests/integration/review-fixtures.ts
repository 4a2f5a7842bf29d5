// Fixtures for the review tests: annotations are created straight through Prisma (valid offsets on
// the demo article) so these tests do not depend on the annotation endpoints.
import { describeRange } from '@/lib/anchoring/selectors';
import { getDb } from '@/lib/db/server/prisma';
import { demoArticle, type TestUser } from '@/tests/support/fixtures';

export const SENTENCES = {
  nexus: 'a growing nexus between religious extremists and ethno-nationalist outfits is deepening security risks for Pakistan and the wider region',
  twenty: 'more than 20 regional and international terrorist organisations',
  isk: 'with around 2,000 fighters using covert cells, encrypted platforms, cryptocurrencies, and emerging technologies',
  ttp600: 'carried out over 600 attacks in Pakistan in 2025 alone',
  shelter: 'the Taliban continue to shelter TTP leaders and provide them with logistical space',
  meeting: 'representatives of several militant groups reportedly held a secret meeting in northern Afghanistan',
} as const;

/** An annotation on `exact` (a substring of the demo text; `from`/`to` cut it down) by `author`. */
export async function createAnnotation(
  author: Pick<TestUser, 'id'>,
  exact: string,
  options: { tag?: string; createdAt?: Date; cut?: { from?: number; to?: number }; articleId?: string } = {},
) {
  const db = getDb();
  const { article, version } = await demoArticle();
  const at = version.text.indexOf(exact);
  if (at < 0) throw new Error(`Not in the demo text: ${exact}`);
  const start = at + (options.cut?.from ?? 0);
  const end = at + (options.cut?.to ?? exact.length);
  const tag = await db.sourceTag.findUniqueOrThrow({ where: { key: options.tag ?? 'un' } });
  const range = describeRange(version.text, start, end);
  return db.annotation.create({
    data: {
      articleId: options.articleId ?? article.id,
      versionId: version.id,
      authorId: author.id,
      ...range,
      tagId: tag.id,
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    },
  });
}
