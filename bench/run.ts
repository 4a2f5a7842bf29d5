// `npm run bench`: runs every bench/*.bench.ts module, prints a table and writes bench/results/latest.json.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchResult } from './types';

const dir = join(process.cwd(), 'bench');
const filter = process.argv[2];
const modules = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();

const results: BenchResult[] = [];
for (const file of modules) {
  console.error(`running ${file} …`);
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { run: () => Promise<BenchResult[]> };
  results.push(...(await mod.run()));
}

const meets = (r: BenchResult) => (!r.target ? '' : (r.target.op === '<' ? r.value < r.target.value : r.value > r.target.value) ? 'yes' : 'NO');
console.log('| suite | benchmark | value | target | met |');
console.log('|---|---|---|---|---|');
for (const r of results) {
  console.log(`| ${r.suite} | ${r.name} | ${r.value.toFixed(r.unit === 'count' ? 0 : 1)} ${r.unit} | ${r.target ? `${r.target.op} ${r.target.value} ${r.unit}` : ''} | ${meets(r)} |`);
}
mkdirSync(join(dir, 'results'), { recursive: true });
writeFileSync(join(dir, 'results', 'latest.json'), JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2));
console.error('wrote bench/results/latest.json');
