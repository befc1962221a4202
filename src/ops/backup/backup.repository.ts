/** The backup runs and the schedule (migration 0029): SQL only. */
import type { Kysely, Selectable } from 'kysely';
import type { BackupRunsTable, BackupScheduleTable, Database } from '../../db/schema.js';

export type BackupRun = Selectable<BackupRunsTable>;
export type BackupSchedule = Pick<Selectable<BackupScheduleTable>, 'enabled' | 'time_of_day' | 'keep' | 'updated_at' | 'updated_by'>;

export const DEFAULT_SCHEDULE: BackupSchedule = { enabled: 0, time_of_day: '03:00', keep: 7, updated_at: 0, updated_by: null };

/** A run that has not renewed its heartbeat for this long is taken to be dead (its node stopped). */
export const STALE_MS = 10 * 60_000;
export const STALE_ERROR = 'the node running this backup stopped answering';

export function isStale(r: Pick<BackupRun, 'status' | 'heartbeat_at' | 'requested_at'>, now: number): boolean {
  return (r.status === 'queued' || r.status === 'running') && (r.heartbeat_at ?? r.requested_at) < now - STALE_MS;
}

export class BackupRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async schedule(): Promise<BackupSchedule> {
    return (await this.db.selectFrom('backup_schedule').select(['enabled', 'time_of_day', 'keep', 'updated_at', 'updated_by']).where('id', '=', 1).executeTakeFirst()) ?? DEFAULT_SCHEDULE;
  }

  async saveSchedule(trx: Kysely<Database>, s: BackupSchedule): Promise<void> {
    await trx
      .insertInto('backup_schedule')
      .values({ id: 1, ...s })
      .onConflict((oc) => oc.column('id').doUpdateSet({ enabled: s.enabled, time_of_day: s.time_of_day, keep: s.keep, updated_at: s.updated_at, updated_by: s.updated_by }))
      .execute();
  }

  /** A queued run; the partial unique index refuses a second active one (the caller answers 409). */
  async insertQueued(trx: Kysely<Database>, run: { trigger: 'schedule' | 'admin'; requested_by: number | null; requested_at: number }): Promise<number> {
    const r = await trx.insertInto('backup_runs').values({ status: 'queued', ...run }).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  /** Takes a queued run, or one whose worker fell silent; false when another worker has it. */
  async start(id: number, now: number): Promise<boolean> {
    const r = await this.db
      .updateTable('backup_runs')
      .set({ status: 'running', started_at: now, heartbeat_at: now })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('heartbeat_at', '<', now - STALE_MS)])]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async heartbeat(id: number, now: number): Promise<void> {
    await this.db.updateTable('backup_runs').set({ heartbeat_at: now }).where('id', '=', id).where('status', '=', 'running').execute();
  }

  async finish(id: number, now: number, outcome: { status: 'done'; name: string; bytes: number; new_bytes: number } | { status: 'failed'; error: string }): Promise<void> {
    await this.db.updateTable('backup_runs').set({ ...outcome, finished_at: now }).where('id', '=', id).where('status', '=', 'running').execute();
  }

  /** Active runs whose worker fell silent (a node died mid-backup): marked failed so a new one may start. */
  async failStale(now: number): Promise<void> {
    await this.db.updateTable('backup_runs').set({ status: 'failed', finished_at: now, error: STALE_ERROR }).where('status', 'in', ['queued', 'running']).where((eb) => eb(eb.fn.coalesce('heartbeat_at', 'requested_at'), '<', now - STALE_MS)).execute();
  }

  async recent(limit: number): Promise<BackupRun[]> {
    return this.db.selectFrom('backup_runs').selectAll().orderBy('requested_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  async lastDone(): Promise<BackupRun | null> {
    return (await this.db.selectFrom('backup_runs').selectAll().where('status', '=', 'done').orderBy('finished_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst()) ?? null;
  }
}
