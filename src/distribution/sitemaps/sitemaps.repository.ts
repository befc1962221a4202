/**
 * SQL for the sitemaps, and nothing else. Every query is bounded: a month is read in keyset
 * batches (`published_at, id`), aggregates run over one locale's month through the covering
 * index of migration 0018, "newest" and "first" walk an index from one end, and a section, tag
 * or author is listed only when an EXISTS finds one visible story in the locale — never a count
 * over the archive. "Visible" is `visibleAt` (src/content/visibility.ts), the one rule.
 */
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { VISIBLE_STATUSES, visibleAt } from '../../content/visibility.js';
import { twinLocale } from '../../content/derived-names.js';

export interface MonthStats {
  /** Visible editions published in the range. */
  visible: number;
  /** Sum of their ids: with `visible`, changes whenever the set changes (one out, another in). */
  idSum: number;
  /** Newest change of any edition of the locale published in the range, unpublished ones too. */
  maxUpdated: number | null;
  maxPublished: number | null;
}

export interface SiblingStats {
  visible: number;
  idSum: number;
  maxUpdated: number | null;
}

export interface MonthRow {
  id: number;
  story_id: number;
  slug: string;
  published_at: number;
  updated_at: number;
}

export interface NewsRow extends MonthRow {
  headline: string;
}

export type TaxonomyKind = 'section' | 'tag' | 'author';

