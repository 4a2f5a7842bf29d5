import 'server-only';
// The demo desk's first screen: the two demo analysts' annotations on the demo article, reviewed by
// the demo reviewer, so a newcomer sees tags, an overlap, a conflict, a dispute with its reply, a
// graded claim and a confirmed one instead of an empty article. Written through the same domain
// functions as the API (status derived, audited, claim keys stored). Quotes are looked up in the
// stored text when the seed runs, never as offsets, so an edited fixture fails here, loudly.
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import { createAnnotation } from '@/lib/annotations/server/create-annotation';
import { createAnnotationSchema } from '@/lib/annotations/annotation-schemas';
import { createReply } from '@/lib/review/server/create-reply';
import { submitReview } from '@/lib/review/server/submit-review';
import { createReplySchema, reviewInputSchema } from '@/lib/review/review-schemas';

type Who = 'amira' | 'ben';

export type DemoAnnotation = {
  by: Who;
  quote: string;
  tag: string;
  sourceDetail?: string;
  note?: string;
  confidence?: 'low' | 'medium' | 'high';
  grade?: { reliability: 'A' | 'B' | 'C' | 'D' | 'E' | 'F'; credibility: 1 | 2 | 3 | 4 | 5 | 6 };
  /** The demo reviewer's verdict, and the author's reply to it. */
  review?: { verdict: 'AGREE' | 'DISPUTE' | 'NEEDS_SOURCE'; comment?: string; suggestedTag?: string; reply?: string };
};

export const DEMO_ANALYSTS: Record<Who, string> = { amira: 'amira@claimdesk.test', ben: 'ben@claimdesk.test' };
export const DEMO_REVIEWER = 'rhea@claimdesk.test';

export const DEMO_ANNOTATIONS: DemoAnnotation[] = [
  {
    by: 'amira',
    quote: 'Afghan territory continues to be used by more than 20 regional and international terrorist organisations',
    tag: 'un',
    sourceDetail: 'UN Analytical Support and Sanctions Monitoring Team report',
    note: 'The report’s own summary gives the same count.',
    confidence: 'high',
    review: { verdict: 'AGREE', comment: 'Matches the Monitoring Team’s summary.' },
  },
  {
    // Inside Amira's claim with another tag: the conflict.
    by: 'ben',
    quote: 'more than 20 regional and international terrorist organisations',
    tag: 'intelligence',
    note: 'The count reads like an intelligence estimate the report repeats.',
    confidence: 'low',
  },
  {
    by: 'amira',
    quote: 'carried out over 600 attacks in Pakistan in 2025 alone',
    tag: 'un',
    sourceDetail: 'UN Monitoring Team, on the TTP',
    confidence: 'medium',
  },
  {
    // Overlaps Amira's "600 attacks" with the same tag: an overlap, not a conflict.
    by: 'ben',
    quote: 'the TTP continues to operate from Afghan soil and carried out over 600 attacks',
    tag: 'un',
    note: 'Attributed to the report (“According to the report”).',
  },
  {
    by: 'amira',
    quote: 'With an estimated strength of 6,000 fighters, mainly based in eastern Afghanistan',
    tag: 'un',
    sourceDetail: 'UN Monitoring Team',
    confidence: 'medium',
    grade: { reliability: 'B', credibility: 2 },
  },
  {
    by: 'ben',
    quote: 'Intelligence sources say senior BLA figures operate from Afghan cities such as Kandahar and Kabul',
    tag: 'un',
    review: {
      verdict: 'DISPUTE',
      comment: 'The article attributes this to intelligence sources and says the UN report does not dwell on it: not a UN claim.',
      suggestedTag: 'intelligence',
      reply: 'Fair point: I tagged the paragraph, not the sentence. I will re-tag it as Intelligence.',
    },
  },
  {
    by: 'amira',
    quote: 'the sophistication of recent attacks inside Pakistan suggests shared planning and support',
    tag: 'analyst',
    note: 'Unnamed analysts; no evidence cited.',
    confidence: 'low',
  },
  {
    by: 'ben',
    quote: 'military action alone is not enough',
    tag: 'analyst',
    sourceDetail: 'Security experts (unnamed)',
  },
];

/** Where each demo quote is in the text, or the quotes that are not in it. */
export function locateDemoQuotes(text: string, annotations = DEMO_ANNOTATIONS): { found: Array<{ start: number; end: number }>; missing: string[] } {
  const found = annotations.map((a) => {
    const start = text.indexOf(a.quote);
    return { start, end: start + a.quote.length };
  });
  return { found, missing: annotations.filter((_, i) => found[i]!.start < 0).map((a) => a.quote) };
}

/**
 * Creates the demo annotations on `articleId` when it has none at all (deleted ones included: a desk
 * that cleared them does not get them back). Returns how many were created.
 */
export async function seedDemoAnnotations(db: Db, articleId: string): Promise<number> {
  if ((await db.annotation.count({ where: { articleId } })) > 0) return 0;
  const emails = [...Object.values(DEMO_ANALYSTS), DEMO_REVIEWER];
  const users = await db.user.findMany({ where: { email: { in: emails } }, select: { id: true, name: true, email: true, role: true } });
  const actorOf = (email: string): Actor | undefined => users.find((u) => u.email === email);
  const reviewer = actorOf(DEMO_REVIEWER);
  if (!reviewer || Object.values(DEMO_ANALYSTS).some((e) => !actorOf(e))) return 0;

  const version = await db.articleVersion.findFirstOrThrow({ where: { articleId }, orderBy: { number: 'desc' }, select: { id: true, text: true } });
  const { found, missing } = locateDemoQuotes(version.text);
  if (missing.length) throw new Error(`The demo article no longer contains these demo quotes: ${missing.map((q) => `"${q}"`).join(', ')}`);

  for (const [i, demo] of DEMO_ANNOTATIONS.entries()) {
    const author = actorOf(DEMO_ANALYSTS[demo.by])!;
    const { start, end } = found[i]!;
    const input = createAnnotationSchema.parse({
      start,
      end,
      exact: demo.quote,
      tag: demo.tag,
      versionId: version.id,
      sourceDetail: demo.sourceDetail,
      note: demo.note,
      confidence: demo.confidence,
      grade: demo.grade,
    });
    const { annotation } = await createAnnotation(db, author, articleId, input);
    if (!demo.review) continue;
    const { reply, ...verdict } = demo.review;
    await submitReview(db, reviewer, annotation.id, reviewInputSchema.parse(verdict));
    if (reply) await createReply(db, author, annotation.id, createReplySchema.parse({ body: reply }));
  }
  return DEMO_ANNOTATIONS.length;
}
