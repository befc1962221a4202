/**
 * SQL for reading and writing editions. Every list orders by a unique tie-breaker
 * (`published_at desc, id desc`) so SQLite and PostgreSQL return identical pages.
 * "Visible" (published, or scheduled once its time has come; embargo passed) is defined once in
 * visibility.ts. A story scheduled or embargoed for later is invisible until its time.
 */
import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { Database, EditionRow, NewEdition } from '../db/schema.js';
import { QueryTemplates } from '../db/query-template.js';
import { visibleAt } from './visibility.js';

export interface ListFilter {
  sectionId?: number;
  tagId?: number;
  authorId?: number;
  excludeIds?: number[];
  /** Folded search terms; every one must start a word of the edition's text. */
  terms?: string[];
  /** Only these editions (a page of search results, ranked by the caller). */
  ids?: number[];
  /** Published at or after this instant (epoch ms; the date archive's day). */
  from?: number;
  /** Published before this instant. */
  to?: number;
}

/** A row's place in a list's order (`published_at desc, id desc`): what a keyset cursor holds. */
export interface ListKey {
  publishedAt: number;
  id: number;
}

/** Where a page of a list starts: a small offset from the top, or just past a key either way. */
export type ListAt = { offset: number } | { before: ListKey } | { after: ListKey };

export interface CardRow {
  edition_id: number;
  story_id: number;
  locale: string;
  headline: string;
  slug: string;
  lead: string;
  published_at: number;
  is_breaking: number;
  is_main: number;
  /** IPTC urgency 1 (flash) … 8. */
  urgency: number;
  views_total: number;
  reading_minutes: number;
  hero_media_id: number | null;
  hero_caption: string;
  section_slug: string | null;
  section_name: string | null;
  section_color: string | null;
}

export type ArticleRow = EditionRow & {
  section_id: number | null;
  hero_media_id: number | null;
  section_slug: string | null;
  section_name: string | null;
  section_color: string | null;
};

// The visibility and card helpers apply to builders of any joined shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Q = SelectQueryBuilder<any, any, any>;

/**
 * How many of each tag's newest stories are considered for "related" (four are shown). Each
 * candidate is one (story_id, locale) lookup scattered over the archive: 200 per tag cost an
 * article 14–17 ms at 100,000 stories, 60 about a third of that (docs/query-plans.md).
 */
export const RELATED_WINDOW = 60;
/** `list_entries.kind` (migration 0035): which list an entry belongs to. */
export const LIST_KIND = { section: 1, tag: 2, author: 3 } as const;

/**
 * The list a section, tag or author filter reads from `list_entries` (fromListEntries); null for
 * other lists (none of them; search terms; a given set of ids). With more than one of section,
 * tag and author (no page asks for that) the first of tag, author, section drives and the others
 * stay tests (applyFilter).
 */
function listOf(filter: ListFilter) {
  if (filter.terms?.length || filter.ids) return null;
  if (filter.tagId !== undefined) return { kind: LIST_KIND.tag, id: filter.tagId, rest: { tagId: undefined } };
  if (filter.authorId !== undefined) return { kind: LIST_KIND.author, id: filter.authorId, rest: { authorId: undefined } };
  if (filter.sectionId !== undefined) return { kind: LIST_KIND.section, id: filter.sectionId, rest: { sectionId: undefined } };
  return null;
}

/** The columns a list's order is read from: the entry's for a list of entries, else the edition's. */
type OrderKey = { at: string; id: string };
const ENTRY_ORDER: OrderKey = { at: 'le.published_at', id: 'le.edition_id' };
const EDITION_ORDER: OrderKey = { at: 'e.published_at', id: 'e.id' };

export class EditionsRepository {
  /** The article page's queries, compiled once per shape (db/query-template.ts). */
  private readonly templates: QueryTemplates;

