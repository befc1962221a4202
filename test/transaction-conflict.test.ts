/**
 * A deadlock between two transactions (PostgreSQL rolls one back with SQLSTATE 40P01) reaches the
 * newsroom as a 409 with a message the editor can act on, never a 500. The error is a real one,
 * made by two connections locking two rows in opposite orders.
 */
import Fastify from 'fastify';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { registerErrorHandler } from '../src/http/error-handler.js';
import { isTransactionConflict } from '../src/db/constraint.js';

const PG = process.env.XABAR_TEST_PG;

async function realDeadlock(): Promise<unknown> {
  const table = `deadlock_${process.pid}_${Date.now()}`;
  const a = new pg.Client({ connectionString: PG });
  const b = new pg.Client({ connectionString: PG });
  await a.connect();
  await b.connect();
  try {
    await a.query(`create table ${table} (id int primary key, n int)`);
    await a.query(`insert into ${table} values (1, 0), (2, 0)`);
    await a.query('begin');
    await b.query('begin');
    await a.query(`update ${table} set n = 1 where id = 1`);
    await b.query(`update ${table} set n = 1 where id = 2`);
    const results = await Promise.allSettled([a.query(`update ${table} set n = 2 where id = 2`), b.query(`update ${table} set n = 2 where id = 1`)]);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
    await a.query('rollback').catch(() => undefined);
    await b.query('rollback').catch(() => undefined);
    return failed?.reason;
  } finally {
    await a.query(`drop table if exists ${table}`).catch(() => undefined);
    await a.end();
    await b.end();
  }
}

describe.runIf(PG)('a deadlock between two saves', () => {
  it('is answered with 409 and the retry message, in the error shape the newsroom reads', async () => {
    const err = await realDeadlock();
    expect((err as { code?: string }).code).toBe('40P01');
    expect(isTransactionConflict(err)).toBe(true);
    const app = Fastify({ logger: false });
    registerErrorHandler(app);
    app.post('/admin/api/stories/1', async () => {
      throw err;
    });
    const res = await app.inject({ method: 'POST', url: '/admin/api/stories/1' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'conflict', key: 'db.retry' } });
    await app.close();
  });

  it('leaves other database errors alone', () => {
    expect(isTransactionConflict({ code: '23505' })).toBe(false);
    expect(isTransactionConflict(new Error('x'))).toBe(false);
    expect(isTransactionConflict(null)).toBe(false);
  });
});
