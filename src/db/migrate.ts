/**
 * Runs the migrations in order inside a tracking table. Kysely's Migrator gives us the
 * bookkeeping and a lock (so two nodes starting at once do not migrate twice); each migration
 * receives the dialect name so the few type differences stay inside the frozen file.
 */
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
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
import * as m0021 from './migrations/0021_wire_api_keys.js';
import * as m0020 from './migrations/0020_webhooks.js';
import * as m0018 from './migrations/0018_sitemaps.js';
import * as m0019 from './migrations/0019_telegram.js';
import * as m0025 from './migrations/0025_translit_exceptions.js';
import * as m0026 from './migrations/0026_bounded_pages.js';
import * as m0024 from './migrations/0024_search.js';
import * as m0030 from './migrations/0030_site_content.js';

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
  '0021_wire_api_keys': m0021,
  '0020_webhooks': m0020,
  '0018_sitemaps': m0018,
  '0019_telegram': m0019,
  '0025_translit_exceptions': m0025,
  '0026_bounded_pages': m0026,
  '0024_search': m0024,
  '0030_site_content': m0030,
};

export async function migrate(db: Db): Promise<string[]> {
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, step] of Object.entries(STEPS)) {
        out[name] = { up: (k) => step.up(k, db.dialect) };
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
