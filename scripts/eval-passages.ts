/**
 * npm run eval:passages -- [<gold.json>] [--verbose]
 *
 * Scores "Find the passage for me" (lib/provenance/propose-passages.ts) on a labelled set: the
 * article's claims against one source, P@1, Recall@5 and MRR over the claims with a passage, and the
 * best score offered for claims the source does not support. Pure (no database). Without arguments
 * it runs tests/fixtures/provenance/gold.json: the article is read from ../shared/fixtures (or
 * prisma/fixtures), the source next to the gold file.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluateProposals, formatPassageReport, passageGoldSchema } from '@/lib/provenance/evaluate-proposals';

function main(argv: string[]): number {
  const goldPath = argv.find((a) => !a.startsWith('--')) ?? 'tests/fixtures/provenance/gold.json';
  const gold = passageGoldSchema.parse(JSON.parse(readFileSync(goldPath, 'utf8')));
  const dir = path.dirname(goldPath);
  const articlePath = [path.join(dir, gold.article), path.join('..', 'shared', 'fixtures', gold.article), path.join('prisma', 'fixtures', gold.article)].find(existsSync);
  if (!articlePath) throw new Error(`${gold.article} not found next to ${goldPath}, in ../shared/fixtures or prisma/fixtures`);
  const article = readFileSync(articlePath, 'utf8');
  const missing = gold.claims.filter((c) => !article.includes(c.quote));
  if (missing.length) throw new Error(`quotes not in ${articlePath}: ${missing.map((c) => c.quote.slice(0, 40)).join('; ')}`);
  const source = readFileSync(path.join(dir, gold.source), 'utf8');
  console.log(formatPassageReport(evaluateProposals(gold, source), { verbose: argv.includes('--verbose') }));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
