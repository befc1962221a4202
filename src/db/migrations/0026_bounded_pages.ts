/**
 * Indexes for public pages that cost O(page) (docs/query-plans.md has the plans):
 * - most read sums the hourly counters of a window: (hour, edition_id, views) lets both databases
 *   read the window from the index alone, never the counter table's rows;
 * - related stories take each tag's newest stories by a descending walk of story_tags'
 *   (tag_id, story_id) index (exists since 0001) — nothing to add;
 * - an article's notes are found by edition (there was no index: every article read them all);
 * - the home page's main story is the newest with `is_main = 1`: (locale, is_main, published_at,
 *   id) finds it at once, however long ago an editor last set the flag;
 * - the lists walk (locale, published_at, id, status, embargo_until) — 0018's sitemap index,
 *   which covers the visibility test too — so they need no new index either.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('edition_views_hourly_window_idx').ifNotExists().on('edition_views_hourly').columns(['hour', 'edition_id', 'views']).execute();
  await db.schema.createIndex('edition_notes_edition_idx').ifNotExists().on('edition_notes').columns(['edition_id', 'at', 'id']).execute();
  await db.schema.createIndex('editions_main_idx').ifNotExists().on('editions').columns(['locale', 'is_main', 'published_at', 'id']).execute();
}
