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
import { fts5HeadQuery, fts5Query, inHead, termKey, tsQuery, type Term } from '../search/query.js';
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
}

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
   * The newest `limit` visible editions (by id, newest first) matching every `must` term and no
   * `not` term. Terms hold our analyzer's tokens (letters and digits); each is quoted into the
   * engine's syntax here, never passed as written by the reader. SQLite walks the FTS5 index in
   * descending rowid and stops at `limit`; PostgreSQL matches the GIN-indexed tsvector.
   */
  searchCandidates(db: Kysely<Database>, must: Term[], not: Term[], f: CandidateFilter): Promise<Candidate[]>;
  /** A condition on editions `alias` matching the terms (the newsroom list's filter). */
  searchMatch(must: Term[], not: Term[], alias: string): RawBuilder<boolean>;
  /**
   * A column as a filter only, never a way into the table: SQLite's unary `+` keeps the
   * column's indexes out of the plan (sqlite.org/optoverview.html, "Disqualifying WHERE clause
   * terms using unary-+"), so a list walks its date index and stops at its LIMIT. PostgreSQL's
   * planner weighs the ways in by cost and needs no hint (a `+` there only blinds its estimates).
   */
  filterOnly(ref: string): RawBuilder<unknown>;
}

/** Splits folded search input into safe word tokens (letters, digits, Uzbek apostrophes dropped). */
export function searchTokens(terms: string[]): string[] {
  return terms.flatMap((t) => t.replace(/[\u02bb\u02bc'`‘’]/g, '').split(/[^\p{L}\p{N}]+/u)).filter((t) => t.length > 0).slice(0, 8);
}

export function dialectOps(name: DialectName): DialectOps {
  const ops: DialectOps = {
    name,
    filterOnly: (ref) => (name === 'sqlite' ? sql`+${sql.ref(ref)}` : sql.ref(ref)),
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
      return sql<boolean>`${sql.ref(`${alias}.id`)} in (select rowid from editions_search where editions_search match ${fts5Query(must, not)})`;
    },
    async searchCandidates(db, must, not, f) {
      if (must.length === 0 || f.locales.length === 0) return [];
      const conds = [
        sql`e.locale in (${sql.join(f.locales.map((l) => sql`${l}`))})`,
        visibleAt(f.now),
        ...(f.sectionId !== undefined ? [sql`s.section_id = ${f.sectionId}`] : []),
        ...(f.from !== undefined ? [sql`e.published_at >= ${f.from}`] : []),
        ...(f.to !== undefined ? [sql`e.published_at < ${f.to}`] : []),
      ];
      const where = sql.join(conds, sql` and `);
      const stories = f.sectionId !== undefined ? sql`join stories s on s.id = e.story_id` : sql``;
      type Row = { id: number; story_id: number; locale: string; published_at: number; search_head?: string };
      const norm = (c: Row) => ({ id: Number(c.id), story_id: Number(c.story_id), locale: c.locale, published_at: Number(c.published_at) });
      if (name === 'postgres') {
        // Long columns are TOASTed out of line: the head comes with the row cheaply, and is matched in memory.
        const r = await sql<Row>`select e.id, e.story_id, e.locale, e.published_at, e.search_head from editions e ${stories}
          where e.search_vec @@ to_tsquery('simple', ${tsQuery(must, not)}) and ${where} order by e.id desc limit ${f.limit}`.execute(db);
        return r.rows.map((c) => {
          const head = (c.search_head ?? '').split(' ');
          return { ...norm(c), head: new Set(must.filter((t) => inHead(t, head)).map(termKey)) };
        });
      }
      // SQLite stores an edition's columns in one record whose body overflows into more pages;
      // reading published_at or search_head for a thousand rows would walk those chains. The
      // covering index (migration 0024) answers the visibility test alone, and the head matches
      // come from FTS5 itself (column filter), limited to the candidates' rowid range.
      const r = await sql<Row>`select e.id, e.story_id, e.locale, e.published_at from editions_search f
          join editions e indexed by editions_search_cover on e.id = f.rowid ${stories}
          where editions_search match ${fts5Query(must, not)} and ${where} order by f.rowid desc limit ${f.limit}`.execute(db);
      const out = r.rows.map((c) => ({ ...norm(c), head: new Set<string>() }));
      if (out.length === 0) return out;
      const byId = new Map(out.map((c) => [c.id, c]));
      const lo = out[out.length - 1]!.id;
      const hi = out[0]!.id;
      for (const t of must) {
        const hits = await sql<{ id: number }>`select rowid as id from editions_search where editions_search match ${fts5HeadQuery(t)} and rowid between ${lo} and ${hi}`.execute(db);
        for (const h of hits.rows) byId.get(Number(h.id))?.head.add(termKey(t));
      }
      return out;
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
