/**
 * Runs due outbox jobs. Each claim takes a lease (locked_until) so a crashed worker's job is
 * picked up again after the lease; on PostgreSQL the claim uses FOR UPDATE SKIP LOCKED so any
 * number of nodes share the queue and each job is claimed by one. A handler returns normally
 * (done), or throws (retried with exponential backoff). After `maxAttempts` claims (the
 * handler's own, or the relay's default) the job is dead: `done_at = -1`, `dead_at` set, the
 * reason in `last_error`, logged at error level, never claimed again, listed by `deadJobs()`.
 * A job whose topic no handler knows backs off the same way and dies the same way (a rolling
 * deploy may briefly run a node that does not know a new topic yet; the backoff leaves the job
 * to the nodes that do, and a typo'd topic stops costing a claim every second).
 *
 * Every outcome is written only while the lease is still ours (see outbox.repository.ts): a
 * worker whose lease expired and whose job was claimed again cannot overwrite the new owner.
 * Handlers must still be idempotent on their own terms (e.g. "publish if still scheduled for
 * this time"): a lease can expire while a slow handler still runs.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database, OutboxRow } from '../db/schema.js';
import type { DialectOps } from '../db/dialect.js';
import { enqueue, type JobSpec } from './outbox.js';
import { OutboxRepository, type Lease } from './outbox.repository.js';

export interface JobHandler {
  topic: string;
  /** Claims before the job is declared dead; the relay's default when not given. */
  maxAttempts?: number;
  run(payload: unknown, job: OutboxRow): Promise<void>;
  /**
   * Jobs to enqueue when the relay starts (recurring jobs seed themselves this way). They must
   * carry a dedupe key: every node's relay seeds them, and the key makes that happen once.
   */
  seed?(now: number): JobSpec<unknown>[];
}

export interface RelayOptions {
  db: Kysely<Database>;
  dialect: DialectOps;
  handlers: JobHandler[];
  clock: () => number;
  log: Logger;
  leaseMs?: number;
  pollMs?: number;
  /** Default attempts before a job is dead (XABAR_JOB_MAX_ATTEMPTS; 10 when not given). */
  maxAttempts?: number;
  /** Told once when a job is declared dead (the newsroom notifies administrators); its failure is only logged. */
  onDead?: (job: OutboxRow, reason: string) => Promise<void>;
  /** Told every job outcome (metrics: failures by topic); must not throw. */
  onOutcome?: (topic: string, outcome: 'done' | 'retry' | 'dead' | 'lost') => void;
}

/**
 * Thrown by a handler that knows when the next attempt should run (Telegram's `retry_after`, or
 * its own backoff with jitter): the relay retries at `at` instead of its own backoff. It still
 * counts as an attempt, so `maxAttempts` bounds it like any failure.
 */
export class RetryAt extends Error {
  constructor(readonly at: number, message: string) {
    super(message);
    this.name = 'RetryAt';
  }
}

/** Delay before attempt n+1: 10 s, 20 s, 40 s … capped at one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(3600_000, 2 ** Math.min(attempts, 20) * 5_000);
}

export class Relay {
  private readonly worker = `w-${crypto.randomBytes(4).toString('hex')}`;
  private readonly handlers: Map<string, JobHandler>;
  private readonly repo: OutboxRepository;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private seeding: Promise<void> | null = null;

  constructor(private readonly opts: RelayOptions) {
    this.handlers = new Map(opts.handlers.map((h) => [h.topic, h]));
    this.repo = new OutboxRepository(opts.db);
  }

  start(): void {
    if (this.timer) return;
    this.seeding = this.seed().catch((err) => this.opts.log.error({ err }, 'seeding recurring jobs failed'));
    this.timer = setInterval(() => void this.tick(), this.opts.pollMs ?? 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.seeding;
    await this.running;
  }

  /** Enqueues every handler's seed jobs (idempotent through their dedupe keys). */
  async seed(): Promise<void> {
    const now = this.opts.clock();
    for (const h of this.handlers.values()) for (const job of h.seed?.(now) ?? []) await enqueue(this.opts.db, job, now);
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
   * Deletes jobs finished more than a week ago, so the outbox stays small, in batches so a big
   * backlog never holds a long lock. Dead jobs (done_at = -1) stay for an operator to inspect;
   * the daily sweep drops them after their retention (see jobs/sweep.job.ts).
   */
  async sweep(): Promise<number> {
    const now = this.opts.clock();
    this.lastSweep = now;
    let total = 0;
    for (let i = 0; i < 100; i++) {
      const n = await this.repo.deleteFinished(now - 7 * 24 * 3600_000, 1000);
      total += n;
      if (n < 1000) break;
    }
    return total;
  }

  /** Dead jobs, newest first: what an operator looks at when something never happened. */
  deadJobs(limit = 100): Promise<OutboxRow[]> {
    return this.repo.dead(limit);
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
    const lease: Lease = { id: job.id, worker: this.worker, attempts: job.attempts };
    if (!handler) {
      this.opts.log.warn({ topic: job.topic, id: job.id, attempts: job.attempts }, 'no handler for this job topic on this node; retrying later');
      await this.failed(job, lease, `no handler for topic «${job.topic}» on this node`, this.opts.maxAttempts ?? 10);
      return;
    }
    try {
      await handler.run(JSON.parse(job.payload), job);
      if (!(await this.repo.complete(lease, this.opts.clock()))) this.lost(job);
      else this.opts.onOutcome?.(job.topic, 'done');
    } catch (err) {
      this.opts.log.warn({ err, topic: job.topic, id: job.id, attempts: job.attempts }, 'job failed');
      await this.failed(job, lease, (err as Error)?.message ?? String(err), handler.maxAttempts ?? this.opts.maxAttempts ?? 10, err instanceof RetryAt ? err.at : undefined);
    }
  }

  private async failed(job: OutboxRow, lease: Lease, reason: string, maxAttempts: number, retryAt?: number): Promise<void> {
    const now = this.opts.clock();
    if (job.attempts >= maxAttempts) {
      const ok = await this.repo.kill(lease, now, reason);
      if (ok) {
        this.opts.log.error({ topic: job.topic, id: job.id, attempts: job.attempts, reason }, 'job is dead: gave up after its last attempt');
        this.opts.onOutcome?.(job.topic, 'dead');
      } else this.lost(job);
      if (ok) await this.opts.onDead?.(job, reason).catch((err) => this.opts.log.error({ err, id: job.id }, 'could not announce a dead job'));
      return;
    }
    if (!(await this.repo.retry(lease, retryAt ?? now + backoffMs(job.attempts), reason))) this.lost(job);
    else this.opts.onOutcome?.(job.topic, 'retry');
  }

  private lost(job: OutboxRow): void {
    this.opts.onOutcome?.(job.topic, 'lost');
    this.opts.log.warn({ topic: job.topic, id: job.id, attempts: job.attempts }, 'job lease ran out before it finished; its new owner decides the outcome');
  }
}
