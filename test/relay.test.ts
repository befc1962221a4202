/**
 * The outbox relay on both databases: a job runs once even with two workers claiming at the same
 * moment, a failing job is retried with backoff, and a job whose worker died mid-way (its lease
 * ran out) is picked up again — nothing lost on a crash, nothing done twice that should not be.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueue } from '../src/jobs/outbox.js';
import { Relay, type JobHandler } from '../src/jobs/relay.js';
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
  const relay = () => new Relay({ db: s.c.db.kysely, dialect: s.c.dialect, handlers: [handler], clock: s.c.clock, log: pino({ level: 'silent' }), leaseMs: 60_000 });
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
});
