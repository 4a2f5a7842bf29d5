/**
 * npm run eval:suggest                       the demo fixtures, the synthetic pattern set, both holdouts, the blind probes
 *                                            (probes 6–15 also on a desk with official / media / unattributed tags,
 *                                            probes 14–15 also with a witness tag)
 *                                            and the real-article dev set (../shared/eval/attribution-dev)
 * npm run eval:suggest -- <set dir | gold.json> …   one or more gold sets (a folder with gold.json
 *                                            keyed by article file, as the dev set is laid out)
 * npm run eval:suggest -- <article.txt> <gold.json>  one article with a { "claims" } gold file
 * Options: --tags a,b,c (the desk's tag keys), --details (every claim and false positive).
 *
 * Per article and overall (micro-averaged): precision, recall, tag accuracy over matched claims
 * (a defensible alternative label counts; "strict" counts the primary label only). A label the
 * desk has no tag for ("other") expects no tag.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_TAGS, suggestClaims } from '@/lib/suggest';
import {
  canonicalFromPlainText,
  combineReports,
  evaluateSuggestions,
  formatReport,
  locateGold,
  parseGoldFile,
  parseGoldSet,
  type EvalReport,
  type GoldClaim,
} from '@/lib/suggest/evaluate';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.CLAIMDESK_SHARED_DIR ?? path.resolve(ROOT, '../shared');
const DEMO_DIR = path.join(ROOT, 'tests/fixtures/suggest');
const SYNTHETIC_DIR = path.join(ROOT, 'tests/fixtures/suggest/synthetic');
const HOLDOUT_DIR = path.join(ROOT, 'tests/fixtures/suggest/synthetic-holdout');
const HOLDOUT2_DIR = path.join(ROOT, 'tests/fixtures/suggest/synthetic-holdout-2');
const PROBE_DIR = path.join(ROOT, 'tests/fixtures/suggest/synthetic-probe-3');
const PROBE4_DIR = path.join(ROOT, 'tests/fixtures/suggest/synthetic-probe-4');
const PROBE5_DIR = path.join(ROOT, 'tests/fixtures/suggest/synthetic-probe-5');
const PROBE6_DIR = path.join(ROOT, 'tests/fixtures/suggest/synthetic-probe-6');
const PROBE7_DIR = path.join(ROOT, 'tests/fixtures/suggest/synthetic-probe-7');
const PROBE8_DIR = path.join(ROOT, 'tests/fixtures/suggest/synthetic-probe-8');
const PROBE9_DIR = path.join(ROOT, 'tests/fixtures/suggest/synthetic-probe-9');
const PROBE10_DIR = path.join(ROOT, 'tests/fixtures/suggest/synthetic-probe-10');
const PROBE11_DIR = path.join(ROOT, 'tests/fixtures/suggest/synthetic-probe-11');
const PROBE12_DIR = path.join(ROOT, 'tests/fixtures/suggest/synthetic-probe-12');
const PROBE13_DIR = path.join(ROOT, 'tests/fixtures/suggest/synthetic-probe-13');
const PROBE14_DIR = path.join(ROOT, 'tests/fixtures/suggest/synthetic-probe-14');
const PROBE15_DIR = path.join(ROOT, 'tests/fixtures/suggest/synthetic-probe-15');
// Probe 6 labels official / media / unattributed / ifi claims by kind, so it is also scored on a desk that has those tags.
const WIDE_DESK = ['un', 'intelligence', 'analyst', 'official', 'media', 'unattributed'];
const DEV_DIR = path.join(SHARED, 'eval/attribution-dev');

type Article = { name: string; text: string; claims: GoldClaim[]; deskTags: string[] };
type Suite = { title: string; articles: Article[] };

const pct = (x: number): string => (x * 100).toFixed(1).padStart(6);
const read = (p: string): string => readFileSync(p, 'utf8');
const labelsOf = (claims: GoldClaim[]): string[] => claims.map((c) => c.label);

/** A folder with gold.json keyed by article file (the dev set's layout). */
function loadSet(dir: string, title: string, tagsArg: string[] | null): Suite {
  const goldPath = statSync(dir).isDirectory() ? path.join(dir, 'gold.json') : dir;
  const base = path.dirname(goldPath);
  const set = parseGoldSet(JSON.parse(read(goldPath)), goldPath);
  const deskTags = tagsArg ?? set.deskTags ?? [...DEFAULT_TAGS];
  return {
    title: `${title} (${path.relative(process.cwd(), base) || '.'}; desk tags: ${deskTags.join(', ')})`,
    articles: set.articles.map((a) => ({ name: a.file.replace(/\.txt$/, ''), text: canonicalFromPlainText(read(path.join(base, a.file))), claims: a.claims, deskTags })),
  };
}

