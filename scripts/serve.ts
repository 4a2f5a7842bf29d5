// The production server (`npm start`, the container): Next's request handler on an HTTP server this
// file owns, so that SIGTERM stops it without cutting a write in half:
//   1. stop accepting connections; a request that still arrives on an open keep-alive connection is
//      answered 503 + `Connection: close` before anything runs (a client or the proxy retries it);
//   2. close the live-event streams with a `retry:` hint, so browsers reconnect (to another instance);
//   3. wait for the requests in flight, up to SHUTDOWN_TIMEOUT_MS (8 s by default);
//   4. close the LISTEN connection and the database pool, then exit 0 (1 if a request had to be cut).
// The embedded database, when there is one, belongs to scripts/with-db.mjs and stops after this
// process has exited. Compiled to <dist>/cli/serve.mjs by scripts/build-cli.mjs (no tsx at run time).
import { createServer, type ServerResponse } from 'node:http';
import { readEnvOrExit } from '@/lib/env';
import { closeResources, closeStreams } from '@/lib/lifecycle/server/shutdown';
import { logger } from '@/lib/log/server/logger';

(process.env as Record<string, string>).NODE_ENV = 'production';
// Next's own SIGTERM handler would exit 143 before the pools are closed: this file handles it.
process.env.NEXT_MANUAL_SIG_HANDLE = 'true';
const env = readEnvOrExit();

const { default: next } = await import('next');
const app = next({ dev: false, dir: process.cwd(), hostname: env.HOST, port: env.PORT });
const handle = app.getRequestHandler();
await app.prepare();

let stopping = false;
const inFlight = new Set<ServerResponse>();
let drained = () => undefined as void;

function refuse(res: ServerResponse): void {
  res.writeHead(503, { 'Content-Type': 'application/json', Connection: 'close', 'Retry-After': '1' });
  res.end(JSON.stringify({ error: { code: 'unavailable', message: 'This server is restarting: try again in a moment.' } }));
}

const server = createServer((req, res) => {
  if (stopping) return refuse(res);
  inFlight.add(res);
  res.once('close', () => {
    inFlight.delete(res);
    if (stopping && inFlight.size === 0) drained();
  });
  handle(req, res).catch((error: unknown) => {
    logger.error({ err: error, method: req.method, route: req.url?.split('?')[0] }, 'request failed outside the app');
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end();
    } else res.destroy();
  });
});

server.on('error', (error) => {
  logger.fatal({ err: error, port: env.PORT }, 'could not start the HTTP server');
  process.exit(1);
});
server.listen(env.PORT, env.HOST, () => {
  logger.info({ port: env.PORT, host: env.HOST ?? 'all interfaces', database: process.env.CLAIMDESK_EMBEDDED_DB ? 'embedded' : 'DATABASE_URL' }, `listening on port ${env.PORT}`);
});

async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  const started = Date.now();
  logger.info({ signal, inFlight: inFlight.size }, 'stopping: no new connections, finishing the requests in flight');
  server.close();
  server.closeIdleConnections();
  const streams = closeStreams();
  if (inFlight.size > 0) {
    await new Promise<void>((resolve) => {
      drained = resolve;
      setTimeout(resolve, env.SHUTDOWN_TIMEOUT_MS).unref();
    });
  }
  const cut = inFlight.size;
  if (cut) logger.error({ cut, waitedMs: Date.now() - started }, `${cut} request(s) still running after ${env.SHUTDOWN_TIMEOUT_MS} ms: cut`);
  server.closeAllConnections();
  await app.close().catch((error: unknown) => logger.error({ err: error }, 'closing Next failed'));
  const closed = await closeResources((name, error) => logger.error({ err: error, resource: name }, `closing the ${name} failed`));
  logger.info({ ms: Date.now() - started, streams, closed }, 'stopped');
  process.exit(cut ? 1 : 0);
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void stop(signal));
