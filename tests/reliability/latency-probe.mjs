// The latency probe of tests/reliability/heavy-request.ts, in a process of its own: asks each path
// every `everyMs` and prints one JSON line per answer ({ path, ms, at, status, error }) until SIGTERM.
// Apart from the check's own process (which builds and sends megabytes of request bodies), so that
// what it measures is the server's answer time, not the measuring process's own turn on the CPU.
// Usage: node latency-probe.mjs <baseUrl> <everyMs> <path>…
const [base, every, ...paths] = process.argv.slice(2);
const everyMs = Number(every);
let running = true;
process.on('SIGTERM', () => {
  running = false;
});

async function probe(path) {
  while (running) {
    const started = performance.now();
    let status = 0;
    let error = null;
    try {
      const res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(30_000) });
      await res.arrayBuffer();
      status = res.status;
    } catch (e) {
      error = String(e?.cause ?? e);
    }
    const ms = performance.now() - started;
    process.stdout.write(`${JSON.stringify({ path, ms, at: Date.now(), status, error })}\n`);
    await new Promise((r) => setTimeout(r, Math.max(0, everyMs - ms)));
  }
}

await Promise.all(paths.map(probe));
