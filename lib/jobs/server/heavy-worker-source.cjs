// Loads the heavy-work worker (heavy-worker.ts) from source through tsx's require hook, for next dev,
// Vitest and a `next start` without the compiled worker. (Node 20 does not apply `--import tsx`
// loader hooks inside worker threads; the require hook runs in the thread itself.)
const { require: tsxRequire } = require('tsx/cjs/api');

module.exports = tsxRequire('./heavy-worker.ts', __filename);
