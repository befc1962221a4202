/**
 * `xabar doctor` (issue 17): each check says what is wrong and how to fix it, changes nothing,
 * and the exit code is 1 exactly when a check fails. On SQLite and PostgreSQL: a migrated database
 * passes, a missing migration fails with the `xabar migrate` fix, an unreachable server fails;
 * Redis at a wrong port, an unwritable media folder, a bad config and a disk threshold above the
 * free space are reported. One run is a real process, for the printed report and the exit code.
 */
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../src/db/connect.js';
import { migrate } from '../src/db/migrate.js';
import { exitCode, formatReport, runDoctor, type Check } from '../src/ops/doctor.js';

const PG = process.env.XABAR_TEST_PG;
const REDIS = process.env.XABAR_TEST_REDIS ?? 'redis://127.0.0.1:6379';
const dirs: string[] = [];
function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-doctor-'));
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const byName = (checks: Check[], name: string) => checks.find((c) => c.name === name);

async function migratedSqlite(): Promise<string> {
  const dir = tmp();
  const db = await openDb({ dialect: 'sqlite', file: path.join(dir, 'xabar.db') });
  await migrate(db);
  await db.close();
  return dir;
}

describe('xabar doctor on SQLite', () => {
  it('a migrated site with Redis passes every check (exit 0)', async () => {
    const dir = await migratedSqlite();
    const checks = await runDoctor({ env: { DATA_DIR: dir, SITE_URL: 'https://news.example.uz', REDIS_URL: REDIS } });
    expect(checks.filter((c) => c.status !== 'ok')).toEqual([]);
    expect(checks.map((c) => c.name)).toEqual(['runtime', 'config', 'database', 'migrations', 'media', 'redis', 'disk']);
    expect(exitCode(checks)).toBe(0);
  });

  it('a new installation: no database yet is a warning, and doctor does not create it', async () => {
    const dir = tmp();
    const checks = await runDoctor({ env: { DATA_DIR: dir } });
    expect(byName(checks, 'database')).toMatchObject({ status: 'warn', fix: expect.stringContaining('npx xabar migrate') });
    expect(byName(checks, 'config')).toMatchObject({ status: 'warn', fix: expect.stringContaining('SITE_URL') });
    expect(exitCode(checks)).toBe(0);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a migration missing from the database fails with the fix', async () => {
    const dir = await migratedSqlite();
    const db = await openDb({ dialect: 'sqlite', file: path.join(dir, 'xabar.db') });
    await sql`delete from xabar_migrations where name = '0026_bounded_pages'`.execute(db.kysely);
    await sql`insert into xabar_migrations (name, timestamp) values ('0999_from_the_future', '2030-01-01')`.execute(db.kysely);
    await db.close();
    const checks = await runDoctor({ env: { DATA_DIR: dir, SITE_URL: 'https://news.example.uz' } });
    expect(byName(checks, 'migrations')).toMatchObject({ status: 'fail', detail: '1 not applied: 0026_bounded_pages', fix: expect.stringContaining('npx xabar migrate') });
    expect(exitCode(checks)).toBe(1);
    // Doctor changed nothing.
    const again = await openDb({ dialect: 'sqlite', file: path.join(dir, 'xabar.db') });
    expect((await sql<{ n: number }>`select count(*) as n from xabar_migrations where name = '0026_bounded_pages'`.execute(again.kysely)).rows[0]!.n).toBe(0);
    // Current again, plus one from a newer version: a warning only.
    await migrate(again);
    await again.close();
    const later = await runDoctor({ env: { DATA_DIR: dir, SITE_URL: 'https://news.example.uz' } });
    expect(byName(later, 'migrations')).toMatchObject({ status: 'warn', detail: expect.stringContaining('0999_from_the_future') });
    expect(exitCode(later)).toBe(0);
  });

  it('Redis at a wrong port, an unwritable media folder and low disk are reported', async () => {
    const dir = await migratedSqlite();
    fs.writeFileSync(path.join(dir, 'media'), 'not a folder');
    const checks = await runDoctor({ env: { DATA_DIR: dir, SITE_URL: 'https://news.example.uz', REDIS_URL: 'redis://:hunter2-secret@127.0.0.1:1', XABAR_DISK_MIN_MB: '10000000' } });
    expect(byName(checks, 'redis')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/ECONNREFUSED/), fix: expect.stringContaining('REDIS_URL') });
    expect(byName(checks, 'media')).toMatchObject({ status: 'fail', fix: expect.stringContaining('writable') });
    expect(byName(checks, 'disk')).toMatchObject({ status: 'warn', detail: expect.stringContaining('XABAR_DISK_MIN_MB') });
    expect(formatReport(checks)).not.toContain('hunter2-secret');
    expect(exitCode(checks)).toBe(1);
  });

  it('an unreachable media bucket fails with the S3 settings to check', async () => {
    const dir = await migratedSqlite();
    const checks = await runDoctor({ env: { DATA_DIR: dir, SITE_URL: 'https://news.example.uz', S3_BUCKET: 'xabar-media', S3_ENDPOINT: 'http://127.0.0.1:1', S3_FORCE_PATH_STYLE: 'true', S3_ACCESS_KEY_ID: 'AKIDEXAMPLE', S3_SECRET_ACCESS_KEY: 's3-secret-never-shown' } });
    expect(byName(checks, 'media')).toMatchObject({ status: 'fail', detail: expect.stringContaining('xabar-media'), fix: expect.stringContaining('S3_ENDPOINT') });
    expect(formatReport(checks)).not.toContain('s3-secret-never-shown');
    expect(exitCode(checks)).toBe(1);
  }, 60_000);

  it('a bad configuration lists every problem and fails', async () => {
    const checks = await runDoctor({ env: { DATA_DIR: tmp(), PORT: 'abc', XABAR_METRICS_ALLOW: 'nope' } });
    const config = byName(checks, 'config')!;
    expect(config.status).toBe('fail');
    expect(config.detail).toContain('PORT must be a whole number');
    expect(config.detail).toContain('XABAR_METRICS_ALLOW');
    expect(exitCode(checks)).toBe(1);
  });

  it('as a process: prints the report and exits 1 on a problem', () => {
    const dir = tmp();
    const r = spawnSync(path.resolve('node_modules/.bin/tsx'), ['src/cli/xabar.ts', 'doctor'], {
      env: { ...process.env, DATA_DIR: dir, SITE_URL: 'https://news.example.uz', REDIS_URL: 'redis://127.0.0.1:1', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^Xabar doctor \(version \d+\.\d+\.\d+\)\n/);
    expect(r.stdout).toMatch(/\[FAIL\] redis +cannot reach redis:\/\/127\.0\.0\.1:1/);
    expect(r.stdout).toMatch(/fix: check REDIS_URL/);
    expect(r.stdout).toMatch(/1 problem, 1 warning\.\n$/);
  }, 60_000);
});

