/**
 * Backups the site makes by itself: on the schedule (a time of day in the site's zone, how many to
 * keep) and when an administrator asks. Both run as outbox jobs, so with several nodes exactly one
 * node runs each (the relay's claim); at most one backup is queued or running at a time (a partial
 * unique index, so two requests racing get one run and one 409).
 *
 * The job only starts the backup and returns: a backup can take minutes, and the relay runs jobs
 * one after another, so scheduled publishing must not wait behind it. The run renews a heartbeat
 * while it works; a run whose node died falls silent and is marked failed after STALE_MS.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AuditRepository } from '../../audit/audit.repository.js';
import { isUniqueViolation } from '../../db/constraint.js';
import type { Database } from '../../db/schema.js';
import { ConflictError, msg } from '../../errors.js';
import { dayKey, zonedToInstant } from '../../i18n/dates.js';
import { enqueue, type JobSpec } from '../../jobs/outbox.js';
import { createBackup, pruneBackups, type BackupSource } from './backup.js';
import { BackupRepository, STALE_ERROR, isStale, type BackupRun, type BackupSchedule } from './backup.repository.js';

export const BACKUP_RUN = 'backup.run';
export const BACKUP_SCHEDULED = 'backup.scheduled';
export const BACKUP_PLAN = 'backup.plan';

export interface BackupServiceDeps {
  db: Kysely<Database>;
  audit: AuditRepository;
  source: () => BackupSource;
  dir: string;
  timeZone: () => string;
  clock: () => number;
  log: Logger;
}

export interface ScheduleInput {
  enabled: boolean;
  timeOfDay: string;
  keep: number;
}

/** The next instant after `now` at which the wall clock in `timeZone` shows `timeOfDay` (HH:MM). */
export function nextOccurrence(now: number, timeOfDay: string, timeZone: string): number {
  const [h, m] = timeOfDay.split(':').map(Number) as [number, number];
  const [y, mo, d] = dayKey(new Date(now), timeZone).split('-').map(Number) as [number, number, number];
  const today = zonedToInstant(y, mo, d, h, m, timeZone).getTime();
  if (today > now) return today;
  const next = new Date(Date.UTC(y, mo - 1, d + 1));
  return zonedToInstant(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), h, m, timeZone).getTime();
}

export function scheduledSpec(at: number, timeOfDay: string): JobSpec<{ at: number; timeOfDay: string }> {
  return { topic: BACKUP_SCHEDULED, payload: { at, timeOfDay }, runAt: at, dedupeKey: `${BACKUP_SCHEDULED}:${at}` };
}

export class BackupService {
  readonly repo: BackupRepository;
  private current: Promise<void> = Promise.resolve();

  constructor(private readonly d: BackupServiceDeps) {
    this.repo = new BackupRepository(d.db);
  }

  get dir(): string {
    return this.d.dir;
  }

  /** The zone the schedule's time of day is read in (the site's). */
  timeZone(): string {
    return this.d.timeZone();
  }

  async status(): Promise<{ schedule: BackupSchedule; last: BackupRun | null; runs: BackupRun[]; nextAt: number | null }> {
    const now = this.d.clock();
    const [schedule, last, recent] = await Promise.all([this.repo.schedule(), this.repo.lastDone(), this.repo.recent(10)]);
    const nextAt = schedule.enabled ? nextOccurrence(now, schedule.time_of_day, this.d.timeZone()) : null;
    // A reading never writes: a silent run is shown as failed here and marked so by the next request.
    const runs = recent.map((r) => (isStale(r, now) ? { ...r, status: 'failed' as const, error: STALE_ERROR } : r));
    return { schedule, last, runs, nextAt };
  }

  /** Saves the schedule and enqueues its next run (a run planned for an older time skips itself). */
  async saveSchedule(userId: number, input: ScheduleInput): Promise<BackupSchedule> {
    const now = this.d.clock();
    const s: BackupSchedule = { enabled: input.enabled ? 1 : 0, time_of_day: input.timeOfDay, keep: input.keep, updated_at: now, updated_by: userId };
    await this.d.db.transaction().execute(async (trx) => {
      await this.repo.saveSchedule(trx, s);
      if (s.enabled) await enqueue(trx, scheduledSpec(nextOccurrence(now, s.time_of_day, this.d.timeZone()), s.time_of_day), now);
      await this.d.audit.record(trx, { userId, action: 'backup.schedule', entity: 'settings', details: { enabled: input.enabled, timeOfDay: input.timeOfDay, keep: input.keep } });
    });
    return s;
  }

