/**
 * The only module that asks which SQL dialect is in use. Everything else writes portable Kysely.
 * Differences handled here: upserts that add to a counter (same SQL, kept here so later
 * dialect-specific needs — full-text search, row locking for job claims — have one home),
 * and the auto-increment key type used by migrations.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, OutboxRow } from './schema.js';
import type { DialectName } from './connect.js';
import { visibleAt } from '../content/visibility.js';
import { fts5Query, headTest, termKey, tsQuery, type Term } from '../search/query.js';
import { fold, stemWord } from '../search/analyze.js';

/** What a search may be narrowed by, in SQL (search.service.ts ranks what comes back). */
export interface CandidateFilter {
  locales: readonly string[];
  now: number;
  sectionId?: number;
  /** Published at or after / before (epoch ms). */
  from?: number;
  to?: number;
  limit: number;
}
export interface Candidate {
  id: number;
  story_id: number;
  locale: string;
  published_at: number;
  /** termKey of each `must` term found in the head (headline, section, tags, authors, place). */
  head: Set<string>;
  /** With `any`: termKey of each `must` term the edition has (without: it has them all). */
  matched?: Set<string>;
}

/**
 * The FTS5 table of a locale's editions on SQLite (migration 0032): one per locale, so a search
 * walks only its own locale's matches. Undefined for a locale without one.
 */
export function searchTable(locale: string): string | undefined {
  return (SEARCH_LOCALES as readonly string[]).includes(locale) ? `editions_search_${locale.toLowerCase().replace('-', '_')}` : undefined;
}
const SEARCH_LOCALES = ['ru', 'uz', 'uz-Cyrl', 'en'] as const;

export interface DialectOps {
  readonly name: DialectName;
  /**
   * Adds `views` to a (edition_id, day) daily counter, creating the row when missing.
   * Both SQLite (≥3.24) and PostgreSQL speak `ON CONFLICT … DO UPDATE`, so Kysely's builder is
   * shared; what differs is only how the existing value is referenced, which Kysely abstracts.
   */
  addDailyViews(db: Kysely<Database>, rows: { edition_id: number; day: string; views: number }[]): Promise<void>;
  addHourlyViews(db: Kysely<Database>, rows: { edition_id: number; hour: number; views: number }[]): Promise<void>;
  /**
   * Claims up to `limit` due outbox jobs for `worker` with a lease. PostgreSQL locks the chosen
   * rows with FOR UPDATE SKIP LOCKED so concurrent nodes claim disjoint sets; SQLite has one
   * writer at a time, so the single UPDATE … RETURNING is already atomic.
   */
  claimJobs(db: Kysely<Database>, o: { now: number; leaseMs: number; worker: string; limit: number }): Promise<OutboxRow[]>;
  /**
   * A condition on `e.id` matching editions whose text has every term as a word prefix
   * ("женев" finds «Женеве»). Terms are already case-folded; anything but letters and digits is
   * dropped, so a reader's input can never become query syntax.
   */
  matchesAll(terms: string[]): RawBuilder<boolean>;
  /**
   * The newest `limit` visible editions (by id, newest first) matching every `must` term — or,
   * with `any`, at least one of them (each candidate then says which in `matched`) — and no `not`
   * term. Terms hold our analyzer's tokens (letters and digits); each is quoted into the engine's
   * syntax here, never passed as written by the reader. SQLite walks the locale's FTS5 index in
   * descending rowid and stops at `limit`; PostgreSQL matches the GIN-indexed tsvector.
   */
  searchCandidates(db: Kysely<Database>, must: Term[], not: Term[], f: CandidateFilter, any?: boolean): Promise<Candidate[]>;
  /** A condition on editions `alias` matching the terms (the newsroom list's filter). */
  searchMatch(must: Term[], not: Term[], alias: string): RawBuilder<boolean>;
  /**
   * After a full reindex: SQLite merges each locale's FTS5 index into one segment (a reindex
   * replaces every row, leaving many segments that each query would visit); PostgreSQL's GIN
   * index needs nothing (autovacuum cleans up).
   */
  optimizeSearch(db: Kysely<Database>): Promise<void>;
}

