/**
 * The desk as a team, part one: shareable preview links (a random token, only its SHA-256 kept;
 * expiring and revocable), the IPTC urgency of an edition (1 = flash … 8 = lowest, 5 = normal;
 * IPTC NewsCodes "urgency", ninjs `urgency`), and hand-picked related stories per story, in the
 * editor's order. Frozen once released; runs on SQLite and PostgreSQL.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const time = 'bigint';
  await db.schema.alterTable('editions').addColumn('urgency', 'integer', (c) => c.notNull().defaultTo(5)).execute();

  await db.schema.createTable('preview_links').ifNotExists()
    .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    // sha256(token) in hex: a leaked database does not hand out working links.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('expires_at', time, (c) => c.notNull())
    .addColumn('revoked_at', time)
    .execute();
  await db.schema.createIndex('preview_links_edition_idx').ifNotExists().on('preview_links').columns(['edition_id', 'expires_at']).execute();

  await db.schema.createTable('story_related').ifNotExists()
    .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('related_story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('story_related_pk', ['story_id', 'related_story_id'])
    .addCheckConstraint('story_related_not_self', sql`story_id <> related_story_id`)
    .execute();
  // "Which stories point at this one" (a deleted story's links go with it through the cascade).
  await db.schema.createIndex('story_related_target_idx').ifNotExists().on('story_related').column('related_story_id').execute();
}
