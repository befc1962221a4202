/**
 * Newsroom schema: users, sessions, login throttling, audit log, revisions, workflow transitions,
 * correction/update notes, editing presence, the transactional outbox, and the story/edition
 * columns the workflow needs. Frozen once released; runs on SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const id = (t: any) => t.addColumn('id', idType, (c: any) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()));
  const time = 'bigint';

  await id(db.schema.createTable('users').ifNotExists())
    .addColumn('email', 'text', (c: any) => c.notNull().unique())
    .addColumn('name', 'text', (c: any) => c.notNull())
    .addColumn('role', 'text', (c: any) => c.notNull())
    .addColumn('password_hash', 'text', (c: any) => c.notNull())
    .addColumn('disabled', 'integer', (c: any) => c.notNull().defaultTo(0))
    .addColumn('created_at', time, (c: any) => c.notNull())
    .addColumn('updated_at', time, (c: any) => c.notNull())
    .execute();

  await db.schema.createTable('sessions').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('last_seen_at', time, (c) => c.notNull())
    .addColumn('expires_at', time, (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('user_agent', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('sessions_user_idx').ifNotExists().on('sessions').column('user_id').execute();

  await db.schema.createTable('login_throttle').ifNotExists()
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_start', time, (c) => c.notNull())
    .addColumn('locked_until', time, (c) => c.notNull().defaultTo(0))
    .execute();

  await id(db.schema.createTable('audit_log').ifNotExists())
    .addColumn('at', time, (c: any) => c.notNull())
    .addColumn('user_id', 'integer', (c: any) => c.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (c: any) => c.notNull())
    .addColumn('entity', 'text', (c: any) => c.notNull())
    .addColumn('entity_id', 'integer')
    .addColumn('details', 'text', (c: any) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('audit_log_at_idx').ifNotExists().on('audit_log').columns(['at', 'id']).execute();

  await id(db.schema.createTable('revisions').ifNotExists())
    .addColumn('edition_id', 'integer', (c: any) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c: any) => c.notNull())
    .addColumn('saved_at', time, (c: any) => c.notNull())
    .addColumn('saved_by', 'integer', (c: any) => c.references('users.id').onDelete('set null'))
    .addColumn('headline', 'text', (c: any) => c.notNull())
    .addColumn('lead', 'text', (c: any) => c.notNull())
    .addColumn('body_json', 'text', (c: any) => c.notNull())
    .addColumn('snapshot', 'text', (c: any) => c.notNull())
    .addUniqueConstraint('revisions_edition_version_uq', ['edition_id', 'version'])
    .execute();

  await id(db.schema.createTable('edition_transitions').ifNotExists())
    .addColumn('edition_id', 'integer', (c: any) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('at', time, (c: any) => c.notNull())
    .addColumn('user_id', 'integer', (c: any) => c.references('users.id').onDelete('set null'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c: any) => c.notNull())
    .addColumn('note', 'text', (c: any) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('edition_transitions_edition_idx').ifNotExists().on('edition_transitions').columns(['edition_id', 'id']).execute();

  await id(db.schema.createTable('edition_notes').ifNotExists())
    .addColumn('edition_id', 'integer', (c: any) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c: any) => c.notNull())
    .addColumn('text', 'text', (c: any) => c.notNull())
    .addColumn('at', time, (c: any) => c.notNull())
    .addColumn('user_id', 'integer', (c: any) => c.references('users.id').onDelete('set null'))
    .execute();

  await db.schema.createTable('presence').ifNotExists()
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('seen_at', time, (c) => c.notNull())
    .addPrimaryKeyConstraint('presence_pk', ['edition_id', 'user_id'])
    .execute();

  await id(db.schema.createTable('outbox').ifNotExists())
    .addColumn('topic', 'text', (c: any) => c.notNull())
    .addColumn('payload', 'text', (c: any) => c.notNull())
    .addColumn('dedupe_key', 'text', (c: any) => c.unique())
    .addColumn('run_at', time, (c: any) => c.notNull())
    .addColumn('attempts', 'integer', (c: any) => c.notNull().defaultTo(0))
    .addColumn('locked_until', time)
    .addColumn('locked_by', 'text')
    .addColumn('done_at', time)
    .addColumn('last_error', 'text', (c: any) => c.notNull().defaultTo(''))
    .addColumn('created_at', time, (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('outbox_due_idx').ifNotExists().on('outbox').columns(['done_at', 'run_at', 'id']).execute();

  await db.schema.alterTable('stories').addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null')).execute();
  await db.schema.alterTable('editions').addColumn('embargo_until', time).execute();
  await db.schema.alterTable('editions').addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null')).execute();
}
