/**
 * The analytics dashboard's SQL, nothing else (rules live in analytics.service.ts). Every read
 * sums pre-aggregated counters — per minute (live view), per hour (first 72 hours), per day and
 * per day-and-source — never a raw event: there are none. `owner` narrows a query to the stories
 * one user created (authors and contributors see only their own numbers).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Rows per insert: SQLite allows 32,766 bound values; 6 columns × 500 stays far below. */
const CHUNK = 500;

async function chunked<T>(rows: T[], each: (part: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await each(rows.slice(i, i + CHUNK));
}

/** Additive upserts: every node adds its own counts, so several nodes add up. */
export async function addMinutelyViews(db: Db, rows: { edition_id: number; minute: number; views: number }[]): Promise<void> {
  await chunked(rows, (part) =>
    db.insertInto('edition_views_minutely').values(part)
      .onConflict((oc) => oc.columns(['edition_id', 'minute']).doUpdateSet({ views: sql`edition_views_minutely.views + excluded.views` }))
      .execute(),
  );
}

export async function addSourceViews(db: Db, rows: { edition_id: number; day: string; source: string; host: string; device: string; views: number }[]): Promise<void> {
  await chunked(rows, (part) =>
    db.insertInto('edition_views_sources').values(part)
      .onConflict((oc) => oc.columns(['edition_id', 'day', 'source', 'host', 'device']).doUpdateSet({ views: sql`edition_views_sources.views + excluded.views` }))
      .execute(),
  );
}

/** Drops per-minute counters older than `before` (index range on minute). */
export async function deleteMinutelyBefore(db: Db, before: number): Promise<void> {
  await db.deleteFrom('edition_views_minutely').where('minute', '<', before).execute();
}

export interface EditionInfo {
  id: number;
  story_id: number;
  locale: string;
  headline: string;
  status: string;
  published_at: number | null;
  views_total: number;
  section_id: number | null;
  owner_id: number | null;
}

const num = (v: unknown) => Number(v ?? 0);

export class AnalyticsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Views per minute and locale from `from` on. */
  async minuteTotals(from: number, owner?: number): Promise<{ minute: number; locale: string; views: number }[]> {
    let q = this.db.selectFrom('edition_views_minutely as m').innerJoin('editions as e', 'e.id', 'm.edition_id')
      .select(['m.minute', 'e.locale', (eb) => eb.fn.sum<number>('m.views').as('views')])
      .where('m.minute', '>=', from).groupBy(['m.minute', 'e.locale']);
    if (owner !== undefined) q = q.innerJoin('stories as s', 's.id', 'e.story_id').where('s.created_by', '=', owner);
    return (await q.execute()).map((r) => ({ minute: num(r.minute), locale: r.locale, views: num(r.views) }));
  }

  /** Views per locale in the hourly buckets starting at or after `from`. */
  async hourTotals(from: number, owner?: number): Promise<{ locale: string; views: number }[]> {
    let q = this.db.selectFrom('edition_views_hourly as h').innerJoin('editions as e', 'e.id', 'h.edition_id')
      .select(['e.locale', (eb) => eb.fn.sum<number>('h.views').as('views')])
      .where('h.hour', '>=', from).groupBy('e.locale');
    if (owner !== undefined) q = q.innerJoin('stories as s', 's.id', 'e.story_id').where('s.created_by', '=', owner);
    return (await q.execute()).map((r) => ({ locale: r.locale, views: num(r.views) }));
  }

  /** The editions most read in the minutes [from, to), best first (ties by id). */
  async topEditions(from: number, to: number, limit: number, owner?: number): Promise<{ edition_id: number; views: number }[]> {
    let q = this.db.selectFrom('edition_views_minutely as m')
      .select(['m.edition_id', (eb) => eb.fn.sum<number>('m.views').as('views')])
      .where('m.minute', '>=', from).where('m.minute', '<', to)
      .groupBy('m.edition_id').orderBy(sql`sum(m.views)`, 'desc').orderBy('m.edition_id').limit(limit);
    if (owner !== undefined) q = q.innerJoin('editions as e', 'e.id', 'm.edition_id').innerJoin('stories as s', 's.id', 'e.story_id').where('s.created_by', '=', owner);
    return (await q.execute()).map((r) => ({ edition_id: r.edition_id, views: num(r.views) }));
  }

  /** Views of the given editions in the minutes [from, to). */
  async editionsWindow(ids: number[], from: number, to: number): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('edition_views_minutely').select(['edition_id', (eb) => eb.fn.sum<number>('views').as('views')])
      .where('edition_id', 'in', ids).where('minute', '>=', from).where('minute', '<', to).groupBy('edition_id').execute();
    return new Map(rows.map((r) => [r.edition_id, num(r.views)]));
  }

  async editions(ids: number[]): Promise<EditionInfo[]> {
    if (ids.length === 0) return [];
    return this.editionQuery().where('e.id', 'in', ids).orderBy('e.id').execute().then((rows) => rows.map(normalise));
  }

  /** Every edition of the story `editionId` belongs to, by locale. */
  async storyEditions(editionId: number): Promise<EditionInfo[]> {
    const rows = await this.editionQuery()
      .where('e.story_id', '=', (eb) => eb.selectFrom('editions').select('story_id').where('id', '=', editionId))
      .orderBy('e.locale').orderBy('e.id').execute();
    return rows.map(normalise);
  }

  private editionQuery() {
    return this.db.selectFrom('editions as e').innerJoin('stories as s', 's.id', 'e.story_id')
      .select(['e.id', 'e.story_id', 'e.locale', 'e.headline', 'e.status', 'e.published_at', 'e.views_total', 's.section_id', 's.created_by as owner_id']);
  }

  /**
   * The newest `limit` editions published in [from, to) (optionally of one section), for the
   * "usual curve": newest first, ties by id, so both databases pick the same ones.
   */
  async publishedBetween(from: number, to: number, limit: number, section?: number | null, excludeStory?: number): Promise<{ id: number; story_id: number; published_at: number }[]> {
    let q = this.db.selectFrom('editions as e').innerJoin('stories as s', 's.id', 'e.story_id').select(['e.id', 'e.story_id', 'e.published_at'])
      .where('e.status', '=', 'published').where('e.published_at', '>=', from).where('e.published_at', '<', to)
      .orderBy('e.published_at', 'desc').orderBy('e.id', 'desc').limit(limit);
    if (section !== undefined) q = section === null ? q.where('s.section_id', 'is', null) : q.where('s.section_id', '=', section);
    if (excludeStory !== undefined) q = q.where('e.story_id', '!=', excludeStory);
    return (await q.execute()).map((r) => ({ id: r.id, story_id: r.story_id, published_at: num(r.published_at) }));
  }

  /** Hourly counters of the given editions from `from` on. */
  async hourly(ids: number[], from: number): Promise<{ edition_id: number; hour: number; views: number }[]> {
    if (ids.length === 0) return [];
    const out: { edition_id: number; hour: number; views: number }[] = [];
    await chunked(ids, async (part) => {
      const rows = await this.db.selectFrom('edition_views_hourly').select(['edition_id', 'hour', 'views'])
        .where('edition_id', 'in', part).where('hour', '>=', from).orderBy('edition_id').orderBy('hour').execute();
      for (const r of rows) out.push({ edition_id: r.edition_id, hour: num(r.hour), views: num(r.views) });
    });
    return out;
  }

  /** Daily counters of the given editions. */
  async daily(ids: number[], fromDay = '0000-00-00'): Promise<{ edition_id: number; day: string; views: number }[]> {
    if (ids.length === 0) return [];
    const out: { edition_id: number; day: string; views: number }[] = [];
    await chunked(ids, async (part) => {
      const rows = await this.db.selectFrom('edition_views_daily').select(['edition_id', 'day', 'views'])
        .where('edition_id', 'in', part).where('day', '>=', fromDay).orderBy('edition_id').orderBy('day').execute();
      for (const r of rows) out.push({ edition_id: r.edition_id, day: r.day, views: num(r.views) });
    });
    return out;
  }

  /** Views of the given editions by referrer category and host, and by device, over all days. */
  async sources(ids: number[]): Promise<{ source: string; host: string; device: string; views: number }[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('edition_views_sources').select(['source', 'host', 'device', (eb) => eb.fn.sum<number>('views').as('views')])
      .where('edition_id', 'in', ids).groupBy(['source', 'host', 'device']).orderBy('source').orderBy('host').orderBy('device').execute();
    return rows.map((r) => ({ source: r.source, host: r.host, device: r.device, views: num(r.views) }));
  }

  /** The most read editions over the site days [fromDay, toDay], with filters. */
  async top(f: ReportFilter, limit: number): Promise<{ edition_id: number; views: number }[]> {
    let q = this.db.selectFrom('edition_views_daily as d').innerJoin('editions as e', 'e.id', 'd.edition_id').innerJoin('stories as s', 's.id', 'e.story_id')
      .select(['d.edition_id', (eb) => eb.fn.sum<number>('d.views').as('views')])
      .where('d.day', '>=', f.fromDay).where('d.day', '<=', f.toDay)
      .groupBy('d.edition_id').orderBy(sql`sum(d.views)`, 'desc').orderBy('d.edition_id').limit(limit);
    if (f.locale) q = q.where('e.locale', '=', f.locale);
    if (f.section !== undefined) q = q.where('s.section_id', '=', f.section);
    if (f.author !== undefined) q = q.where((eb) => eb.exists(eb.selectFrom('story_authors as sa').select('sa.story_id').whereRef('sa.story_id', '=', 's.id').where('sa.author_id', '=', f.author!)));
    if (f.owner !== undefined) q = q.where('s.created_by', '=', f.owner);
    return (await q.execute()).map((r) => ({ edition_id: r.edition_id, views: num(r.views) }));
  }

  /**
   * Views per site day and group (section id, author id or locale) over [fromDay, toDay]. A story
   * with two authors counts for each of them; a story without a section is group ''.
   */
  async totals(by: 'section' | 'author' | 'locale', f: ReportFilter): Promise<{ day: string; key: string; views: number }[]> {
    let q = this.db.selectFrom('edition_views_daily as d').innerJoin('editions as e', 'e.id', 'd.edition_id').innerJoin('stories as s', 's.id', 'e.story_id')
      .where('d.day', '>=', f.fromDay).where('d.day', '<=', f.toDay);
    if (f.locale) q = q.where('e.locale', '=', f.locale);
    if (f.section !== undefined) q = q.where('s.section_id', '=', f.section);
    if (f.owner !== undefined) q = q.where('s.created_by', '=', f.owner);
    let rows: { day: string; key: unknown; views: unknown }[];
    if (by === 'author') {
      let a = q.innerJoin('story_authors as sa', 'sa.story_id', 's.id');
      if (f.author !== undefined) a = a.where('sa.author_id', '=', f.author);
      rows = await a.select(['d.day', 'sa.author_id as key', (eb) => eb.fn.sum<number>('d.views').as('views')]).groupBy(['d.day', 'sa.author_id']).orderBy('d.day').orderBy('sa.author_id').execute();
    } else {
      if (f.author !== undefined) q = q.where((eb) => eb.exists(eb.selectFrom('story_authors as sa').select('sa.story_id').whereRef('sa.story_id', '=', 's.id').where('sa.author_id', '=', f.author!)));
      const col = by === 'section' ? 's.section_id' : 'e.locale';
      rows = await q.select(['d.day', sql<string>`${sql.ref(col)}`.as('key'), (eb) => eb.fn.sum<number>('d.views').as('views')]).groupBy(['d.day', col]).orderBy('d.day').orderBy(col).execute();
    }
    return rows.map((r) => ({ day: r.day, key: r.key === null || r.key === undefined ? '' : String(r.key), views: num(r.views) }));
  }

  /** Names of sections or authors in every locale. */
  async names(kind: 'section' | 'author', ids: number[]): Promise<Map<number, Record<string, string>>> {
    const out = new Map<number, Record<string, string>>();
    if (ids.length === 0) return out;
    const rows = kind === 'section'
      ? await this.db.selectFrom('section_names').select(['section_id as id', 'locale', 'name']).where('section_id', 'in', ids).execute()
      : await this.db.selectFrom('author_names').select(['author_id as id', 'locale', 'name']).where('author_id', 'in', ids).execute();
    for (const r of rows) {
      let m = out.get(r.id);
      if (!m) out.set(r.id, (m = {}));
      m[r.locale] = r.name;
    }
    return out;
  }
}

export interface ReportFilter {
  fromDay: string;
  toDay: string;
  locale?: string;
  section?: number;
  author?: number;
  owner?: number;
}

function normalise(r: { id: number; story_id: number; locale: string; headline: string; status: string; published_at: number | null; views_total: number; section_id: number | null; owner_id: number | null }): EditionInfo {
  return { ...r, published_at: r.published_at === null ? null : num(r.published_at), views_total: num(r.views_total) };
}
