/**
 * The one query a feed runs itself: which editions, newest first. Everything shown about them is
 * loaded by PublicStoryReader in a fixed number of batched queries, so a feed costs O(limit)
 * whatever the archive's size — no count, no offset.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { visibleAt } from '../../content/visibility.js';
import { LIST_KIND } from '../../content/editions.repository.js';
import type { Locale } from '../../i18n/locales.js';

/** Whose stories: the whole locale (empty), or one section, tag or author by id. */
export interface FeedFilter {
  sectionId?: number;
  tagId?: number;
  authorId?: number;
}

export class FeedsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Ids of the `limit` newest editions readers can see now, by `published_at desc, id desc`
   * (unique, so both dialects agree). The whole locale walks the feed index; a section, tag or
   * author reads the range of its entries in `list_entries` (migration 0035), as the site's lists
   * do (EditionsRepository.fromListEntries): O(limit) whatever the size of either.
   */
  async newestVisible(locale: Locale, now: number, f: FeedFilter, limit: number): Promise<number[]> {
    const by =
      f.tagId !== undefined ? { kind: LIST_KIND.tag, id: f.tagId }
      : f.authorId !== undefined ? { kind: LIST_KIND.author, id: f.authorId }
      : f.sectionId !== undefined ? { kind: LIST_KIND.section, id: f.sectionId }
      : null;
    if (!by) {
      const rows = await this.db.selectFrom('editions as e').select('e.id').where('e.locale', '=', locale).where(visibleAt(now))
        .orderBy('e.published_at', 'desc').orderBy('e.id', 'desc').limit(limit).execute();
      return rows.map((r) => r.id);
    }
    const rows = await this.db
      .selectFrom('list_entries as le')
      .crossJoin('editions as e')
      .whereRef('e.id', '=', 'le.edition_id')
      .select('e.id')
      .where('le.kind', '=', by.kind)
      .where('le.key_id', '=', by.id)
      .where('le.locale', '=', locale)
      .where('le.published_at', '<=', now)
      .where((eb) => eb.or([eb('le.embargo_until', 'is', null), eb('le.embargo_until', '<=', now)]))
      .where(visibleAt(now))
      .orderBy('le.published_at', 'desc')
      .orderBy('le.edition_id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }
}
