import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/health/route';
import { createPrismaClient, db, disconnectDb } from '@/lib/db/server/prisma';
import { checkHealth, defaultMigrationsDir } from '@/lib/health/server/check-health';

/** A port nothing listens on: bound, then released. */
function deadPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const scratch = mkdtempSync(join(tmpdir(), 'claimdesk-health-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('GET /api/health', () => {
  // The probe's timeout is for a database that hangs, not for this process loading its client.
  beforeAll(async () => {
    await db.$queryRaw`SELECT 1`;
  });

  it('answers 200 with db ok and migrations current on the migrated test database, without credentials', async () => {
    const res = await GET(new Request('http://localhost/api/health'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, db: 'ok', migrations: 'current' });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-request-id')).toMatch(/^[\w.-]{8,64}$/);
  });

  it('answers 503 naming the database when the database port is dead', async () => {
    const saved = process.env.DATABASE_URL;
    await disconnectDb();
    process.env.DATABASE_URL = `postgresql://postgres@127.0.0.1:${await deadPort()}/claimdesk`;
    try {
      const started = Date.now();
      const res = await GET(new Request('http://localhost/api/health'));
      const body: unknown = await res.json();
      expect(res.status).toBe(503);
      expect(body).toMatchObject({ ok: false, db: 'unreachable', migrations: 'unknown', error: { code: 'unavailable' } });
      // The probe is public: the reason, never the address.
      expect(JSON.stringify(body)).not.toContain('127.0.0.1');
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = saved;
    }
    // And it recovers once the database is back.
    await db.$queryRaw`SELECT 1`;
    expect((await GET(new Request('http://localhost/api/health'))).status).toBe(200);
  });

  it('reports a database that does not answer in time as unreachable', async () => {
    // A listener that accepts and never speaks: a hung server, not a refused connection.
    const silent = net.createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const client = createPrismaClient(`postgresql://postgres@127.0.0.1:${(silent.address() as net.AddressInfo).port}/claimdesk`);
    try {
      const health = await checkHealth(client, defaultMigrationsDir(), 300);
      expect(health).toMatchObject({ ok: false, db: 'unreachable', migrations: 'unknown' });
      expect(health.error?.message).toContain('no answer within 300 ms');
    } finally {
      silent.close();
      void client.$disconnect().catch(() => undefined);
    }
  });

  it('reports a migration shipped with the build but not applied as pending (503)', async () => {
    const dir = join(scratch, 'migrations');
    cpSync(defaultMigrationsDir(), dir, { recursive: true });
    mkdirSync(join(dir, '29991231235959_not_applied_yet'));
    writeFileSync(join(dir, '29991231235959_not_applied_yet', 'migration.sql'), 'SELECT 1;\n');
    const health = await checkHealth(db, dir);
    expect(health).toMatchObject({ ok: false, db: 'ok', migrations: 'pending', pending: ['29991231235959_not_applied_yet'] });
    expect(health.error?.message).toMatch(/1 migration\(s\) not applied/);
    // The real folder is fully applied.
    expect(readdirSync(defaultMigrationsDir()).length).toBeGreaterThan(1);
    expect(await checkHealth(db)).toEqual({ ok: true, db: 'ok', migrations: 'current' });
  });

  it('reports every migration as pending on a database that was never migrated', async () => {
    // An empty schema first on the search path stands for a fresh database (CREATE DATABASE is slow under load).
    const schema = `health_empty_${Date.now().toString(36)}`;
    await db.$executeRawUnsafe(`CREATE SCHEMA "${schema}"`);
    const url = new URL(process.env.DATABASE_URL!);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const client = createPrismaClient(url.toString());
    try {
      const health = await checkHealth(client);
      expect(health.ok).toBe(false);
      expect(health.migrations).toBe('pending');
      expect(health.pending).toEqual(readdirSync(defaultMigrationsDir(), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort());
    } finally {
      await client.$disconnect();
      await db.$executeRawUnsafe(`DROP SCHEMA "${schema}" CASCADE`);
    }
  });
});
