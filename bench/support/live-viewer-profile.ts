// One Chromium viewer on an article of 600 annotations while 10 annotations are created through the
// API: the viewer's main-thread CPU per live event (CDP Performance.getMetrics TaskDuration, the idle
// cost of the same time subtracted) and a CPU profile (CDP Profiler) of where it goes.
// Not part of `npm run bench`; run by hand against one or more production builds, interleaved:
//   npx tsx --conditions=react-server bench/support/live-viewer-profile.ts .next-a .next-b [rounds]
// Env: PROFILE_PORT (3171), CHROMIUM_PATH, PROFILE_OUT (folder for the .cpuprofile files, /tmp).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium, type CDPSession } from '@playwright/test';
import { encode } from 'next-auth/jwt';
import { SESSION_COOKIE } from '@/lib/auth/server/session-cookie';
import { createThrowawayDatabase, dropDatabase } from '@/tests/support/throwaway-db';
import { startApp } from './app-server';
import { createUserWithToken, demoArticle, insertAnnotations, median, newId, pickSpans, tagIds, withClient } from './data';

const SECRET = 'bench-profile-secret-0123456789abcdef0123456789';
const PORT = Number(process.env.PROFILE_PORT ?? 3171);
const OUT = process.env.PROFILE_OUT ?? '/tmp';
const SIZE = 600;
const EVENTS = 10;
const READER = '[data-testid="article-reader"]';
/** PROFILE_TRACE=1: also a Chromium trace of the events, its main-thread time by trace event (self time). */
const TRACE = process.env.PROFILE_TRACE === '1';
/** PROFILE_SAMPLE=0: no V8 CPU profile (its sampling every 0.2 ms costs the renderer more than the events do). */
const SAMPLE = process.env.PROFILE_SAMPLE !== '0';

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string } };

/** Self time per trace event name on the renderer main threads (CrRendererMain), largest first. */
function traceSelf(events: TraceEvent[], n = 25): string[] {
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !main.has(key) || !e.dur) continue;
    (byThread.get(key) ?? byThread.set(key, []).get(key)!).push(e);
  }
  const self = new Map<string, number>();
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const stack: Array<{ e: TraceEvent; child: number }> = [];
    const close = (until: number) => {
      while (stack.length && stack[stack.length - 1]!.e.ts + stack[stack.length - 1]!.e.dur! <= until) {
        const top = stack.pop()!;
        self.set(top.e.name, (self.get(top.e.name) ?? 0) + top.e.dur! - top.child);
        if (stack.length) stack[stack.length - 1]!.child += top.e.dur!;
      }
    };
    for (const e of list) {
      close(e.ts);
      stack.push({ e, child: 0 });
    }
    close(Infinity);
  }
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
}

function topSelf(profile: Profile, n = 25): string[] {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    const key = `${functionName || '(anon)'} ${url.split('/').pop()}:${lineNumber}:${columnNumber}`;
    byName.set(key, (byName.get(key) ?? 0) + (self.get(node.id) ?? 0));
  }
  return [...byName].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
}

/** The renderer's counters (CDP Performance.getMetrics): durations in ms, counts as they are. */
async function metricsOf(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  return Object.fromEntries(metrics.map((m) => [m.name, m.name.endsWith('Duration') ? m.value * 1000 : m.value]));
}

const TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** CPU ms so far of every Chromium process by its type (browser, renderer, gpu-process, utility…), all threads, from /proc. */
function chromiumCpu(): Record<string, number> {
  const byType: Record<string, number> = {};
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      // Chromium rewrites its children's command lines into one space-separated string.
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
      if (!/chrom/.test(cmdline[0] ?? '')) continue;
      const type = cmdline.find((a) => a.startsWith('--type='))?.slice(7) ?? 'browser';
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      byType[type] = (byType[type] ?? 0) + ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
    } catch {
      // exited meanwhile
    }
  }
  return byType;
}

function cpuSince(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((k) => [k, after[k]! - (before[k] ?? 0)]));
}

