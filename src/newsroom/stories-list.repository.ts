/**
 * SQL of the per-story newsroom list. A page is found by walking editions in the sort order
 * (keyset, no OFFSET and no count) and keeping each story at its first matching edition: a story
 * has at most one edition per language, so LOCALES × (page + 1) rows always hold page + 1 stories,
 * and the cost is O(page) whatever the size of the archive.
 */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../db/schema.js';
import { LOCALES } from '../i18n/locales.js';
import type { NewsroomFilter, NewsroomSort } from './newsroom.repository.js';
import type { DialectOps } from '../db/dialect.js';
import { newsroomTerms } from '../search/query.js';
import { familyOf } from '../search/analyze.js';

/** Where the previous page ended: the sort value and id of its last story's leading edition. */
export interface ListCursor {
  k: number | string;
  id: number;
}

const sortKey = (sort: NewsroomSort, a: string) =>
  sort === 'headline' ? sql.ref(`${a}.headline`) : sort === 'published' ? sql`coalesce(${sql.ref(`${a}.published_at`)}, 0)` : sql.ref(`${a}.updated_at`);

export class StoriesListRepository {
  /** `match` is the search engine's condition (db/dialect.ts): the newsroom searches the same index as readers. */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly match?: DialectOps['searchMatch'],
  ) {}

  /**
   * The text query on edition `a`: each language family's editions are matched with the query
   * analyzed for that family (a Russian stem is not an Uzbek one), every word also as a prefix
   * so a half-typed word finds its stories. Without an engine (never in the app) it falls back to
   * a substring of `search_text`.
   */
  private textCond(q: string, locale: string | undefined, a: string): Expression<SqlBool> {
    if (!this.match) return sql<SqlBool>`${sql.ref(`${a}.search_text`)} like ${`%${q.replace(/[%_\\]/g, '')}%`}`;
    const families = new Map<string, string[]>();
    for (const l of locale ? [locale] : LOCALES) {
      if (!(LOCALES as readonly string[]).includes(l)) continue;
      const f = familyOf(l as (typeof LOCALES)[number]);
      families.set(f, [...(families.get(f) ?? []), l]);
    }
    const parts = [...families.values()].map((ls) => {
      const { must, not } = newsroomTerms(q, ls[0] as (typeof LOCALES)[number]);
      return sql<SqlBool>`(${sql.ref(`${a}.locale`)} in (${sql.join(ls.map((l) => sql`${l}`))}) and ${this.match!(must, not, a)})`;
    });
    return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : sql<SqlBool>`1 = 0`;
  }

  /** The filter's conditions on one edition `a` of a story `st` (the same for the outer walk and the "already shown" check). */
  private conds(f: NewsroomFilter, a: string, st: string): Expression<SqlBool>[] {
    const r = (c: string) => sql.ref(c);
    const out: Expression<SqlBool>[] = [];
    if (f.status) out.push(sql<SqlBool>`${r(`${a}.status`)} = ${f.status}`);
    if (f.sectionId !== undefined) out.push(sql<SqlBool>`${r(`${st}.section_id`)} = ${f.sectionId}`);
    if (f.authorId !== undefined) out.push(sql<SqlBool>`${r(`${a}.story_id`)} in (select story_id from story_authors where author_id = ${f.authorId})`);
    if (f.locale) out.push(sql<SqlBool>`${r(`${a}.locale`)} = ${f.locale}`);
    if (f.from !== undefined) out.push(sql<SqlBool>`${r(`${a}.updated_at`)} >= ${f.from}`);
    if (f.to !== undefined) out.push(sql<SqlBool>`${r(`${a}.updated_at`)} < ${f.to}`);
    if (f.q) out.push(this.textCond(f.q, f.locale, a));
    if (f.ownerId !== undefined) out.push(sql<SqlBool>`${r(`${st}.created_by`)} = ${f.ownerId}`);
    return out;
  }

  /** Up to `limit + 1` stories after `after`, each as its leading edition (id, story, sort value). */
  async page(f: NewsroomFilter, sort: NewsroomSort, dir: 'asc' | 'desc', limit: number, after: ListCursor | null) {
    const cmp = sql.raw(dir === 'desc' ? '<' : '>');
    const before = sql.raw(dir === 'desc' ? '>' : '<');
    const beforeEq = sql.raw(dir === 'desc' ? '>=' : '<=');
    let q = this.db
      .selectFrom('editions as e')
      .innerJoin('stories as s', 's.id', 'e.story_id')
      .select(['e.id', 'e.story_id', sortKey(sort, 'e').as('k')]);
    for (const c of this.conds(f, 'e', 's')) q = q.where(c);
    if (after) {
      q = q.where(sql<SqlBool>`(${sortKey(sort, 'e')} ${cmp} ${after.k} or (${sortKey(sort, 'e')} = ${after.k} and e.id ${cmp} ${after.id}))`);
      // A story whose leading edition came at or before the cursor was on an earlier page.
      const shown = this.conds(f, 'e2', 's');
      q = q.where(
        sql<SqlBool>`not exists (select 1 from editions e2 where e2.story_id = e.story_id ${sql.join(shown.map((c) => sql`and ${c}`), sql` `)}
          and (${sortKey(sort, 'e2')} ${before} ${after.k} or (${sortKey(sort, 'e2')} = ${after.k} and e2.id ${beforeEq} ${after.id})))`,
      );
    }
    const rows = await q
      .orderBy(sortKey(sort, 'e'), dir)
      .orderBy('e.id', dir)
      .limit(LOCALES.length * (limit + 1))
      .execute();
    const seen = new Set<number>();
    const out: { id: number; story_id: number; k: number | string }[] = [];
    for (const r of rows) {
      if (seen.has(r.story_id)) continue;
      seen.add(r.story_id);
      out.push({ id: r.id, story_id: r.story_id, k: typeof r.k === 'string' ? r.k : Number(r.k) });
      if (out.length > limit) break;
    }
    return out;
  }

  /** Every edition of the given stories, with what the expanded row shows. */
  editions(storyIds: number[]) {
    if (!storyIds.length) return Promise.resolve([]);
    return this.db
      .selectFrom('editions as e')
      .leftJoin('users as u', 'u.id', 'e.created_by')
      .select([
        'e.id', 'e.story_id', 'e.locale', 'e.status', 'e.sync', 'e.headline', 'e.slug', 'e.version', 'e.updated_at', 'e.published_at', 'e.scheduled_at',
        'e.embargo_until', 'e.unpublish_at', 'u.id as user_id', 'u.name as user_name',
      ])
      .where('e.story_id', 'in', storyIds)
      .orderBy('e.story_id')
      .orderBy('e.id')
      .execute();
  }

  /** Story-level facts: section (named per locale) and creator. */
  stories(storyIds: number[]) {
    if (!storyIds.length) return Promise.resolve([]);
    return this.db
      .selectFrom('stories as s')
      .leftJoin('users as u', 'u.id', 's.created_by')
      .select(['s.id', 's.section_id', 'u.id as owner_id', 'u.name as owner_name'])
      .where('s.id', 'in', storyIds)
      .execute();
  }

  sectionNames(sectionIds: number[]) {
    if (!sectionIds.length) return Promise.resolve([]);
    return this.db.selectFrom('section_names').select(['section_id', 'locale', 'name']).where('section_id', 'in', sectionIds).orderBy('section_id').orderBy('locale').execute();
  }

  /**
   * Editions waiting for review, counted up to `cap` (the badge says "99+" beyond): the count
   * reads at most `cap` index entries, however long the queue.
   */
  async reviewCount(cap: number, ownerId?: number): Promise<number> {
    let inner = this.db.selectFrom('editions as e').select('e.id').where('e.status', '=', 'review');
    if (ownerId !== undefined) inner = inner.innerJoin('stories as s', 's.id', 'e.story_id').where('s.created_by', '=', ownerId);
    const r = await this.db.selectFrom(inner.limit(cap).as('q')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return Number(r?.n ?? 0);
  }
}
