/**
 * `xabar restore DIR`: checks every checksum before touching anything, refuses a target that
 * already holds a site (unless forced), puts the database back, migrates it forward when the
 * backup is older than this version, puts the media back into the configured store (folder or
 * bucket), and recounts what it restored against the manifest.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { sql } from 'kysely';
import { openDb } from '../../db/connect.js';
import { migrate, MIGRATION_NAMES } from '../../db/migrate.js';
import { contentTypeFor, type MediaStore } from '../../media/storage.js';
import type { SourceDatabase } from './backup.js';
import { ident } from './database.js';
import { BackupError, hashFile, mediaPath, readManifest, type Manifest } from './manifest.js';
import { findPgTool, pgConnection, run } from './pg-tools.js';

export interface RestoreTarget {
  database: SourceDatabase;
  store: MediaStore;
  pgBin?: string | null;
  /** Where the site reads its key (DATA_DIR/secret.key); null when XABAR_SECRET_KEY is set. */
  secretKeyFile?: string | null;
}

export type RestorePhase = 'verify' | 'database' | 'media';

export interface RestoreOptions {
  /** Replace a database and media store that are not empty. */
  force?: boolean;
  progress?: (phase: RestorePhase, done: number, total: number) => void;
}

export interface RestoreResult {
  manifest: Manifest;
  /** Migrations run after the restore (the backup was older than this version). */
  migrated: string[];
  /** Rows per table as restored (the manifest's tables). */
  counts: Record<string, number>;
  /** Tables whose restored count differs from the manifest's ("table: manifest → restored"). */
  mismatches: string[];
  mediaFiles: number;
  mediaBytes: number;
  /** 'restored': the backup's secret.key was put in place; 'same': it was already there; 'environment': the operator's XABAR_SECRET_KEY is used; 'none': the backup has none. */
  secretKey: 'restored' | 'same' | 'environment' | 'none';
}

/** Tables whose rows say a site is there: a target holding any of them is not empty. */
const SITE_TABLES = ['stories', 'users', 'media'];

