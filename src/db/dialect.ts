/**
 * The only module that asks which SQL dialect is in use. Everything else writes portable Kysely.
 * Differences handled here: upserts that add to a counter (same SQL, kept here so later
 * dialect-specific needs — full-text search, row locking for job claims — have one home),
 * and the auto-increment key type used by migrations.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
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
