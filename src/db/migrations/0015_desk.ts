/**
 * The desk as a team (issue 8): assignments of a story (or one edition) to a person, internal
 * comments on a story with their @mentions, and newsroom notifications. These tables are never
 * joined by a public query: nothing here can reach the site, feeds or wire. Frozen once released;
 * runs on SQLite and PostgreSQL, and skips what already exists.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const time = 'bigint';
  const pk = (c: any) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema.createTable('desk_assignments').ifNotExists()
    .addColumn('id', idType, pk)
    .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    // The edition it was made from (where the link leads); `whole_story` = 0: that edition only.
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('whole_story', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('assignee_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('assigned_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('due_at', time)
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .addColumn('done_at', time)
    .execute();
  await db.schema.createIndex('desk_assignments_assignee_idx').ifNotExists().on('desk_assignments').columns(['assignee_id', 'status', 'id']).execute();
  await db.schema.createIndex('desk_assignments_story_idx').ifNotExists().on('desk_assignments').columns(['story_id', 'id']).execute();

  await db.schema.createTable('desk_comments').ifNotExists()
    .addColumn('id', idType, pk)
    .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('desk_comments.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    // Text with mentions as `@{userId}` tokens: names are looked up when shown, so a renamed
    // colleague is shown by the new name.
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('edited_at', time)
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('desk_comments_story_idx').ifNotExists().on('desk_comments').columns(['story_id', 'id']).execute();

  await db.schema.createTable('desk_mentions').ifNotExists()
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('desk_comments.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('desk_mentions_pk', ['comment_id', 'user_id'])
    .execute();

  await db.schema.createTable('notifications').ifNotExists()
    .addColumn('id', idType, pk)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    // No foreign key to editions: a notification outlives a deleted story (the link then 404s).
    .addColumn('edition_id', 'integer')
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('read_at', time)
    .execute();
  await db.schema.createIndex('notifications_user_idx').ifNotExists().on('notifications').columns(['user_id', 'id']).execute();
  await db.schema.createIndex('notifications_created_idx').ifNotExists().on('notifications').columns(['created_at', 'id']).execute();
}
