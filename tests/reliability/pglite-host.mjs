#!/usr/bin/env node
// Hosts the embedded database exactly as scripts/with-db.mjs does (lib/db/embedded-postgres.mjs),
// but on `<root>/.data/pglite` for a root given on the command line, so the durability test can
// crash and restart it on a scratch folder without touching the checkout's own .data.
//   PGLITE_PORT=<port> node tests/reliability/pglite-host.mjs <root>
// Prints {"url": …} on one line once it accepts connections; SIGTERM/SIGINT stop it cleanly.
import { startEmbeddedPostgres } from '../../lib/db/embedded-postgres.mjs';

const root = process.argv[2];
if (!root) {
  console.error('usage: pglite-host.mjs <root>');
  process.exit(2);
}
const embedded = await startEmbeddedPostgres(root);
process.stdout.write(`${JSON.stringify({ url: embedded.url, pid: process.pid })}\n`);
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    void embedded.stop().then(() => process.exit(0));
  });
}
