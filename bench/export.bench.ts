// Export benchmark: 1,000 generated annotations on the demo article, time per format (median of a few runs).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { paragraph, heading, type TiptapDoc } from '@/lib/articles/tiptap-doc';
import { DEFAULT_BRIEF_OPTIONS, type BriefAnnotationInput, type BriefInput } from '@/lib/export/brief-input';
import { EXPORT_FORMATS, renderExport, type ExportFormat } from '@/lib/export';
import type { BenchResult } from './types';

const ARTICLE = 'prisma/fixtures/un-militant-nexus-article.txt';
const N = 1_000;
const RUNS = 3;
const TARGETS: Partial<Record<ExportFormat, number>> = { md: 1000, csv: 1000, jsonld: 1000, docx: 3000 };

function makeInput(): BriefInput {
  const text = readFileSync(ARTICLE, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
  const lines = text.split('\n');
  const doc: TiptapDoc = { type: 'doc', content: lines.map((l, i) => (i === 0 ? heading(1, l) : paragraph(l))) };
  const tags = ['un', 'intelligence', 'analyst'];
  const statuses = ['UNREVIEWED', 'CONFIRMED', 'DISPUTED', 'NEEDS_SOURCE'] as const;
  // Deterministic pseudo-random spans so runs are comparable.
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const annotations: BriefAnnotationInput[] = Array.from({ length: N }, (_, i) => {
    const start = Math.floor(rand() * (text.length - 200));
    const end = start + 20 + Math.floor(rand() * 150);
    const t = new Date(Date.UTC(2025, 5, 1, 9, 0, i));
    return {
      id: `bench-${i}`,
      start,
      end,
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(end, end + 32),
      tag: tags[i % 3],
      sourceDetail: i % 2 ? `Source ${i} <b>detail</b>` : null,
      note: i % 3 ? `Note ${i}: [link](javascript:x) *emph* =SUM(A1)` : null,
      confidence: (['low', 'medium', 'high', null] as const)[i % 4],
      grade: { reliability: (['A', 'B', 'C', null] as const)[i % 4], credibility: ([1, 2, 3, null] as const)[i % 4] },
      status: statuses[i % 4],
      anchorState: i % 50 === 0 ? 'orphaned' : 'exact',
      author: { id: `u${i % 7}`, name: `Analyst ${i % 7}` },
      createdAt: t,
      updatedAt: t,
      reviews: i % 2 ? [{ reviewer: { id: 'r1', name: 'Reviewer One' }, verdict: i % 4 === 2 ? 'DISPUTE' : 'AGREE', comment: i % 4 === 2 ? 'Disputed because…' : null, suggestedTag: null, createdAt: t }] : [],
      replies: i % 5 === 0 ? [{ author: { id: 'u1', name: 'Analyst 1' }, body: 'Reply', createdAt: t }] : [],
    };
  });
  return {
    desk: { name: 'Bench Desk' },
    preparedBy: { name: 'Bench' },
    preparedAt: new Date(Date.UTC(2025, 5, 4)),
    article: { id: 'bench-article', title: 'UN Flags Militant Nexus Threatening Pakistan', outlet: 'Outlet', byline: 'Byline', publishedAt: null, url: 'https://example.com/a' },
    version: { id: 'v1', number: 1, text, doc },
    tags: [
      { key: 'un', label: 'UN report', color: '#2563eb' },
      { key: 'intelligence', label: 'Intelligence', color: '#dc2626' },
      { key: 'analyst', label: 'Analyst opinion', color: '#16a34a' },
    ],
    annotations,
  };
}

export async function run(): Promise<BenchResult[]> {
  const input = makeInput();
  const results: BenchResult[] = [];
  for (const format of EXPORT_FORMATS) {
    await renderExport(format, input, DEFAULT_BRIEF_OPTIONS, 'https://claimdesk.example'); // warm-up
    const times: number[] = [];
    let size = 0;
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      const out = await renderExport(format, input, DEFAULT_BRIEF_OPTIONS, 'https://claimdesk.example');
      times.push(performance.now() - t0);
      size = typeof out.body === 'string' ? Buffer.byteLength(out.body) : out.body.length;
    }
    times.sort((a, b) => a - b);
    const target = TARGETS[format];
    results.push({
      suite: 'export',
      name: `${format} (${N} annotations)`,
      value: Math.round(times[Math.floor(RUNS / 2)] * 10) / 10,
      unit: 'ms',
      ...(target ? { target: { op: '<' as const, value: target } } : {}),
      notes: `median of ${RUNS}, output ${(size / 1024).toFixed(0)} KiB`,
    });
  }
  return results;
}

// Allow `tsx bench/export.bench.ts` on its own.
if (import.meta.url === `file://${process.argv[1]}`) {
  run().then((r) => console.table(r.map(({ name, value, unit, target, notes }) => ({ name, value, unit, target: target ? `${target.op} ${target.value}` : '', notes }))));
}
