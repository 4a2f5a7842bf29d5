import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The Postgres server tests run on: DATABASE_URL's server, else the local one (postgres@127.0.0.1:5432). */
export function testServerUrl(): URL {
  const base = process.env.TEST_DATABASE_SERVER ?? process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  return new URL(base);
}

export function urlForDatabase(name: string): string {
  const url = testServerUrl();
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates an empty database with a unique name and returns its URL. */
export async function createThrowawayDatabase(prefix = 'claimdesk_test'): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: urlForDatabase('postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return { name, url: urlForDatabase(name) };
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: urlForDatabase('postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
