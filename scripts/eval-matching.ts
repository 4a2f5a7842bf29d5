/**
 * npm run eval:matching -- [<folder of articles> <gold.json>] [--demo] [--verbose]
 *
 * Scores claim matching end to end on a throwaway database: imports every article of the folder
 * (plain text, first line the headline), annotates every quote the gold file names, then asks the
 * matcher (GET /api/annotations/:id/matches's domain function, SQL candidates + re-ranking) for each
 * claim and reports Recall@1, Recall@5, MAP@5 over the groups and the false-match rate in the top 5
 * on the must-not-match pairs. Without arguments it runs on tests/fixtures/matching. With --demo it
 * also marks every gold claim confirmed, imports ../shared/fixtures/un-militant-nexus-article.txt
 * and lists its known claims (what the reader would flag).
 *
 * gold.json: { "articles"?: { "<file>": { "outlet"?, "publishedAt"?, "title"? } },
 *              "groups": [ { "id"?, "fact"?, "claims": [ { "file", "quote", "occurrence"? } ] } ],
 *              "mustNotMatch": [ { "a": { "file", "quote" }, "b": { "file", "quote" }, "why"? } ] }
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { canonicalFromPlainText } from '@/lib/suggest/evaluate';
import { evaluateMatching, formatMatchingReport, goldClaims, matchingGoldSchema, type Ranking } from '@/lib/matching/evaluate-matching';
import { createThrowawayDatabase, dropDatabase } from '@/tests/support/throwaway-db';

const DEMO = path.join(process.cwd(), '..', 'shared', 'fixtures', 'un-militant-nexus-article.txt');

async function main(argv: string[]): Promise<number> {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const [folderArg, goldArg] = argv.filter((a) => !a.startsWith('--'));
  const folder = folderArg ?? 'tests/fixtures/matching/articles';
  const goldPath = goldArg ?? (folderArg ? undefined : 'tests/fixtures/matching/gold.json');
  if (!goldPath) {
    console.error('usage: npm run eval:matching -- <folder of articles> <gold.json> [--demo] [--verbose]');
    return 2;
  }
  const gold = matchingGoldSchema.parse(JSON.parse(readFileSync(goldPath, 'utf8')));
  const claims = goldClaims(gold);
  const files = [...new Set([...readdirSync(folder).filter((f) => /\.(txt|md)$/.test(f)), ...claims.map((c) => c.file)])];
  const texts = new Map<string, string>();
  for (const f of files) {
    const p = path.join(folder, f);
    if (!existsSync(p)) throw new Error(`${goldPath} names ${f}, which is not in ${folder}`);
    texts.set(f, readFileSync(p, 'utf8'));
  }

  const { name, url } = await createThrowawayDatabase('claimdesk_eval_matching');
  process.env.DATABASE_URL = url;
  try {
    const { migrate } = await import('@/lib/db/server/migrate');
    const { db, disconnectDb } = await import('@/lib/db/server/prisma');
    const { seed } = await import('@/lib/db/server/seed');
    const { createArticle } = await import('@/lib/articles/server/create-article');
    const { createAnnotation } = await import('@/lib/annotations/server/create-annotation');
    const { getClaimMatches } = await import('@/lib/matching/server/get-claim-matches');
    const { listKnownClaims } = await import('@/lib/matching/server/list-known-claims');
    await migrate(url, path.join(process.cwd(), 'prisma/migrations'));
    await seed(db, { demoAnnotations: false }); // the figures are about the gold set alone
    const user = await db.user.findFirstOrThrow({ where: { role: 'ANALYST' } });
    const actor = { id: user.id, name: user.name, email: user.email, role: user.role };
    const tag = (await db.sourceTag.findFirstOrThrow({ where: { archivedAt: null } })).key;

    const articleOf = new Map<string, { id: string; text: string }>();
    for (const f of files) {
      const meta = gold.articles?.[f] ?? {};
      const article = await createArticle(db, actor, {
        source: { kind: 'text', format: 'text', text: texts.get(f)! },
        metadata: {
          title: meta.title,
          outlet: meta.outlet ?? f.replace(/\.(txt|md)$/, '').split('-').slice(0, 2).join(' '),
          publishedAt: meta.publishedAt ? new Date(meta.publishedAt) : undefined,
        },
      });
      const version = await db.articleVersion.findFirstOrThrow({ where: { articleId: article.id }, select: { text: true } });
      articleOf.set(f, { id: article.id, text: version.text });
    }
    const annotationOf = new Map<string, string>();
    for (const c of claims) {
      const { id, text } = articleOf.get(c.file)!;
      let at = -1;
      const ref = [...gold.groups.flatMap((g) => g.claims), ...gold.mustNotMatch.flatMap((p) => [p.a, p.b])].find((r) => r.file === c.file && r.quote === c.quote);
      for (let n = 0; n <= (ref?.occurrence ?? 0); n += 1) at = text.indexOf(c.quote, at + 1);
      if (at < 0) throw new Error(`quote not found in ${c.file} (as imported): "${c.quote.slice(0, 80)}"`);
      const { annotation } = await createAnnotation(db, actor, id, { start: at, end: at + c.quote.length, exact: c.quote, tag });
      annotationOf.set(c.key, annotation.id);
    }
    const keyOf = new Map([...annotationOf].map(([k, v]) => [v, k]));

    const rankings = new Map<string, Ranking>();
    const times: number[] = [];
    for (const c of claims) {
      const t0 = performance.now();
      const matches = await getClaimMatches(db, actor, annotationOf.get(c.key)!, { limit: 5 });
      times.push(performance.now() - t0);
      rankings.set(c.key, matches.flatMap((m) => (keyOf.has(m.annotation.id) ? [{ key: keyOf.get(m.annotation.id)!, score: m.score, reason: m.reason }] : [])));
    }
    times.sort((a, b) => a - b);
    console.log(`${folder}: ${files.length} articles, ${claims.length} claims annotated; matches per claim: median ${times[times.length >> 1].toFixed(1)} ms`);
    console.log(formatMatchingReport(evaluateMatching(gold, rankings), { verbose: flags.has('--verbose') }));

    if (flags.has('--demo')) {
      if (!existsSync(DEMO)) throw new Error(`--demo needs ${DEMO}`);
      await db.annotation.updateMany({ data: { status: 'CONFIRMED' } });
      const demo = await createArticle(db, actor, { source: { kind: 'text', format: 'text', text: canonicalFromPlainText(readFileSync(DEMO, 'utf8')) }, metadata: { outlet: 'demo' } });
      const t0 = performance.now();
      const { known } = await listKnownClaims(db, actor, demo.id);
      console.log(`\ndemo article: ${known.length} known claims (${(performance.now() - t0).toFixed(0)} ms), every gold claim marked confirmed`);
      for (const k of known) console.log(`  ${k.match.score.toFixed(2)} ${k.exact.slice(0, 90)}\n       ⇄ [${k.match.article.outlet}] ${k.match.annotation.target.exact.slice(0, 80)}\n       ${k.match.reason}`);
    }
    await disconnectDb();
  } finally {
    await dropDatabase(name);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error(`eval-matching: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
