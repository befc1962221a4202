/**
 * Issue 8 fixes. `media.search_text`: the image's alt texts, captions, credit and file name,
 * case-folded by the app (SQLite's lower() folds ASCII only, so «Ташкент» was not found by its
 * capital), backfilled here in id order. `tag_redirects`: the public address of a tag merged into
 * another answers 301 to the tag it went into. Re-runnable: each step skips what exists.
 */
import { type Kysely } from 'kysely';
import { mediaSearchText } from '../../media/media-search.js';
import { hasColumn } from '../introspect.js';

export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (!(await hasColumn(db, dialect, 'media', 'search_text'))) {
    await db.schema.alterTable('media').addColumn('search_text', 'text', (c) => c.notNull().defaultTo('')).execute();
  }
  for (let after = 0; ; ) {
    const rows: { id: number; original_name: string; credit: string }[] = await db.selectFrom('media').select(['id', 'original_name', 'credit']).where('id', '>', after).orderBy('id').limit(500).execute();
    if (!rows.length) break;
    const texts: { media_id: number; alt: string; caption: string }[] = await db.selectFrom('media_texts').select(['media_id', 'alt', 'caption']).where('media_id', 'in', rows.map((r) => r.id)).orderBy('media_id').orderBy('locale').execute();
    for (const r of rows) {
      const search_text = mediaSearchText({ originalName: r.original_name, credit: r.credit, texts: texts.filter((t) => t.media_id === r.id) });
      await db.updateTable('media').set({ search_text }).where('id', '=', r.id).execute();
    }
    after = rows[rows.length - 1]!.id;
  }
  await db.schema.createTable('tag_redirects').ifNotExists()
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tag_redirects_tag_idx').ifNotExists().on('tag_redirects').column('tag_id').execute();
}
