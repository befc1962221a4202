/**
 * The only module that asks which SQL dialect is in use. Everything else writes portable Kysely.
 * Differences handled here: upserts that add to a counter (same SQL, kept here so later
 * dialect-specific needs — full-text search, row locking for job claims — have one home),
 * and the auto-increment key type used by migrations.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, OutboxRow } from './schema.js';
import type { DialectName } from './connect.js';

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
}

/** Splits folded search input into safe word tokens (letters, digits, Uzbek apostrophes dropped). */
export function searchTokens(terms: string[]): string[] {
  return terms.flatMap((t) => t.replace(/[\u02bb\u02bc'`‘’]/g, '').split(/[^\p{L}\p{N}]+/u)).filter((t) => t.length > 0).slice(0, 8);
}

export function dialectOps(name: DialectName): DialectOps {
  return {
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
      const tokens = searchTokens(terms);
      if (tokens.length === 0) return sql<boolean>`1 = 0`;
      if (name === 'postgres') {
        const q = tokens.map((t) => `${t}:*`).join(' & ');
        return sql<boolean>`e.search_tsv @@ to_tsquery('simple', ${q})`;
      }
      const q = tokens.map((t) => `"${t}"*`).join(' AND ');
      return sql<boolean>`e.id in (select rowid from editions_fts where editions_fts match ${q})`;
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
}

/** Case folding used for the `search_text` column and for queries, so LIKE works on Cyrillic in both dialects. */
export function foldForSearch(text: string): string {
  return text.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}