async function taskMs(cdp: CDPSession): Promise<number> {
  return (await metricsOf(cdp)).TaskDuration ?? 0;
}

/** Where the main thread's time per event went: script, style, layout (ms) and how many style / layout passes. */
const SPLIT = ['ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'RecalcStyleCount', 'LayoutCount', 'Nodes'] as const;

async function main() {
  const args = process.argv.slice(2);
  const rounds = /^\d+$/.test(args[args.length - 1] ?? '') ? Number(args.pop()) : 1;
  const dists = args.length ? args : ['.next-live7'];
  const database = await createThrowawayDatabase('claimdesk_live_profile');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  const results = new Map<string, number[]>();
  try {
    // Seed once with the first build's server (migrations + demo data), then reuse the database.
    let setup: Awaited<ReturnType<typeof seedWith>> | null = null;
    async function seedWith(url: string) {
      return withClient(url, async (c) => {
        const authors = [];
        for (const i of [1, 2, 3, 4]) authors.push(await createUserWithToken(c, 'ANALYST', `Profile Author ${i}`));
        const article = await demoArticle(c);
        const tags = await tagIds(c);
        await insertAnnotations(c, article, authors.map((a) => a.id), tags, pickSpans(article.text, SIZE, 11));
        return { viewer: await createUserWithToken(c, 'ANALYST', 'Profile Viewer'), writer: await createUserWithToken(c, 'ANALYST', 'Profile Writer'), article, tags };
      });
    }
    for (let round = 0; round < rounds; round++) {
      for (const run of dists) {
        // `.next-a@1`: the build .next-a with PROFILE_CSS's first variant (variants split by `|||`) added to the page.
        const [dist, variant] = run.split('@') as [string, string | undefined];
        const css = variant ? (process.env.PROFILE_CSS ?? '').split('|||')[Number(variant) - 1] : undefined;
        const server = await startApp({ port: PORT, databaseUrl: database.url, distDir: dist, authSecret: SECRET, quiet: true });
        try {
          setup ??= await seedWith(database.url);
          const { article, writer, viewer, tags } = setup;
          const cookie = await encode({ token: { sub: viewer.id, name: viewer.name, sv: 0, authTime: Math.floor(Date.now() / 1000) }, secret: SECRET, salt: SESSION_COOKIE });
          const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
          await context.addCookies([{ name: SESSION_COOKIE, value: cookie, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
          const page = await context.newPage();
          await page.goto(`${server.url}/articles/${article.articleId}`);
          if (css) await page.addStyleTag({ content: css });
          await page.waitForFunction((sel) => document.querySelectorAll(`${sel} .cd-highlight[data-annotation-id]`).length > 0, READER, { timeout: 60_000 });
          await page.getByTestId('presence').and(page.locator('.is-live')).waitFor({ timeout: 30_000 });
          await page.waitForTimeout(2_000);
          const cdp = await context.newCDPSession(page);
          await cdp.send('Performance.enable');
          // The idle cost of the same stretch (presence, timers), subtracted below.
          const idle0 = await taskMs(cdp);
          const idleCpu0 = chromiumCpu();
          const idleStart = Date.now();
          await page.waitForTimeout(EVENTS * 1_000);
          const idleSeconds = (Date.now() - idleStart) / 1000;
          const idlePerSecond = (await taskMs(cdp) - idle0) / idleSeconds;
          const idleCpu = cpuSince(idleCpu0, chromiumCpu());

          if (SAMPLE) {
            await cdp.send('Profiler.enable');
            await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
            await cdp.send('Profiler.start');
          }
          if (TRACE) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.stack', 'blink', 'cc', 'v8', 'toplevel', 'accessibility', 'renderer.scheduler'] });
          const cpu0 = chromiumCpu();
          const m0 = await metricsOf(cdp);
          const t0 = m0.TaskDuration ?? 0;
          const started = Date.now();
          for (let i = 0; i < EVENTS; i++) {
            // The same annotations for every build in a round: where they land (the sidebar's first page or not) changes the work.
            const span = pickSpans(article.text, 1, 5000 + round * EVENTS + i)[0]!;
            const res = await fetch(`${server.url}/api/articles/${article.articleId}/annotations`, {
              method: 'POST',
              headers: { authorization: `Bearer ${writer.token}`, 'content-type': 'application/json', 'idempotency-key': newId('prof') },
              body: JSON.stringify({ start: span.start, end: span.end, exact: span.exact, tag: tags[i % tags.length]!.key }),
            });
            if (res.status !== 201) throw new Error(`create answered ${res.status}: ${await res.text()}`);
            const { annotation } = (await res.json()) as { annotation: { id: string } };
            // Polled every 50 ms by one querySelector (Playwright's own selector engine would be profiled too).
            await page.waitForFunction((sel) => document.querySelector(sel) !== null, `${READER} .cd-highlight[data-annotation-id="${annotation.id}"]`, { polling: 50, timeout: 30_000 });
            await page.waitForTimeout(1_000);
          }
          const m1 = await metricsOf(cdp);
          const eventsCpu = cpuSince(cpu0, chromiumCpu());
          const total = (m1.TaskDuration ?? 0) - t0;
          const split = SPLIT.map((k) => `${k} ${(((m1[k] ?? 0) - (k === 'Nodes' ? 0 : (m0[k] ?? 0))) / (k === 'Nodes' ? 1 : EVENTS)).toFixed(1)}`).join(', ');
          const seconds = (Date.now() - started) / 1000;
          const { profile } = SAMPLE ? ((await cdp.send('Profiler.stop')) as { profile: Profile }) : { profile: { nodes: [], samples: [], timeDeltas: [] } };
          const traceJson = TRACE ? (await browser.stopTracing()).toString() : null;
          if (traceJson) writeFileSync(`${OUT}/live-viewer-${run.replace(/\W/g, '')}-${round}.trace.json`, traceJson);
          const trace = traceJson ? (JSON.parse(traceJson) as { traceEvents: TraceEvent[] }).traceEvents : null;
          const perEvent = (total - idlePerSecond * seconds) / EVENTS;
          (results.get(run) ?? results.set(run, []).get(run)!).push(perEvent);
          const file = `${OUT}/live-viewer-${run.replace(/\W/g, '')}-${round}.cpuprofile`;
          writeFileSync(file, JSON.stringify(profile));
          console.log(`\n== ${run} round ${round}: main thread ${total.toFixed(0)} ms over ${EVENTS} events in ${seconds.toFixed(1)} s, idle ${idlePerSecond.toFixed(1)} ms/s → ${perEvent.toFixed(1)} ms per event (${file})`);
          console.log(`   per event: ${split}`);
          // Every process and thread of the browser (raster, compositing, the GPU process, IPC), idle rate subtracted.
          const processes = Object.entries(eventsCpu).map(([type, ms]) => [type, (ms - ((idleCpu[type] ?? 0) / idleSeconds) * seconds) / EVENTS] as const);
          console.log(`   all Chromium processes per event: ${processes.map(([t, ms]) => `${t} ${ms.toFixed(1)}`).join(', ')}; sum ${processes.reduce((s, [, ms]) => s + ms, 0).toFixed(1)} ms`);
          for (const line of topSelf(profile)) console.log(line);
          if (trace) {
            console.log('   trace, main-thread self time over all events:');
            for (const line of traceSelf(trace)) console.log(line);
          }
          await context.close();
          // Back to SIZE annotations for the next run.
          await withClient(database.url, (c) => c.query(`DELETE FROM "Annotation" WHERE "authorId" = $1`, [writer.id]));
        } finally {
          await server.stop();
        }
      }
    }
  } finally {
    await browser.close();
    await dropDatabase(database.name).catch(() => undefined);
  }
  console.log('\nper-event viewer main-thread CPU (ms):');
  for (const [dist, values] of results) console.log(`  ${dist}: ${values.map((v) => v.toFixed(1)).join(', ')} (median ${median(values).toFixed(1)})`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
