import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldProblems, isCleanImport, pagesGoldSchema, scorePageImport, type PageScore } from '@/lib/documents/evaluate-page-import';
import { importDocument } from '@/lib/documents/server/import-document';

// The saved pages of tests/fixtures/web-pages (site families written blind, before the tidy rules;
// fictional outlets, invented text) must import clean: metadata right, every required passage kept
// in its block kind and order, no chrome. `npm run eval:pages -- --verbose` shows the details.
const DIR = 'tests/fixtures/web-pages';
const gold = pagesGoldSchema.parse(JSON.parse(readFileSync(path.join(DIR, 'gold.json'), 'utf8')));

describe('saved pages shaped like real news sites import clean', () => {
  it('has a gold file that agrees with its pages', () => {
    const problems = gold.pages.flatMap((page) => goldProblems(page, readFileSync(path.join(DIR, page.file), 'utf8')));
    expect(problems).toEqual([]);
  });

  it.each(gold.pages.map((page) => [page.file, page] as const))('%s', async (_file, page) => {
    const html = readFileSync(path.join(DIR, page.file), 'utf8');
    const score: PageScore = scorePageImport(page, await importDocument({ kind: 'text', text: html, format: 'html' }));
    expect({ metadata: score.metadata, missing: score.missing, wrongKind: score.wrongKind, outOfOrder: score.outOfOrder, leaked: score.leaked, repeated: score.repeated }).toEqual({
      metadata: { title: true, byline: true, outlet: true, publishedAt: true },
      missing: [],
      wrongKind: [],
      outOfOrder: false,
      leaked: [],
      repeated: [],
    });
    expect(isCleanImport(score)).toBe(true);
  });
});