  /** An administrator's "back up now": queued for the relay; 409 while another backup is queued or running. */
  async request(userId: number): Promise<BackupRun> {
    const now = this.d.clock();
    await this.repo.failStale(now);
    try {
      const id = await this.d.db.transaction().execute(async (trx) => {
        const id = await this.repo.insertQueued(trx, { trigger: 'admin', requested_by: userId, requested_at: now });
        await enqueue(trx, { topic: BACKUP_RUN, payload: { runId: id }, runAt: now, dedupeKey: `${BACKUP_RUN}:${id}` }, now);
        await this.d.audit.record(trx, { userId, action: 'backup.start', entity: 'settings', entityId: id });
        return id;
      });
      return (await this.repo.recent(10)).find((r) => r.id === id)!;
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictError(msg('backup.running'));
      throw err;
    }
  }

  /** The `backup.run` job: starts the queued run in the background. */
  async runQueued(runId: number): Promise<void> {
    if (!(await this.repo.start(runId, this.d.clock()))) return; // another node has it, or it is over
    this.background(runId);
  }

  /** The `backup.scheduled` job: a run unless the schedule changed since it was planned, or a backup is already going. */
  async runScheduled(payload: { at: number; timeOfDay: string }): Promise<void> {
    const s = await this.repo.schedule();
    if (!s.enabled || s.time_of_day !== payload.timeOfDay) return;
    const now = this.d.clock();
    // The next time first, so a failed run never ends the chain (the daily plan is the safety net).
    await enqueue(this.d.db, scheduledSpec(nextOccurrence(Math.max(now, payload.at), s.time_of_day, this.d.timeZone()), s.time_of_day), now);
    await this.repo.failStale(now);
    let id: number;
    try {
      id = await this.repo.insertQueued(this.d.db, { trigger: 'schedule', requested_by: null, requested_at: now });
    } catch (err) {
      if (isUniqueViolation(err)) {
        this.d.log.info({ at: payload.at }, 'scheduled backup skipped: another backup is queued or running');
        return;
      }
      throw err;
    }
    await this.runQueued(id);
  }

  /** The `backup.plan` job: puts the next scheduled run in the outbox (deduplicated by its time). */
  async plan(): Promise<void> {
    const s = await this.repo.schedule();
    if (!s.enabled) return;
    const now = this.d.clock();
    await enqueue(this.d.db, scheduledSpec(nextOccurrence(now, s.time_of_day, this.d.timeZone()), s.time_of_day), now);
  }

  /** Resolves when the backup this node is running (if any) is over; tests and shutdown wait on it. */
  idle(): Promise<void> {
    return this.current;
  }

  private background(runId: number): void {
    const work = async () => {
      try {
        const r = await createBackup(this.d.source(), { to: this.d.dir, clock: this.d.clock, heartbeat: () => this.repo.heartbeat(runId, this.d.clock()) });
        await this.repo.finish(runId, this.d.clock(), { status: 'done', name: r.name, bytes: r.bytes, new_bytes: r.newBytes });
        if (r.manifest.media.missing.length) this.d.log.warn({ name: r.name, missing: r.manifest.media.missing.slice(0, 20) }, 'backup done, but media files the database names were not in the store');
        else this.d.log.info({ name: r.name, bytes: r.bytes, newBytes: r.newBytes }, 'backup done');
        const removed = await pruneBackups(this.d.dir, (await this.repo.schedule()).keep, this.d.clock());
        if (removed.length) this.d.log.info({ removed }, 'old backups removed');
      } catch (err) {
        this.d.log.error({ err, runId }, 'backup failed');
        await this.repo.finish(runId, this.d.clock(), { status: 'failed', error: ((err as Error)?.message ?? String(err)).slice(0, 1000) }).catch(() => undefined);
      }
    };
    this.current = this.current.then(work);
  }
}
