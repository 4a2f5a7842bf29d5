import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { EnvError, readEnv } from '@/lib/env';

const SECRET = 'x'.repeat(44);

function message(source: Record<string, string>): string {
  try {
    readEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error('readEnv accepted it');
}

describe('lib/env.ts', () => {
  it('has working defaults for development: no database URL, no secret, port 3000', () => {
    const env = readEnv({});
    expect(env).toMatchObject({ NODE_ENV: 'development', PORT: 3000, DATABASE_POOL_SIZE: 10, CHROMIUM_PATH: '/usr/bin/chromium', AUTH_TRUST_HOST: true });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.AUTH_SECRET).toBeUndefined();
  });

  it('refuses production without AUTH_SECRET in one line that names it and says how to make one', () => {
    const text = message({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://u@db:5432/claimdesk' });
    expect(text).toMatch(/^AUTH_SECRET is not set/);
    expect(text).toContain('openssl rand -base64 32');
    expect(text).not.toContain('\n');
    // An empty variable (AUTH_SECRET= in a compose file) is the same as none.
    expect(message({ NODE_ENV: 'production', AUTH_SECRET: '' })).toMatch(/^AUTH_SECRET is not set/);
  });

  it('accepts production with a secret, coerces numbers and flags', () => {
    const env = readEnv({ NODE_ENV: 'production', AUTH_SECRET: SECRET, PORT: '4100', DATABASE_POOL_SIZE: '4', AUTH_TRUST_HOST: 'false', LOG_LEVEL: 'debug' });
    expect(env).toMatchObject({ PORT: 4100, DATABASE_POOL_SIZE: 4, AUTH_TRUST_HOST: false, LOG_LEVEL: 'debug' });
  });

  it('names the variable of a bad value, without printing a secret or a database password', () => {
    expect(message({ PORT: 'eighty' })).toMatch(/^PORT must be a port number/);
    expect(message({ PORT: '70000' })).toMatch(/^PORT /);
    expect(message({ LOG_LEVEL: 'loud' })).toMatch(/^LOG_LEVEL must be one of fatal, error/);
    expect(message({ AUTH_URL: 'claimdesk.example.org' })).toMatch(/^AUTH_URL must be the public http\(s\) URL/);
    const short = message({ AUTH_SECRET: 'hunter2' });
    expect(short).toMatch(/^AUTH_SECRET is too short/);
    expect(short).not.toContain('hunter2');
    const url = message({ DATABASE_URL: 'mysql://admin:s3cret@db/claimdesk' });
    expect(url).toMatch(/^DATABASE_URL must be a postgresql:\/\/ URL/);
    expect(url).not.toContain('s3cret');
  });

  it('a production start without AUTH_SECRET exits with code 1 and that one line, before touching the database', () => {
    // scripts/prepare-db.ts is the first thing `npm start` runs (and the compiled tools share its check).
    const run = spawnSync('node_modules/.bin/tsx', ['--conditions=react-server', 'scripts/prepare-db.ts'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, NODE_ENV: 'production', DATABASE_URL: 'postgresql://u@127.0.0.1:9/claimdesk' },
    });
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^\[claimdesk\] AUTH_SECRET is not set: .*openssl rand -base64 32/)]);
    expect(run.status).toBe(1);
  });
});
