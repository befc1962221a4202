/**
 * The daily retention sweep (see ops/retention.ts for what goes). It is an outbox job, so with
 * several nodes exactly one runs it (the claim's lease). It keeps itself going: each run first
 * enqueues the next day's run, keyed `daily_sweep:<UTC day>`, so a run repeated after a lost
 * lease, a retry, or every node's start-up seeding all land on the same row — one sweep a day.
 * The next run is enqueued before sweeping so a sweep that fails for good cannot end the chain
 * (and every start seeds today's run again anyway).
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Database } from '../db/schema.js';
import type { Retention } from '../ops/retention.js';
import { enqueue, type JobSpec } from './outbox.js';
import type { JobHandler } from './relay.js';

export const DAILY_SWEEP = 'daily_sweep';
const DAY = 24 * 3600_000;
/** Runs at 00:30 UTC (05:30 in Tashkent): past midnight everywhere the agency publishes. */
const AT_MS = 30 * 60_000;

const Payload = z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const startOf = (day: string) => Date.parse(`${day}T00:00:00Z`);

export function sweepSpec(day: string, runAt: number): JobSpec<{ day: string }> {
  return { topic: DAILY_SWEEP, payload: { day }, runAt, dedupeKey: `${DAILY_SWEEP}:${day}` };
}

export function dailySweepJob(db: Kysely<Database>, retention: Retention, clock: () => number, log: Logger): JobHandler {
  return {
    topic: DAILY_SWEEP,
    maxAttempts: 5,
    // First start (or a chain broken by a long outage): sweep today, now.
    seed: (now) => [sweepSpec(dayOf(now), now)],
    async run(payload) {
      const p = Payload.parse(payload);
      const now = clock();
      // The day after the later of the planned day and today: a late run never enqueues a
      // string of catch-up sweeps for days already past.
      const next = dayOf(Math.max(startOf(p.day), startOf(dayOf(now))) + DAY);
      await enqueue(db, sweepSpec(next, startOf(next) + AT_MS), now);
      const counts = await retention.sweep(now);
      log.info({ day: p.day, ...counts }, 'daily retention sweep done');
    },
  };
}