  /** `matchesAll` comes from the dialect module: full-text search is FTS5 or tsvector. */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly matchesAll: (terms: string[]) => RawBuilder<boolean>,
    /** From the dialect module too: a column the planner must not enter the table by (applyFilter). */
    private readonly filterOnly: (ref: string) => RawBuilder<unknown> = (ref) => sql.ref(ref),
  ) {
    this.templates = new QueryTemplates(db);
  }

  private published(locale: string, now: number) {
    return this.db
      .selectFrom('editions as e')
      .innerJoin('stories as s', 's.id', 'e.story_id')
      .leftJoin('sections as sec', 'sec.id', 's.section_id')
      .leftJoin('section_names as sn', (j) => j.onRef('sn.section_id', '=', 'sec.id').on('sn.locale', '=', locale))
      .where('e.locale', '=', locale)
      .where(visibleAt(now));
  }

  /**
   * The card joins and the visibility test on a query that already reaches `editions as e` by key
   * from a small driving set (counters, related ids). The driving set comes first through a CROSS
   * JOIN, which SQLite never reorders (otherwise it may walk the whole locale and probe the set);
   * PostgreSQL plans it as the inner join it is.
   */
  private cardJoins<T extends Q>(q: T, locale: string, now: number): T {
    return q
      .innerJoin('stories as s', 's.id', 'e.story_id')
      .leftJoin('sections as sec', 'sec.id', 's.section_id')
      .leftJoin('section_names as sn', (j: any) => j.onRef('sn.section_id', '=', 'sec.id').on('sn.locale', '=', locale)) // eslint-disable-line @typescript-eslint/no-explicit-any
      .where('e.locale', '=', locale)
      .where(visibleAt(now)) as T;
  }

  /** Any edition by id, whatever its status (newsroom preview). */
  async anyById(id: number): Promise<ArticleRow | undefined> {
    return (await this.db
      .selectFrom('editions as e')
      .innerJoin('stories as s', 's.id', 'e.story_id')
      .leftJoin('sections as sec', 'sec.id', 's.section_id')
      .leftJoin('section_names as sn', (j) => j.onRef('sn.section_id', '=', 'sec.id').onRef('sn.locale', '=', 'e.locale'))
      .selectAll('e')
      .select(['s.section_id', 's.hero_media_id', sql<string | null>`coalesce(sn.slug, sec.slug)`.as('section_slug'), 'sn.name as section_name', 'sec.color as section_color'])
      .where('e.id', '=', id)
      .executeTakeFirst()) as ArticleRow | undefined;
  }

  /** Visible editions of a story in every locale (for hreflang and the language switcher). */
  async visibleEditionsOfStory(storyId: number, now: number): Promise<{ locale: string; slug: string }[]> {
    return this.templates.run('visibleEditionsOfStory', { storyId, now }, (v) =>
      this.db
        .selectFrom('editions as e')
        .select(['e.locale', 'e.slug'])
        .where('e.story_id', '=', v.storyId)
        .where(visibleAt(v.now))
        .orderBy('e.locale'),
    );
  }

  notes(editionId: number) {
    return this.templates.run('notes', { editionId }, (v) =>
      this.db.selectFrom('edition_notes').select(['id', 'kind', 'text', 'at']).where('edition_id', '=', v.editionId).orderBy('at').orderBy('id'),
    );
  }

  private cardColumns<T extends Q>(q: T) {
    return q.select([
      'e.id as edition_id', 'e.story_id', 'e.locale', 'e.headline', 'e.slug', 'e.lead', 'e.published_at', 'e.is_breaking', 'e.is_main',
      'e.views_total', 'e.reading_minutes', 's.hero_media_id', 'e.hero_caption', sql<string | null>`coalesce(sn.slug, sec.slug)`.as('section_slug'), 'sn.name as section_name', 'sec.color as section_color',
      'e.urgency',
    ]);
  }

  /**
   * The filters as tests on a row already reached. Section, tag and author lists are driven by
   * their entries (fromListEntries) and reach this only for what remains (excluded ids; another
   * of section, tag and author, which no page asks for); search results (`terms`, `ids`) may
   * carry a section, tag or author too, and test it here. Those tests are never a way in: with
   * statistics SQLite would otherwise start from the section's or tag's index and sort every
   * member (655 ms for a section page at 100,000 stories, measured); `filterOnly` (`+s.section_id`
   * on SQLite) keeps the section index out of the plan, tag and author membership is one probe of
   * the (story_id, tag_id) key per row.
   */
  private applyFilter<T extends Q>(q: T, f: ListFilter): T {
    let out: Q = q;
    if (f.sectionId !== undefined) out = out.where(this.filterOnly('s.section_id'), '=', f.sectionId);
    if (f.tagId !== undefined) out = out.where((eb) => eb.exists(eb.selectFrom('story_tags as mt').select(sql.lit(1).as('one')).whereRef('mt.story_id', '=', 'e.story_id').where('mt.tag_id', '=', f.tagId!)));
    if (f.authorId !== undefined) out = out.where((eb) => eb.exists(eb.selectFrom('story_authors as ma').select(sql.lit(1).as('one')).whereRef('ma.story_id', '=', 'e.story_id').where('ma.author_id', '=', f.authorId!)));
    if (f.excludeIds?.length) out = out.where('e.id', 'not in', f.excludeIds);
    if (f.terms?.length) out = out.where(this.matchesAll(f.terms));
    if (f.ids) out = out.where('e.id', 'in', f.ids.length ? f.ids : [0]);
    if (f.from !== undefined) out = out.where('e.published_at', '>=', f.from);
    if (f.to !== undefined) out = out.where('e.published_at', '<', f.to);
    return out as T;
  }

  async list(locale: string, now: number, filter: ListFilter, limit: number, offset = 0): Promise<CardRow[]> {
    return this.runList('list', locale, now, filter, { limit, offset }, (q, k, v) => q.orderBy(k.at, 'desc').orderBy(k.id, 'desc').limit(v.limit).offset(v.offset));
  }

  /**
   * Runs a list's card query — a range of its entries, or the feed walk — through the templates
   * (db/query-template.ts): the filter's fields that are set and `extra` are its values, which of
   * them are set its shape. A search's terms are made into text by the dialect module, so a list
   * with terms is built afresh each time.
   */
  private async runList<X extends Record<string, number>>(shape: string, locale: string, now: number, filter: ListFilter, extra: X, finish: (q: Q, k: OrderKey, v: X) => Q): Promise<CardRow[]> {
    if (filter.terms?.length) {
      const { q, key } = this.cardQuery(locale, now, filter);
      return (await finish(q, key, extra).execute()) as CardRow[];
    }
    const set = Object.fromEntries(Object.entries({ ...filter, terms: undefined }).filter(([, v]) => v !== undefined)) as Record<string, number | number[]>;
    const values = { ...set, ...extra, locale, now } as Record<string, unknown>;
    return (await this.templates.run(`${shape}:${listOf(filter) ? 'entries' : 'walk'}`, values, (v) => {
      const f: ListFilter = Object.fromEntries(Object.keys(set).map((k) => [k, v[k]]));
      const { q, key } = this.cardQuery(v.locale as string, v.now as number, f);
      return finish(q, key, v as X);
    })) as CardRow[];
  }

  /** A list's card query before its order and limit (fromListEntries or applyFilter), and the columns of its order. */
  private cardQuery(locale: string, now: number, filter: ListFilter): { q: Q; key: OrderKey } {
    const entries = this.fromListEntries(locale, now, filter);
    if (entries) return { q: this.cardColumns(entries), key: ENTRY_ORDER };
    return { q: this.applyFilter(this.cardColumns(this.published(locale, now)), filter), key: EDITION_ORDER };
  }

  /**
   * A page of a list without counting it: by a (small, capped by the caller) offset from the
   * top, or by keyset — rows just older (`before`) or just newer (`after`) than a key. Every form
   * is a range of the list's index from a point (list_entries' key, or the feed index's (locale,
   * published_at, id)) stopped after `limit` rows, so a page 2,000 deep costs what page 2 costs.
   * `after` rows come newest-last (read from the key up); the caller reverses them.
   */
  async listPage(locale: string, now: number, filter: ListFilter, limit: number, at: ListAt): Promise<CardRow[]> {
    if ('before' in at) {
      return this.runList('before', locale, now, filter, { p: at.before.publishedAt, id: at.before.id, limit }, (q, k, v) =>
        q.where(k.at, '<=', v.p).where((eb) => eb.or([eb(k.at, '<', v.p), eb(k.id, '<', v.id)])).orderBy(k.at, 'desc').orderBy(k.id, 'desc').limit(v.limit),
      );
    }
    if ('after' in at) {
      return this.runList('after', locale, now, filter, { p: at.after.publishedAt, id: at.after.id, limit }, (q, k, v) =>
        q.where(k.at, '>=', v.p).where((eb) => eb.or([eb(k.at, '>', v.p), eb(k.id, '>', v.id)])).orderBy(k.at, 'asc').orderBy(k.id, 'asc').limit(v.limit),
      );
    }
    return this.runList('page', locale, now, filter, { limit, offset: at.offset }, (q, k, v) => q.orderBy(k.at, 'desc').orderBy(k.id, 'desc').limit(v.limit).offset(v.offset));
  }

  /**
   * A section's, tag's or author's list read from its entries (`list_entries`, migration 0035,
   * kept by triggers): the range (kind, key, locale, published_at ≤ now) of its primary key, read
   * backwards from `now` or a cursor, the embargo tested on the entry; each entry reaches its
   * edition by primary key — a CROSS JOIN, which SQLite never reorders. A page reads the page's
   * entries (plus any still under embargo), whatever the size of the list or the archive. The
   * visibility test is applied to the edition as well (already read for the card; an entry is
   * only ever a superset). Undefined for other lists (listOf).
   */
  private fromListEntries(locale: string, now: number, filter: ListFilter): Q | undefined {
    const by = listOf(filter);
    if (!by) return undefined;
    const from = this.db
      .selectFrom('list_entries as le')
      .crossJoin('editions as e')
      .whereRef('e.id', '=', 'le.edition_id')
      // The entry's time is the edition's (the triggers keep them equal): a stale entry is never shown.
      .whereRef('e.published_at', '=', 'le.published_at')
      .where('le.kind', '=', by.kind)
      .where('le.key_id', '=', by.id)
      .where('le.locale', '=', locale)
      .where('le.published_at', '<=', now)
      .where((eb) => eb.or([eb('le.embargo_until', 'is', null), eb('le.embargo_until', '<=', now)]));
    return this.applyFilter(this.cardJoins(from as unknown as Q, locale, now), { ...filter, ...by.rest });
  }

  /**
   * The key of the row `offset` places from the top: turns an old `?page=N` address into a cursor.
   * Reads only keys from the feed index (no card columns), but it is an offset walk: only the
   * legacy-address redirect uses it.
   */
  async keyAt(locale: string, now: number, filter: ListFilter, offset: number): Promise<ListKey | undefined> {
    const entries = this.fromListEntries(locale, now, filter);
    const [q, k] = entries
      ? [entries.select(['le.published_at', 'le.edition_id as id']), ENTRY_ORDER]
      : [this.applyFilter(this.published(locale, now).select(['e.published_at', 'e.id']), filter), EDITION_ORDER];
    const row = (await q.orderBy(k.at, 'desc').orderBy(k.id, 'desc').limit(1).offset(offset).executeTakeFirst()) as { published_at: number; id: number } | undefined;
    return row ? { publishedAt: Number(row.published_at), id: row.id } : undefined;
  }

  /** Whole-list count: search's result count only (search has its own bounded index); public lists never count. */
  async count(locale: string, now: number, filter: ListFilter): Promise<number> {
    const q = this.applyFilter(this.published(locale, now).select((eb) => eb.fn.countAll<number>().as('n')), filter);
    const row = (await q.executeTakeFirst()) as { n: number | string } | undefined;
    return Number(row?.n ?? 0);
  }

  /**
   * The newest story whose main-story flag is live at `now`: before its `main_until` when the
   * editor set one, else published after `freshSince` (the site's age limit). Only stories
   * published after `oldest` are considered, so the walk of the (locale, is_main, published_at,
   * id) index is bounded by time however many stories were ever flagged. Undefined: the caller
   * picks (site.service.ts leadStory).
   */
  async main(locale: string, now: number, freshSince: number, oldest: number): Promise<CardRow | undefined> {
    const rows = await this.templates.run('main', { locale, now, freshSince, oldest }, (v) =>
      this.cardColumns(this.published(v.locale, v.now))
        .where('e.is_main', '=', 1)
        .where('e.published_at', '>=', v.oldest)
        .where((eb) => eb.or([eb('e.main_until', '>', v.now), eb.and([eb('e.main_until', 'is', null), eb('e.published_at', '>=', v.freshSince)])]))
        .orderBy('e.published_at', 'desc')
        .orderBy('e.id', 'desc')
        .limit(1),
    );
    return rows[0] as CardRow | undefined;
  }

  /**
   * Whether anything readers can see was published in [from, to): one probe of the (locale,
   * published_at, id, …) index that stops at the first row (the archive calendar's days).
   */
  async anyBetween(locale: string, now: number, from: number, to: number): Promise<boolean> {
    const row = await this.db.selectFrom('editions as e').select('e.id').where('e.locale', '=', locale).where(visibleAt(now))
      .where('e.published_at', '>=', from).where('e.published_at', '<', to).orderBy('e.published_at').limit(1).executeTakeFirst();
    return !!row;
  }

  /** When the locale's oldest visible story was published (the date archive's first day): one index probe. */
  async firstPublished(locale: string, now: number): Promise<number | null> {
    const row = await this.db.selectFrom('editions as e').select('e.published_at').where('e.locale', '=', locale).where(visibleAt(now))
      .orderBy('e.published_at').orderBy('e.id').limit(1).executeTakeFirst();
    return row?.published_at == null ? null : Number(row.published_at);
  }

  async breaking(locale: string, now: number, since: number): Promise<CardRow[]> {
    const q = this.cardColumns(this.published(locale, now)).where('e.is_breaking', '=', 1).where('e.published_at', '>=', since);
    return (await q.orderBy('e.published_at', 'desc').orderBy('e.id', 'desc').limit(3).execute()) as CardRow[];
  }

  /**
   * Most read since `sinceHour` (epoch ms), by the hourly counters; ties by recency then id. The
   * sum reads only the window's counter rows (the (hour, edition_id) index) and keeps the top
   * `limit × 4` editions of any locale; only those are joined to editions by primary key, so the
   * cost follows the window's traffic, never the archive. (Four times over because the window
   * mixes locales and some of the top editions may be hidden since; the rest fill in.)
   */
  async mostRead(locale: string, now: number, sinceHour: number, limit: number): Promise<(CardRow & { period_views: number })[]> {
    // `edition_id + 0` and `group by 1`: grouping by the bare column lets SQLite pick the
    // (edition_id, hour) primary key for the GROUP BY and scan every counter row ever kept; the
    // expression leaves it the (hour, …) index, which reads only the window.
    const top = this.db
      .selectFrom('edition_views_hourly as h')
      .crossJoin('editions as x')
      .select([sql<number>`h.edition_id + 0`.as('edition_id'), (eb) => eb.fn.sum<number>('h.views').as('period_views')])
      .whereRef('x.id', '=', 'h.edition_id')
      .where('h.hour', '>=', sinceHour)
      .where('x.locale', '=', locale)
      .groupBy(sql`1`)
      .orderBy('period_views', 'desc')
      .orderBy('edition_id', 'desc')
      .limit(limit * 4)
      .as('v');
    const q = this.cardColumns(this.cardJoins(this.db.selectFrom(top).crossJoin('editions as e').whereRef('e.id', '=', 'v.edition_id'), locale, now)).select('v.period_views');
    const rows = await q.orderBy('v.period_views', 'desc').orderBy('e.published_at', 'desc').orderBy('e.id', 'desc').limit(limit).execute();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows come from the untyped Q builder
    return rows.map((r: any) => ({ ...r, period_views: Number(r.period_views) }));
  }

  async publishedBySlug(locale: string, slug: string, now: number): Promise<ArticleRow | undefined> {
    const rows = await this.templates.run('publishedBySlug', { locale, slug, now }, (v) =>
      this.published(v.locale, v.now)
        .selectAll('e')
        .select(['s.section_id', 's.hero_media_id', sql<string | null>`coalesce(sn.slug, sec.slug)`.as('section_slug'), 'sn.name as section_name', 'sec.color as section_color'])
        .where('e.slug', '=', v.slug),
    );
    return rows[0] as ArticleRow | undefined;
  }

  /** Current slug of a published edition that once had `oldSlug`. */
  async redirectTarget(locale: string, oldSlug: string, now: number): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('edition_redirects as r')
      .innerJoin('editions as e', 'e.id', 'r.edition_id')
      .select('e.slug')
      .where('r.locale', '=', locale)
      .where('r.slug', '=', oldSlug)
      .where(visibleAt(now))
      .executeTakeFirst();
    return row?.slug;
  }

  /**
   * Stories sharing the most tags with `storyId`, newest first among equals. Candidates are the
   * RELATED_WINDOW newest stories of each tag (a descending walk of the (tag_id, story_id) index
   * per tag), so a tag on half the archive costs what a rare one does.
   */
  async relatedByTags(locale: string, now: number, storyId: number, tagIds: number[], limit: number): Promise<CardRow[]> {
    if (tagIds.length === 0) return [];
    // One compiled form per number of tags (1–12).
    const rows = await this.templates.run('relatedByTags', { locale, now, storyId, tagIds: tagIds.slice(0, 12), limit }, (v) => {
      const perTag = v.tagIds.map((tagId, i) =>
        this.db
          .selectFrom(
            this.db.selectFrom('story_tags').select('story_id').where('tag_id', '=', tagId).where('story_id', '!=', v.storyId)
              .orderBy('tag_id', 'desc').orderBy('story_id', 'desc').limit(RELATED_WINDOW).as(`w${i}`),
          )
          .select('story_id'),
      );
      const candidates = perTag.slice(1).reduce((u, q) => u.unionAll(q), perTag[0]!);
      const shared = this.db
        .selectFrom(candidates.as('c'))
        .select(['c.story_id', (eb) => eb.fn.countAll<number>().as('shared')])
        .groupBy('c.story_id')
        .as('t');
      const q = this.cardColumns(this.cardJoins(this.db.selectFrom(shared).crossJoin('editions as e').whereRef('e.story_id', '=', 't.story_id'), v.locale, v.now));
      return q.orderBy('t.shared', 'desc').orderBy('e.published_at', 'desc').orderBy('e.id', 'desc').limit(v.limit);
    });
    return rows as CardRow[];
  }

  /** The hand-picked related stories readers can see in this language, in the editor's order. */
  async relatedPicked(locale: string, now: number, storyId: number, limit: number): Promise<CardRow[]> {
    const rows = await this.templates.run('relatedPicked', { locale, now, storyId, limit }, (v) =>
      this.cardColumns(this.cardJoins(this.db.selectFrom('story_related as r').crossJoin('editions as e').whereRef('e.story_id', '=', 'r.related_story_id').where('r.story_id', '=', v.storyId), v.locale, v.now))
        .orderBy('r.position')
        .orderBy('e.id')
        .limit(v.limit),
    );
    return rows as CardRow[];
  }

  async isSlugTaken(trx: Kysely<Database>, locale: string, slug: string): Promise<boolean> {
    const a = await trx.selectFrom('editions').select('id').where('locale', '=', locale).where('slug', '=', slug).executeTakeFirst();
    if (a) return true;
    const b = await trx.selectFrom('edition_redirects').select('edition_id').where('locale', '=', locale).where('slug', '=', slug).executeTakeFirst();
    return !!b;
  }

  async insertStory(trx: Kysely<Database>, s: { sectionId: number | null; heroMediaId: number | null; tagIds: number[]; authorIds: number[]; now: number }): Promise<number> {
    const { id } = await trx.insertInto('stories').values({ section_id: s.sectionId, hero_media_id: s.heroMediaId, created_at: s.now, updated_at: s.now }).returning('id').executeTakeFirstOrThrow();
    if (s.tagIds.length) await trx.insertInto('story_tags').values(s.tagIds.map((tag_id, position) => ({ story_id: id, tag_id, position }))).execute();
    if (s.authorIds.length) await trx.insertInto('story_authors').values(s.authorIds.map((author_id, position) => ({ story_id: id, author_id, position }))).execute();
    return id;
  }

  async insert(trx: Kysely<Database>, row: NewEdition): Promise<number> {
    const { id } = await trx.insertInto('editions').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  }

  /** Adds buffered view counts to the running totals. */
  async addViews(trx: Kysely<Database>, editionId: number, views: number): Promise<void> {
    await trx.updateTable('editions').set({ views_total: sql`views_total + ${views}` }).where('id', '=', editionId).execute();
  }

  async totalViews(ids: number[]): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('editions').select(['id', 'views_total']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, Number(r.views_total)]));
  }
}
