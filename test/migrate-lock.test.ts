/**
 * Upgrades without fear (issue 17): several nodes starting at once against one database migrate
 * it once. On PostgreSQL, four pools (four nodes) run the migrations at the same moment; Kysely's
 * migrator holds an advisory lock, so one applies everything and the others find nothing to do.
 * On SQLite, three real `xabar migrate` processes start at once on one file. Either way every
 * migration is recorded exactly once and `pendingMigrations` then reports nothing pending.
 */
import crypto from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../src/db/connect.js';
import { migrate, MIGRATION_NAMES, pendingMigrations } from '../src/db/migrate.js';

const PG = process.env.XABAR_TEST_PG;
const TSX = path.resolve('node_modules/.bin/tsx');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(TSX, ['src/cli/xabar.ts', ...args], { env: { ...process.env, LOG_LEVEL: 'silent', XABAR_DEMO: 'false', ...env } });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('migrations at start, several nodes at once', () => {
  it('SQLite: three processes migrating one new file at once all succeed and record each migration once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-migrate-'));
    dirs.push(dir);
    const runs = await Promise.all([0, 1, 2].map(() => runCli(['migrate'], { DATA_DIR: dir })));
    for (const r of runs) {
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
    }
    const db = await openDb({ dialect: 'sqlite', file: path.join(dir, 'xabar.db') });
    try {
      const rows = await sql<{ name: string; n: number }>`select name, count(*) as n from xabar_migrations group by name`.execute(db.kysely);
      expect(rows.rows.map((r) => r.name).sort()).toEqual([...MIGRATION_NAMES].sort());
      expect(rows.rows.every((r) => Number(r.n) === 1)).toBe(true);
      expect(await pendingMigrations(db)).toEqual([]);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('SQLite: two connections of one process migrating at once wait for each other without blocking', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-migrate-'));
    dirs.push(dir);
    const file = path.join(dir, 'xabar.db');
    const a = await openDb({ dialect: 'sqlite', file });
    const b = await openDb({ dialect: 'sqlite', file });
    try {
      const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
      expect([ra.length, rb.length].sort((x, y) => x - y)).toEqual([0, MIGRATION_NAMES.length]);
      expect(await pendingMigrations(b)).toEqual([]);
    } finally {
      await a.close();
      await b.close();
    }
  }, 60_000);

  it('an older node starts on a database a newer version already migrated (rolling upgrade, rollback)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-migrate-'));
    dirs.push(dir);
    const db = await openDb({ dialect: 'sqlite', file: path.join(dir, 'xabar.db') });
    try {
      await migrate(db);
      // What a newer release leaves behind: its migration recorded and its expansion made.
      await sql`insert into xabar_migrations (name, timestamp) values ('0999_newer_release', '2030-01-01T00:00:00.000Z')`.execute(db.kysely);
      await sql`alter table editions add column newer_release_note text`.execute(db.kysely);
      expect(await migrate(db)).toEqual([]);
      expect(await pendingMigrations(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it.skipIf(!PG)('PostgreSQL: four nodes migrating one new schema at once: one applies every migration, the others none', async () => {
    const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
    const admin = await openDb({ dialect: 'postgres', url: PG! });
    await sql.raw(`create schema ${schema}`).execute(admin.kysely);
    const nodes: Db[] = [];
    try {
      for (let i = 0; i < 4; i++) nodes.push(await openDb({ dialect: 'postgres', url: PG!, schema }));
      expect(await pendingMigrations(nodes[0]!)).toEqual([...MIGRATION_NAMES]);
      const applied = await Promise.all(nodes.map((db) => migrate(db)));
      const busy = applied.filter((a) => a.length > 0);
      expect(busy).toHaveLength(1);
      expect([...busy[0]!].sort()).toEqual([...MIGRATION_NAMES].sort());
      const rows = await sql<{ name: string; n: number }>`select name, count(*)::int as n from ${sql.table(`${schema}.xabar_migrations`)} group by name`.execute(admin.kysely);
      expect(rows.rows).toHaveLength(MIGRATION_NAMES.length);
      expect(rows.rows.every((r) => Number(r.n) === 1)).toBe(true);
      for (const db of nodes) expect(await pendingMigrations(db)).toEqual([]);
      // A later start finds nothing to do.
      expect(await migrate(nodes[1]!)).toEqual([]);
    } finally {
      await Promise.all(nodes.map((db) => db.close()));
      await sql.raw(`drop schema if exists ${schema} cascade`).execute(admin.kysely);
      await admin.close();
    }
  }, 120_000);
});
