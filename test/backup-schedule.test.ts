/**
 * Backups the site makes by itself (issue 17): the newsroom's backup routes (administrators only,
 * CSRF, 422 for a bad schedule, 409 for a second backup while one is active — also when requests
 * race on PostgreSQL), a backup started from the newsroom and run by the outbox relay, and the
 * schedule: a run at the set time in the site's zone, keeping only the newest N.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBackups } from '../src/ops/backup/backup.js';
import { nextOccurrence } from '../src/ops/backup/backup.service.js';
import { ApiClient } from './helpers/client.js';
import { makeNewsroom, type Newsroom } from './helpers/editorial.js';
import { DIALECTS } from './helpers/site.js';

describe('nextOccurrence', () => {
  it('is the next wall-clock time in the zone, today or tomorrow', () => {
    // 2026-12-06 09:00 UTC is 14:00 in Tashkent (UTC+5).
    const now = Date.parse('2026-12-06T09:00:00Z');
    expect(new Date(nextOccurrence(now, '15:30', 'Asia/Tashkent')).toISOString()).toBe('2026-12-06T10:30:00.000Z');
    expect(new Date(nextOccurrence(now, '03:00', 'Asia/Tashkent')).toISOString()).toBe('2026-12-06T22:00:00.000Z');
    expect(new Date(nextOccurrence(now, '14:00', 'Asia/Tashkent')).toISOString()).toBe('2026-12-07T09:00:00.000Z');
    // Across a daylight-saving change: 02:30 Berlin on the day clocks go back is still one instant.
    expect(new Date(nextOccurrence(Date.parse('2026-10-24T12:00:00Z'), '12:00', 'Europe/Berlin')).toISOString()).toBe('2026-10-25T11:00:00.000Z');
  });
});

describe.each(DIALECTS)('backups from the newsroom on %s', (dialect) => {
  let n: Newsroom;
  const t0 = Date.parse('2026-12-06T09:00:00Z');
  beforeAll(async () => {
    n = await makeNewsroom(dialect, t0);
  });
  afterAll(async () => {
    await n?.s.close();
  });

  it('lets only administrators see and change backups, with CSRF, and checks the schedule', async () => {
    expect((await n.editor.req('GET', '/backups')).status).toBe(403);
    expect((await n.editor.req('POST', '/backups')).status).toBe(403);
    expect((await n.editor.req('PUT', '/backups/schedule', { enabled: true, timeOfDay: '03:00', keep: 3 })).status).toBe(403);
    const noCsrf = new ApiClient(n.s.app);
    noCsrf.cookies = n.admin.cookies;
    expect((await noCsrf.req('POST', '/backups')).status).toBe(403);
    const bad = await n.admin.req('PUT', '/backups/schedule', { enabled: true, timeOfDay: '24:00', keep: 0 });
    expect(bad.status).toBe(422);
    expect(bad.json.error.details.fields.map((f: { field: string; key: string }) => [f.field, f.key])).toEqual([
      ['timeOfDay', 'backup.time_of_day'],
      ['keep', 'backup.keep'],
    ]);
    const status = await n.admin.req('GET', '/backups');
    expect(status.status).toBe(200);
    expect(status.json).toMatchObject({ schedule: { enabled: false, timeOfDay: '03:00', keep: 7 }, last: null, runs: [], nextAt: null });
  });

  it('runs a backup an administrator starts through the relay, one at a time', async () => {
    const started = await n.admin.req('POST', '/backups');
    expect(started.status, started.body).toBe(202);
    expect(started.json.status).toBe('queued');
    const again = await n.admin.req('POST', '/backups');
    expect(again.status).toBe(409);
    expect(again.json.error.key).toBe('backup.running');
    await n.s.c.relay.runDue();
    await n.s.c.backups.idle();
    const status = await n.admin.req('GET', '/backups');
    expect(status.json.last).toMatchObject({ id: started.json.id, status: 'done', trigger: 'admin' });
    expect(status.json.last.bytes).toBeGreaterThan(0);
    expect((await listBackups(n.s.c.config.backup.dir)).map((b) => b.name)).toEqual([status.json.last.name]);
    const audit = await n.s.c.db.kysely.selectFrom('audit_log').select('action').where('action', '=', 'backup.start').execute();
    expect(audit).toHaveLength(1);
  });

  it('gives one of several racing requests the backup and the others a 409', async () => {
    const res = await Promise.all(Array.from({ length: 6 }, () => n.admin.req('POST', '/backups')));
    expect(res.map((r) => r.status).sort()).toEqual([202, 409, 409, 409, 409, 409]);
    await n.s.c.relay.runDue();
    await n.s.c.backups.idle();
  });

  it('marks a run whose node fell silent as failed, so a new backup can start', async () => {
    const db = n.s.c.db.kysely;
    const now = n.s.c.clock();
    const { id } = await db.insertInto('backup_runs').values({ status: 'running', trigger: 'admin', requested_by: null, requested_at: now - 3600_000, started_at: now - 3600_000, heartbeat_at: now - 11 * 60_000 }).returning('id').executeTakeFirstOrThrow();
    const started = await n.admin.req('POST', '/backups');
    expect(started.status, started.body).toBe(202);
    expect(await db.selectFrom('backup_runs').select(['status', 'error']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ status: 'failed', error: 'the node running this backup stopped answering' });
    await n.s.c.relay.runDue();
    await n.s.c.backups.idle();
    expect((await db.selectFrom('backup_runs').select('status').where('id', '=', started.json.id).executeTakeFirstOrThrow()).status).toBe('done');
    // The newsroom shows why in its own language: a code it translates, the tool's words aside.
    const listed = (await n.admin.req('GET', '/backups')).json.runs as { id: number; errorCode: string | null }[];
    expect(listed.find((r) => r.id === id)?.errorCode).toBe('backup.error.stale');
    expect(listed.find((r) => r.id === started.json.id)?.errorCode).toBeNull();
  });

  it('backs up at the scheduled time in the site zone and keeps the newest N', async () => {
    await n.s.c.relay.seed(); // as at start-up: the daily plan
    const saved = await n.admin.req('PUT', '/backups/schedule', { enabled: true, timeOfDay: '15:30', keep: 2 });
    expect(saved.status, saved.body).toBe(200);
    const status = await n.admin.req('GET', '/backups');
    expect(status.json.nextAt).toBe(Date.parse('2026-12-06T10:30:00Z'));
    const before = (await n.admin.req('GET', '/backups')).json.runs.length;
    await n.s.c.relay.runDue();
    await n.s.c.backups.idle();
    expect((await n.admin.req('GET', '/backups')).json.runs.length).toBe(before); // not yet
    n.s.tick(90 * 60_000 + 1000); // 15:30 Tashkent
    await n.s.c.relay.runDue();
    await n.s.c.backups.idle();
    const after = await n.admin.req('GET', '/backups');
    expect(after.json.last).toMatchObject({ trigger: 'schedule', status: 'done' });
    // Each run enqueues the next time (and the daily plan would too): a day later it runs again.
    n.s.tick(24 * 3600_000);
    for (let i = 0; i < 3; i++) {
      await n.s.c.relay.runDue();
      await n.s.c.backups.idle();
    }
    const runs = (await n.admin.req('GET', '/backups')).json.runs.filter((r: { trigger: string }) => r.trigger === 'schedule');
    expect(runs.length).toBe(2);
    // Keep 2: the older newsroom backups were removed from the folder.
    const kept = await listBackups(n.s.c.config.backup.dir);
    expect(kept.map((b) => b.name)).toEqual(runs.map((r: { name: string }) => r.name));
    expect(fs.readdirSync(n.s.c.config.backup.dir).filter((f) => !f.startsWith('.'))).toHaveLength(2);
  });
});

describe.runIf(DIALECTS.includes('postgres'))('a scheduled backup with two nodes', () => {
  it('runs on one node only', async () => {
    const crypto = await import('node:crypto');
    const { sql } = await import('kysely');
    const { openDb } = await import('../src/db/connect.js');
    const { makeTestSite } = await import('./helpers/site.js');
    const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
    const admin = await openDb({ dialect: 'postgres', url: process.env.XABAR_TEST_PG! });
    await sql.raw(`create schema ${schema}`).execute(admin.kysely);
    const t0 = Date.parse('2026-12-06T09:00:00Z');
    const a = await makeTestSite('postgres', { pgSchema: schema, now: t0 });
    const b = await makeTestSite('postgres', { pgSchema: schema, now: t0 });
    try {
      await Promise.all([a.c.relay.seed(), b.c.relay.seed()]);
      const u = await a.c.accounts.createUser(null, { email: 'admin@example.uz', name: 'Admin', role: 'admin', password: 'correct horse battery' });
      await a.c.backups.saveSchedule(u.id, { enabled: true, timeOfDay: '15:30', keep: 3 });
      a.tick(90 * 60_000 + 1000);
      b.tick(90 * 60_000 + 1000);
      await Promise.all([a.c.relay.runDue(), b.c.relay.runDue(), a.c.relay.runDue(), b.c.relay.runDue()]);
      await Promise.all([a.c.backups.idle(), b.c.backups.idle()]);
      const runs = await a.c.db.kysely.selectFrom('backup_runs').select(['status', 'trigger']).execute();
      expect(runs).toEqual([{ status: 'done', trigger: 'schedule' }]);
    } finally {
      await a.close();
      await b.close();
      await sql.raw(`drop schema if exists ${schema} cascade`).execute(admin.kysely);
      await admin.close();
    }
  }, 30_000);
});
