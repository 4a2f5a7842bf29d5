// Claim-matching benchmark: 100,000 generated annotations (2,000 articles × 50 claims) on a throwaway
// database on the local Postgres server. Measures matches for one claim (target ≤ 100 ms) and
// known claims for a 1,500-word article (target ≤ 1 s) through the domain functions the API calls,
// the raw candidate statement alone as the baseline, and checks with EXPLAIN that the candidate
// statement reads the GIN index instead of scanning the table.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createThrowawayDatabase, dropDatabase } from '@/tests/support/throwaway-db';
import { createUserWithToken, newId, withClient } from './support/data';
import type { BenchResult } from './types';

export const needsBuild = true; // not a build, but a Postgres server and ~2 minutes: skipped by --quick

const ARTICLES = Number(process.env.BENCH_MATCHING_ARTICLES ?? 2_000);
const PER_ARTICLE = 50;
const QUERIES = 30;

const GROUPS = ['TTP', 'IS-K', 'al-Qaeda', 'the BLA', 'ETIM', 'the IMU', 'Jamaat Ansarullah', 'Lashkar-e-Taiba', 'Jaish-e-Mohammed', 'the Hafiz Gul Bahadur group', 'AQIS', 'the Haqqani Network', 'Tehreek-e-Taliban Pakistan', 'ISKP', 'the Pakistani Taliban'];
const PLACES = ['Kandahar', 'Helmand', 'Kunar', 'Nangarhar', 'Khost', 'Paktika', 'Nuristan', 'Badakhshan', 'Kunduz', 'Herat', 'Bannu', 'Peshawar', 'Balochistan', 'Khyber Pakhtunkhwa', 'North Waziristan', 'Bajaur'];
const SOURCES = ['the UN Monitoring Team', 'PICSS', 'officials', 'the report', 'analysts', 'intelligence sources', 'the ISPR', 'the think tank'];
const VICTIMS = ['soldiers', 'civilians', 'policemen', 'militants', 'people'];
const QUALS = ['', 'more than ', 'about ', 'nearly ', 'some ', 'over ', 'an estimated '];

