import { cpSync, mkdtempSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checksumOf, migrate, MigrationChecksumError } from '@/lib/db/server/migrate';
import { createThrowawayDatabase, dropDatabase } from '@/tests/support/throwaway-db';

describe('migration runner', () => {
  let db: { name: string; url: string };
  let dir: string;
  beforeAll(async () => {
    db = await createThrowawayDatabase('claimdesk_migrate');
    dir = mkdtempSync(join(tmpdir(), 'migrations-'));
    cpSync(join(process.cwd(), 'prisma/migrations'), dir, { recursive: true });
  });
  afterAll(async () => dropDatabase(db.name));

  it('applies every migration once, records it like Prisma, and is idempotent', async () => {
    const first = await migrate(db.url, dir);
    expect(first.applied).toContain('20261125120000_init');
    const second = await migrate(db.url, dir);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(first.applied);

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query('SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM _prisma_migrations ORDER BY migration_name');
    const { rows: tables } = await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename = 'Annotation'`);
    await client.end();
    expect(rows).toHaveLength(first.applied.length);
    expect(rows[0].checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].finished_at).not.toBeNull();
    expect(rows[0].applied_steps_count).toBe(1);
    expect(rows[0].rolled_back_at).toBeNull();
    expect(tables[0].n).toBe(1);
  });

  it('applies a new migration folder, in a transaction that rolls back on failure', async () => {
    writeFileSync(join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
    cpSync(join(dir, '20261125120000_init'), join(dir, '29990101000000_broken'), { recursive: true });
    writeFileSync(join(dir, '29990101000000_broken', 'migration.sql'), 'CREATE TABLE "Half" (id int);\nSELECT * FROM does_not_exist;\n');
    await expect(migrate(db.url, dir)).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const half = await client.query(`SELECT to_regclass('public."Half"') AS t`);
    const recorded = await client.query(`SELECT count(*)::int AS n FROM _prisma_migrations WHERE migration_name = '29990101000000_broken'`);
    await client.end();
    expect(half.rows[0].t).toBeNull();
    expect(recorded.rows[0].n).toBe(0);

    writeFileSync(join(dir, '29990101000000_broken', 'migration.sql'), 'CREATE TABLE "Whole" (id int);\n');
    const result = await migrate(db.url, dir);
    expect(result.applied).toEqual(['29990101000000_broken']);
  });

  it('refuses to run when an applied migration was edited', async () => {
    appendFileSync(join(dir, '20261125120000_init', 'migration.sql'), '\n-- edited after the fact\n');
    await expect(migrate(db.url, dir)).rejects.toBeInstanceOf(MigrationChecksumError);
  });

  it('uses the sha256 of the file as the checksum', () => {
    expect(checksumOf('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
