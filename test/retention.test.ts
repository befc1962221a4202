/**
 * The daily retention sweep on both databases: rows of each kind older than their retention go,
 * newer ones stay; deletes run in bounded batches; the sweep is an outbox job that schedules the
 * next day's run exactly once, however often it (or the start-up seeding) runs.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphsToDoc } from '../src/content/document.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { dailySweepJob, DAILY_SWEEP } from '../src/jobs/sweep.job.js';
import { Retention } from '../src/ops/retention.js';
import { RetentionRepository } from '../src/ops/retention.repository.js';
import { DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);

describe.each(DIALECTS)('retention sweep on %s', (dialect) => {
  let s: TestSite;
  let editions: number[];
  let users: number[];
  const db = () => s.c.db.kysely;

  beforeAll(async () => {
    s = await makeTestSite(dialect, { now: NOW });
    const story = await s.c.stories.create({
      editions: ['ru', 'en'].map((locale) => ({ locale: locale as 'ru', headline: `Retention ${locale}`, doc: paragraphsToDoc(['Text.']), status: 'published' as const, publishedAt: new Date(NOW - DAY) })),
    });
    editions = story.editions.map((e) => e.id);
    users = [];
    for (const email of ['a@example.test', 'b@example.test']) {
      const u = await db().insertInto('users').values({ email, name: email, role: 'editor', password_hash: 'x', disabled: 0, created_at: NOW, updated_at: NOW }).returning('id').executeTakeFirstOrThrow();
      users.push(u.id);
    }
  });
  afterAll(async () => {
    await s?.close();
  });

  const session = (id: string, expires_at: number) => ({ id, user_id: users[0]!, csrf_token: 'c', created_at: NOW - 30 * DAY, last_seen_at: NOW - DAY, expires_at, ip: '', user_agent: '' });

  it('deletes only the rows older than their retention, of every kind', async () => {
    await db().insertInto('sessions').values([session('expired', NOW - 1), session('live', NOW + HOUR)]).execute();
    await db()
      .insertInto('login_throttle')
      .values([
        { key: 'ip:old', failures: 3, window_start: NOW - 2 * DAY, locked_until: 0 },
        { key: 'acct:old-lock-over', failures: 5, window_start: NOW - 2 * DAY, locked_until: NOW - DAY },
        { key: 'acct:still-locked', failures: 5, window_start: NOW - 2 * DAY, locked_until: NOW + HOUR },
        { key: 'ip:counting', failures: 1, window_start: NOW - 10 * 60_000, locked_until: 0 },
      ])
      .execute();
    await db()
      .insertInto('presence')
      .values([
        { edition_id: editions[0]!, user_id: users[0]!, seen_at: NOW - 2 * HOUR },
        { edition_id: editions[0]!, user_id: users[1]!, seen_at: NOW - 10 * 60_000 },
        { edition_id: editions[1]!, user_id: users[0]!, seen_at: NOW - 61 * 60_000 },
      ])
      .execute();
    const hour = (ms: number) => Math.floor(ms / HOUR) * HOUR;
    await db()
      .insertInto('edition_views_hourly')
      .values([
        { edition_id: editions[0]!, hour: hour(NOW - 15 * DAY), views: 1 },
        { edition_id: editions[1]!, hour: hour(NOW - 15 * DAY), views: 2 },
        { edition_id: editions[0]!, hour: hour(NOW - 13 * DAY), views: 3 },
        { edition_id: editions[0]!, hour: hour(NOW - HOUR), views: 4 },
      ])
      .execute();
    const job = (key: string, done_at: number | null, dead_at: number | null) => ({ topic: 'x', payload: '{}', dedupe_key: key, run_at: NOW - 40 * DAY, locked_until: null, locked_by: null, done_at, dead_at, created_at: NOW - 40 * DAY });
    await db()
      .insertInto('outbox')
      .values([job('dead-old', -1, NOW - 31 * DAY), job('dead-recent', -1, NOW - DAY), job('pending', null, null), job('done-recent', NOW - DAY, null)])
      .execute();

    const counts = await s.c.retention.sweep(NOW);
    expect(counts).toEqual({ sessions: 1, throttles: 2, presence: 2, hourlyViews: 2, deadJobs: 1, notifications: 0 });
    expect((await db().selectFrom('sessions').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual(['live']);
    expect((await db().selectFrom('login_throttle').select('key').orderBy('key').execute()).map((r) => r.key)).toEqual(['acct:still-locked', 'ip:counting']);
    expect(await db().selectFrom('presence').select(['edition_id', 'user_id']).execute()).toEqual([{ edition_id: editions[0], user_id: users[1] }]);
    expect((await db().selectFrom('edition_views_hourly').select('views').orderBy('views').execute()).map((r) => r.views)).toEqual([3, 4]);
    expect((await db().selectFrom('outbox').select('dedupe_key').orderBy('dedupe_key').execute()).map((r) => r.dedupe_key)).toEqual(['dead-recent', 'done-recent', 'pending']);
    // A second sweep finds nothing more.
    expect(await s.c.retention.sweep(NOW)).toEqual({ sessions: 0, throttles: 0, presence: 0, hourlyViews: 0, deadJobs: 0, notifications: 0 });
  });

  it('works off a backlog in bounded batches', async () => {
    await db().deleteFrom('sessions').execute();
    await db().insertInto('sessions').values(Array.from({ length: 7 }, (_, i) => session(`old-${i}`, NOW - DAY - i))).execute();
    await db().insertInto('sessions').values(session('live-2', NOW + DAY)).execute();
    const small = new Retention(new RetentionRepository(db()), { hourlyViewsDays: 14, deadJobsDays: 30 }, { size: 2, maxBatches: 100 });
    expect((await small.sweep(NOW)).sessions).toBe(7);
    expect((await db().selectFrom('sessions').select('id').execute()).map((r) => r.id)).toEqual(['live-2']);
    // The per-sweep cap leaves the rest for the next day rather than running unbounded.
    await db().insertInto('sessions').values(Array.from({ length: 7 }, (_, i) => session(`later-${i}`, NOW - DAY - i))).execute();
    const capped = new Retention(new RetentionRepository(db()), { hourlyViewsDays: 14, deadJobsDays: 30 }, { size: 2, maxBatches: 2 });
    expect((await capped.sweep(NOW)).sessions).toBe(4);
  });

  it('runs as a daily outbox job that schedules the next day exactly once, even when run twice', async () => {
    const sweeps = () => db().selectFrom('outbox').select(['dedupe_key', 'run_at', 'done_at']).where('topic', '=', DAILY_SWEEP).orderBy('dedupe_key').execute();
    await db().deleteFrom('outbox').execute(); // only the sweep's own rows from here on
    // Every node seeds today's sweep at start: one row.
    await Promise.all([s.c.relay.seed(), s.c.relay.seed(), s.c.relay.seed()]);
    expect(await sweeps()).toEqual([{ dedupe_key: 'daily_sweep:2026-12-06', run_at: NOW, done_at: null }]);

    await db().insertInto('sessions').values(session('expired-again', NOW - 1)).execute();
    // Other recurring jobs (the backup plan) are seeded too: count the sweep's runs only.
    const sweepsRun = async () => (await s.c.relay.runDue(), (await sweeps()).filter((r) => r.done_at !== null).length);
    expect(await sweepsRun()).toBe(1);
    expect(await db().selectFrom('sessions').select('id').where('id', '=', 'expired-again').executeTakeFirst()).toBeUndefined();
    const tomorrow = Date.UTC(2026, 11, 7, 0, 30);
    // The same run again (a retry, a second node after a lost lease) adds no second next-day row.
    const again = () => dailySweepJob(db(), s.c.retention, s.c.clock, pino({ level: 'silent' })).run({ day: '2026-12-06' }, undefined as never);
    await Promise.all([again(), again()]);
    await s.c.relay.seed();
    const rows = await sweeps();
    expect(rows.map((r) => r.dedupe_key)).toEqual(['daily_sweep:2026-12-06', 'daily_sweep:2026-12-07']);
    expect(rows[0]!.done_at).toBe(NOW);
    expect(rows[1]).toMatchObject({ run_at: tomorrow, done_at: null });

    expect(await sweepsRun()).toBe(1); // not before its time
    s.tick(tomorrow - NOW);
    expect(await sweepsRun()).toBe(2);
    expect((await sweeps()).map((r) => r.dedupe_key)).toEqual(['daily_sweep:2026-12-06', 'daily_sweep:2026-12-07', 'daily_sweep:2026-12-08']);
  });
});

describe('retention settings', () => {
  it('keeps hourly view counters at least a week (the dashboard reads a week)', () => {
    expect(() => loadConfig({ XABAR_RETAIN_HOURLY_VIEWS_DAYS: '6' })).toThrow(ConfigError);
    expect(loadConfig({}).retention).toEqual({ hourlyViewsDays: 14, deadJobsDays: 30, notificationsDays: 30 });
    expect(loadConfig({ XABAR_RETAIN_HOURLY_VIEWS_DAYS: '7' }).retention.hourlyViewsDays).toBe(7);
  });
});
