/**
 * Telegram channels (issue 10): the posting target and sealed bot token per locale, one delivery
 * row per edition (the intent record that makes posting exactly-once, see
 * docs/decisions/0019-telegram-exactly-once.md), and the per-story "post to Telegram" flag.
 * Frozen once released; runs on SQLite and PostgreSQL, and skips what already exists.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  await db.schema.createTable('telegram_channels').ifNotExists()
    .addColumn('locale', 'text', (c) => c.primaryKey())
    // `@name` or the numeric id of a private channel (-100…).
    .addColumn('target', 'text', (c) => c.notNull().defaultTo(''))
    // SecretBox `v1.…` under XABAR_SECRET_KEY, owner `telegram:<locale>`; '' when not set.
    .addColumn('token_sealed', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('token_last4', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('on_unpublish', 'text', (c) => c.notNull().defaultTo('delete'))
    .addColumn('follow_up_corrections', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .execute();
  await db.schema.createTable('telegram_deliveries').ifNotExists()
    .addColumn('id', idType, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('edition_id', 'integer', (c) => c.notNull().unique().references('editions.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull())
    // queued | started | sent | failed | uncertain | withdrawn
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('message_id', 'bigint')
    // photo | text: which edit call the post takes.
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo(''))
    // Hash of the formatted post last sent, so an 'updated' event edits only when the text changed.
    .addColumn('content_hash', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('next_retry_at', 'bigint')
    .addColumn('started_at', 'bigint')
    .addColumn('sent_at', 'bigint')
    .addColumn('followup_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  const cols = dialect === 'postgres'
    ? (await sql<{ column_name: string }>`select column_name from information_schema.columns where table_schema = current_schema() and table_name = 'stories'`.execute(db)).rows.map((r) => r.column_name)
    : (await sql<{ name: string }>`pragma table_info(stories)`.execute(db)).rows.map((r) => r.name);
  if (!cols.includes('post_telegram')) {
    await db.schema.alterTable('stories').addColumn('post_telegram', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  }
}