export async function restoreBackup(dir: string, target: RestoreTarget, opts: RestoreOptions = {}): Promise<RestoreResult> {
  const manifest = await readManifest(dir);
  const unknown = manifest.migrations.filter((m) => !MIGRATION_NAMES.includes(m));
  if (unknown.length) {
    throw new BackupError(`This backup was made by a newer Xabar (${manifest.app.version}; migrations this version does not know: ${unknown.join(', ')}). Restore it with that version or newer.`);
  }
  if (manifest.database.dialect !== target.database.dialect) {
    throw new BackupError(`This is a ${manifest.database.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} backup; the configured database is ${target.database.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}. Set DATABASE_URL to a database of the same kind.`);
  }
  await verify(dir, manifest, opts);

  if (!opts.force) {
    const db = await databaseHolds(target.database);
    if (db) throw new BackupError(`The target database is not empty (${db}). Restore into an empty database, or add --force to replace it.`);
    const key = await keyConflict(dir, manifest, target);
    if (key) throw new BackupError(key);
    for await (const key of target.store.list()) {
      throw new BackupError(`The media store (${target.store.describe}) is not empty (it holds ${key}, maybe more). Restore into an empty store, or add --force.`);
    }
  }

  opts.progress?.('database', 0, 1);
  const dbFile = path.join(dir, manifest.database.file);
  if (target.database.dialect === 'sqlite') await restoreSqlite(dbFile, target.database.file);
  else await restorePostgres(dbFile, manifest, target.database, target.pgBin ?? null, opts.force === true);
  opts.progress?.('database', 1, 1);

  const db = await openDb(target.database.dialect === 'sqlite' ? target.database : { dialect: 'postgres', url: target.database.url, schema: target.database.schema });
  let migrated: string[];
  const counts: Record<string, number> = {};
  try {
    migrated = await migrate(db);
    for (const t of Object.keys(manifest.counts)) {
      if (t === 'views_total') continue;
      const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t)}`.execute(db.kysely).catch(() => null);
      if (r) counts[t] = Number(r.rows[0]?.n ?? 0);
    }
    const v = await sql<{ n: number | string }>`select coalesce(sum(views_total), 0) as n from editions`.execute(db.kysely);
    counts.views_total = Number(v.rows[0]?.n ?? 0);
  } finally {
    await db.close();
  }
  const mismatches = Object.entries(manifest.counts)
    .filter(([t, n]) => counts[t] !== undefined && counts[t] !== n)
    .map(([t, n]) => `${t}: ${n} → ${counts[t]}`);

  let secretKey: RestoreResult['secretKey'] = manifest.secretKey ? 'environment' : 'none';
  if (manifest.secretKey && target.secretKeyFile) {
    const had = await hashFile(target.secretKeyFile).catch(() => null);
    if (had?.sha256 === manifest.secretKey.sha256) secretKey = 'same';
    else {
      await fsp.mkdir(path.dirname(target.secretKeyFile), { recursive: true });
      await fsp.copyFile(path.join(dir, 'secret.key'), target.secretKeyFile);
      await fsp.chmod(target.secretKeyFile, 0o600);
      secretKey = 'restored';
    }
  }

  let done = 0;
  opts.progress?.('media', 0, manifest.media.files.length);
  for (const f of manifest.media.files) {
    await target.store.put(f.key, await fsp.readFile(mediaPath(dir, f.key)), contentTypeFor(f.key));
    opts.progress?.('media', ++done, manifest.media.files.length);
  }
  return { manifest, migrated, counts, mismatches, mediaFiles: manifest.media.files.length, mediaBytes: manifest.media.bytes, secretKey };
}

/** Every file against its checksum, before anything is changed. */
async function verify(dir: string, m: Manifest, opts: RestoreOptions): Promise<void> {
  const total = 1 + (m.secretKey ? 1 : 0) + m.media.files.length;
  let done = 0;
  const check = async (file: string, want: { bytes: number; sha256: string }, label: string) => {
    const got = await hashFile(file).catch(() => null);
    if (!got) throw new BackupError(`The backup is incomplete: ${label} is missing (${file}).`);
    if (got.bytes !== want.bytes || got.sha256 !== want.sha256) throw new BackupError(`The backup is damaged: ${label} does not match its checksum in the manifest (${file}). Nothing was restored.`);
    opts.progress?.('verify', ++done, total);
  };
  opts.progress?.('verify', 0, total);
  await check(path.join(dir, m.database.file), m.database, 'the database file');
  if (m.secretKey) await check(path.join(dir, m.secretKey.file), m.secretKey, 'the secret key');
  for (const f of m.media.files) await check(mediaPath(dir, f.key), f, `media file ${f.key}`);
}

/**
 * A different secret.key at the target would be replaced: the sealed secrets of the site there
 * would become unreadable, so that needs --force like any other replacement.
 */
async function keyConflict(dir: string, m: Manifest, target: RestoreTarget): Promise<string | null> {
  if (!m.secretKey || !target.secretKeyFile) return null;
  const had = await hashFile(target.secretKeyFile).catch(() => null);
  if (!had || had.sha256 === m.secretKey.sha256) return null;
  return `${target.secretKeyFile} holds another key than the backup's ${path.join(dir, 'secret.key')} (which seals its two-factor seeds, bot tokens and webhook secrets). Move it away, or add --force to replace it.`;
}

