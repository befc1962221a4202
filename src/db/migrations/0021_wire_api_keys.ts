/**
 * The wire for subscriber media (issue 10): API keys and an index for the "by change" order.
 * Frozen once released; runs on SQLite and PostgreSQL and skips what already exists.
 *
 * A key is a random 256-bit token: only its SHA-256 is kept (a leaked database hands out no
 * working key) with a short prefix to tell keys apart in the newsroom. Rights are JSON arrays:
 * the locales and section ids the key may read, an empty section list meaning every section.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const time = 'bigint';
  await db.schema.createTable('api_keys').ifNotExists()
    .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('locales', 'text', (c) => c.notNull())
    .addColumn('section_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('rate_per_minute', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('revoked_at', time)
    .addColumn('last_used_at', time)
    .execute();
  // The wire's newest-first order over every locale of a key walks (published_at, id) backwards
  // (the site's feed index leads with one locale and status).
  await db.schema.createIndex('editions_published_idx').ifNotExists().on('editions').columns(['published_at', 'id']).execute();
  // The wire's "by change" order walks editions by (updated_at, id), and by (embargo_until, id) for
  // embargoes that passed after the edition's last change (wire.repository.ts).
  await db.schema.createIndex('editions_changed_idx').ifNotExists().on('editions').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('editions_embargo_idx').ifNotExists().on('editions').columns(['embargo_until', 'id']).execute();
}
