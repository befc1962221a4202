/**
 * The page cache is bounded by bytes (every stored body: identity, gzip and brotli), coalesces
 * concurrent misses for one page into one render, and gives each encoding its own ETag.
 */
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { paragraphsToDoc } from '../src/content/document.js';
import { bodyFor } from '../src/site/http-cache.js';
import { PageCache } from '../src/site/page-cache.js';
import { BROWSER_UA, DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';

describe('PageCache (unit)', () => {
  it('never holds more bytes than its budget, counting every stored body', () => {
    const budget = 200_000;
    const cache = new PageCache({ maxBytes: budget });
    for (let i = 0; i < 500; i++) {
      // Random text compresses badly, so all three bodies are large.
      const html = `<p>${crypto.randomBytes(1500 + (i % 7) * 300).toString('base64')}</p>`;
      cache.set(`/ru/news/p${i}`, PageCache.build(html, 200, 60_000, [`edition:${i}`]));
      expect(cache.bytes).toBeLessThanOrEqual(budget);
    }
    expect(cache.size).toBeGreaterThan(10);
    expect(cache.size).toBeLessThan(500);
    // Stored while 64 background passes were running: its quick bodies were made at once and counted.
    const last = cache.get('/ru/news/p499')!;
    expect(last.body.length + last.gzip!.length + last.br!.length).toBeGreaterThan(budget / 100);
  });

  it('compresses a rendered page only in the encoding a response asks for, once', () => {
    const html = `<main>${'<p>Новости дня.</p>'.repeat(200)}</main>`;
    const page = PageCache.build(html, 200, 60_000, ['edition:1']);
    expect(page.gzip).toBeUndefined();
    expect(page.br).toBeUndefined();
    const br = bodyFor(page, 'br');
    expect(zlib.brotliDecompressSync(br).toString()).toBe(html);
    expect(page.gzip).toBeUndefined();
    expect(bodyFor(page, 'br')).toBe(br); // kept: every later response sends these bytes
    expect(zlib.gunzipSync(bodyFor(page, 'gzip')).toString()).toBe(html);
    expect(bodyFor(page, null)).toBe(page.body);
  });

  it('renders once for many concurrent misses of one key', async () => {
    const cache = new PageCache({ maxBytes: 1_000_000 });
    let renders = 0;
    const render = async () => {
      renders++;
      await new Promise((r) => setTimeout(r, 20));
      return PageCache.build('<p>x</p>', 200, 60_000, ['home:ru']);
    };
    const pages = await Promise.all(Array.from({ length: 50 }, () => cache.fetch('/ru/', render)));
    expect(renders).toBe(1);
    expect(new Set(pages).size).toBe(1);
  });

  it('stores quick bodies first and swaps in full-level ones of the same content, unless the entry changed', async () => {
    const cache = new PageCache({ maxBytes: 10_000_000 });
    const html = `<main>${Array.from({ length: 400 }, (_, i) => `<p>Абзац ${i} новости о погоде и ценах.</p>`).join('')}</main>`;
    const page = PageCache.build(html, 200, 60_000, ['edition:1']);
    const quickBr = bodyFor(page, 'br'); // the response that rendered it
    expect(page.quick).toBe(true);
    expect(page.weakEncodings).toBe(true);
    cache.set('/ru/news/a', page);
    cache.set('/ru/news/b', PageCache.build(html, 200, 60_000, ['edition:2']));
    cache.purge(['edition:2']); // gone before its recompression ends: nothing comes back
    await cache.settled();
    const full = cache.get('/ru/news/a')!;
    expect(full).not.toBe(page);
    expect(full.quick).toBe(false);
    expect(full.etag).toBe(page.etag);
    expect(full.body).toBe(page.body);
    expect(zlib.brotliDecompressSync(full.br!).toString()).toBe(html);
    expect(zlib.gunzipSync(full.gzip!).toString()).toBe(html);
    expect(full.br!.length).toBeLessThan(quickBr.length);
    expect(full.gzip).toBeDefined(); // made by the background pass though no response asked for gzip
    expect(cache.get('/ru/news/b')).toBeUndefined();
  });

  it('does not store a render that a purge overtook', async () => {
    const cache = new PageCache({ maxBytes: 1_000_000 });
    let release!: () => void;
    const pending = cache.fetch('/ru/', async () => {
      await new Promise<void>((r) => (release = r));
      return PageCache.build('<p>old</p>', 200, 60_000, ['home:ru']);
    });
    await new Promise((r) => setTimeout(r, 5));
    cache.purge(['home:ru']);
    release();
    await pending;
    expect(cache.get('/ru/')).toBeUndefined();
  });
});

describe.each(DIALECTS)('page cache through HTTP on %s', (dialect) => {
  let s: TestSite;
  let path: string;
  beforeAll(async () => {
    s = await makeTestSite(dialect);
    await s.c.stories.create({ editions: [{ locale: 'ru', headline: 'Новость для проверки одного рендера', doc: paragraphsToDoc(['Текст.']), status: 'published', publishedAt: new Date(Date.now() - 60_000) }] });
    const { slug } = await s.c.db.kysely.selectFrom('editions').select('slug').executeTakeFirstOrThrow();
    path = `/ru/news/${slug}`;
  });
  afterAll(async () => {
    await s?.close();
  });

  it('renders an uncached article once for 50 concurrent requests', async () => {
    s.c.pageCache!.clear();
    const spy = vi.spyOn(s.c.site, 'article');
    const res = await Promise.all(Array.from({ length: 50 }, (_, i) => s.app.inject({ url: path, headers: { 'user-agent': BROWSER_UA }, remoteAddress: `198.51.100.${i + 1}` })));
    expect(res.map((r) => r.statusCode)).toEqual(Array(50).fill(200));
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it('sends a different ETag per encoding and answers 304 only to the matching one', async () => {
    const br = await s.app.inject({ url: path, headers: { 'accept-encoding': 'br' } });
    const gz = await s.app.inject({ url: path, headers: { 'accept-encoding': 'gzip' } });
    const id = await s.app.inject({ url: path });
    const tags = [br, gz, id].map((r) => r.headers.etag as string);
    expect(new Set(tags).size).toBe(3);
    expect((await s.app.inject({ url: path, headers: { 'accept-encoding': 'br', 'if-none-match': tags[0]! } })).statusCode).toBe(304);
    expect((await s.app.inject({ url: path, headers: { 'accept-encoding': 'gzip', 'if-none-match': tags[1]! } })).statusCode).toBe(304);
    expect((await s.app.inject({ url: path, headers: { 'if-none-match': tags[2]! } })).statusCode).toBe(304);
    // A gzip body's tag does not validate the brotli body (a cache would serve the wrong bytes).
    const mismatch = await s.app.inject({ url: path, headers: { 'accept-encoding': 'br', 'if-none-match': tags[1]! } });
    expect(mismatch.statusCode).toBe(200);
    expect(mismatch.headers['content-encoding']).toBe('br');
  });
});