/** What makes the target database not empty, or null. */
async function databaseHolds(target: SourceDatabase): Promise<string | null> {
  if (target.dialect === 'sqlite') {
    if (!fs.existsSync(target.file)) return null;
    const db = new SQLite(target.file, { readonly: true });
    try {
      const out: string[] = [];
      for (const t of SITE_TABLES) {
        const has = db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(t);
        const n = has ? (db.prepare(`select count(*) as n from ${ident(t)}`).get() as { n: number }).n : 0;
        if (n) out.push(`${n} ${t}`);
      }
      return out.length ? `${target.file}: ${out.join(', ')}` : null;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const out: string[] = [];
    for (const t of SITE_TABLES) {
      const has = await client.query('select 1 from information_schema.tables where table_schema = $1 and table_name = $2', [target.schema, t]);
      if (!has.rowCount) continue;
      const n = Number((await client.query<{ n: string }>(`select count(*) as n from ${ident(target.schema)}.${ident(t)}`)).rows[0]!.n);
      if (n) out.push(`${n} ${t}`);
    }
    return out.length ? `schema ${target.schema}: ${out.join(', ')}` : null;
  } finally {
    await client.end();
  }
}

/** The copy replaces the file (and its WAL) by a rename: never half a database under the real name. */
async function restoreSqlite(from: string, file: string): Promise<void> {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.restoring`;
  await fsp.copyFile(from, tmp);
  await fsp.rm(`${file}-wal`, { force: true });
  await fsp.rm(`${file}-shm`, { force: true });
  await fsp.rename(tmp, file);
}

/**
 * pg_dump names every object with its schema. Into the same schema name: restore the dump's
 * objects into it (the schema itself may already exist, so its own entry is left out). Into
 * another name: restore under the dump's name, then rename that schema to the target — which
 * needs the dump's schema name to be free in the target database, and the target schema to hold
 * nothing but Xabar's tables (they are dropped first; anything else there is never touched).
 */
async function restorePostgres(file: string, m: Manifest, target: { url: string; schema: string }, pgBin: string | null, force: boolean): Promise<void> {
  if (m.database.dialect !== 'postgres') return;
  const source = m.database.schema;
  const pgRestore = findPgTool('pg_restore', pgBin);
  const conn = pgConnection(target.url);
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  const listFile = path.join(await fsp.mkdtemp(path.join(os.tmpdir(), 'xabar-restore-')), 'toc.list');
  try {
    const exists = async (s: string) => Boolean((await client.query('select 1 from pg_namespace where nspname = $1', [s])).rowCount);
    if (source !== target.schema && (await exists(source))) {
      throw new BackupError(`The backup's schema «${source}» already exists in the target database, so it cannot be restored there under the name «${target.schema}». Restore into a database without a «${source}» schema, or set the target schema to «${source}».`);
    }
    const tables = (await client.query<{ t: string }>("select table_name as t from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE'", [target.schema])).rows.map((r) => r.t);
    const ours = new Set([...Object.keys(m.counts), 'xabar_migrations', 'xabar_migrations_lock']);
    const foreign = tables.filter((t) => !ours.has(t));
    if (foreign.length && !force) {
      throw new BackupError(`Schema ${target.schema} holds tables that are not Xabar's (${foreign.slice(0, 5).join(', ')}). Restore into a schema of its own (DATABASE_URL with ?options=-c%20search_path%3Dxabar, or another database).`);
    }
    const toc = await run(pgRestore, ['--list', file], conn.env);
    // The target is empty (or --force): Xabar's own tables go, and its functions (the list index's
    // trigger functions, migration 0035) — those the dump brings again; nothing else in the schema
    // is touched.
    for (const t of tables.filter((x) => ours.has(x))) await client.query(`drop table if exists ${ident(target.schema)}.${ident(t)} cascade`);
    for (const fn of dumpedFunctions(toc)) await client.query(`drop function if exists ${ident(target.schema)}.${fn}`);
    await client.query(`create schema if not exists ${ident(source === target.schema ? target.schema : source)}`);
    await fsp.writeFile(listFile, toc.split('\n').filter((l) => !/^\d+;\s+\d+\s+\d+\s+SCHEMA\s/.test(l)).join('\n'));
    try {
      await run(pgRestore, [...conn.args, '--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--use-list=${listFile}`, file], conn.env);
      if (source !== target.schema) {
        await client.query('begin');
        // RESTRICT: a target schema still holding anything (not Xabar's) is not dropped.
        await client.query(`drop schema if exists ${ident(target.schema)}`).catch((err: Error) => {
          throw new BackupError(`Schema ${target.schema} holds objects that are not Xabar's, so the restored schema cannot take its name (${err.message}). Restore into an empty schema, or one named «${source}».`);
        });
        await client.query(`alter schema ${ident(source)} rename to ${ident(target.schema)}`);
        await client.query('commit');
      }
    } catch (err) {
      if (source !== target.schema) {
        await client.query('rollback').catch(() => undefined);
        await client.query(`drop schema if exists ${ident(source)} cascade`).catch(() => undefined);
      }
      throw err;
    }
  } finally {
    await client.end().catch(() => undefined);
    await fsp.rm(path.dirname(listFile), { recursive: true, force: true });
  }
}

/**
 * The functions a dump's table of contents creates, as `name(arguments)` (pg_restore --list
 * lines such as `215; 1255 16421 FUNCTION xabar list_entries_of_edition() postgres`).
 */
export function dumpedFunctions(toc: string): string[] {
  const out: string[] = [];
  for (const line of toc.split('\n')) {
    const m = /^\d+;\s+\d+\s+\d+\s+FUNCTION\s+\S+\s+([a-z_][a-z0-9_]*\([^)]*\))\s/.exec(line);
    if (m) out.push(m[1]!);
  }
  return out;
}
