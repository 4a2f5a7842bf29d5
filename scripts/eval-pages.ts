/**
 * npm run eval:pages -- [<gold.json>] [--verbose]
 *
 * Imports each saved page of a gold set (tests/fixtures/web-pages by default) through the same
 * importer as the API and reports per page: metadata right, required passages kept (in their block
 * kind, in order), page chrome leaked. Pure (no database).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatPagesReport, goldProblems, pagesGoldSchema, scorePageImport, summarisePages } from '@/lib/documents/evaluate-page-import';
import { importDocument } from '@/lib/documents/server/import-document';

async function main(argv: string[]): Promise<number> {
  const goldPath = argv.find((a) => !a.startsWith('--')) ?? 'tests/fixtures/web-pages/gold.json';
  const gold = pagesGoldSchema.parse(JSON.parse(readFileSync(goldPath, 'utf8')));
  const scores = [];
  for (const page of gold.pages) {
    const html = readFileSync(path.join(path.dirname(goldPath), page.file), 'utf8');
    const problems = goldProblems(page, html);
    if (problems.length) throw new Error(problems.join('\n'));
    scores.push(scorePageImport(page, await importDocument({ kind: 'text', text: html, format: 'html' })));
  }
  console.log(formatPagesReport(scores, summarisePages(scores, gold.pages), argv.includes('--verbose')));
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
