/**
 * Backups (issue 17): the history of backup runs the newsroom shows, and the one-row schedule
 * (time of day, how many to keep). At most one run is queued or running at a time: a partial
 * unique index decides the race between two administrators (or a schedule and an administrator).
 * Runs on SQLite and PostgreSQL, and skips what already exists.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  await db.schema.createTable('backup_runs').ifNotExists()
    .addColumn('id', idType, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    // 'queued' | 'running' | 'done' | 'failed'
    .addColumn('status', 'text', (c) => c.notNull())
    // 'schedule' | 'admin'
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'integer')
    .addColumn('requested_at', 'bigint', (c) => c.notNull())
    .addColumn('started_at', 'bigint')
    .addColumn('heartbeat_at', 'bigint')
    .addColumn('finished_at', 'bigint')
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('bytes', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('new_bytes', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`create unique index if not exists backup_runs_one_active on backup_runs ((1)) where status in ('queued', 'running')`.execute(db);
  await db.schema.createIndex('backup_runs_requested').ifNotExists().on('backup_runs').columns(['requested_at', 'id']).execute();
  await db.schema.createTable('backup_schedule').ifNotExists()
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(0))
    // HH:MM in the site's time zone
    .addColumn('time_of_day', 'text', (c) => c.notNull().defaultTo('03:00'))
    .addColumn('keep', 'integer', (c) => c.notNull().defaultTo(7))
    .addColumn('updated_at', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'integer')
    .execute();
}
