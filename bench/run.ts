// `npm run bench`: runs every bench/*.bench.ts module, prints a table and writes bench/results/latest.json.
// Modules that export `needsBuild = true` (api, reader: a production build, `next start` and a
// Postgres server) are skipped with `--quick` (`npm run bench:quick`). One module: `npm run bench -- api`.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchResult } from './types';

const dir = join(process.cwd(), 'bench');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const filter = args.find((a) => !a.startsWith('--'));
const modules = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();

const results: BenchResult[] = [];
const skipped: string[] = [];
for (const file of modules) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { run: () => Promise<BenchResult[]>; needsBuild?: boolean };
  if (mod.needsBuild && quick && !filter) {
    skipped.push(file);
    continue;
  }
  console.error(`running ${file} …`);
  results.push(...(await mod.run()));
}
if (skipped.length) console.error(`skipped ${skipped.join(', ')} (--quick: they need a production build and next start)`);

const meets = (r: BenchResult) => (!r.target ? '' : (r.target.op === '<' ? r.value < r.target.value : r.value > r.target.value) ? 'yes' : 'NO');
console.log('| suite | benchmark | value | target | met |');
console.log('|---|---|---|---|---|');
for (const r of results) {
  console.log(`| ${r.suite} | ${r.name} | ${r.value.toFixed(r.unit === 'count' ? 0 : r.unit === 'ratio' ? 2 : 1)} ${r.unit} | ${r.target ? `${r.target.op} ${r.target.value} ${r.unit}` : ''} | ${meets(r)} |`);
}
mkdirSync(join(dir, 'results'), { recursive: true });
writeFileSync(join(dir, 'results', 'latest.json'), JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2));
console.error('wrote bench/results/latest.json');
