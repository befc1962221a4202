/**
 * Rate limits on costly public endpoints: the search page per address (429 with Retry-After and
 * a page in the reader's language), other addresses unaffected, cached pages never limited; the
 * count shared by two nodes on one Redis; the one-line opt-in for JSON endpoints (per address or
 * per key), answering 429 JSON.
 */
import crypto from 'node:crypto';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphsToDoc } from '../src/content/document.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { registerErrorHandler } from '../src/http/error-handler.js';
import { addressKey, registerRateLimits } from '../src/http/rate-limit.js';
import { BROWSER_UA, makeTestSite, type TestSite } from './helpers/site.js';

const REDIS = process.env.XABAR_TEST_REDIS ?? 'redis://127.0.0.1:6379';

const get = (s: TestSite, url: string, remoteAddress: string) => s.app.inject({ method: 'GET', url, headers: { 'user-agent': BROWSER_UA }, remoteAddress });

async function withStory(s: TestSite) {
  await s.c.stories.create({ editions: [{ locale: 'ru', headline: 'Женева приняла делегацию', doc: paragraphsToDoc(['Текст.']), status: 'published', publishedAt: new Date(Date.now() - 60_000) }] });
}

describe('search rate limit on one node', () => {
  let s: TestSite;
  beforeAll(async () => {
    s = await makeTestSite('sqlite', { env: { XABAR_RATE_LIMIT_SEARCH: '3' } });
    await withStory(s);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('answers 429 with Retry-After in the page\'s language past the limit, per address; cached pages stay open', async () => {
    for (let i = 0; i < 3; i++) expect((await get(s, '/ru/search?q=женева', '198.51.100.7')).statusCode).toBe(200);
    const over = await get(s, '/ru/search?q=женева', '198.51.100.7');
    expect(over.statusCode).toBe(429);
    const wait = Number(over.headers['retry-after']);
    expect(Number.isInteger(wait) && wait >= 1 && wait <= 60).toBe(true);
    expect(over.headers['content-type']).toContain('text/html');
    expect(over.headers['cache-control']).toBe('no-store');
    expect(over.body).toContain('Слишком много запросов');
    const en = await get(s, '/en/search?q=geneva', '198.51.100.7'); // one count per address, whatever the language
    expect(en.statusCode).toBe(429);
    expect(en.body).toContain('Too many requests');

    expect((await get(s, '/ru/search?q=женева', '198.51.100.8')).statusCode).toBe(200); // another reader
    // The limited reader still gets every page that is not a search (rendered once, then cached).
    for (let i = 0; i < 5; i++) expect((await get(s, '/ru/', '198.51.100.7')).statusCode).toBe(200);
    expect(s.c.pageCache!.get('/ru/')).toBeDefined();
  });

  it('counts IPv6 readers by their /64 network', () => {
    expect(addressKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2::9')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
  });

  it('reads limits from config (0 = off) and refuses nonsense', () => {
    expect(loadConfig({}).rateLimits).toEqual({ search: 30, api: 120, feeds: 60, wire: 600 });
    expect(loadConfig({ XABAR_RATE_LIMIT_SEARCH: '0' }).rateLimits.search).toBe(0);
    expect(() => loadConfig({ XABAR_RATE_LIMIT_SEARCH: '-1' })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_PREFIX: 'bad prefix' })).toThrow(ConfigError);
  });
});

describe('search rate limit shared by two nodes on one Redis', () => {
  let a: TestSite;
  let b: TestSite;
  beforeAll(async () => {
    const env = { REDIS_URL: REDIS, REDIS_PREFIX: `xabar-test-${crypto.randomBytes(4).toString('hex')}:`, XABAR_RATE_LIMIT_SEARCH: '4' };
    const purgeChannel = `xabar:test:${crypto.randomBytes(4).toString('hex')}`;
    a = await makeTestSite('sqlite', { env, purgeChannel });
    b = await makeTestSite('sqlite', { env, purgeChannel });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('counts requests to either node against one limit', async () => {
    expect((await get(a, '/ru/search?q=a', '192.0.2.50')).statusCode).toBe(200);
    expect((await get(b, '/ru/search?q=b', '192.0.2.50')).statusCode).toBe(200);
    expect((await get(a, '/ru/search?q=c', '192.0.2.50')).statusCode).toBe(200);
    expect((await get(b, '/ru/search?q=d', '192.0.2.50')).statusCode).toBe(200);
    const overB = await get(b, '/ru/search?q=e', '192.0.2.50');
    expect(overB.statusCode).toBe(429);
    expect(Number(overB.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await get(a, '/ru/search?q=f', '192.0.2.50')).statusCode).toBe(429);
    expect((await get(a, '/ru/search?q=f', '192.0.2.51')).statusCode).toBe(200);
  });

  it('lets readers through when Redis is gone, rather than failing the page', async () => {
    a.c.redis!.disconnect();
    for (let i = 0; i < 6; i++) expect((await get(a, '/ru/search?q=g', '192.0.2.60')).statusCode).toBe(200);
  });
});

describe('opting a JSON endpoint in', () => {
  it('answers 429 JSON with Retry-After, per address or per key', async () => {
    const app = Fastify();
    registerErrorHandler(app);
    await registerRateLimits(app, { limits: { search: 0, api: 2, feeds: 0, wire: 2 }, redis: null, prefix: 'xabar:' });
    const limits = app.rateLimits; // what any route module sees
    app.get('/api/things', { preHandler: limits.guard('api') }, async () => ({ ok: true }));
    app.get('/wire', { preHandler: limits.guard('wire', (req) => String(req.headers['x-api-key'])) }, async () => ({ ok: true }));
    // A cached endpoint checks on its miss path only.
    const cache = new Map<string, string>();
    app.get('/feed', async (req) => {
      const hit = cache.get('feed');
      if (hit) return hit;
      await limits.enforce('api', req);
      cache.set('feed', 'rendered');
      return 'rendered';
    });
    app.get('/search-off', { preHandler: limits.guard('search') }, async () => ({ ok: true }));
    await app.ready();
    const call = (url: string, ip: string, key = '') => app.inject({ url, remoteAddress: ip, headers: { 'x-api-key': key } });
    expect((await call('/api/things', '192.0.2.1')).statusCode).toBe(200);
    expect((await call('/api/things', '192.0.2.1')).statusCode).toBe(200);
    const over = await call('/api/things', '192.0.2.1');
    expect(over.statusCode).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(over.json()).toMatchObject({ error: { code: 'rate_limited' } });
    // Per key: one key from many addresses is one count; another key has its own.
    expect((await call('/wire', '192.0.2.2', 'k1')).statusCode).toBe(200);
    expect((await call('/wire', '192.0.2.3', 'k1')).statusCode).toBe(200);
    expect((await call('/wire', '192.0.2.4', 'k1')).statusCode).toBe(429);
    expect((await call('/wire', '192.0.2.4', 'k2')).statusCode).toBe(200);
    // An address over its limit still gets what the cache holds, and is refused a render.
    expect((await call('/feed', '192.0.2.1')).statusCode).toBe(429);
    cache.set('feed', 'cached');
    for (let i = 0; i < 5; i++) expect((await call('/feed', '192.0.2.1')).body).toBe('cached');
    // A limit set to 0 is off.
    for (let i = 0; i < 5; i++) expect((await call('/search-off', '192.0.2.1')).statusCode).toBe(200);
    await app.close();
  });
});
