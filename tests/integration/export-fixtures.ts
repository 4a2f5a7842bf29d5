// Shared by export*/suggest* integration tests: annotations written directly with Prisma, raw route calls.
import { describeRange } from '@/lib/anchoring';
import { getDb } from '@/lib/db/server/prisma';
import type { Prisma } from '@/lib/generated/prisma/client';

type RouteHandler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

/** Creates an annotation on `sentence` (must occur in the version text) with Prisma, bypassing the API. */
export async function annotate(
  opts: { articleId: string; versionId: string; text: string; authorId: string; tag: string; sentence: string },
  extra: Partial<Omit<Prisma.AnnotationUncheckedCreateInput, 'articleId' | 'versionId' | 'authorId' | 'tagId'>> = {},
) {
  const db = getDb();
  const start = opts.text.indexOf(opts.sentence);
  if (start < 0) throw new Error(`sentence not in text: ${opts.sentence}`);
  const target = describeRange(opts.text, start, start + opts.sentence.length);
  const tag = await db.sourceTag.findUniqueOrThrow({ where: { key: opts.tag } });
  return db.annotation.create({
    data: { articleId: opts.articleId, versionId: opts.versionId, authorId: opts.authorId, tagId: tag.id, ...target, ...extra },
  });
}

/** Calls a route handler and keeps the raw bytes (callRoute decodes bodies as text). */
export async function callRaw<P>(handler: RouteHandler<P>, path: string, options: { token?: string; params: P }) {
  const headers: Record<string, string> = { host: 'localhost:3000' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await handler(new Request(new URL(path, 'http://localhost:3000'), { headers }), { params: Promise.resolve(options.params) });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

export const SENTENCES = {
  un: 'the report challenges repeated Taliban denials',
  ik: 'The report identifies Islamic State–Khorasan (IS-K) as a major international threat operating from Afghanistan.',
  credits: 'The UN credits Pakistan with weakening IS-K’s propaganda network',
} as const;
