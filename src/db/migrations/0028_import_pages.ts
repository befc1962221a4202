/**
 * Moving in from WordPress and Ghost (issue 16): static pages with revisions, the record of what an
 * import brought in (so a second run or a resumed one creates nothing twice), and old addresses
 * that answer with a permanent redirect. Frozen once released; runs on SQLite and PostgreSQL and
 * skips what already exists.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const id = dialect === 'postgres' ? 'serial' : 'integer';
  const pk = (c: any) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  // Static pages: one row per page and language; a page's translations share a group (its first id).
  await db.schema.createTable('pages').ifNotExists()
    .addColumn('id', id, pk)
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_json', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('group_id', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('published_at', 'bigint')
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addUniqueConstraint('pages_locale_slug_uq', ['locale', 'slug'])
    .execute();
  await db.schema.createTable('page_revisions').ifNotExists()
    .addColumn('id', id, pk)
    .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('saved_at', 'bigint', (c) => c.notNull())
    .addColumn('saved_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('body_json', 'text', (c) => c.notNull())
    .addUniqueConstraint('page_revisions_uq', ['page_id', 'version'])
    .execute();
  // What an import created from which source item: the key of idempotence and resumption.
  await db.schema.createTable('import_items').ifNotExists()
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('target_id', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_items_pk', ['source', 'kind', 'source_id'])
    .execute();
  // Old addresses (a normalised path, `?p=ID` included) → an edition, a page or a fixed path.
  // Editions and pages are named by id, so a later slug change still lands on the right page.
  await db.schema.createTable('old_url_redirects').ifNotExists()
    .addColumn('path', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'integer', (c) => c.references('editions.id').onDelete('cascade'))
    .addColumn('page_id', 'integer', (c) => c.references('pages.id').onDelete('cascade'))
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}
