/**
 * Runs due outbox jobs. Each claim takes a lease (locked_until) so a crashed worker's job is
 * picked up again after the lease; on PostgreSQL the claim uses FOR UPDATE SKIP LOCKED so any
 * number of nodes share the queue and each job is claimed by one. A handler returns normally
 * (done), or throws (retried with exponential backoff, up to `maxAttempts`).
 *
 * Handlers must be idempotent on their own terms (e.g. "publish if still scheduled for this
 * time"): a lease can expire while a slow handler still runs.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database, OutboxRow } from '../db/schema.js';
import type { DialectOps } from '../db/dialect.js';

export interface JobHandler {
  topic: string;
  maxAttempts: number;
  run(payload: unknown, job: OutboxRow): Promise<void>;
}

export interface RelayOptions {
  db: Kysely<Database>;
  dialect: DialectOps;
  handlers: JobHandler[];
  clock: () => number;
  log: Logger;
  leaseMs?: number;
  pollMs?: number;
}

export class Relay {
  private readonly worker = `w-${crypto.randomBytes(4).toString('hex')}`;
  private readonly handlers: Map<string, JobHandler>;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(private readonly opts: RelayOptions) {
    this.handlers = new Map(opts.handlers.map((h) => [h.topic, h]));
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.opts.pollMs ?? 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private lastSweep = 0;

  private async tick(): Promise<void> {
    if (this.running) return;
    try {
      await this.runDue();
      if (this.opts.clock() - this.lastSweep > 3600_000) await this.sweep();
    } catch (err) {
      this.opts.log.error({ err }, 'outbox relay failed');
    }
  }

  /**
   * Deletes jobs finished more than a week ago, so the outbox stays small. Jobs that gave up
   * (done_at = -1) stay for an operator to inspect.
   */
  async sweep(): Promise<number> {
    const now = this.opts.clock();
    this.lastSweep = now;
    const r = await this.opts.db.deleteFrom('outbox').where('done_at', '>', 0).where('done_at', '<', now - 7 * 24 * 3600_000).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Claims and runs every due job once; returns how many ran. Tests call it with a fake clock. */
  async runDue(limit = 20): Promise<number> {
    const run = async () => {
      const now = this.opts.clock();
      const jobs = await this.opts.dialect.claimJobs(this.opts.db, { now, leaseMs: this.opts.leaseMs ?? 60_000, worker: this.worker, limit });
      for (const job of jobs) await this.runOne(job);
      return jobs.length;
    };
    this.running = run();
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  private async runOne(job: OutboxRow): Promise<void> {
    const handler = this.handlers.get(job.topic);
    const db = this.opts.db;
    if (!handler) {
      await db.updateTable('outbox').set({ last_error: `no handler for ${job.topic}`, locked_until: null }).where('id', '=', job.id).execute();
      return;
    }
    try {
      await handler.run(JSON.parse(job.payload), job);
      await db.updateTable('outbox').set({ done_at: this.opts.clock(), locked_until: null, last_error: '' }).where('id', '=', job.id).where('locked_by', '=', this.worker).execute();
    } catch (err) {
      const message = (err as Error).message ?? String(err);
      const giveUp = job.attempts >= handler.maxAttempts;
      const backoff = Math.min(3600_000, 2 ** job.attempts * 5_000);
      this.opts.log.warn({ err, topic: job.topic, id: job.id, attempts: job.attempts, giveUp }, 'job failed');
      await db
        .updateTable('outbox')
        .set(giveUp ? { last_error: message, locked_until: null, done_at: -1 } : { last_error: message, locked_until: null, run_at: this.opts.clock() + backoff })
        .where('id', '=', job.id)
        .execute();
    }
  }
}
