/**
 * Webhooks (issue 10): endpoints administrators register (URL, the story events they take, active,
 * the signing secret sealed with the secret box, the failing state after a delivery gave up),
 * their delivery log (one row per attempt: status, latency, the first bytes of the answer), and
 * the webhook settings (whether private addresses may be targets). Frozen once released; runs on
 * SQLite and PostgreSQL, and skips what already exists.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  await db.schema.createTable('webhook_endpoints').ifNotExists()
    .addColumn('id', idType, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull()) // comma-separated: story.published,story.updated
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('secret_enc', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('ok')) // ok | failing
    .addColumn('failing_since', 'bigint')
    .addColumn('last_error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createTable('webhook_deliveries').ifNotExists()
    .addColumn('id', idType, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('endpoint_id', 'integer', (c) => c.notNull().references('webhook_endpoints.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('latency_ms', 'integer', (c) => c.notNull())
    .addColumn('response_head', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  // The log is read per endpoint newest first, and pruned per endpoint by age.
  await db.schema.createIndex('webhook_deliveries_endpoint_idx').ifNotExists().on('webhook_deliveries').columns(['endpoint_id', 'id']).execute();
  await db.schema.createIndex('webhook_deliveries_endpoint_at_idx').ifNotExists().on('webhook_deliveries').columns(['endpoint_id', 'at']).execute();
  await db.schema.createTable('webhook_settings').ifNotExists()
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}
