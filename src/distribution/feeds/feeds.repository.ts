/**
 * The one query a feed runs itself: which editions, newest first. Everything shown about them is
 * loaded by PublicStoryReader in a fixed number of batched queries, so a feed costs O(limit)
 * whatever the archive's size — no count, no offset.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import { visibleAt } from '../../content/visibility.js';
import type { Locale } from '../../i18n/locales.js';

/** Whose stories: the whole locale (empty), or one section, tag or author by id. */
export interface FeedFilter {
  sectionId?: number;
  tagId?: number;
  authorId?: number;
}

/** A section, tag or author with at most this many stories is read from its own rows (as the site's lists do). */
const SMALL_MEMBERSHIP = 500;

export class FeedsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    /** dialect.filterOnly: a column the planner must not enter the table by. */
    private readonly filterOnly: (ref: string) => RawBuilder<unknown> = (ref) => sql.ref(ref),
  ) {}

  /**
   * Ids of the `limit` newest editions readers can see now, by `published_at desc, id desc`
   * (unique, so both dialects agree). As the site's lists (EditionsRepository.applyFilter): a
   * small section, tag or author from its own ≤ 500 stories, sorted; a bigger one by walking the
   * date index with its membership as a per-row test — never every member sorted (300 ms for a
   * section's feed at 100,000 stories, docs/query-plans.md).
   */
  async newestVisible(locale: Locale, now: number, f: FeedFilter, limit: number): Promise<number[]> {
    const by =
      f.tagId !== undefined ? { table: 'story_tags' as const, story: 'story_id', col: 'tag_id', id: f.tagId }
      : f.authorId !== undefined ? { table: 'story_authors' as const, story: 'story_id', col: 'author_id', id: f.authorId }
      : f.sectionId !== undefined ? { table: 'stories' as const, story: 'id', col: 'section_id', id: f.sectionId }
      : null;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one shape for every membership table
    const db = this.db as Kysely<any>;
    const small = by ? (await db.selectFrom(by.table).select(by.story).where(by.col, '=', by.id).limit(SMALL_MEMBERSHIP + 1).execute()).length <= SMALL_MEMBERSHIP : false;
    let q = (by && small ? db.selectFrom(`${by.table} as m`).crossJoin('editions as e').whereRef('e.story_id', '=', `m.${by.story}`).where(`m.${by.col}`, '=', by.id) : db.selectFrom('editions as e'))
      .innerJoin('stories as s', 's.id', 'e.story_id')
      .select('e.id')
      .where('e.locale', '=', locale)
      .where(visibleAt(now));
    if (by && !small) {
      if (by.table === 'stories') q = q.where(this.filterOnly('s.section_id'), '=', by.id);
      else q = q.where((eb) => eb.exists(eb.selectFrom(`${by.table} as mm`).select(sql.lit(1).as('one')).whereRef(`mm.${by.story}`, '=', 'e.story_id').where(`mm.${by.col}`, '=', by.id)));
    }
    const rows = await q.orderBy('e.published_at', 'desc').orderBy('e.id', 'desc').limit(limit).execute();
    return rows.map((r) => r.id as number);
  }
}
