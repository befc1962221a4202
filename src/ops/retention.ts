/**
 * Retention rules: what the daily sweep deletes and when. The numbers that an operator may want
 * to change come from config (XABAR_RETAIN_*); the rest follow from what the rows are for:
 *  - sessions: once expired they sign nobody in;
 *  - login throttle rows: once their window started a day ago and their lock has passed (a day
 *    is longer than any throttle window, so no row still counting failures goes);
 *  - presence heartbeats: after an hour (the newsroom shows the last 45 seconds);
 *  - hourly view counters: after XABAR_RETAIN_HOURLY_VIEWS_DAYS (≥ 7: the dashboard's week);
 *  - dead outbox jobs: after XABAR_RETAIN_DEAD_JOBS_DAYS (finished jobs go after a week, in the relay);
 *  - newsroom notifications: after XABAR_RETAIN_NOTIFICATIONS_DAYS, read or not.
 */
import type { RetentionRepository } from './retention.repository.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export interface RetentionPolicy {
  hourlyViewsDays: number;
  deadJobsDays: number;
  notificationsDays?: number;
}

export interface SweepCounts {
  sessions: number;
  throttles: number;
  presence: number;
  hourlyViews: number;
  deadJobs: number;
  notifications: number;
}

export class Retention {
  constructor(
    private readonly repo: RetentionRepository,
    private readonly policy: RetentionPolicy,
    /** Rows per delete statement, and a cap on statements per kind per sweep (the rest waits a day). */
    private readonly batch = { size: 1000, maxBatches: 1000 },
  ) {}

  async sweep(now: number): Promise<SweepCounts> {
    return {
      sessions: await this.drain((n) => this.repo.deleteExpiredSessions(now, n)),
      throttles: await this.drain((n) => this.repo.deleteStaleThrottles(now - DAY, now, n)),
      presence: await this.drain((n) => this.repo.deletePresence(now - HOUR, n)),
      hourlyViews: await this.drain((n) => this.repo.deleteHourlyViews(now - this.policy.hourlyViewsDays * DAY, n)),
      deadJobs: await this.drain((n) => this.repo.deleteDeadJobs(now - this.policy.deadJobsDays * DAY, n)),
      notifications: await this.drain((n) => this.repo.deleteNotifications(now - (this.policy.notificationsDays ?? 30) * DAY, n)),
    };
  }

  /** Runs one bounded delete after another until a batch comes back short. */
  private async drain(step: (batch: number) => Promise<number>): Promise<number> {
    let total = 0;
    for (let i = 0; i < this.batch.maxBatches; i++) {
      const n = await step(this.batch.size);
      total += n;
      if (n < this.batch.size) break;
    }
    return total;
  }
}
