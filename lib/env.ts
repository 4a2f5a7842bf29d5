// The server's configuration: every environment variable Claimdesk reads at run time, checked in one
// place. The production entry points (scripts/serve.ts, the compiled command-line tools) call
// `readEnvOrExit()` before anything else, so a missing secret stops the process with one line instead
// of a stack trace or, worse, a server that signs sessions with a throwaway key.
// compose.yaml and the README's environment table name exactly these variables
// (tests/unit/deploy/deploy-files.test.ts keeps them in step).
import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'], { error: 'use true or false' })
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgresql:// URL, e.g. postgresql://claimdesk:PASSWORD@db:5432/claimdesk' })
    .optional(),
  AUTH_SECRET: z.string().min(32, { error: 'is too short: use at least 32 characters, e.g. the output of `openssl rand -base64 32`' }).optional(),
  /** The public URL users open (https://claimdesk.example.org); Auth.js builds its callback URLs from it. */
  AUTH_URL: z.url({ protocol: /^https?$/, error: 'must be the public http(s) URL of the app, e.g. https://claimdesk.example.org' }).optional(),
  /** Let Auth.js build its own URLs from the request's (forwarded) host when AUTH_URL is not set. */
  AUTH_TRUST_HOST: flag.default(true),
  /**
   * The proxies whose X-Forwarded-For/-Host/-Proto are believed (lib/security/server/client-address.ts):
   * addresses, CIDR ranges or `loopback`, `linklocal`, `uniquelocal`, comma-separated. None when unset.
   */
  TRUSTED_PROXIES: z.string().optional(),
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(1).max(65535).default(3000),
  /** The interface to listen on; all of them when unset. (Not HOSTNAME: containers set that to their id.) */
  HOST: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  /** Connections per app process. The embedded database needs 1 (scripts/with-db.mjs sets it). */
  DATABASE_POOL_SIZE: z.coerce.number({ error: 'must be a number' }).int().min(1).max(200).default(10),
  /** How long SIGTERM waits for requests in flight before closing the database pool. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(0).max(60_000).default(8_000),
});

export type Env = z.infer<typeof envSchema>;

/** The variables the schema knows, for the README table and the deployment files' check. */
export const ENV_NAMES = Object.keys(envSchema.shape) as Array<keyof Env>;

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvError';
  }
}

const AUTH_SECRET_MISSING =
  'AUTH_SECRET is not set: in production every instance must sign session cookies with the same secret. ' +
  'Make one with `openssl rand -base64 32` and start with AUTH_SECRET=<that value>.';

/** Parses `source` (process.env by default); throws an EnvError whose message is one line naming the variable. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty variable (`AUTH_SECRET=` in a compose file) means unset, not "the empty string".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new EnvError(`${name} ${issue.message.replace(/^Invalid input: /, '')} (got ${JSON.stringify(redactValue(name, cleaned[name]))}).`);
  }
  const env = parsed.data;
  if (env.NODE_ENV === 'production' && !env.AUTH_SECRET) throw new EnvError(AUTH_SECRET_MISSING);
  return env;
}

function redactValue(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (name === 'AUTH_SECRET') return `${value.length} characters`;
  if (name === 'DATABASE_URL') return value.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:…@');
  return value;
}

/** For entry points: the parsed environment, or one line on stderr and exit code 1. */
export function readEnvOrExit(source: Record<string, string | undefined> = process.env): Env {
  try {
    return readEnv(source);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`[claimdesk] ${error.message}`);
    process.exit(1);
  }
}
