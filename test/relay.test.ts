/**
 * The outbox relay on both databases: a job runs once even with two workers claiming at the same
 * moment, a failing job is retried with backoff, and a job whose worker died mid-way (its lease
 * ran out) is picked up again — nothing lost on a crash, nothing done twice that should not be.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { enqueue } from '../src/jobs/outbox.js';
import { Relay, RetryAt, type JobHandler } from '../src/jobs/relay.js';
import { DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';

describe.each(DIALECTS)('outbox relay on %s', (dialect) => {
  let s: TestSite;
  const runs: number[] = [];
  let failuresLeft = 0;
  const handler: JobHandler = {
    topic: 'test_job',
    maxAttempts: 3,
    async run(payload) {
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new Error('temporary failure');
      }
      runs.push((payload as { n: number }).n);
    },
  };
  const relay = (handlers: JobHandler[] = [handler]) => new Relay({ db: s.c.db.kysely, dialect: s.c.dialect, handlers, clock: s.c.clock, log: pino({ level: 'silent' }), leaseMs: 60_000, maxAttempts: 3 });
  // Each test starts with no pending job, so one test's leftovers never run in another.
  const clearPending = () => s.c.db.kysely.deleteFrom('outbox').where('done_at', 'is', null).execute();
  const row = (key: string) => s.c.db.kysely.selectFrom('outbox').selectAll().where('dedupe_key', '=', key).executeTakeFirstOrThrow();
  const job = (n: number) => s.c.db.kysely.transaction().execute((trx) => enqueue(trx, { topic: 'test_job', payload: { n }, runAt: s.c.clock(), dedupeKey: `test:${n}` }, s.c.clock()));

  beforeAll(async () => {
    s = await makeTestSite(dialect);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('enqueues a dedupe key once and runs each job once across two workers', async () => {
    runs.length = 0;
    for (let n = 1; n <= 10; n++) await job(n);
    await job(1); // the same key again is ignored
    const [a, b] = await Promise.all([relay().runDue(), relay().runDue()]);
    expect(a + b).toBe(10);
    expect(runs.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await relay().runDue()).toBe(0);
  });

  it('retries a failing job after a backoff, then finishes it', async () => {
    runs.length = 0;
    failuresLeft = 1;
    await job(20);
    expect(await relay().runDue()).toBe(1); // failed, rescheduled
    expect(runs).toEqual([]);
    expect(await relay().runDue()).toBe(0); // not due during the backoff
    s.tick(10_001);
    expect(await relay().runDue()).toBe(1);
    expect(runs).toEqual([20]);
    const row = await s.c.db.kysely.selectFrom('outbox').select(['attempts', 'done_at', 'last_error']).where('dedupe_key', '=', 'test:20').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ attempts: 2, last_error: '' });
    expect(row.done_at).toBeGreaterThan(0);
  });

  it('picks up a job whose worker died after claiming it, once the lease runs out', async () => {
    runs.length = 0;
    await job(30);
    // A worker claims the job and dies before running it: the row stays leased.
    const claimed = await s.c.dialect.claimJobs(s.c.db.kysely, { now: s.c.clock(), leaseMs: 60_000, worker: 'dead-worker', limit: 10 });
    expect(claimed.map((j) => j.dedupe_key)).toEqual(['test:30']);
    expect(await relay().runDue()).toBe(0); // still leased
    s.tick(60_001);
    expect(await relay().runDue()).toBe(1);
    expect(runs).toEqual([30]);
  });

  it('backs off a job with an unknown topic, then declares it dead and never claims it again', async () => {
    await clearPending();
    const now = () => s.c.clock();
    await s.c.db.kysely.transaction().execute((trx) => enqueue(trx, { topic: 'no_such_topic', payload: {}, runAt: now(), dedupeKey: 'unknown:1' }, now()));
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 2; attempt++) {
      expect(await relay().runDue()).toBe(1);
      const r = await row('unknown:1');
      expect(r).toMatchObject({ attempts: attempt, done_at: null, dead_at: null, locked_until: null });
      expect(r.last_error).toContain('no_such_topic');
      delays.push(r.run_at - now());
      expect(await relay().runDue()).toBe(0); // waits for its backoff, not for the next poll
      s.tick(r.run_at - now());
    }
    expect(delays[0]).toBeGreaterThan(1000);
    expect(delays[1]).toBeGreaterThan(delays[0]!); // the delay grows
    expect(await relay().runDue()).toBe(1); // the third (last) attempt
    const dead = await row('unknown:1');
    expect(dead).toMatchObject({ attempts: 3, done_at: -1, dead_at: now(), locked_until: null });
    expect(dead.last_error).toContain('no_such_topic');
    s.tick(30 * 24 * 3600_000);
    expect(await relay().runDue()).toBe(0);
    expect((await relay().deadJobs()).map((j) => j.dedupe_key)).toContain('unknown:1');
  });

  it('declares a job that keeps failing dead after its handler\'s maximum attempts (or the default)', async () => {
    await clearPending();
    let calls = 0;
    const failing: JobHandler = { topic: 'always_fails', maxAttempts: 2, async run() { calls++; throw new Error('remote said no'); } };
    const failingDefault: JobHandler = { topic: 'always_fails_default', async run() { calls++; throw new Error('remote said no'); } };
    const r = () => relay([failing, failingDefault]);
    await s.c.db.kysely.transaction().execute(async (trx) => {
      await enqueue(trx, { topic: 'always_fails', payload: {}, runAt: s.c.clock(), dedupeKey: 'fails:1' }, s.c.clock());
      await enqueue(trx, { topic: 'always_fails_default', payload: {}, runAt: s.c.clock(), dedupeKey: 'fails:2' }, s.c.clock());
    });
    for (let i = 0; i < 6; i++) {
      await r().runDue();
      s.tick(3600_000);
    }
    expect(calls).toBe(2 + 3); // handler's own limit 2, the relay's default 3
    for (const key of ['fails:1', 'fails:2']) {
      const dead = await row(key);
      expect(dead.done_at).toBe(-1);
      expect(dead.dead_at).toBeGreaterThan(0);
      expect(dead.last_error).toBe('remote said no');
    }
  });

  it('ignores the outcome of a worker whose lease ran out and whose job was claimed again', async () => {
    await clearPending();
    let release!: (outcome: Error | null) => void;
    const slow: JobHandler = {
      topic: 'slow_job',
      async run() {
        const outcome = await new Promise<Error | null>((resolve) => (release = resolve));
        if (outcome) throw outcome;
      },
    };
    for (const [key, outcome] of [['slow:fail', new Error('stale failure')], ['slow:done', null]] as const) {
      await clearPending();
      await s.c.db.kysely.transaction().execute((trx) => enqueue(trx, { topic: 'slow_job', payload: {}, runAt: s.c.clock(), dedupeKey: key }, s.c.clock()));
      const stale = relay([slow]).runDue(1); // claims the job and hangs in the handler
      await vi.waitFor(() => expect(release).toBeTypeOf('function'));
      s.tick(60_001); // its lease runs out…
      const [claimed] = await s.c.dialect.claimJobs(s.c.db.kysely, { now: s.c.clock(), leaseMs: 60_000, worker: 'new-owner', limit: 1 });
      expect(claimed?.dedupe_key).toBe(key); // …and another worker owns the job now
      const before = await row(key);
      release(outcome); // the stale worker finishes (fails or succeeds) late
      await stale;
      expect(await row(key)).toEqual(before); // the new owner's state is untouched
      release = undefined as never;
    }
  });
  it('retries at the time a RetryAt error names instead of its own backoff, and still counts the attempt', async () => {
    await clearPending();
    let calls = 0;
    const later: JobHandler = {
      topic: 'retry_at_job',
      async run() {
        calls++;
        if (calls === 1) throw new RetryAt(s.c.clock() + 3_000, 'rate limited: retry after 3 s');
      },
    };
    await s.c.db.kysely.transaction().execute((trx) => enqueue(trx, { topic: 'retry_at_job', payload: {}, runAt: s.c.clock(), dedupeKey: 'retry-at:1' }, s.c.clock()));
    expect(await relay([later]).runDue()).toBe(1);
    const r = await row('retry-at:1');
    expect(r).toMatchObject({ attempts: 1, done_at: null, run_at: s.c.clock() + 3_000, last_error: 'rate limited: retry after 3 s' });
    s.tick(2_999);
    expect(await relay([later]).runDue()).toBe(0);
    s.tick(1);
    expect(await relay([later]).runDue()).toBe(1);
    expect(calls).toBe(2);
    expect((await row('retry-at:1')).done_at).toBeGreaterThan(0);
  });
});
