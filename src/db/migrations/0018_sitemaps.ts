/**
 * Sitemaps (src/distribution/sitemaps): the month scan the sitemap index makes for every locale
 * and month (how many visible editions, their newest change) reads only this index — a covering
 * one, so the whole archive's months are summed from index pages, never from table rows — and
 * the sections sitemap's "has a visible story" EXISTS finds a section's stories by index.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('editions_sitemap_month_idx').ifNotExists().on('editions')
    .columns(['locale', 'published_at', 'id', 'status', 'embargo_until', 'updated_at']).execute();
  await db.schema.createIndex('stories_section_idx').ifNotExists().on('stories').columns(['section_id', 'id']).execute();
}
