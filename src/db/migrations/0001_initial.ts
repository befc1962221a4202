/**
 * Initial schema. Frozen: never edit after release; add a new migration instead. It carries its
 * own column specs rather than importing today's types, and runs on SQLite and PostgreSQL.
 */
import { sql, type Kysely } from 'kysely';

type AnyDb = Kysely<any>;

export async function up(db: AnyDb, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const time = 'bigint'; // epoch ms; SQLite maps bigint to INTEGER affinity
  const id = (t: any) => t.addColumn('id', idType, (c: any) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()));

  await db.schema.createTable('settings').ifNotExists()
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await id(db.schema.createTable('sections').ifNotExists())
    .addColumn('slug', 'text', (c: any) => c.notNull().unique())
    .addColumn('position', 'integer', (c: any) => c.notNull().defaultTo(0))
    .addColumn('color', 'text', (c: any) => c.notNull().defaultTo('#0b5cad'))
    .execute();
  await db.schema.createTable('section_names').ifNotExists()
    .addColumn('section_id', 'integer', (c) => c.notNull().references('sections.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('section_names_pk', ['section_id', 'locale'])
    .execute();

  await id(db.schema.createTable('tags').ifNotExists())
    .addColumn('slug', 'text', (c: any) => c.notNull().unique())
    .execute();
  await db.schema.createTable('tag_names').ifNotExists()
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('tag_names_pk', ['tag_id', 'locale'])
    .execute();

  await id(db.schema.createTable('media').ifNotExists())
    .addColumn('storage_key', 'text', (c: any) => c.notNull().unique())
    .addColumn('mime', 'text', (c: any) => c.notNull())
    .addColumn('width', 'integer', (c: any) => c.notNull())
    .addColumn('height', 'integer', (c: any) => c.notNull())
    .addColumn('bytes', 'integer', (c: any) => c.notNull())
    .addColumn('sha256', 'text', (c: any) => c.notNull())
    .addColumn('credit', 'text', (c: any) => c.notNull().defaultTo(''))
    .addColumn('original_name', 'text', (c: any) => c.notNull().defaultTo(''))
    .addColumn('created_at', time, (c: any) => c.notNull())
    .execute();
  await db.schema.createTable('media_variants').ifNotExists()
    .addColumn('media_id', 'integer', (c) => c.notNull().references('media.id').onDelete('cascade'))
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('media_variants_pk', ['media_id', 'width', 'format'])
    .execute();
  await db.schema.createTable('media_texts').ifNotExists()
    .addColumn('media_id', 'integer', (c) => c.notNull().references('media.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('media_texts_pk', ['media_id', 'locale'])
    .execute();

  await id(db.schema.createTable('authors').ifNotExists())
    .addColumn('slug', 'text', (c: any) => c.notNull().unique())
    .addColumn('photo_media_id', 'integer', (c: any) => c.references('media.id').onDelete('set null'))
    .addColumn('created_at', time, (c: any) => c.notNull())
    .execute();
  await db.schema.createTable('author_names').ifNotExists()
    .addColumn('author_id', 'integer', (c) => c.notNull().references('authors.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('author_names_pk', ['author_id', 'locale'])
    .execute();

  await id(db.schema.createTable('stories').ifNotExists())
    .addColumn('section_id', 'integer', (c: any) => c.references('sections.id').onDelete('set null'))
    .addColumn('hero_media_id', 'integer', (c: any) => c.references('media.id'))
    .addColumn('created_at', time, (c: any) => c.notNull())
    .addColumn('updated_at', time, (c: any) => c.notNull())
    .execute();
  await db.schema.createTable('story_tags').ifNotExists()
    .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('story_tags_pk', ['story_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('story_tags_tag_idx').ifNotExists().on('story_tags').columns(['tag_id', 'story_id']).execute();
  await db.schema.createTable('story_authors').ifNotExists()
    .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('authors.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('story_authors_pk', ['story_id', 'author_id'])
    .execute();
  await db.schema.createIndex('story_authors_author_idx').ifNotExists().on('story_authors').columns(['author_id', 'story_id']).execute();

  await id(db.schema.createTable('editions').ifNotExists())
    .addColumn('story_id', 'integer', (c: any) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c: any) => c.notNull())
    .addColumn('status', 'text', (c: any) => c.notNull().defaultTo('draft'))
    .addColumn('headline', 'text', (c: any) => c.notNull())
    .addColumn('slug', 'text', (c: any) => c.notNull())
    .addColumn('lead', 'text', (c: any) => c.notNull().defaultTo(''))
    .addColumn('body_json', 'text', (c: any) => c.notNull())
    .addColumn('body_html', 'text', (c: any) => c.notNull())
    .addColumn('dateline_city', 'text', (c: any) => c.notNull().defaultTo(''))
    .addColumn('dateline_agency', 'text', (c: any) => c.notNull().defaultTo(''))
    .addColumn('hero_caption', 'text', (c: any) => c.notNull().defaultTo(''))
    .addColumn('seo_title', 'text', (c: any) => c.notNull().defaultTo(''))
    .addColumn('seo_description', 'text', (c: any) => c.notNull().defaultTo(''))
    .addColumn('is_main', 'integer', (c: any) => c.notNull().defaultTo(0))
    .addColumn('is_breaking', 'integer', (c: any) => c.notNull().defaultTo(0))
    .addColumn('word_count', 'integer', (c: any) => c.notNull().defaultTo(0))
    .addColumn('reading_minutes', 'integer', (c: any) => c.notNull().defaultTo(1))
    .addColumn('views_total', time, (c: any) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
    .addColumn('search_text', 'text', (c: any) => c.notNull().defaultTo(''))
    .addColumn('published_at', time)
    .addColumn('scheduled_at', time)
    .addColumn('created_at', time, (c: any) => c.notNull())
    .addColumn('updated_at', time, (c: any) => c.notNull())
    .addUniqueConstraint('editions_story_locale_uq', ['story_id', 'locale'])
    .addUniqueConstraint('editions_locale_slug_uq', ['locale', 'slug'])
    .execute();
  await db.schema.createIndex('editions_feed_idx').ifNotExists().on('editions')
    .columns(['locale', 'status', 'published_at', 'id']).execute();
  await db.schema.createIndex('editions_story_idx').ifNotExists().on('editions').column('story_id').execute();

  await db.schema.createTable('edition_redirects').ifNotExists()
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('created_at', time, (c) => c.notNull())
    .addPrimaryKeyConstraint('edition_redirects_pk', ['locale', 'slug'])
    .execute();

  await db.schema.createTable('edition_views_daily').ifNotExists()
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('views', time, (c) => c.notNull())
    .addPrimaryKeyConstraint('edition_views_daily_pk', ['edition_id', 'day'])
    .execute();
  await db.schema.createIndex('edition_views_daily_day_idx').ifNotExists().on('edition_views_daily').columns(['day', 'edition_id']).execute();
  await db.schema.createTable('edition_views_hourly').ifNotExists()
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('hour', time, (c) => c.notNull())
    .addColumn('views', time, (c) => c.notNull())
    .addPrimaryKeyConstraint('edition_views_hourly_pk', ['edition_id', 'hour'])
    .execute();
  await db.schema.createIndex('edition_views_hourly_hour_idx').ifNotExists().on('edition_views_hourly').columns(['hour', 'edition_id']).execute();
  void sql;
}
