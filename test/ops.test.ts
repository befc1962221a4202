/**
 * Health, readiness, metrics and request ids (issue 17), through the real HTTP layer on SQLite and
 * PostgreSQL: /readyz says ok/degraded/down with the version and answers 503 only when the node
 * cannot serve (no database, migrations missing); /metrics is absent unless configured, then asks
 * for its token or an allowed address, and reports requests by route pattern (never the URL),
 * page-cache hits and misses (the fast path included, over a real socket), the view buffer and
 * its flushes, outbox depth and failures by topic, the pool, and the process. Redis lost after
 * start (a proxy in front of it is closed: the node's Redis port stops answering) is `degraded`.
 */
import fs from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphsToDoc } from '../src/content/document.js';
import { enqueue } from '../src/jobs/outbox.js';
import { BROWSER_UA, DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';

const VERSION = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string }).version;
const TOKEN = 'metrics-token-0123456789abcdef';
const REDIS = process.env.XABAR_TEST_REDIS ?? 'redis://127.0.0.1:6379';

async function until(cond: () => boolean | Promise<boolean>, ms = 10_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return cond();
}

/** The value of one sample line (`name{labels} value`) in Prometheus text, or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

for (const dialect of DIALECTS) {
  describe(`operations endpoints (${dialect})`, () => {
    let s: TestSite;
    let slug: string;
    let editionId: number;
    const scrape = async () => {
      const r = await s.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
      expect(r.statusCode).toBe(200);
      return r.body;
    };
    beforeAll(async () => {
      s = await makeTestSite(dialect, { env: { XABAR_METRICS_TOKEN: TOKEN } });
      const story = await s.c.stories.create({ editions: [{ locale: 'ru', headline: 'Новость для метрик', doc: paragraphsToDoc(['Текст.']), status: 'published', publishedAt: new Date(Date.now() - 60_000) }] });
      editionId = story.editions[0]!.id;
      slug = (await s.c.db.kysely.selectFrom('editions').select('slug').where('id', '=', editionId).executeTakeFirstOrThrow()).slug;
    });
    afterAll(async () => {
      await s?.close();
    });

    it('/readyz: ok with every check and the version; /healthz unchanged', async () => {
      const r = await s.app.inject('/readyz');
      expect(r.statusCode).toBe(200);
      expect(r.headers['cache-control']).toBe('no-store');
      expect(r.json()).toEqual({ status: 'ok', version: VERSION, checks: { database: 'ok', migrations: 'ok', disk: 'ok', redis: 'off' } });
      expect((await s.app.inject('/healthz')).json()).toEqual({ status: 'ok', db: 'ok', redis: 'off' });
    });

    it('X-Request-Id: made for each request, a sane incoming one kept, anything else replaced', async () => {
      const a = await s.app.inject('/healthz');
      const b = await s.app.inject('/healthz');
      expect(a.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-z]+$/);
      expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
      expect((await s.app.inject({ url: '/healthz', headers: { 'x-request-id': 'lb-7f3a.42' } })).headers['x-request-id']).toBe('lb-7f3a.42');
      const evil = await s.app.inject({ url: '/healthz', headers: { 'x-request-id': 'x"}\\n{"level":60' } });
      expect(evil.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-z]+$/);
    });

    it('/metrics asks for the token: 401 without it or with a wrong one', async () => {
      const none = await s.app.inject('/metrics');
      expect(none.statusCode).toBe(401);
      expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
      expect((await s.app.inject({ url: '/metrics', headers: { authorization: 'Bearer wrong-token-wrong-token' } })).statusCode).toBe(401);
      expect((await s.app.inject({ url: '/metrics', headers: { authorization: TOKEN } })).statusCode).toBe(401);
    });

    it('counts requests by route pattern and status, never by URL, with latency histograms', async () => {
      for (let i = 0; i < 3; i++) expect((await s.app.inject({ url: `/ru/news/${slug}`, headers: { 'user-agent': BROWSER_UA } })).statusCode).toBe(200);
      expect((await s.app.inject('/ru/news/no-such-story-here')).statusCode).toBe(404);
      expect((await s.app.inject('/no/such/route/at/all/x')).statusCode).toBe(404);
      const text = await scrape();
      expect(sample(text, 'xabar_http_requests_total', { method: 'GET', route: '/:locale/news/:slug', status: '200' })).toBe(3);
      expect(sample(text, 'xabar_http_requests_total', { method: 'GET', route: '/:locale/news/:slug', status: '404' })).toBe(1);
      expect(sample(text, 'xabar_http_request_duration_seconds_count', { method: 'GET', route: '/:locale/news/:slug', status: '200' })).toBe(3);
      expect(sample(text, 'xabar_http_request_duration_seconds_bucket', { method: 'GET', route: '/:locale/news/:slug', status: '200', le: '+Inf' })).toBe(3);
      expect(text).not.toContain(slug);
      expect(text).not.toContain('no-such-story-here');
      expect(text).not.toContain('/no/such/route');
      // The article was rendered once and then found in the cache twice.
      expect(sample(text, 'xabar_page_cache_misses_total')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'xabar_page_cache_hits_total')).toBeGreaterThanOrEqual(2);
      expect(sample(text, 'xabar_page_cache_entries')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'xabar_page_cache_bytes')).toBeGreaterThan(100);
    });

    it('reports the view buffer and each flush', async () => {
      await s.c.views.flush();
      await s.c.views.record(editionId, '203.0.113.9', BROWSER_UA);
      await s.c.views.record(editionId, '203.0.113.10', BROWSER_UA);
      let text = await scrape();
      expect(sample(text, 'xabar_view_buffer_views')).toBe(2);
      expect(sample(text, 'xabar_view_buffer_editions')).toBe(1);
      const before = sample(text, 'xabar_view_flush_duration_seconds_count', { outcome: 'ok' }) ?? 0;
      await s.c.views.flush();
      text = await scrape();
      expect(sample(text, 'xabar_view_buffer_views')).toBe(0);
      expect(sample(text, 'xabar_view_flush_duration_seconds_count', { outcome: 'ok' })).toBe(before + 1);
    });

    it('reports outbox depth and failures by topic', async () => {
      const now = s.c.clock();
      await enqueue(s.c.db.kysely, { topic: 'metrics.unknown-topic', payload: {}, runAt: now - 1 }, now);
      await enqueue(s.c.db.kysely, { topic: 'metrics.unknown-topic', payload: {}, runAt: now + 3600_000 }, now);
      await s.c.relay.runDue();
      const text = await scrape();
      expect(sample(text, 'xabar_outbox_pending_jobs', { topic: 'metrics.unknown-topic' })).toBe(2);
      expect(sample(text, 'xabar_outbox_jobs_total', { topic: 'metrics.unknown-topic', outcome: 'retry' })).toBe(1);
      // A dead job is reported by topic until the sweep removes it.
      await s.c.db.kysely.updateTable('outbox').set({ done_at: -1, dead_at: now }).where('topic', '=', 'metrics.unknown-topic').execute();
      const after = await scrape();
      expect(sample(after, 'xabar_outbox_dead_jobs', { topic: 'metrics.unknown-topic' })).toBe(2);
      expect(sample(after, 'xabar_outbox_pending_jobs', { topic: 'metrics.unknown-topic' })).toBeUndefined();
    });

    it('reports the process (event-loop lag, heap, RSS) and, on PostgreSQL, the pool', async () => {
      const text = await scrape();
      expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(1e6);
      expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(1e6);
      expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
      if (dialect === 'postgres') expect(sample(text, 'xabar_db_pool_connections', { state: 'open' })).toBeGreaterThanOrEqual(1);
      else expect(sample(text, 'xabar_db_pool_connections', { state: 'open' })).toBeUndefined();
    });

    it('counts pages the fast path answers in front of Fastify, and echoes their request id', async () => {
      await s.app.listen({ port: 0, host: '127.0.0.1' });
      const port = (s.app.server.address() as net.AddressInfo).port;
      const url = `http://127.0.0.1:${port}/ru/news/${slug}`;
      const first = await fetch(url, { headers: { 'user-agent': BROWSER_UA } });
      await first.arrayBuffer();
      const second = await fetch(url, { headers: { 'user-agent': BROWSER_UA, 'x-request-id': 'edge-1' } });
      await second.arrayBuffer();
      expect(second.status).toBe(200);
      expect(second.headers.get('x-request-id')).toBe('edge-1');
      const third = await fetch(url, { headers: { 'user-agent': BROWSER_UA } });
      await third.arrayBuffer();
      expect(third.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-z]+$/);
      const text = await scrape();
      expect(sample(text, 'xabar_http_requests_total', { method: 'GET', route: '(page cache)', status: '200' })).toBeGreaterThanOrEqual(2);
      expect(sample(text, 'xabar_fast_path_bytes_total')).toBeGreaterThan(100);
    });

    it('/readyz is down (503) when a migration this build knows is missing from the database', async () => {
      const t = await makeTestSite(dialect);
      try {
        await t.c.db.kysely.deleteFrom('xabar_migrations' as never).where('name' as never, '=', '0026_bounded_pages' as never).execute();
        const r = await t.app.inject('/readyz');
        expect(r.statusCode).toBe(503);
        expect(r.json()).toMatchObject({ status: 'down', version: VERSION, checks: { database: 'ok', migrations: 'pending' } });
        expect(r.body).not.toContain('0026');
      } finally {
        await t.close();
      }
    });

    it('/readyz is degraded (200) when free disk space is below XABAR_DISK_MIN_MB', async () => {
      const t = await makeTestSite(dialect, { env: { XABAR_DISK_MIN_MB: '10000000' } });
      try {
        const r = await t.app.inject('/readyz');
        expect(r.statusCode).toBe(200);
        expect(r.json()).toMatchObject({ status: 'degraded', checks: { disk: 'low', database: 'ok', migrations: 'ok' } });
      } finally {
        await t.close();
      }
    });

    it('/readyz is down (503) without a database', async () => {
      const t = await makeTestSite(dialect);
      try {
        // The database goes away under a running node.
        await t.c.db.close();
        const r = await t.app.inject('/readyz');
        expect(r.statusCode).toBe(503);
        expect(r.json()).toMatchObject({ status: 'down', checks: { database: 'down' } });
      } finally {
        await t.app.close();
        fs.rmSync(t.dataDir, { recursive: true, force: true });
      }
    });
  });
}

describe('/metrics access', () => {
  it('is absent (404) unless a token or an allow-list is configured', async () => {
    const s = await makeTestSite('sqlite');
    try {
      expect((await s.app.inject('/metrics')).statusCode).toBe(404);
      expect((await s.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(404);
    } finally {
      await s.close();
    }
  });

  it('lets allowed addresses in without a token, and refuses others with 403', async () => {
    const s = await makeTestSite('sqlite', { env: { XABAR_METRICS_ALLOW: '127.0.0.1,10.1.0.0/16' } });
    try {
      const ok = await s.app.inject({ url: '/metrics', remoteAddress: '10.1.2.3' });
      expect(ok.statusCode).toBe(200);
      expect(ok.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(ok.body).toContain('# TYPE xabar_http_requests_total counter');
      expect((await s.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode).toBe(200);
      const no = await s.app.inject({ url: '/metrics', remoteAddress: '192.0.2.7' });
      expect(no.statusCode).toBe(403);
      // A forged X-Forwarded-For does not help: TRUST_PROXY is off.
      expect((await s.app.inject({ url: '/metrics', remoteAddress: '192.0.2.7', headers: { 'x-forwarded-for': '127.0.0.1' } })).statusCode).toBe(403);
    } finally {
      await s.close();
    }
  });

  it('refuses a configuration with a bad address or a short token', async () => {
    const { loadConfig, ConfigError } = await import('../src/config.js');
    expect(() => loadConfig({ XABAR_METRICS_ALLOW: '10.0.0.0/99' })).toThrow(ConfigError);
    expect(() => loadConfig({ XABAR_METRICS_TOKEN: 'short' })).toThrow(/XABAR_METRICS_TOKEN must be 16–256/);
    expect(loadConfig({ XABAR_METRICS_ALLOW: '127.0.0.1' }).metrics).toEqual({ token: null, allow: ['127.0.0.1'] });
  });
});

describe('/readyz while Redis is lost after start', () => {
  let proxy: net.Server;
  const sockets = new Set<net.Socket>();
  let s: TestSite;
  beforeAll(async () => {
    // A TCP proxy in front of the real Redis: closing it makes the node's Redis port stop answering.
    const target = new URL(REDIS);
    proxy = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 6379), target.hostname);
      sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      const drop = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const port = (proxy.address() as net.AddressInfo).port;
    s = await makeTestSite('sqlite', { env: { REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_PREFIX: `xabar:ops-test:${port}:` } });
  });
  afterAll(async () => {
    await s?.close();
    proxy?.close();
  });

  it('is degraded (200) with redis down, and still serves', async () => {
    expect((await s.app.inject('/readyz')).json()).toMatchObject({ status: 'ok', checks: { redis: 'ok' } });
    proxy.close();
    for (const sock of sockets) sock.destroy();
    expect(await until(async () => (await s.app.inject('/readyz')).json().status === 'degraded')).toBe(true);
    const r = await s.app.inject('/readyz');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'degraded', checks: { redis: 'down', database: 'ok', migrations: 'ok' } });
    expect((await s.app.inject('/ru/news')).statusCode).toBe(200);
  });
});

