/**
 * The desk: an expiry time per edition (`unpublish_at`, epoch ms; the unpublish_scheduled job
 * takes a published edition down then), and the indexes that keep the desk's queries bounded:
 * the review-queue count (status), the planning view (scheduled, embargoed and expiring items by
 * time) and the per-story list ordered by last update.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('editions').addColumn('unpublish_at', 'bigint').execute();
  await db.schema.createIndex('editions_status_updated_idx').ifNotExists().on('editions').columns(['status', 'updated_at', 'id']).execute();
  await db.schema.createIndex('editions_updated_idx').ifNotExists().on('editions').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('editions_scheduled_at_idx').ifNotExists().on('editions').columns(['scheduled_at', 'id']).execute();
  await db.schema.createIndex('editions_embargo_idx').ifNotExists().on('editions').columns(['embargo_until', 'id']).execute();
  await db.schema.createIndex('editions_unpublish_at_idx').ifNotExists().on('editions').columns(['unpublish_at', 'id']).execute();
}
