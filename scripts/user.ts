// Admin command line: npm run user -- create|token|disable ... (prints only the result).
import { runUserCommand } from '@/lib/users/server/user-cli';
import { disconnectDb } from '@/lib/db/server/prisma';

const code = await runUserCommand(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
await disconnectDb();
process.exit(code);
