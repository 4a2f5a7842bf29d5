/**
 * npm run eval:suggest -- <article.txt> <gold.json> [--tags un,intelligence,...]
 * Scores the suggestion engine against an analyst's gold labels. The desk's tags default to the
 * default desk plus every label the gold file uses.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_TAGS, suggestClaims } from '@/lib/suggest';
import { canonicalFromPlainText, evaluateSuggestions, formatReport, locateGold, type GoldFile } from '@/lib/suggest/evaluate';

function main(argv: string[]): number {
  const tagsAt = argv.indexOf('--tags');
  const tagsArg = tagsAt >= 0 ? argv[tagsAt + 1] : undefined;
  const [articlePath, goldPath] = argv.filter((_, i) => tagsAt < 0 || (i !== tagsAt && i !== tagsAt + 1));
  if (!articlePath || !goldPath) {
    console.error('usage: npm run eval:suggest -- <article.txt> <gold.json> [--tags a,b,c]');
    return 2;
  }
  const text = canonicalFromPlainText(readFileSync(articlePath, 'utf8'));
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldFile;
  if (!Array.isArray(gold.claims)) throw new Error(`${goldPath}: expected { "claims": [{ "quote", "label" }] }`);
  locateGold(text, gold.claims); // fail on a missing quote before doing any work
  const tags = tagsArg ? tagsArg.split(',').map((t) => t.trim()).filter(Boolean) : [...new Set([...DEFAULT_TAGS, ...gold.claims.map((c) => c.label)])];

  const t0 = performance.now();
  const suggestions = suggestClaims(text, { tags });
  const ms = performance.now() - t0;
  console.log(`${articlePath}  (${text.split(/\s+/).length} words, ${ms.toFixed(1)} ms, desk tags: ${tags.join(', ')})`);
  console.log(formatReport(evaluateSuggestions(text, gold.claims, suggestions)));
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  console.error(`eval-suggest: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