function generator(seed: number) {
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const n = () => (rand() < 0.5 ? int(2, 60) * 100 : int(20, 1500)).toLocaleString('en-US');
  const templates: Array<() => string> = [
    () => `${pick(GROUPS)} has ${pick(QUALS)}${n()} fighters in ${pick(PLACES)}, ${pick(SOURCES)} said.`,
    () => `${pick(GROUPS)} carried out ${pick(QUALS)}${n()} attacks in Pakistan in ${int(2015, 2025)}.`,
    () => `Attacks by ${pick(GROUPS)} ${pick(['rose', 'fell', 'increased', 'declined'])} by ${int(5, 90)} percent in ${int(2015, 2025)}, according to ${pick(SOURCES)}.`,
    () => `${int(3, 120)} ${pick(VICTIMS)} were killed in ${pick(PLACES)} in ${int(2015, 2025)}, ${pick(SOURCES)} said.`,
    () => `${pick(GROUPS)} runs ${int(2, 30)} training camps in ${pick(PLACES)}.`,
    () => `The Taliban pay ${pick(GROUPS)} about $${int(10, 90)},000 a month, ${pick(SOURCES)} reported.`,
    () => `${pick(GROUPS)} and ${pick(GROUPS)} share training facilities in ${pick(PLACES)}, intelligence officials said.`,
    () => `${pick(SOURCES)} estimates that ${pick(GROUPS)} recruits ${n()} new members every year from ${pick(PLACES)}.`,
    () => `${pick(GROUPS)} did not claim the attack in ${pick(PLACES)}, ${pick(SOURCES)} said.`,
    () => `Commanders of ${pick(GROUPS)} met in ${pick(PLACES)} to coordinate attacks across the border.`,
  ];
  return () => pick(templates)();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

export async function run(): Promise<BenchResult[]> {
  const { name, url } = await createThrowawayDatabase('claimdesk_bench_matching');
  process.env.DATABASE_URL = url;
  try {
    const { migrate } = await import('@/lib/db/server/migrate');
    const { db, disconnectDb, Prisma } = await import('@/lib/db/server/prisma');
    const { seed } = await import('@/lib/db/server/seed');
    const { storeClaimKeys } = await import('@/lib/matching/server/store-claim-keys');
    const { runWrite } = await import('@/lib/db/server/run-write');
    const { getClaimMatches } = await import('@/lib/matching/server/get-claim-matches');
    const { listKnownClaims } = await import('@/lib/matching/server/list-known-claims');
    const { candidateQuery, findMatchCandidates } = await import('@/lib/matching/server/find-match-candidates');
    const { keyFrequencies } = await import('@/lib/matching/server/key-frequencies');
    const { selectQueryKeys } = await import('@/lib/matching/select-query-keys');
    const { extractClaimFeatures, matchKeysOf } = await import('@/lib/matching');
    await migrate(url, join(process.cwd(), 'prisma/migrations'));
    await seed(db, { demoAnnotations: false }); // only the generated annotations are measured

    const next = generator(7);
    const t0 = performance.now();
    const user = await withClient(url, async (client) => {
      const u = await createUserWithToken(client, 'ANALYST');
      const { rows } = await client.query<{ id: string }>(`SELECT id FROM "SourceTag" ORDER BY "sortOrder" LIMIT 1`);
      const tagId = rows[0]!.id;
      for (let a = 0; a < ARTICLES; a += 1) {
        const sentences = Array.from({ length: PER_ARTICLE }, next);
        const text = [`Generated report ${a}`, ...sentences].join('\n');
        const articleId = newId('a');
        const versionId = newId('v');
        await client.query(`INSERT INTO "Article" (id, title, outlet, "createdById", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [articleId, `Generated report ${a}`, `Outlet ${a % 40}`, u.id]);
        await client.query(`INSERT INTO "ArticleVersion" (id, "articleId", number, doc, text, "contentHash") VALUES ($1, $2, 1, '{}'::jsonb, $3, $4)`, [versionId, articleId, text, `h${a}`]);
        const ids: string[] = [];
        const starts: number[] = [];
        const ends: number[] = [];
        const exacts: string[] = [];
        const statuses: string[] = [];
        let at = text.indexOf('\n') + 1;
        sentences.forEach((sentence, i) => {
          ids.push(newId('n'));
          starts.push(at);
          ends.push(at + sentence.length);
          exacts.push(sentence);
          statuses.push(['UNREVIEWED', 'CONFIRMED', 'DISPUTED', 'UNREVIEWED'][i % 4]!);
          at += sentence.length + 1;
        });
        await client.query(
          `INSERT INTO "Annotation" (id, "articleId", "versionId", "authorId", exact, prefix, suffix, start, "end", "tagId", status, "updatedAt")
           SELECT id, $1, $2, $3, exact, '', '', s, e, $4, st::"ReviewStatus", now()
           FROM unnest($5::text[], $6::text[], $7::int[], $8::int[], $9::text[]) AS t(id, exact, s, e, st)`,
          [articleId, versionId, u.id, tagId, ids, exacts, starts, ends, statuses],
        );
        await runWrite(db, null, ({ tx }) => storeClaimKeys(tx, ids.map((id, i) => ({ id, articleId, exact: exacts[i]! }))));
      }
      await client.query('ANALYZE');
      return u;
    });
    const loadMs = performance.now() - t0;
    const actor = { id: user.id, name: user.name, email: `${user.id}@bench.local`, role: 'ANALYST' as const };
    const total = await db.annotation.count();
    console.error(`  generated ${total} annotations in ${(loadMs / 1000).toFixed(1)} s`);

    const tf = performance.now();
    await keyFrequencies(db);
    const countMs = performance.now() - tf;
    // Matches for one claim: the domain function (SQL candidates + re-ranking + DTOs) and the candidate statement alone.
    const sample = await db.$queryRaw<{ id: string; exact: string; articleId: string }[]>`SELECT id, exact, "articleId" FROM "Annotation" ORDER BY md5(id) LIMIT ${QUERIES}`;
    await getClaimMatches(db, actor, sample[0]!.id); // warm-up
    const full: number[] = [];
    const raw: number[] = [];
    let found = 0;
    for (const a of sample) {
      const t = performance.now();
      const m = await getClaimMatches(db, actor, a.id);
      full.push(performance.now() - t);
      if (m.length) found += 1;
      const f = extractClaimFeatures(a.exact);
      const r = performance.now();
      await findMatchCandidates(db, [selectQueryKeys(matchKeysOf(f).keys, await keyFrequencies(db))], { excludeArticleId: a.articleId });
      raw.push(performance.now() - r);
    }

    if (process.env.BENCH_STOP_AFTER_LOAD) {
      await disconnectDb();
      return [{ suite: 'matching', name: 'matches (median)', value: median(full), unit: 'ms' }, { suite: 'matching', name: 'raw', value: median(raw), unit: 'ms' }];
    }
    // Known claims for a new 1,500-word article (75 generated sentences, ~20 words each).
    const article: string[] = [];
    while (article.join(' ').split(/\s+/).length < 1_500) article.push(next());
    const words = article.join(' ').split(/\s+/).length;
    const newArticleId = newId('a');
    const text = ['A new generated article', ...article].join('\n');
    await db.article.create({ data: { id: newArticleId, title: 'A new generated article', createdById: user.id, versions: { create: { number: 1, doc: {}, text, contentHash: 'new' } } } });
    await listKnownClaims(db, actor, newArticleId); // warm-up
    const knownMs: number[] = [];
    let knownCount = 0;
    for (let i = 0; i < 3; i += 1) {
      const t = performance.now();
      knownCount = (await listKnownClaims(db, actor, newArticleId)).known.length;
      knownMs.push(performance.now() - t);
    }

    // EXPLAIN: the candidate statement for one claim reads both GIN indexes.
    const f = extractClaimFeatures(sample[1]!.exact);
    const q = candidateQuery([selectQueryKeys(matchKeysOf(f).keys, await keyFrequencies(db))], { excludeArticleId: sample[1]!.articleId });
    const plan = await db.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN (ANALYZE, COSTS OFF) ${q}`);
    const planText = plan.map((r) => r['QUERY PLAN']).join('\n');
    console.error(`  EXPLAIN of the candidate statement for "${sample[1]!.exact}":\n${planText.replace(/^/gm, '    ')}`);
    const usesIndexes = /ClaimKey_keys_live_gin_idx/.test(planText) && !/Seq Scan on "ClaimKey"/.test(planText);
    await disconnectDb();

    return [
      { suite: 'matching', name: `matches for one claim, ${total.toLocaleString('en-US')} annotations (median)`, value: median(full), unit: 'ms', target: { op: '<', value: 100 }, notes: `${found}/${sample.length} claims had matches` },
      { suite: 'matching', name: 'matches for one claim (p95)', value: p95(full), unit: 'ms' },
      { suite: 'matching', name: 'candidate SQL alone (median)', value: median(raw), unit: 'ms' },
      { suite: 'matching', name: 'counting key frequencies (once per 5 min per process, in the background)', value: countMs, unit: 'ms' },
      { suite: 'matching', name: `known claims, ${words.toLocaleString('en-US')}-word article (median of 3)`, value: median(knownMs), unit: 'ms', target: { op: '<', value: 1000 }, notes: `${knownCount} sentences flagged` },
      { suite: 'matching', name: 'EXPLAIN: candidate statement reads the GIN index, no table scan', value: usesIndexes ? 1 : 0, unit: 'count', target: { op: '>', value: 0 } },
    ];
  } finally {
    if (process.env.BENCH_KEEP_DB) console.error(`  kept database ${name}`);
    else await dropDatabase(name);
  }
}