/** Splits folded search input into safe word tokens (letters, digits, Uzbek apostrophes dropped). */
export function searchTokens(terms: string[]): string[] {
  return terms.flatMap((t) => t.replace(/[\u02bb\u02bc'`‘’]/g, '').split(/[^\p{L}\p{N}]+/u)).filter((t) => t.length > 0).slice(0, 8);
}

export function dialectOps(name: DialectName): DialectOps {
  const ops: DialectOps = {
    name,
    async addDailyViews(db, rows) {
      if (rows.length === 0) return;
      await db
        .insertInto('edition_views_daily')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['edition_id', 'day']).doUpdateSet({ views: sql`edition_views_daily.views + excluded.views` }),
        )
        .execute();
    },
    async claimJobs(db, o) {
      const lock = name === 'postgres' ? sql`for update skip locked` : sql``;
      const result = await sql<OutboxRow>`
        update outbox set locked_until = ${o.now + o.leaseMs}, locked_by = ${o.worker}, attempts = attempts + 1
        where id in (
          select id from outbox
          where done_at is null and run_at <= ${o.now} and (locked_until is null or locked_until < ${o.now})
          order by run_at, id limit ${o.limit} ${lock}
        )
        returning *`.execute(db);
      return [...result.rows].sort((a, b) => a.run_at - b.run_at || a.id - b.id);
    },
    matchesAll(terms) {
      // Older callers pass folded words: each is taken as a prefix of its own or its stem.
      const tokens = searchTokens(terms);
      if (tokens.length === 0) return sql<boolean>`1 = 0`;
      const must: Term[] = tokens.map((t) => {
        const f = fold(t);
        const stem = [stemWord(f, 'ru'), stemWord(f, 'uz'), stemWord(f, 'en')].reduce((a, b) => (b.length < a.length && f.startsWith(b) ? b : a), f);
        return { kind: 'prefix', prefix: stem.length >= 2 ? stem : f };
      });
      return ops.searchMatch(must, [], 'e');
    },
    searchMatch(must, not, alias) {
      if (must.length === 0) return sql<boolean>`1 = 0`;
      if (name === 'postgres') return sql<boolean>`${sql.ref(`${alias}.search_vec`)} @@ to_tsquery('simple', ${tsQuery(must, not)})`;
      const q = fts5Query(must, not);
      const each = SEARCH_LOCALES.map((l) => {
        const t = sql.id(searchTable(l)!);
        return sql`select rowid from ${t} where ${t} match ${q}`;
      });
      return sql<boolean>`${sql.ref(`${alias}.id`)} in (${sql.join(each, sql` union all `)})`;
    },
    async searchCandidates(db, must, not, f, any = false) {
      if (must.length === 0 || f.locales.length === 0) return [];
      const conds = [
        visibleAt(f.now),
        ...(f.sectionId !== undefined ? [sql`s.section_id = ${f.sectionId}`] : []),
        ...(f.from !== undefined ? [sql`e.published_at >= ${f.from}`] : []),
        ...(f.to !== undefined ? [sql`e.published_at < ${f.to}`] : []),
      ];
      const stories = f.sectionId !== undefined ? sql`join stories s on s.id = e.story_id` : sql``;
      type Row = { id: number; story_id: number; locale: string; published_at: number; search_head: string } & Record<`m${number}`, unknown>;
      const keys = new Map(must.map((t) => [t, termKey(t)]));
      const tests = new Map(must.map((t) => [t, headTest(t)]));
      /** Head matches in memory from the head tokens (the same rule as the engines' match). */
      const candidate = (c: Row, matched: Term[]): Candidate => {
        const head = c.search_head ?? '';
        const out: Candidate = { id: Number(c.id), story_id: Number(c.story_id), locale: c.locale, published_at: Number(c.published_at), head: new Set() };
        for (const t of matched) if (tests.get(t)!(head)) out.head.add(keys.get(t)!);
        if (any) out.matched = new Set(matched.map((t) => keys.get(t)!));
        return out;
      };
      if (name === 'postgres') {
        const where = sql.join([sql`e.locale in (${sql.join(f.locales.map((l) => sql`${l}`))})`, ...conds], sql` and `);
        // Which terms each candidate has (the OR fallback ranks by them): tested on the row the index found.
        const has = any ? sql.join(must.map((t, i) => sql`, e.search_vec @@ to_tsquery('simple', ${tsQuery([t], [])}) as ${sql.id(`m${i}`)}`), sql``) : sql``;
        // Long columns are TOASTed out of line: the head comes with the row cheaply, and is matched in memory.
        const r = await sql<Row>`select e.id, e.story_id, e.locale, e.published_at, e.search_head ${has} from editions e ${stories}
          where e.search_vec @@ to_tsquery('simple', ${tsQuery(must, not, any)}) and ${where} order by e.id desc limit ${f.limit}`.execute(db);
        return r.rows.map((c) => candidate(c, any ? must.filter((_, i) => c[`m${i}`] === true) : must));
      }
      // SQLite: the locale's own FTS5 table, walked in descending rowid until `limit` visible rows.
      // An edition's columns are one record whose long body overflows into more pages, so the
      // visibility test and the head words come from the covering index (migration 0032) alone.
      const out: Candidate[] = [];
      for (const locale of f.locales) {
        const table = searchTable(locale);
        if (!table) continue;
        const t = sql.id(table);
        // `+` keeps the locale out of the index seek: with it, SQLite probes (id, locale, status) once
        // per visible status; without, one seek by id and the rest tested on that index entry (~14 %
        // less for the query).
        const where = sql.join([sql`+e.locale = ${locale}`, ...conds], sql` and `);
        const r = await sql<Row>`select e.id, e.story_id, e.locale, e.published_at, e.search_head from ${t} f
            join editions e indexed by editions_search_cover_head on e.id = f.rowid ${stories}
            where ${t} match ${fts5Query(must, not, any)} and ${where} order by f.rowid desc limit ${f.limit}`.execute(db);
        if (!any || must.length === 1 || r.rows.length === 0) {
          out.push(...r.rows.map((c) => candidate(c, must)));
          continue;
        }
        // Which terms each candidate has: one lookup per term, bounded to the candidates' rowid range.
        const lo = r.rows[r.rows.length - 1]!.id;
        const hi = r.rows[0]!.id;
        const terms = new Map<number, Term[]>();
        for (const term of must) {
          const hits = await sql<{ id: number }>`select rowid as id from ${t} where ${t} match ${fts5Query([term], [])} and rowid between ${lo} and ${hi}`.execute(db);
          for (const h of hits.rows) terms.set(Number(h.id), [...(terms.get(Number(h.id)) ?? []), term]);
        }
        out.push(...r.rows.map((c) => candidate(c, terms.get(Number(c.id)) ?? [])));
      }
      return f.locales.length > 1 ? out.sort((a, b) => b.id - a.id).slice(0, f.limit) : out;
    },
    async optimizeSearch(db) {
      if (name === 'postgres') return;
      for (const l of SEARCH_LOCALES) {
        const t = sql.id(searchTable(l)!);
        await sql`insert into ${t}(${t}) values ('optimize')`.execute(db);
      }
    },
    async addHourlyViews(db, rows) {
      if (rows.length === 0) return;
      await db
        .insertInto('edition_views_hourly')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['edition_id', 'hour']).doUpdateSet({ views: sql`edition_views_hourly.views + excluded.views` }),
        )
        .execute();
    },
  };
  return ops;
}

/** Case folding used for the `search_text` column and for queries, so LIKE works on Cyrillic in both dialects. */
export function foldForSearch(text: string): string {
  return text.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}