/** The demo fixtures: <name>.txt + <name>.gold.json, labelled with the demo desk's own tag keys. */
function loadDemo(tagsArg: string[] | null): Suite {
  const names = readdirSync(DEMO_DIR)
    .filter((f) => f.endsWith('.gold.json'))
    .map((f) => f.replace(/\.gold\.json$/, ''))
    .sort();
  return {
    title: 'demo fixtures (tests/fixtures/suggest; desk tags: un, intelligence, analyst + each file’s labels)',
    articles: names.map((name) => {
      const gold = parseGoldFile(JSON.parse(read(path.join(DEMO_DIR, `${name}.gold.json`))), `${name}.gold.json`);
      return { name, text: canonicalFromPlainText(read(path.join(DEMO_DIR, `${name}.txt`))), claims: gold.claims, deskTags: tagsArg ?? [...new Set([...DEFAULT_TAGS, ...labelsOf(gold.claims)])] };
    }),
  };
}

function runSuite(suite: Suite, details: boolean): EvalReport[] {
  console.log(`\n${suite.title}`);
  console.log(`  ${'article'.padEnd(42)} ${'prec'.padStart(6)} ${'recall'.padStart(6)} ${'tags'.padStart(6)} ${'strict'.padStart(6)}   suggested/gold/matched`);
  const reports = suite.articles.map((a) => {
    locateGold(a.text, a.claims); // fail on a missing quote before doing any work
    const r = evaluateSuggestions(a.text, a.claims, suggestClaims(a.text, { tags: a.deskTags }), { deskTags: a.deskTags });
    console.log(`  ${a.name.slice(0, 42).padEnd(42)} ${pct(r.precision)} ${pct(r.recall)} ${pct(r.tagAccuracy)} ${pct(r.tagAccuracyStrict)}   ${r.suggested}/${r.gold}/${r.matched}`);
    if (details) console.log(`${formatReport(r).replace(/^/gm, '      ')}\n`);
    return r;
  });
  const all = combineReports(reports);
  console.log(`  ${'overall'.padEnd(42)} ${pct(all.precision)} ${pct(all.recall)} ${pct(all.tagAccuracy)} ${pct(all.tagAccuracyStrict)}   ${all.suggested}/${all.gold}/${all.matched}`);
  return reports;
}

