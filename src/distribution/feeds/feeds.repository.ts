/**
 * The one query a feed runs itself: which editions, newest first. Everything shown about them is
 * loaded by PublicStoryReader in a fixed number of batched queries, so a feed costs O(limit)
 * whatever the archive's size — no count, no offset.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { visibleAt } from '../../content/visibility.js';
import type { Locale } from '../../i18n/locales.js';

/** Whose stories: the whole locale (empty), or one section, tag or author by id. */
export interface FeedFilter {
  sectionId?: number;
  tagId?: number;
  authorId?: number;
}

export class FeedsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Ids of the `limit` newest editions readers can see now, by `published_at desc, id desc` (unique, so both dialects agree). */
  async newestVisible(locale: Locale, now: number, f: FeedFilter, limit: number): Promise<number[]> {
    let q = this.db
      .selectFrom('editions as e')
      .innerJoin('stories as s', 's.id', 'e.story_id')
      .select('e.id')
      .where('e.locale', '=', locale)
      .where(visibleAt(now));
    if (f.sectionId !== undefined) q = q.where('s.section_id', '=', f.sectionId);
    if (f.tagId !== undefined) q = q.where('e.story_id', 'in', this.db.selectFrom('story_tags').select('story_id').where('tag_id', '=', f.tagId));
    if (f.authorId !== undefined) q = q.where('e.story_id', 'in', this.db.selectFrom('story_authors').select('story_id').where('author_id', '=', f.authorId));
    const rows = await q.orderBy('e.published_at', 'desc').orderBy('e.id', 'desc').limit(limit).execute();
    return rows.map((r) => r.id);
  }
}
