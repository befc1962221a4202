/**
 * Account security (issue 7): addresses a user has signed in from (hashed, a few per user), the
 * one-row marker that makes first-run setup single, two-factor secrets and recovery codes, the
 * security settings (roles that must use two-factor), and
 * the session flag for "password accepted, second factor still owed". Frozen once released; runs
 * on SQLite and PostgreSQL, and skips what already exists.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const time = 'bigint';

  await db.schema.createTable('login_known_addresses').ifNotExists()
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('addr_hash', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', time, (c) => c.notNull())
    .addPrimaryKeyConstraint('login_known_addresses_pk', ['user_id', 'addr_hash'])
    .execute();

  // Two first-run setups at once must create one administrator: both insert this row, the
  // database lets one win and the other fails at the primary key (409).
  await db.schema.createTable('account_setup').ifNotExists()
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('at', time, (c) => c.notNull())
    .execute();

  await db.schema.createTable('two_factor').ifNotExists()
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('secret_enc', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', time)
    .addColumn('last_step', time, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', time, (c) => c.notNull())
    .execute();

  await db.schema.createTable('recovery_codes').ifNotExists()
    .addColumn('id', idType, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', time)
    .execute();
  await db.schema.createIndex('recovery_codes_user_idx').ifNotExists().on('recovery_codes').columns(['user_id', 'code_hash']).execute();

  // Account-security settings (which roles must use two-factor), apart from the site settings.
  await db.schema.createTable('security_settings').ifNotExists()
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  // The migrator runs each step once (its bookkeeping table), so the added column needs no guard.
  await db.schema.alterTable('sessions').addColumn('mfa_pending', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
