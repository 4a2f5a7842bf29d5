// Every domain write goes through runWrite (lib/db/server/run-write.ts): one transaction, its audit
// events, live events published with the commit. This guards the "only way" part: a write that
// bypasses it (a bare db.x.update, its own $transaction, a hand-rolled publish) fails here.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Files allowed to do what the pipeline does: the pipeline itself, the pieces it calls, and the demo seed. */
const PIPELINE = new Set([
  'lib/db/server/run-write.ts',
  'lib/live/server/publish.ts',
  'lib/live/server/local-bus.ts',
  'lib/annotations/server/record-event.ts',
  'lib/db/server/seed.ts',
  // A read-only transaction: SET LOCAL of the trigram threshold for one candidate query.
  'lib/matching/server/find-match-candidates.ts',
  // A read-only snapshot: a brief's pages read in one REPEATABLE READ transaction (no writes in the file).
  'lib/export/server/load-brief-input.ts',
]);

const BYPASSES: Array<[string, RegExp]> = [
  ['its own transaction', /\$transaction\s*\(/],
  ['a write outside a transaction', /\bdb\s*\.\s*[a-zA-Z]+\s*\.\s*(create|createMany|update|updateMany|upsert|delete|deleteMany)\s*\(/],
  ['raw SQL outside a transaction', /\bdb\s*\.\s*\$executeRaw/],
  ['a hand-rolled live publish', /\b(publishLiveEvents|emitAfterCommit)\s*\(/],
  ['an audit entry outside the pipeline', /\brecordEvent\s*\(/],
];

describe('the write pipeline', () => {
  const files = [...sourceFiles(join(root, 'lib')), ...sourceFiles(join(root, 'app'))].map((f) => relative(root, f)).filter((f) => !PIPELINE.has(f));

  it.each(BYPASSES)('no domain code uses %s', (_what, pattern) => {
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.filter((f) => pattern.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('recognises each bypass (the patterns are live)', () => {
    const samples = [
      'await db.$transaction(async (tx) => {})',
      'await db.annotation.update({ where: { id } })',
      'await db.$executeRaw`SELECT 1`',
      'emitAfterCommit([event])',
      'await recordEvent(tx, event)',
    ];
    BYPASSES.forEach(([, pattern], i) => expect(pattern.test(samples[i]!)).toBe(true));
    expect(BYPASSES[1]![1].test('await tx.annotation.update({ where: { id } })')).toBe(false);
  });
});