function main(argv: string[]): number {
  const details = argv.includes('--details');
  const tagsAt = argv.indexOf('--tags');
  const tagsArg = tagsAt >= 0 ? (argv[tagsAt + 1] ?? '').split(',').map((t) => t.trim()).filter(Boolean) : null;
  const paths = argv.filter((a, i) => a !== '--details' && (tagsAt < 0 || (i !== tagsAt && i !== tagsAt + 1)));

  if (paths.length === 2 && paths[0].endsWith('.txt')) {
    const [articlePath, goldPath] = paths;
    const text = canonicalFromPlainText(read(articlePath));
    const gold = parseGoldFile(JSON.parse(read(goldPath)), goldPath);
    locateGold(text, gold.claims);
    const tags = tagsArg ?? [...new Set([...DEFAULT_TAGS, ...labelsOf(gold.claims)])];
    const t0 = performance.now();
    const suggestions = suggestClaims(text, { tags });
    const ms = performance.now() - t0;
    console.log(`${articlePath}  (${text.split(/\s+/).length} words, ${ms.toFixed(1)} ms, desk tags: ${tags.join(', ')})`);
    console.log(formatReport(evaluateSuggestions(text, gold.claims, suggestions, { deskTags: tags })));
    return 0;
  }
  if (paths.length > 0) {
    for (const p of paths) runSuite(loadSet(p, path.basename(p.replace(/\/gold\.json$/, '')), tagsArg), details);
    return 0;
  }
  runSuite(loadDemo(tagsArg), details);
  if (existsSync(SYNTHETIC_DIR)) runSuite(loadSet(SYNTHETIC_DIR, 'synthetic pattern set', tagsArg), details);
  if (existsSync(HOLDOUT_DIR)) runSuite(loadSet(HOLDOUT_DIR, 'synthetic holdout', tagsArg), details);
  if (existsSync(HOLDOUT2_DIR)) runSuite(loadSet(HOLDOUT2_DIR, 'second synthetic holdout', tagsArg), details);
  if (existsSync(PROBE_DIR)) runSuite(loadSet(PROBE_DIR, 'blind probe', tagsArg), details);
  if (existsSync(PROBE4_DIR)) runSuite(loadSet(PROBE4_DIR, 'fourth blind probe', tagsArg), details);
  if (existsSync(PROBE5_DIR)) runSuite(loadSet(PROBE5_DIR, 'fifth blind probe', tagsArg), details);
  if (existsSync(PROBE6_DIR)) {
    runSuite(loadSet(PROBE6_DIR, 'sixth blind probe', tagsArg), details);
    if (!tagsArg) runSuite(loadSet(PROBE6_DIR, 'sixth blind probe, wide desk', WIDE_DESK), details);
  }
  if (existsSync(PROBE7_DIR)) {
    runSuite(loadSet(PROBE7_DIR, 'seventh blind probe', tagsArg), details);
    if (!tagsArg) runSuite(loadSet(PROBE7_DIR, 'seventh blind probe, wide desk', WIDE_DESK), details);
  }
  if (existsSync(PROBE8_DIR)) {
    runSuite(loadSet(PROBE8_DIR, 'eighth blind probe', tagsArg), details);
    if (!tagsArg) runSuite(loadSet(PROBE8_DIR, 'eighth blind probe, wide desk', WIDE_DESK), details);
  }
  if (existsSync(PROBE9_DIR)) {
    runSuite(loadSet(PROBE9_DIR, 'ninth blind probe', tagsArg), details);
    if (!tagsArg) runSuite(loadSet(PROBE9_DIR, 'ninth blind probe, wide desk', WIDE_DESK), details);
  }
  if (existsSync(PROBE10_DIR)) {
    runSuite(loadSet(PROBE10_DIR, 'tenth blind probe', tagsArg), details);
    if (!tagsArg) runSuite(loadSet(PROBE10_DIR, 'tenth blind probe, wide desk', WIDE_DESK), details);
  }
  if (existsSync(PROBE11_DIR)) {
    runSuite(loadSet(PROBE11_DIR, 'eleventh blind probe', tagsArg), details);
    if (!tagsArg) runSuite(loadSet(PROBE11_DIR, 'eleventh blind probe, wide desk', WIDE_DESK), details);
  }
  if (existsSync(PROBE12_DIR)) {
    runSuite(loadSet(PROBE12_DIR, 'twelfth blind probe', tagsArg), details);
    if (!tagsArg) runSuite(loadSet(PROBE12_DIR, 'twelfth blind probe, wide desk', WIDE_DESK), details);
  }
  if (existsSync(PROBE13_DIR)) {
    runSuite(loadSet(PROBE13_DIR, 'thirteenth blind probe', tagsArg), details);
    if (!tagsArg) runSuite(loadSet(PROBE13_DIR, 'thirteenth blind probe, wide desk', WIDE_DESK), details);
  }
  if (existsSync(PROBE14_DIR)) {
    runSuite(loadSet(PROBE14_DIR, 'fourteenth blind probe', tagsArg), details);
    if (!tagsArg) {
      runSuite(loadSet(PROBE14_DIR, 'fourteenth blind probe, wide desk', WIDE_DESK), details);
      runSuite(loadSet(PROBE14_DIR, 'fourteenth blind probe, wide desk with a witness tag', [...WIDE_DESK, 'witness']), details);
    }
  }
  if (existsSync(PROBE15_DIR)) {
    runSuite(loadSet(PROBE15_DIR, 'fifteenth blind probe', tagsArg), details);
    if (!tagsArg) {
      runSuite(loadSet(PROBE15_DIR, 'fifteenth blind probe, wide desk', WIDE_DESK), details);
      runSuite(loadSet(PROBE15_DIR, 'fifteenth blind probe, wide desk with a witness tag', [...WIDE_DESK, 'witness']), details);
    }
  }
  if (existsSync(path.join(DEV_DIR, 'gold.json'))) runSuite(loadSet(DEV_DIR, 'real-article dev set', tagsArg), details);
  else console.log(`\nreal-article dev set: not found at ${DEV_DIR} (set CLAIMDESK_SHARED_DIR to the shared folder)`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  console.error(`eval-suggest: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
