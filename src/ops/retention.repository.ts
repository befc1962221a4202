/**
 * SQL for the daily retention sweep. Every delete takes at most `batch` rows, picked by key in a
 * sub-select (`… where key in (select key … limit n)`, portable to SQLite and PostgreSQL), so a
 * huge backlog is worked off in many short statements and never holds a long lock; the caller
 * loops until a batch comes back short. Each method returns how many rows went.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export class RetentionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Sessions past their expiry: the cookie no longer signs anyone in. */
  async deleteExpiredSessions(now: number, batch: number): Promise<number> {
    const r = await this.db
      .deleteFrom('sessions')
      .where('id', 'in', (eb) => eb.selectFrom('sessions').select('id').where('expires_at', '<', now).limit(batch))
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Login throttle rows whose counting window started before `windowBefore` and whose lock has passed. */
  async deleteStaleThrottles(windowBefore: number, now: number, batch: number): Promise<number> {
    const r = await this.db
      .deleteFrom('login_throttle')
      .where('key', 'in', (eb) =>
        eb.selectFrom('login_throttle').select('key').where('window_start', '<', windowBefore).where('locked_until', '<', now).limit(batch),
      )
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** "Who is editing" heartbeats last seen before `before`. */
  async deletePresence(before: number, batch: number): Promise<number> {
    const r = await this.db
      .deleteFrom('presence')
      .where(({ eb, refTuple, selectFrom }) =>
        eb(refTuple('edition_id', 'user_id'), 'in', selectFrom('presence').select(['edition_id', 'user_id']).where('seen_at', '<', before).limit(batch).$asTuple('edition_id', 'user_id')),
      )
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Hourly view counters of hours that started before `before` (daily totals are kept). */
  async deleteHourlyViews(before: number, batch: number): Promise<number> {
    const r = await this.db
      .deleteFrom('edition_views_hourly')
      .where(({ eb, refTuple, selectFrom }) =>
        eb(refTuple('edition_id', 'hour'), 'in', selectFrom('edition_views_hourly').select(['edition_id', 'hour']).where('hour', '<', before).limit(batch).$asTuple('edition_id', 'hour')),
      )
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Outbox jobs declared dead before `before` (operators had their retention to look at them). */
  async deleteDeadJobs(before: number, batch: number): Promise<number> {
    const r = await this.db
      .deleteFrom('outbox')
      .where('id', 'in', (eb) => eb.selectFrom('outbox').select('id').where('dead_at', 'is not', null).where('dead_at', '<', before).limit(batch))
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Newsroom notifications created before `before`, read or not (the bell shows recent ones). */
  async deleteNotifications(before: number, batch: number): Promise<number> {
    const r = await this.db
      .deleteFrom('notifications')
      .where('id', 'in', (eb) => eb.selectFrom('notifications').select('id').where('created_at', '<', before).limit(batch))
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
