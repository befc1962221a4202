/**
 * One published Russian edition of a new story, written straight into the tables: for the view
 * counter's tests, which need a row to count against and nothing of the newsroom around it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';

/** Inserts the story and its edition (created and published at `at`); returns the edition's id. */
export async function insertPublishedEdition(db: Kysely<Database>, at: number, { slug = 'h', viewsTotal = 0 }: { slug?: string; viewsTotal?: number } = {}): Promise<number> {
  const { id: storyId } = await db.insertInto('stories').values({ section_id: null, hero_media_id: null, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  const { id } = await db
    .insertInto('editions')
    .values({ story_id: storyId, locale: 'ru', status: 'published', headline: 'h', slug, lead: '', body_json: '{}', body_html: '', is_main: 0, is_breaking: 0, word_count: 0, reading_minutes: 1, views_total: viewsTotal, version: 1, search_text: '', dateline_city: '', dateline_agency: '', hero_caption: '', seo_title: '', seo_description: '', published_at: at, scheduled_at: null, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