/** Statuses whose rows a month's fingerprint looks at: an unpublish must move it too. */
const MONTH_STATUSES = [...VISIBLE_STATUSES, 'unpublished'] as const;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export class SitemapsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * A cheap marker of "something changed": the newest edition change, the newest edition id and
   * the newest audit entry (every change to a published or scheduled edition writes one in its
   * transaction, so two changes in the same millisecond still move it) — each one end of an
   * index. Scalar subqueries so SQLite applies its min/max optimisation to each.
   */
  async contentVersion(): Promise<string> {
    const r = await sql<{ u: unknown; i: unknown; a: unknown }>`select (select max(updated_at) from editions) as u, (select max(id) from editions) as i, (select max(id) from audit_log) as a`.execute(this.db);
    const row = r.rows[0];
    return `${num(row?.u) ?? 0}.${num(row?.i) ?? 0}.${num(row?.a) ?? 0}`;
  }

  /**
   * The oldest (`asc`) or newest (`desc`) visible publication time in a locale: a walk of
   * editions_sitemap_month_idx (locale, published_at, …) from one end to the first visible row.
   */
  async edgePublished(locale: string, now: number, dir: 'asc' | 'desc'): Promise<number | null> {
    const r = await this.db
      .selectFrom('editions as e')
      .select('e.published_at')
      .where('e.locale', '=', locale)
      .where(visibleAt(now))
      .orderBy('e.published_at', dir)
      .limit(1)
      .executeTakeFirst();
    return num(r?.published_at);
  }

  /** Counts and newest change of one locale's editions published in [from, to). */
  async monthStats(locale: string, from: number, to: number, now: number): Promise<MonthStats> {
    const vis = visibleAt(now);
    const r = await this.db
      .selectFrom('editions as e')
      .select([
        sql<unknown>`sum(case when ${vis} then 1 else 0 end)`.as('visible'),
        sql<unknown>`sum(case when ${vis} then e.id else 0 end)`.as('id_sum'),
        sql<unknown>`max(e.updated_at)`.as('max_updated'),
        sql<unknown>`max(case when ${vis} then e.published_at end)`.as('max_published'),
      ])
      .where('e.locale', '=', locale)
      .where('e.status', 'in', MONTH_STATUSES)
      .where('e.published_at', '>=', from)
      .where('e.published_at', '<', to)
      .executeTakeFirst();
    return { visible: num(r?.visible) ?? 0, idSum: num(r?.id_sum) ?? 0, maxUpdated: num(r?.max_updated), maxPublished: num(r?.max_published) };
  }

  /**
   * The other editions of the month's visible stories (their hreflang links): which are visible
   * and their newest change, so a translation published or taken down changes the month's file.
   */
  async siblingStats(locale: string, from: number, to: number, now: number): Promise<SiblingStats> {
    const vis = visibleAt(now, 'o');
    const r = await this.db
      .selectFrom('editions as e')
      .innerJoin('editions as o', (j) => j.onRef('o.story_id', '=', 'e.story_id').onRef('o.id', '<>', 'e.id'))
      .select([
        sql<unknown>`sum(case when ${vis} then 1 else 0 end)`.as('visible'),
        sql<unknown>`sum(case when ${vis} then o.id else 0 end)`.as('id_sum'),
        sql<unknown>`max(o.updated_at)`.as('max_updated'),
      ])
      .where('e.locale', '=', locale)
      .where('e.status', 'in', VISIBLE_STATUSES)
      .where('e.published_at', '>=', from)
      .where('e.published_at', '<', to)
      .where(visibleAt(now))
      .executeTakeFirst();
    return { visible: num(r?.visible) ?? 0, idSum: num(r?.id_sum) ?? 0, maxUpdated: num(r?.max_updated) };
  }

  /**
   * One batch of a month's visible editions in (published_at, id) order: after the key `after`
   * (keyset), or from `offset` for the first batch of a later part of a split month.
   */
  async monthBatch(locale: string, from: number, to: number, now: number, after: { published_at: number; id: number } | null, offset: number, limit: number): Promise<MonthRow[]> {
    let q = this.db
      .selectFrom('editions as e')
      .select(['e.id', 'e.story_id', 'e.slug', 'e.published_at', 'e.updated_at'])
      .where('e.locale', '=', locale)
      .where('e.status', 'in', VISIBLE_STATUSES)
      .where('e.published_at', '>=', from)
      .where('e.published_at', '<', to)
      .where(visibleAt(now));
    // The plain `>=` bound is what lets the index range start at the key (an OR alone does not).
    if (after) q = q.where('e.published_at', '>=', after.published_at).where((eb) => eb.or([eb('e.published_at', '>', after.published_at), eb('e.id', '>', after.id)]));
    q = q.orderBy('e.published_at').orderBy('e.id').limit(limit);
    if (!after && offset > 0) q = q.offset(offset);
    return (await q.execute()).map((r) => ({ id: r.id, story_id: r.story_id, slug: r.slug, published_at: Number(r.published_at), updated_at: Number(r.updated_at) }));
  }

  /** Visible editions of these stories, every locale (hreflang sets). */
  async visibleEditionsOf(storyIds: number[], now: number): Promise<{ story_id: number; locale: string; slug: string }[]> {
    if (!storyIds.length) return [];
    return this.db
      .selectFrom('editions as e')
      .select(['e.story_id', 'e.locale', 'e.slug'])
      .where('e.story_id', 'in', storyIds)
      .where(visibleAt(now))
      .orderBy('e.story_id')
      .orderBy('e.id')
      .execute();
  }

  /** The Google News window: visible editions published since `since`, newest first. */
  async news(locale: string, since: number, now: number, limit: number): Promise<NewsRow[]> {
    const rows = await this.db
      .selectFrom('editions as e')
      .select(['e.id', 'e.story_id', 'e.slug', 'e.headline', 'e.published_at', 'e.updated_at'])
      .where('e.locale', '=', locale)
      .where('e.status', 'in', VISIBLE_STATUSES)
      .where('e.published_at', '>=', since)
      .where(visibleAt(now))
      .orderBy('e.published_at', 'desc')
      .orderBy('e.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ ...r, published_at: Number(r.published_at), updated_at: Number(r.updated_at) }));
  }

  /**
   * Sections, tags or authors with a page in the locale (a name in it or in the other Uzbek
   * script, as the pages require) and at least one visible story in it, in id order after
   * `afterId`. Each EXISTS stops at the first story found (story_tags_tag_idx,
   * story_authors_author_idx, stories_section_idx).
   */
  async taxonomyBatch(kind: TaxonomyKind, locale: string, now: number, afterId: number, limit: number): Promise<{ id: number; slug: string }[]> {
    // A section's or tag's own address in the locale (taxonomy-slugs.ts): its slug, the other
    // Uzbek script's, else the shared one. Two primary-key probes per row of the batch.
    const names = kind === 'section' ? { table: 'section_names', key: 'section_id' } : kind === 'tag' ? { table: 'tag_names', key: 'tag_id' } : null;
    const slug = names
      ? sql<string>`coalesce((select n.slug from ${sql.table(names.table)} n where n.${sql.ref(names.key)} = t.id and n.locale = ${locale}), (select o.slug from ${sql.table(names.table)} o where o.${sql.ref(names.key)} = t.id and o.locale = ${twinLocale(locale)}), t.slug)`
      : sql<string>`t.slug`;
    return this.taxonomyQuery(kind, locale, now).select(['t.id', slug.as('slug')]).where('t.id', '>', afterId).orderBy('t.id').limit(limit).execute();
  }

  /** How many the sitemap lists (to split past the URL limit): one EXISTS per section/tag/author. */
  async taxonomyCount(kind: TaxonomyKind, locale: string, now: number): Promise<number> {
    const r = await this.taxonomyQuery(kind, locale, now).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  /** The id a part of a split taxonomy sitemap starts after. */
  async taxonomyIdAt(kind: TaxonomyKind, locale: string, now: number, offset: number): Promise<number | null> {
    const r = await this.taxonomyQuery(kind, locale, now).select('t.id').orderBy('t.id').limit(1).offset(offset).executeTakeFirst();
    return r ? r.id : null;
  }

  private taxonomyQuery(kind: TaxonomyKind, locale: string, now: number) {
    const names = [locale, twinLocale(locale)];
    const one = sql.lit(1).as('one');
    // Correlated subqueries are built from the outer `eb`, so `t` is in scope for whereRef. The
    // story links are walked from the section/tag/author (its index) and each story's editions
    // probed by story id: a join written the other way round lets the planner walk every edition
    // of the locale for a tag that has none.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any builder that has the story id column in scope
    const visibleIn = (eb: ExpressionBuilder<any, any>, storyId: string) =>
      eb.exists(eb.selectFrom('editions as e').select(one).whereRef('e.story_id', '=', storyId).where('e.locale', '=', locale).where(visibleAt(now)));
    if (kind === 'section') {
      return this.db
        .selectFrom('sections as t')
        .where((eb) => eb.exists(eb.selectFrom('section_names as n').select(one).whereRef('n.section_id', '=', 't.id').where('n.locale', 'in', names)))
        .where((eb) => eb.exists(eb.selectFrom('stories as s').select(one).whereRef('s.section_id', '=', 't.id').where((eb2) => visibleIn(eb2, 's.id'))));
    }
    if (kind === 'tag') {
      return this.db
        .selectFrom('tags as t')
        .where((eb) => eb.exists(eb.selectFrom('tag_names as n').select(one).whereRef('n.tag_id', '=', 't.id').where('n.locale', 'in', names)))
        .where((eb) => eb.exists(eb.selectFrom('story_tags as st').select(one).whereRef('st.tag_id', '=', 't.id').where((eb2) => visibleIn(eb2, 'st.story_id'))));
    }
    return this.db
      .selectFrom('authors as t')
      .where((eb) => eb.exists(eb.selectFrom('author_names as n').select(one).whereRef('n.author_id', '=', 't.id').where('n.locale', 'in', names)))
      .where((eb) => eb.exists(eb.selectFrom('story_authors as sa').select(one).whereRef('sa.author_id', '=', 't.id').where((eb2) => visibleIn(eb2, 'sa.story_id'))));
  }
}
