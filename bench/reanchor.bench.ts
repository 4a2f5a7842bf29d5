import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { buildPositionMap, describeRange, reanchorAll, type AnchorTarget } from '@/lib/anchoring';
import { heading, paragraph, type TiptapDoc } from '@/lib/articles/tiptap-doc';
import type { BenchResult } from './types';

const SUITE = 'anchoring';
const RUNS = 7;

/**
 * ~100k characters: the demo article and 15 copies with every other word letter-shifted
 * (a different shift per copy), so copies are not near-duplicates of each other.
 */
function longArticle(): string {
  const article = fs
    .readFileSync(path.resolve(process.cwd(), 'prisma/fixtures/un-militant-nexus-article.txt'), 'utf8')
    .replace(/\r\n?/g, '\n')
    .replace(/\n+$/, '');
  const copies: string[] = [];
  for (let k = 0; k < 16; k++) {
    let j = 0;
    copies.push(article.replace(/[A-Za-z]+/g, (w) => (k > 0 && j++ % 2 === 0 ? shift(w, k) : w)));
  }
  return copies.join('\n');
}

function shift(word: string, by: number): string {
  return word.replace(/[a-z]/g, (c) => String.fromCharCode(97 + ((c.charCodeAt(0) - 97 + by) % 26)));
}

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 1,000 annotations of 4–20 words; returns them with their texts after `typoShare` of them got a typo. */
function scenario(text: string, typoShare: number): { targets: AnchorTarget[]; edited: string } {
  const random = prng(42);
  const words = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const targets: AnchorTarget[] = [];
  for (let i = 0; i < 1000; i++) {
    const first = Math.floor(random() * (words.length - 20));
    targets.push(describeRange(text, words[first].start, words[first + 3 + Math.floor(random() * 17)].end));
  }
  // Insertions as [offset, text], applied back to front: one sentence near the top, plus a
  // one-letter typo in the middle of every (1 / typoShare)-th annotation.
  const inserts: Array<[number, string]> = [[text.indexOf('ISLAMABAD:'), 'Updated on Friday. ']];
  const every = Math.max(1, Math.round(1 / typoShare));
  for (let i = 0; typoShare > 0 && i < targets.length; i += every) {
    inserts.push([(targets[i].start + targets[i].end) >> 1, 'x']);
  }
  inserts.sort((a, b) => b[0] - a[0]);
  let edited = text;
  for (const [at, s] of inserts) edited = edited.slice(0, at) + s + edited.slice(at);
  return { targets, edited };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn: () => void): number {
  const samples: number[] = [];
  fn(); // warm-up (JIT)
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return Math.round(median(samples) * 100) / 100;
}

export async function run(): Promise<BenchResult[]> {
  const text = longArticle();
  const results: BenchResult[] = [];

  for (const [name, share] of [
    ['reanchorAll: 1,000 annotations after a light edit', 0.01],
    ['reanchorAll: 1,000 annotations, ~10% need fuzzy', 0.1],
  ] as const) {
    const { targets, edited } = scenario(text, share);
    const states = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
    for (const r of reanchorAll(targets, edited)) states[r.state]++;
    results.push({
      suite: SUITE,
      name,
      value: time(() => reanchorAll(targets, edited)),
      unit: 'ms',
      notes: `${text.length.toLocaleString('en-US')}-char text, median of ${RUNS}; states ${JSON.stringify(states)}`,
    });
  }

  // The client rebuilds decorations from the live doc: the ProseMirror path of the position map.
  const lines = text.split('\n');
  const doc: TiptapDoc = { type: 'doc', content: lines.map((l) => (l.length < 60 && !/[.!?]$/.test(l) ? heading(2, l) : paragraph(l))) };
  const pmDoc = getSchema([StarterKit]).nodeFromJSON(doc);
  results.push({
    suite: SUITE,
    name: 'buildPositionMap from a live ProseMirror doc',
    value: time(() => buildPositionMap(pmDoc)),
    unit: 'ms',
    notes: `${lines.length} textblocks, ${pmDoc.content.size.toLocaleString('en-US')} positions, median of ${RUNS}`,
  });

  return results;
}
