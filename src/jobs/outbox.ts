/**
 * The transactional outbox: a change and the job that announces it are written in the same
 * transaction, so a crash can never leave one without the other. `dedupeKey` makes enqueueing
 * idempotent (the same key is stored once).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface JobSpec<P> {
  topic: string;
  payload: P;
  runAt: number;
  dedupeKey?: string;
}

export async function enqueue<P>(trx: Kysely<Database>, job: JobSpec<P>, now: number): Promise<void> {
  await trx
    .insertInto('outbox')
    .values({ topic: job.topic, payload: JSON.stringify(job.payload), dedupe_key: job.dedupeKey ?? null, run_at: job.runAt, locked_until: null, locked_by: null, done_at: null, created_at: now })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}
