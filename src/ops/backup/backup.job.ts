/**
 * The backup jobs (see backup.service.ts): `backup.run` (an administrator's request),
 * `backup.scheduled` (one scheduled time) and `backup.plan`, the daily job that enqueues the next
 * scheduled time. The plan keeps itself going like the retention sweep: each run enqueues the next
 * UTC day's plan first, keyed by the day, so every node's start-up seeding lands on the same row.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { enqueue, type JobSpec } from '../../jobs/outbox.js';
import type { JobHandler } from '../../jobs/relay.js';
import { BACKUP_PLAN, BACKUP_RUN, BACKUP_SCHEDULED, type BackupService } from './backup.service.js';

const DAY = 24 * 3600_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const startOf = (day: string) => Date.parse(`${day}T00:00:00Z`);

function planSpec(day: string, runAt: number): JobSpec<{ day: string }> {
  return { topic: BACKUP_PLAN, payload: { day }, runAt, dedupeKey: `${BACKUP_PLAN}:${day}` };
}

const RunPayload = z.object({ runId: z.number().int().positive() });
const ScheduledPayload = z.object({ at: z.number().int(), timeOfDay: z.string().regex(/^\d{2}:\d{2}$/) });
const PlanPayload = z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });

export function backupJobs(db: Kysely<Database>, backups: BackupService, clock: () => number): JobHandler[] {
  return [
    { topic: BACKUP_RUN, maxAttempts: 3, run: (p) => backups.runQueued(RunPayload.parse(p).runId) },
    { topic: BACKUP_SCHEDULED, maxAttempts: 3, run: (p) => backups.runScheduled(ScheduledPayload.parse(p)) },
    {
      topic: BACKUP_PLAN,
      maxAttempts: 5,
      seed: (now) => [planSpec(dayOf(now), now)],
      async run(p) {
        const { day } = PlanPayload.parse(p);
        const now = clock();
        const next = dayOf(Math.max(startOf(day), startOf(dayOf(now))) + DAY);
        await enqueue(db, planSpec(next, startOf(next) + 10 * 60_000), now);
        await backups.plan();
      },
    },
  ];
}