describe.skipIf(!PG)('xabar doctor on PostgreSQL', () => {
  it('a migrated schema passes; a missing migration fails; an unreachable server fails with the fix', async () => {
    const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
    const admin = await openDb({ dialect: 'postgres', url: PG! });
    await sql.raw(`create schema ${schema}`).execute(admin.kysely);
    try {
      const target = { dialect: 'postgres' as const, url: PG!, schema };
      const env = { DATA_DIR: tmp(), DATABASE_URL: PG!, SITE_URL: 'https://news.example.uz' };
      const fresh = await runDoctor({ env, dbTarget: target });
      expect(byName(fresh, 'migrations')).toMatchObject({ status: 'fail', detail: expect.stringContaining('never been migrated') });
      const db = await openDb(target);
      await migrate(db);
      await db.close();
      const ok = await runDoctor({ env, dbTarget: target });
      expect(ok.filter((c) => c.status !== 'ok')).toEqual([]);
      expect(byName(ok, 'database')!.detail).toContain(schema);
      await sql.raw(`delete from ${schema}.xabar_migrations where name = '0024_search'`).execute(admin.kysely);
      const pending = await runDoctor({ env, dbTarget: target });
      expect(byName(pending, 'migrations')).toMatchObject({ status: 'fail', detail: '1 not applied: 0024_search' });
      const down = await runDoctor({ env: { ...env, DATABASE_URL: 'postgres://xabar:pa55word@127.0.0.1:1/none' } });
      expect(byName(down, 'database')).toMatchObject({ status: 'fail', fix: expect.stringContaining('DATABASE_URL') });
      expect(formatReport(down)).not.toContain('pa55word');
      expect(exitCode(down)).toBe(1);
    } finally {
      await sql.raw(`drop schema if exists ${schema} cascade`).execute(admin.kysely);
      await admin.close();
    }
  }, 60_000);
});
