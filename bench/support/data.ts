// Direct database helpers for the server benchmarks and the durability test: users with API tokens,
// the demo article, valid spans of its canonical text, bulk annotations. Plain `pg`, so they work on
// any database URL (a throwaway Postgres database or the embedded PGlite server).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describeRange } from '@/lib/anchoring';
import { hashToken } from '@/lib/auth/server/api-tokens';

export const newId = (prefix = 'b') => `${prefix}${randomBytes(12).toString('hex')}`;

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export type BenchUser = { id: string; name: string; token: string };

/** A user with a personal API token, stored as lib/auth/server/api-tokens stores one (hash + prefix). */
export async function createUserWithToken(client: pg.Client, role: 'ANALYST' | 'REVIEWER' | 'ADMIN' = 'ANALYST', name = `Bench ${role.toLowerCase()}`): Promise<BenchUser> {
  const id = newId('u');
  // Not a bcrypt hash: this account cannot sign in with a password, only with its token.
  await client.query(`INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES ($1, $2, $3, '!', $4, now())`, [id, `${id}@bench.local`, name, role]);
  const token = `cdk_${randomBytes(24).toString('base64url')}`;
  await client.query(`INSERT INTO "ApiToken" (id, "userId", label, "tokenHash", prefix) VALUES ($1, $2, 'bench', $3, $4)`, [newId('t'), id, hashToken(token), token.slice(0, 10)]);
  return { id, name, token };
}

export type ArticleText = { articleId: string; versionId: string; text: string };

/** The seeded demo article (the oldest one) and its current version. */
export async function demoArticle(client: pg.Client): Promise<ArticleText> {
  const { rows } = await client.query<{ articleId: string; versionId: string; text: string }>(
    `SELECT a.id AS "articleId", v.id AS "versionId", v.text FROM "Article" a
       JOIN "ArticleVersion" v ON v."articleId" = a.id
      ORDER BY a."createdAt", v.number DESC LIMIT 1`,
  );
  if (!rows[0]) throw new Error('no article in the database (was it seeded?)');
  return rows[0];
}

export async function tagIds(client: pg.Client): Promise<Array<{ id: string; key: string }>> {
  const { rows } = await client.query<{ id: string; key: string }>(`SELECT id, key FROM "SourceTag" WHERE "archivedAt" IS NULL ORDER BY "sortOrder"`);
  return rows;
}

export type Span = { start: number; end: number; exact: string };

/**
 * `n` deterministic pseudo-random spans of `text`: 2–12 whole words inside one line, never
 * starting or ending on whitespace, so each is a selection the reader could have made.
 */
export function pickSpans(text: string, n: number, seed = 42): Span[] {
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const words: Array<{ start: number; end: number; line: number }> = [];
  let line = 0;
  for (const m of text.matchAll(/\S+|\n/g)) {
    if (m[0] === '\n') line++;
    else words.push({ start: m.index, end: m.index + m[0].length, line });
  }
  const spans: Span[] = [];
  while (spans.length < n) {
    const i = Math.floor(rand() * words.length);
    let j = Math.min(words.length - 1, i + 1 + Math.floor(rand() * 11));
    while (j > i && words[j]!.line !== words[i]!.line) j--;
    const start = words[i]!.start;
    const end = words[j]!.end;
    spans.push({ start, end, exact: text.slice(start, end) });
  }
  return spans;
}

/** Inserts annotations on `spans` directly (as the API would store them: quote + context), in batches. */
export async function insertAnnotations(client: pg.Client, article: ArticleText, authorIds: string[], tags: Array<{ id: string }>, spans: Span[]): Promise<void> {
  const BATCH = 250;
  for (let b = 0; b < spans.length; b += BATCH) {
    const values: unknown[] = [];
    const rows: string[] = [];
    spans.slice(b, b + BATCH).forEach((span, k) => {
      const i = b + k;
      const t = describeRange(article.text, span.start, span.end);
      const p = values.length;
      values.push(newId('a'), article.articleId, article.versionId, authorIds[i % authorIds.length], t.exact, t.prefix, t.suffix, t.start, t.end, tags[i % tags.length]!.id, i % 3 === 0 ? `Bench note ${i}` : null);
      rows.push(`(${Array.from({ length: 11 }, (_, c) => `$${p + c + 1}`).join(', ')}, now())`);
    });
    await client.query(
      `INSERT INTO "Annotation" (id, "articleId", "versionId", "authorId", exact, prefix, suffix, start, "end", "tagId", note, "updatedAt") VALUES ${rows.join(', ')}`,
      values,
    );
  }
  // As a write through the app would, move the article's live sequence on: cached lists (ETag) are stale now.
  await client.query(
    `INSERT INTO "LiveSequence" AS s ("articleId", seq) VALUES ($1, 1) ON CONFLICT ("articleId") DO UPDATE SET seq = s.seq + 1`,
    [article.articleId],
  );
}

/** Nearest-rank percentile of an unsorted sample (0 for an empty one). */
export function percentile(sample: number[], p: number): number {
  if (sample.length === 0) return 0;
  const sorted = [...sample].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const median = (sample: number[]) => percentile(sample, 50);
