/**
 * Suggestion engine throughput: a ~10,000-word article built from the suggest fixtures
 * (paragraphs interleaved and figures varied so the text is not one block repeated).
 * Target from the issue: < 200 ms on one core.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { suggestClaims } from '@/lib/suggest';
import { canonicalFromPlainText } from '@/lib/suggest/evaluate';
import type { BenchResult } from './types';

const FIXTURES = ['un-article', 'second-article', 'third-article', 'holdout-article'];
const TARGET_WORDS = 10_000;
const RUNS = 15;
const WARMUP = 3;

export function buildLongArticle(targetWords = TARGET_WORDS): string {
  const dir = fileURLToPath(new URL('../tests/fixtures/suggest/', import.meta.url));
  const bodies = FIXTURES.map((f) => canonicalFromPlainText(readFileSync(`${dir}${f}.txt`, 'utf8')).split('\n').slice(1));
  const blocks = ['Long-Form Digest: Conflict, Aid and Markets'];
  let words = 0;
  for (let round = 0; words < targetWords; round += 1) {
    const longest = Math.max(...bodies.map((b) => b.length));
    for (let i = 0; i < longest && words < targetWords; i += 1) {
      for (const body of bodies) {
        const block = body[(i + round) % body.length];
        const varied = block.replace(/\d+/g, (n) => String(Number(n) + round));
        blocks.push(varied);
        words += varied.split(/\s+/).length;
      }
    }
  }
  return blocks.join('\n');
}

export async function run(): Promise<BenchResult[]> {
  const text = buildLongArticle();
  const words = text.split(/\s+/).length;
  const tags = ['un', 'intelligence', 'analyst', 'official', 'media', 'unattributed'];
  let suggestions = 0;
  for (let i = 0; i < WARMUP; i += 1) suggestClaims(text, { tags });
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t0 = performance.now();
    suggestions = suggestClaims(text, { tags }).length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  return [
    {
      suite: 'suggest',
      name: `suggestClaims, ${words}-word article (median of ${RUNS})`,
      value: Math.round(median * 10) / 10,
      unit: 'ms',
      target: { op: '<', value: 200 },
      notes: `${suggestions} suggestions; min ${times[0].toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms, after ${WARMUP} warm-up runs`,
    },
  ];
}
