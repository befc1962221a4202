/**
 * Dead outbox jobs: `dead_at` is when the relay gave up on a job (its handler kept failing, or no
 * handler knows its topic). Dead jobs keep `done_at = -1`, so claims (which look for
 * `done_at is null`) never pick them up again and the due-jobs index needs no change; `dead_at`
 * tells operators when it happened and lets retention drop them after a while.
 * Jobs that gave up before this migration (done_at = -1) are marked dead as of their last run.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('dead_at', 'bigint').execute();
  await sql`update outbox set dead_at = run_at where done_at = -1 and dead_at is null`.execute(db);
  await db.schema.createIndex('outbox_dead_idx').ifNotExists().on('outbox').columns(['dead_at', 'id']).execute();
}
