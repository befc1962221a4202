/**
 * Runs the migrations in order inside a tracking table. Kysely's Migrator gives us the
 * bookkeeping and a lock (so two nodes starting at once do not migrate twice); each migration
 * receives the dialect name so the few type differences stay inside the frozen file.
 */
import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import SQLite from 'better-sqlite3';
import type { Db } from './connect.js';
import * as m0001 from './migrations/0001_initial.js';
import * as m0002 from './migrations/0002_newsroom.js';
import * as m0003 from './migrations/0003_derived_editions.js';
import * as m0004 from './migrations/0004_full_text_search.js';
import * as m0006 from './migrations/0006_accounts_security.js';
import * as m0009 from './migrations/0009_outbox_dead.js';
import * as m0013 from './migrations/0013_newsroom_fixes.js';
import * as m0014 from './migrations/0014_desk.js';
import * as m0015 from './migrations/0015_desk.js';
import * as m0016 from './migrations/0016_preview_urgency_related.js';
import * as m0017 from './migrations/0017_videos.js';
import * as m0018 from './migrations/0018_sitemaps.js';
import * as m0019 from './migrations/0019_telegram.js';
import * as m0020 from './migrations/0020_webhooks.js';
import * as m0021 from './migrations/0021_wire_api_keys.js';
import * as m0024 from './migrations/0024_search.js';
import * as m0025 from './migrations/0025_translit_exceptions.js';
import * as m0026 from './migrations/0026_bounded_pages.js';
import * as m0027 from './migrations/0027_analytics.js';
import * as m0028 from './migrations/0028_import_pages.js';
import * as m0029 from './migrations/0029_backups.js';
import * as m0030 from './migrations/0030_site_content.js';
import * as m0032 from './migrations/0032_search_per_locale.js';
import * as m0034 from './migrations/0034_section_redirects.js';
import * as m0035 from './migrations/0035_list_entries.js';

type Step = { up(db: any, dialect: Db['dialect']): Promise<void> };
const STEPS: Record<string, Step> = {
  '0001_initial': m0001,
  '0002_newsroom': m0002,
  '0003_derived_editions': m0003,
  '0004_full_text_search': m0004,
  '0006_accounts_security': m0006,
  '0009_outbox_dead': m0009,
  '0013_newsroom_fixes': m0013,
  '0014_desk': m0014,
  '0015_desk': m0015,
  '0016_preview_urgency_related': m0016,
  '0017_videos': m0017,
  '0018_sitemaps': m0018,
  '0019_telegram': m0019,
  '0020_webhooks': m0020,
  '0021_wire_api_keys': m0021,
  '0024_search': m0024,
  '0025_translit_exceptions': m0025,
  '0026_bounded_pages': m0026,
  '0027_analytics': m0027,
  '0028_import_pages': m0028,
  '0029_backups': m0029,
  '0030_site_content': m0030,
  '0032_search_per_locale': m0032,
  '0034_section_redirects': m0034,
  '0035_list_entries': m0035,
};

/** Every migration this build knows, in the order they are listed. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(STEPS).sort();

/**
 * What the database has recorded against what this build knows. `pending`: known here, not
 * applied (empty: current). `unknown`: applied by a newer build — during a rolling upgrade an
 * older node keeps running against an expanded schema (docs/decisions/0017-expand-migrate-contract.md),
 * so this is not an error for it. `tracked` is false for a database never migrated. Changes nothing.
 */
export async function migrationState(db: Db): Promise<{ tracked: boolean; pending: string[]; unknown: string[] }> {
  const applied = new Set<string>();
  let tracked = true;
  try {
    const t = db.schema ? `"${db.schema.replace(/"/g, '""')}".xabar_migrations` : 'xabar_migrations';
    const rows = await sql.raw<{ name: string }>(`select name from ${t}`).execute(db.kysely);
    for (const r of rows.rows) applied.add(r.name);
  } catch (err) {
    // No bookkeeping table yet: a database that was never migrated.
    if (!/does not exist|no such table/i.test((err as Error).message)) throw err;
    tracked = false;
  }
  const known = new Set(MIGRATION_NAMES);
  return { tracked, pending: MIGRATION_NAMES.filter((n) => !applied.has(n)), unknown: [...applied].filter((n) => !known.has(n)).sort() };
}

/** Migrations this build knows that the database has not recorded (empty: current). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  return (await migrationState(db)).pending;
}

export async function migrate(db: Db): Promise<string[]> {
  return withSqliteLock(db, async () => {
    try {
      return await migrateLocked(db);
    } catch (err) {
      // A newer node recorded a migration between our read of the table and the migrator's own
      // (PostgreSQL, nodes of two versions starting at once): read again and go on.
      if (!/corrupted migrations/.test((err as Error).message)) throw err;
      return migrateLocked(db);
    }
  });
}

async function migrateLocked(db: Db): Promise<string[]> {
  // Read before the migrator starts: on SQLite it then holds the only connection.
  const newer = (await migrationState(db)).unknown;
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, step] of Object.entries(STEPS)) {
        out[name] = { up: (k) => step.up(k, db.dialect) };
      }
      // Migrations a newer version already applied (a rolling upgrade, or a rollback of this
      // node): Kysely refuses to start on "previously executed migration … is missing". They only
      // expanded the schema (docs/decisions/0017-expand-migrate-contract.md), so this older code
      // runs on it: list them as already done. Kysely never runs an executed migration again.
      for (const name of newer) {
        out[name] = {
          up: async () => {
            throw new Error(`migration ${name} belongs to a newer Xabar and cannot run here`);
          },
        };
      }
      return out;
    },
  };
  // The schema is named explicitly: Kysely looks for its bookkeeping tables across all schemas
  // otherwise, and would take another schema's tables (another site, or a parallel test) for ours.
  const migrator = new Migrator({
    db: db.kysely,
    provider,
    migrationTableName: 'xabar_migrations',
    migrationLockTableName: 'xabar_migrations_lock',
    // Migrations are numbered by the branch that wrote them and each only adds its own tables and
    // columns, so one landing after a higher-numbered one is still safe to run: run it, don't refuse.
    allowUnorderedMigrations: true,
    ...(db.schema ? { migrationTableSchema: db.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** How long a starting node waits for another one's migrations (a big reindex can take minutes). */
const SQLITE_LOCK_WAIT_MS = 30 * 60_000;

/**
 * Kysely's migration lock is a no-op on SQLite (it assumes one connection in one process), so two
 * processes starting on one file at once both ran the same migration ("duplicate column").
 * An exclusive transaction on a small lock database beside the file is a cross-process mutex:
 * the second process waits in `BEGIN EXCLUSIVE` (busy timeout) until the first commits, then finds
 * nothing to do. The OS drops the lock if the holder dies. The main file is never locked by it.
 */
async function withSqliteLock<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  if (db.dialect !== 'sqlite' || !db.file || db.file === ':memory:') return fn();
  // No busy timeout: a busy lock is polled without blocking the event loop (another container in
  // this same process may be the holder, and must be able to finish).
  const lock = new SQLite(`${db.file}.migrate-lock`, { timeout: 0 });
  try {
    const deadline = Date.now() + SQLITE_LOCK_WAIT_MS;
    for (;;) {
      try {
        lock.exec('BEGIN EXCLUSIVE');
        break;
      } catch (err) {
        if ((err as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw err;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    try {
      return await fn();
    } finally {
      lock.exec('COMMIT');
    }
  } finally {
    lock.close();
  }
}
