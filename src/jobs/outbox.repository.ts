/**
 * SQL for the relay's outcomes. Every outcome is fenced by the lease: the row changes only while
 * it still belongs to the claim that ran it (same `locked_by`, same `attempts` — the claim bumps
 * `attempts`, so a later claim by anyone, even the same worker, is a different lease). A worker
 * whose lease ran out and whose job was claimed again therefore cannot overwrite the new owner's
 * state. (Claims themselves live in db/dialect.ts: they differ per database.)
 */
import type { Kysely } from 'kysely';
import type { Updateable } from 'kysely';
import type { Database, OutboxRow, OutboxTable } from '../db/schema.js';

export interface Lease {
  id: number;
  worker: string;
  attempts: number;
}

export class OutboxRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Marks the job done; false when the lease was lost (someone else owns the job now). */
  async complete(lease: Lease, now: number): Promise<boolean> {
    return this.fenced(lease, { done_at: now, locked_until: null, last_error: '' });
  }

  /** Releases the job to run again at `runAt`; false when the lease was lost. */
  async retry(lease: Lease, runAt: number, error: string): Promise<boolean> {
    return this.fenced(lease, { locked_until: null, run_at: runAt, last_error: error });
  }

  /** Gives up on the job for good: never claimed again, kept for operators. */
  async kill(lease: Lease, now: number, error: string): Promise<boolean> {
    return this.fenced(lease, { locked_until: null, done_at: -1, dead_at: now, last_error: error });
  }

  /** Deletes up to `batch` jobs finished before `before`; returns how many went. */
  async deleteFinished(before: number, batch: number): Promise<number> {
    const r = await this.db
      .deleteFrom('outbox')
      .where('id', 'in', (eb) => eb.selectFrom('outbox').select('id').where('done_at', '>', 0).where('done_at', '<', before).limit(batch))
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Dead jobs, newest first, for operators. */
  async dead(limit: number): Promise<OutboxRow[]> {
    return this.db.selectFrom('outbox').selectAll().where('dead_at', 'is not', null).orderBy('dead_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  private async fenced(lease: Lease, set: Updateable<OutboxTable>): Promise<boolean> {
    const r = await this.db
      .updateTable('outbox')
      .set(set)
      .where('id', '=', lease.id)
      .where('locked_by', '=', lease.worker)
      .where('attempts', '=', lease.attempts)
      .where('done_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
