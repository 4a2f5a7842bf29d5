// Production build + `next start` harness shared by the server benchmarks (bench/api, bench/reader)
// and the durability test (tests/reliability). The app is started exactly as `npm start` does it:
// `node scripts/with-db.mjs next start`, which applies the migrations and seeds an empty database.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = process.cwd();

/** `next build` rewrites tsconfig.json (adds its dist folders to "include"); put the file back as it was. */
function withTsconfigRestored<T>(fn: () => Promise<T>): Promise<T> {
  const file = join(ROOT, 'tsconfig.json');
  const before = readFileSync(file, 'utf8');
  return fn().finally(() => {
    if (readFileSync(file, 'utf8') !== before) writeFileSync(file, before);
  });
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * A production build in `distDir` (relative to the project), reused when it already exists
 * (`BENCH_REBUILD=1` forces a new one). Returns the seconds spent building (0 when reused).
 */
export async function ensureBuild(distDir: string, { rebuild = process.env.BENCH_REBUILD === '1' } = {}): Promise<number> {
  if (!rebuild && existsSync(join(ROOT, distDir, 'BUILD_ID'))) return 0;
  const started = Date.now();
  console.error(`[bench] next build → ${distDir} (reused on later runs; BENCH_REBUILD=1 rebuilds)`);
  const code = await withTsconfigRestored(() => run(join(ROOT, 'node_modules/.bin/next'), ['build'], { ...process.env, NEXT_DIST_DIR: distDir }));
  if (code !== 0) throw new Error(`next build (${distDir}) failed with exit code ${code}`);
  return (Date.now() - started) / 1000;
}

export type AppServer = {
  url: string;
  port: number;
  child: ChildProcess;
  /** Resolves when the process group leader has exited. */
  exited: Promise<void>;
  /** Signals the whole process group (with-db and the Next server it started). */
  signal(sig: NodeJS.Signals): void;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when gone. */
  stop(graceMs?: number): Promise<void>;
};

export type StartOptions = {
  port: number;
  databaseUrl: string;
  distDir: string;
  authSecret?: string;
  env?: Record<string, string>;
  /** Where the server's output goes: inherited (default), dropped (quiet), or appended to logFile. */
  quiet?: boolean;
  logFile?: string;
  timeoutMs?: number;
  /** Start as `npm start` does (`with-db.mjs --production serve`: the compiled server with graceful SIGTERM) instead of `next start`. */
  production?: boolean;
};

export async function waitForHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before answering ${url}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer ${url} within ${timeoutMs} ms`);
}

/** `node scripts/with-db.mjs next start` on 127.0.0.1:`port`, in its own process group, answering /api/health. */
export async function startApp(options: StartOptions): Promise<AppServer> {
  const { port, databaseUrl, distDir } = options;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: distDir,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: options.authSecret ?? 'bench-secret-0123456789abcdef0123456789abcdef',
    PORT: String(port),
    NEXT_TELEMETRY_DISABLED: '1',
  };
  const command = options.production ? ['scripts/with-db.mjs', '--production', 'serve'] : ['scripts/with-db.mjs', 'next', 'start', '-p', String(port), '-H', '127.0.0.1'];
  if (options.production) env.HOST = '127.0.0.1';
  const child = spawn('node', command, {
    cwd: ROOT,
    env,
    stdio: options.logFile ? ['ignore', openSync(options.logFile, 'a'), openSync(options.logFile, 'a')] : ['ignore', options.quiet ? 'ignore' : 'inherit', options.quiet ? 'ignore' : 'inherit'],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // already gone
    }
  };
  const stop = async (graceMs = 5_000) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      signal('SIGKILL'); // stragglers of the group, if any
      return;
    }
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
    // with-db exits once Next has; anything left in the group goes too.
    signal('SIGKILL');
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealthy(`${url}/api/health`, child, options.timeoutMs ?? 90_000);
  } catch (error) {
    signal('SIGKILL');
    throw error;
  }
  return { url, port, child, exited, signal, stop };
}
