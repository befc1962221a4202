/**
 * The analytics dashboard's pre-aggregated counters (issue 15, docs/analytics.md):
 * - edition_views_minutely: views per edition per minute, read by the live desk view (last 5 and
 *   60 minutes, the hour before for "cooling"); the view counter deletes rows older than 3 hours.
 *   (minute, edition_id, views) lets a window be summed from the index alone.
 * - edition_views_sources: views per edition per site day by where readers came from (a referrer
 *   category and a host, never a URL) and device class, reduced when the view was counted.
 * Both are written by the view counter's flush with additive upserts, so several nodes add up.
 * Re-runnable: every create is `if not exists`.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const time = 'bigint'; // epoch ms; SQLite maps bigint to INTEGER affinity
  await db.schema.createTable('edition_views_minutely').ifNotExists()
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('minute', time, (c) => c.notNull())
    .addColumn('views', time, (c) => c.notNull())
    .addPrimaryKeyConstraint('edition_views_minutely_pk', ['edition_id', 'minute'])
    .execute();
  await db.schema.createIndex('edition_views_minutely_window_idx').ifNotExists().on('edition_views_minutely').columns(['minute', 'edition_id', 'views']).execute();
  await db.schema.createTable('edition_views_sources').ifNotExists()
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('device', 'text', (c) => c.notNull())
    .addColumn('views', time, (c) => c.notNull())
    .addPrimaryKeyConstraint('edition_views_sources_pk', ['edition_id', 'day', 'source', 'host', 'device'])
    .execute();
}
