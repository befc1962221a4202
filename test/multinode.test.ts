/**
 * Several nodes: a purge or a settings change on one node reaches the others through real Redis
 * pub/sub (REDIS_URL; the suite uses XABAR_TEST_REDIS, set by .ci/run, or the local default).
 * Sites with different REDIS_PREFIX values on one Redis never hear each other, and a node whose
 * Redis goes away reports itself degraded (still serving) until it comes back.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphsToDoc } from '../src/content/document.js';
import { ApiClient } from './helpers/client.js';
import { makeTestSite, type TestSite } from './helpers/site.js';

const REDIS = process.env.XABAR_TEST_REDIS ?? 'redis://127.0.0.1:6379';

async function until(cond: () => boolean | Promise<boolean>, ms = 5000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return cond();
}

describe('two nodes sharing Redis and one database', () => {
  let a: TestSite;
  let b: TestSite;
  let dbDir: string;
  beforeAll(async () => {
    // Two nodes of one site: one database (a shared SQLite file in WAL mode), one Redis prefix.
    dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-multinode-'));
    const env = { REDIS_URL: REDIS, REDIS_PREFIX: `xabar:test:${crypto.randomBytes(4).toString('hex')}:`, DATABASE_URL: `sqlite:${path.join(dbDir, 'site.db')}` };
    a = await makeTestSite('sqlite', { env });
    b = await makeTestSite('sqlite', { env });
    await a.c.stories.create({ editions: [{ locale: 'ru', headline: 'Новость для проверки кэша', doc: paragraphsToDoc(['Текст.']), status: 'published', publishedAt: new Date(Date.now() - 60_000) }] });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    fs.rmSync(dbDir, { recursive: true, force: true });
  });

  it('drops the other node’s cached page when one node purges', async () => {
    expect((await b.app.inject('/ru/')).statusCode).toBe(200);
    expect(b.c.pageCache!.get('/ru/')).toBeDefined();
    a.c.purge('ru', 1);
    expect(await until(() => !b.c.pageCache!.get('/ru/'))).toBe(true);
  });

  it('clears every page on every node when settings change', async () => {
    await b.app.inject('/ru/news');
    expect(b.c.pageCache!.size).toBeGreaterThan(0);
    a.c.purgeAll();
    expect(await until(() => b.c.pageCache!.size === 0)).toBe(true);
  });

  it('shows a settings change made on node A on node B’s next page', async () => {
    const before = await b.app.inject('/ru/');
    expect(before.body).toContain('Xabar');
    const admin = new ApiClient(a.app);
    await admin.session();
    expect((await admin.req('POST', '/setup', { email: 'admin@example.uz', name: 'Админ', password: 'correct horse battery' })).status).toBe(201);
    const current = (await admin.req('GET', '/settings')).json;
    const put = await admin.req('PUT', '/settings', { ...current, siteName: { ...current.siteName, ru: 'Дунё Ньюс' } });
    expect(put.status).toBe(200);
    // The broadcast has arrived once B's cached home page is gone; B's next page is then fresh.
    expect(await until(() => !b.c.pageCache!.get('/ru/'))).toBe(true);
    const after = await b.app.inject('/ru/');
    expect(after.body).toContain('Дунё Ньюс');
  });

  it('reports ok health with the database and Redis up', async () => {
    const res = await b.app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: 'ok', redis: 'ok' });
  });

  it('refuses to start with an unreachable Redis, saying which', async () => {
    await expect(makeTestSite('sqlite', { env: { REDIS_URL: 'redis://127.0.0.1:1' } })).rejects.toThrow(/Cannot connect to Redis at redis:\/\/127\.0\.0\.1:1/);
  });
});

describe('two sites on one Redis with different prefixes', () => {
  it('do not hear each other’s purges', async () => {
    const one = await makeTestSite('sqlite', { env: { REDIS_URL: REDIS, REDIS_PREFIX: `site-one-${crypto.randomBytes(3).toString('hex')}:` } });
    const two = await makeTestSite('sqlite', { env: { REDIS_URL: REDIS, REDIS_PREFIX: `site-two-${crypto.randomBytes(3).toString('hex')}:` } });
    const twin = await makeTestSite('sqlite', { env: { REDIS_URL: REDIS, REDIS_PREFIX: one.c.config.redisPrefix } });
    try {
      for (const s of [two, twin]) expect((await s.app.inject('/ru/news')).statusCode).toBe(200);
      one.c.purgeAll();
      // The node of the same site hears it; the other site, later than that, still has its page.
      expect(await until(() => twin.c.pageCache!.size === 0)).toBe(true);
      await new Promise((r) => setTimeout(r, 200));
      expect(two.c.pageCache!.get('/ru/news')).toBeDefined();
    } finally {
      for (const s of [one, two, twin]) await s.close();
    }
  });
});

describe('a node whose Redis goes away', () => {
  let port: number;
  let site: TestSite;
  const redisUp = () => execFileSync('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'yes']);
  const redisDown = () => execFileSync('redis-cli', ['-p', String(port), 'shutdown', 'nosave']);

  beforeAll(async () => {
    port = await new Promise<number>((resolve) => {
      const srv = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(p));
      });
    });
    redisUp();
    await until(() => {
      try {
        return execFileSync('redis-cli', ['-p', String(port), 'ping']).toString().trim() === 'PONG';
      } catch {
        return false;
      }
    });
    site = await makeTestSite('sqlite', { env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
  });
  afterAll(async () => {
    await site?.close();
    try {
      redisDown();
    } catch {
      /* already down */
    }
  });

  it('is degraded (still 200, short page lifetimes) while Redis is down, and ok again after', async () => {
    expect((await site.app.inject('/healthz')).json()).toEqual({ status: 'ok', db: 'ok', redis: 'ok' });
    redisDown();
    expect(await until(async () => (await site.app.inject('/healthz')).json().status === 'degraded', 10_000)).toBe(true);
    const health = await site.app.inject('/healthz');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'degraded', db: 'ok', redis: 'down' });
    // Pages are still served, but cached only briefly: purges from other nodes cannot arrive.
    expect((await site.app.inject('/ru/news')).statusCode).toBe(200);
    const page = site.c.pageCache!.get('/ru/news')!;
    expect(page.expires - site.c.clock()).toBeLessThanOrEqual(2000);
    redisUp();
    expect(await until(async () => (await site.app.inject('/healthz')).json().status === 'ok', 15_000)).toBe(true);
    // Messages may have been missed while it was down: everything cached then is gone.
    expect(site.c.pageCache!.get('/ru/news')).toBeUndefined();
  });
});
