/**
 * SQL for the public read API: which editions and terms make a page. Only ids and sort keys are
 * selected here — the editions themselves are loaded by PublicStoryReader in batched queries.
 * Every page is a keyset page (`limit + 1` rows after the cursor's key, ordered by a unique
 * tie-breaker), so its cost does not grow with the archive or with how deep a client pages;
 * nothing here counts the archive.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { VISIBLE_STATUSES, visibleAt } from '../content/visibility.js';
import { twinLocale } from '../content/derived-names.js';

export interface StoryFilter {
  locale: string;
  sectionId?: number;
  tagId?: number;
  authorId?: number;
  /** Epoch ms: published or updated at or after it. */
  since?: number;
  /** The last item of the previous page. */
  after?: { at: number; id: number };
}

export interface NamedTermRow {
  id: number;
  slug: string;
  name: string | null;
  twin_name: string | null;
  bio?: string | null;
  twin_bio?: string | null;
  /** A tag's address in the locale when it differs from `slug` (content/taxonomy-slugs.ts). */
  local_slug?: string | null;
}

export class PublicApiRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Visible editions, newest first (`published_at desc, id desc`), at most `limit`.
   *
   * One branch per visible status, merged: with `status in (…)` neither SQLite nor PostgreSQL can
   * read the (locale, status, published_at, id) index in order, and would sort every visible
   * edition of the language for each page. Per status, each branch walks the index from the
   * cursor and stops after `limit` rows, so a page reads at most statuses × limit rows.
   */
  async storyPage(f: StoryFilter, now: number, limit: number): Promise<{ id: number; published_at: number }[]> {
    const branch = (status: (typeof VISIBLE_STATUSES)[number]) => {
      let q = this.db
        .selectFrom('editions as e')
        .select(['e.id', 'e.published_at'])
        .where('e.locale', '=', f.locale)
        .where('e.status', '=', status)
        .where(visibleAt(now));
      if (f.sectionId !== undefined) q = q.where('e.story_id', 'in', this.db.selectFrom('stories').select('id').where('section_id', '=', f.sectionId));
      if (f.tagId !== undefined) q = q.where('e.story_id', 'in', this.db.selectFrom('story_tags').select('story_id').where('tag_id', '=', f.tagId));
      if (f.authorId !== undefined) q = q.where('e.story_id', 'in', this.db.selectFrom('story_authors').select('story_id').where('author_id', '=', f.authorId));
      if (f.since !== undefined) {
        const since = f.since;
        q = q.where((eb) => eb.or([eb('e.published_at', '>=', since), eb('e.updated_at', '>=', since)]));
      }
      if (f.after) {
        const { at, id } = f.after;
        q = q.where((eb) => eb.or([eb('e.published_at', '<', at), eb.and([eb('e.published_at', '=', at), eb('e.id', '<', id)])]));
      }
      // Wrapped: SQLite allows ORDER BY and LIMIT in a compound select's parts only inside a subquery.
      return this.db.selectFrom(q.orderBy('e.published_at', 'desc').orderBy('e.id', 'desc').limit(limit).as(`b_${status}`)).selectAll();
    };
    const [first, ...rest] = VISIBLE_STATUSES.map(branch);
    const union = rest.reduce((u, b) => u.unionAll(b), first!);
    const rows = await this.db.selectFrom(union.as('u')).selectAll().orderBy('u.published_at', 'desc').orderBy('u.id', 'desc').limit(limit).execute();
    // visibleAt guarantees published_at is set.
    return rows.map((r) => ({ id: r.id, published_at: r.published_at! }));
  }

  /**
   * Tags named in the locale (or, for Uzbek, in the other script), by id. Not by slug or name:
   * text order depends on the database's collation, and both dialects must page identically.
   */
  async tagPage(locale: string, afterId: number | undefined, limit: number): Promise<NamedTermRow[]> {
    let q = this.db
      .selectFrom('tags as t')
      .leftJoin('tag_names as n', (j) => j.onRef('n.tag_id', '=', 't.id').on('n.locale', '=', locale))
      .leftJoin('tag_names as o', (j) => j.onRef('o.tag_id', '=', 't.id').on('o.locale', '=', twinLocale(locale)))
      // The tag's address in this language (content/taxonomy-slugs.ts), as the site links it.
      .select(['t.id', 't.slug', sql<string | null>`coalesce(n.slug, o.slug)`.as('local_slug'), 'n.name', 'o.name as twin_name'])
      .where((eb) => eb.or([eb('n.name', 'is not', null), eb('o.name', 'is not', null)]));
    if (afterId !== undefined) q = q.where('t.id', '>', afterId);
    return q.orderBy('t.id').limit(limit).execute();
  }

  /** Authors named in the locale (or, for Uzbek, in the other script), by id (as tags). */
  async authorPage(locale: string, afterId: number | undefined, limit: number): Promise<NamedTermRow[]> {
    let q = this.db
      .selectFrom('authors as a')
      .leftJoin('author_names as n', (j) => j.onRef('n.author_id', '=', 'a.id').on('n.locale', '=', locale))
      .leftJoin('author_names as o', (j) => j.onRef('o.author_id', '=', 'a.id').on('o.locale', '=', twinLocale(locale)))
      .select(['a.id', 'a.slug', 'n.name', 'o.name as twin_name', 'n.bio', 'o.bio as twin_bio'])
      .where((eb) => eb.or([eb('n.name', 'is not', null), eb('o.name', 'is not', null)]));
    if (afterId !== undefined) q = q.where('a.id', '>', afterId);
    return q.orderBy('a.id').limit(limit).execute();
  }
}
