/**
 * The fast path in front of Fastify (src/site/fast-path.ts), over a real socket: a cached public
 * page is answered with the same bytes and headers the full route sends (compared with `inject`,
 * which bypasses the fast path), per-encoding ETags and 304s, Vary, HEAD, views counted by the
 * same rules, and a purge sends the next request back through the app. Behind a CDN (XABAR_CDN)
 * pages carry shared-cache headers and surrogate keys and views come by the beacon instead.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { paragraphsToDoc } from '../src/content/document.js';
import { fastKey } from '../src/site/fast-path.js';
import { BEACON_SCRIPT_HASH } from '../src/site/views/beacon.js';
import { BOT_UA, BROWSER_UA, DIALECTS, makeTestSite } from './helpers/site.js';

interface Res {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, headers: { 'user-agent': BROWSER_UA, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Headers that belong to the connection, not the representation. */
// Each response has its own request id: compared as "there is one", not by value.
const comparable = (h: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(h)
      .filter(([k]) => !['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(k))
      .map(([k, v]) => (k === 'x-request-id' && typeof v === 'string' && /^[\w.:-]{1,128}$/.test(v) ? [k, 'present'] : [k, v])),
  );

async function setup(env: Record<string, string> = {}, dialect: (typeof DIALECTS)[number] = 'sqlite') {
  const s = await makeTestSite(dialect, { env });
  await s.c.stories.create({ editions: [{ locale: 'ru', headline: 'Новость для быстрого пути', doc: paragraphsToDoc(['Текст новости.']), status: 'published', publishedAt: new Date(Date.now() - 60_000) }] });
  const row = await s.c.db.kysely.selectFrom('editions').select(['id', 'slug']).executeTakeFirstOrThrow();
  await s.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (s.app.server.address() as AddressInfo).port;
  const views = async () => {
    await s.c.views.flush();
    const r = await s.c.db.kysely.selectFrom('editions').select('views_total').where('id', '=', row.id).executeTakeFirstOrThrow();
    return Number(r.views_total);
  };
  return { s, port, path: `/ru/news/${row.slug}`, editionId: row.id, views };
}

describe('fastKey', () => {
  it('keys a URL as the routes key its page: tracking parameters dropped, page kept, anything else refused', () => {
    expect(fastKey('/ru/news/abc')).toBe('/ru/news/abc');
    expect(fastKey('/ru/news/abc?utm_source=tg&fbclid=1')).toBe('/ru/news/abc');
    expect(fastKey('/ru/news?page=2')).toBe('/ru/news?page=2');
    expect(fastKey('/ru/news?page=1')).toBe('/ru/news');
    expect(fastKey('/ru/news?page=02')).toBeNull();
    expect(fastKey('/ru/news?page=2&page=3')).toBeNull();
    expect(fastKey('/ru/search?q=x')).toBeNull();
    expect(fastKey('/ru/news/abc?utm_source=%00')).toBeNull();
    // List cursors, as the pages link them (urls.ts positionQuery); other spellings and mixes go to the app.
    expect(fastKey('/ru/tag/oon?before=1764990000000-42')).toBe('/ru/tag/oon?before=1764990000000-42');
    expect(fastKey('/ru/news?after=1764990000000-42&utm_medium=x')).toBe('/ru/news?after=1764990000000-42');
    expect(fastKey('/ru/news?before=01764990000000-42')).toBeNull();
    expect(fastKey('/ru/news?before=1764990000000-0')).toBeNull();
    expect(fastKey('/ru/news?before=1-2&page=2')).toBeNull();
    expect(fastKey('/ru/news?before=1-2&after=1-2')).toBeNull();
    expect(fastKey('/ru/news?before=1-2&before=1-3')).toBeNull();
  });
});

describe.each(DIALECTS)('the fast path for cached pages (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    t = await setup({}, dialect);
  });
  afterAll(async () => {
    await t?.s.close();
  });

  it('answers a cached page without the app, with the bytes and headers the app sends, per encoding', async () => {
    expect((await get(t.port, t.path)).status).toBe(200); // a miss: rendered and cached
    await t.s.c.pageCache!.settled(); // its full-level bodies stored, so both paths send the same bytes
    const settings = vi.spyOn(t.s.c.site, 'settings');
    try {
      for (const enc of ['br', 'gzip, deflate', '']) {
        const headers = { 'accept-encoding': enc, 'user-agent': BOT_UA };
        const fast = await get(t.port, t.path, headers);
        const slow = await t.s.app.inject({ url: t.path, headers });
        expect(fast.status).toBe(200);
        expect(comparable(fast.headers)).toEqual(comparable(slow.headers));
        expect(fast.body.equals(slow.rawPayload)).toBe(true);
        expect(fast.headers.vary).toBe('Accept-Encoding');
        expect(fast.headers['content-security-policy']).toContain("script-src 'none'");
      }
      // inject() went through the routes three times (each reads the settings); the socket never did.
      expect(settings).toHaveBeenCalledTimes(3);
    } finally {
      settings.mockRestore();
    }
  });

  it('sends a different ETag per encoding and 304 only for the matching one', async () => {
    const br = await get(t.port, t.path, { 'accept-encoding': 'br' });
    const gz = await get(t.port, t.path, { 'accept-encoding': 'gzip' });
    const id = await get(t.port, t.path, { 'accept-encoding': 'identity' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(id.headers['content-encoding']).toBeUndefined();
    expect(new Set([br.headers.etag, gz.headers.etag, id.headers.etag]).size).toBe(3);
    const notModified = await get(t.port, t.path, { 'accept-encoding': 'br', 'if-none-match': br.headers.etag! });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    expect(notModified.headers.etag).toBe(br.headers.etag);
    const slow304 = await t.s.app.inject({ url: t.path, headers: { 'accept-encoding': 'br', 'if-none-match': br.headers.etag!, 'user-agent': BOT_UA } });
    expect(slow304.statusCode).toBe(304);
    expect(comparable(notModified.headers)).toEqual(comparable(slow304.headers));
    // The brotli tag does not validate the gzip body.
    expect((await get(t.port, t.path, { 'accept-encoding': 'gzip', 'if-none-match': br.headers.etag! })).status).toBe(200);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const head = await get(t.port, t.path, { 'accept-encoding': 'gzip' }, 'HEAD');
    const full = await get(t.port, t.path, { 'accept-encoding': 'gzip' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(String(full.body.length));
    expect(head.headers.etag).toBe(full.headers.etag);
  });

  it('counts a view once per visitor on cache hits, and none for bots or HEAD', async () => {
    const ua = `${BROWSER_UA} fast-path-reader`;
    const before = await t.views();
    for (let i = 0; i < 5; i++) expect((await get(t.port, t.path, { 'user-agent': ua })).status).toBe(200);
    expect(await t.views()).toBe(before + 1);
    await get(t.port, t.path, { 'user-agent': `${ua} two` });
    await get(t.port, t.path, { 'user-agent': BOT_UA });
    await get(t.port, t.path, { 'user-agent': `${ua} three` }, 'HEAD');
    expect(await t.views()).toBe(before + 2);
  });

  it('answers a list\'s cursor page from the cache too, with the bytes the app sends', async () => {
    // Everything older than a point after the newest story (this site's feed is shorter than a page).
    const next = `/ru/news?before=${Date.now() + 86_400_000}-999999`;
    expect((await get(t.port, next)).status).toBe(200); // a miss: rendered and cached
    await t.s.c.pageCache!.settled();
    const settings = vi.spyOn(t.s.c.site, 'settings');
    try {
      const fast = await get(t.port, next, { 'accept-encoding': 'gzip', 'user-agent': BOT_UA });
      expect(fast.status).toBe(200);
      expect(settings).not.toHaveBeenCalled(); // not through the app
      const slow = await t.s.app.inject({ url: next, headers: { 'accept-encoding': 'gzip', 'user-agent': BOT_UA } });
      expect(fast.body.equals(slow.rawPayload)).toBe(true);
    } finally {
      settings.mockRestore();
    }
  });

  it('takes tracking parameters from the cache and sends other queries to the app', async () => {
    const settings = vi.spyOn(t.s.c.site, 'settings');
    try {
      expect((await get(t.port, `${t.path}?utm_source=telegram`)).status).toBe(200);
      expect(settings).not.toHaveBeenCalled();
      expect((await get(t.port, '/ru/news?page=abc')).status).toBe(400);
      expect(settings).toHaveBeenCalled();
    } finally {
      settings.mockRestore();
    }
  });

  it('goes back to the app after a purge', async () => {
    expect(t.s.c.pageCache!.get(t.path)).toBeDefined();
    t.s.c.purge('ru', t.editionId);
    const settings = vi.spyOn(t.s.c.site, 'settings');
    try {
      expect((await get(t.port, t.path)).status).toBe(200);
      expect(settings).toHaveBeenCalled();
      expect(t.s.c.pageCache!.get(t.path)).toBeDefined();
    } finally {
      settings.mockRestore();
    }
  });
});

describe('the fast path behind trusted proxies', () => {
  let t: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    t = await setup({ TRUST_PROXY: '1' });
    await get(t.port, t.path, { 'user-agent': BOT_UA });
  });
  afterAll(async () => {
    await t?.s.close();
  });

  it('takes the client address from X-Forwarded-For as the app does (ten views per address)', async () => {
    const before = await t.views();
    for (let i = 0; i < 15; i++) await get(t.port, t.path, { 'user-agent': `${BROWSER_UA} r${i}`, 'x-forwarded-for': '203.0.113.7' });
    expect(await t.views()).toBe(before + 10);
    await get(t.port, t.path, { 'user-agent': `${BROWSER_UA} r0`, 'x-forwarded-for': '198.51.100.20' });
    expect(await t.views()).toBe(before + 11);
  });
});

describe('behind a CDN (XABAR_CDN)', () => {
  let t: Awaited<ReturnType<typeof setup>>;
  let hook: http.Server;
  const purges: unknown[] = [];
  beforeAll(async () => {
    // The purge hook's receiver: records each POSTed body.
    hook = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        purges.push({ method: req.method, type: req.headers['content-type'], body: JSON.parse(body) });
        res.end();
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/purge`;
    t = await setup({ XABAR_CDN: 'on', XABAR_CACHE_S_MAXAGE: '120', XABAR_CACHE_SWR: '900', XABAR_CDN_PURGE_URL: hookUrl });
  });
  afterAll(async () => {
    await t?.s.close();
    hook?.close();
  });

  it('calls the purge hook with the purged tags, and with everything on a site-wide change', async () => {
    t.s.c.purge('ru', t.editionId);
    t.s.c.purgeAll();
    const deadline = Date.now() + 5000;
    while (purges.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    // Two calls in flight at once: either may arrive first.
    expect(purges).toHaveLength(2);
    expect(purges).toEqual(expect.arrayContaining([
      { method: 'POST', type: 'application/json', body: { tags: [`edition:${t.editionId}`, 'home:ru', 'list:ru'] } },
      { method: 'POST', type: 'application/json', body: { tags: ['*'], all: true } },
    ]));
  });

  it('sends shared-cache lifetimes and the purge tags, from the app and from the fast path alike', async () => {
    const miss = await get(t.port, t.path);
    const hit = await get(t.port, t.path);
    for (const r of [miss, hit]) {
      expect(r.headers['cache-control']).toBe('public, max-age=0, s-maxage=120, stale-while-revalidate=900');
      expect(r.headers['surrogate-key']).toBe(`edition:${t.editionId}`);
      expect(r.headers['cache-tag']).toBe(`edition:${t.editionId}`);
      expect(r.headers['content-security-policy']).toContain(`script-src ${BEACON_SCRIPT_HASH};`);
    }
    const home = await get(t.port, '/ru/');
    expect(home.headers['surrogate-key']).toBe('home:ru');
  });

  it('counts views by the beacon only, once per visitor, and answers it uncached', async () => {
    const page = (await get(t.port, t.path, { 'accept-encoding': 'identity' })).body.toString();
    expect(page).toContain(`data-beacon="/v/${t.editionId}.gif"`);
    expect(page).toContain(`<noscript><img class="view-beacon" src="/v/${t.editionId}.gif"`);
    const before = await t.views();
    for (let i = 0; i < 3; i++) await get(t.port, t.path);
    expect(await t.views()).toBe(before); // pages count nothing: the CDN would hide most of them
    const ua = `${BROWSER_UA} beacon`;
    const pixel = await get(t.port, `/v/${t.editionId}.gif?r=${encodeURIComponent('https://t.me/')}`, { 'user-agent': ua });
    expect(pixel.status).toBe(200);
    expect(pixel.headers['content-type']).toBe('image/gif');
    expect(pixel.headers['cache-control']).toBe('no-store');
    await get(t.port, `/v/${t.editionId}.gif`, { 'user-agent': ua }, 'POST');
    expect(await t.views()).toBe(before + 1);
    await get(t.port, `/v/${t.editionId}.gif`, { 'user-agent': `${ua} other` }, 'POST');
    expect(await t.views()).toBe(before + 2);
    expect((await get(t.port, '/v/999999.gif')).status).toBe(404);
    expect((await get(t.port, '/v/abc.gif')).status).toBe(404);
    expect(await t.views()).toBe(before + 2);
  });
});
