/**
 * robots.txt and the sitemaps, parsed back with an XML parser on SQLite and PostgreSQL: the
 * index and every file it lists, namespaces, W3C dates with the site's offset, hreflang sets
 * with x-default (both Uzbek scripts), the Google News fields and window, months in the site's
 * time zone, visibility (published, edited, unpublished, scheduled, embargoed), the split past
 * the URL limit, the month cache, and a crawl from robots.txt to every page listed.
 * (The XSDs in ../shared/specs are checked while building; these tests do not need them.)
 */
import zlib from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { paragraphsToDoc } from '../src/content/document.js';
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';
import type { Locale } from '../src/i18n/locales.js';
import { sitemapRoutes } from '../src/distribution/sitemaps/sitemaps.routes.js';
import { SitemapsRepository } from '../src/distribution/sitemaps/sitemaps.repository.js';
import { SitemapService } from '../src/distribution/sitemaps/sitemaps.service.js';
import { ApiClient } from './helpers/client.js';
import { saveBody } from './helpers/editorial.js';
import { DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';

const NOW = Date.UTC(2026, 10, 20, 9, 0); // 14:00 in Tashkent (+05:00)
const SITE = 'https://news.example.test';
const NS = { sitemap: 'http://www.sitemaps.org/schemas/sitemap/0.9', xhtml: 'http://www.w3.org/1999/xhtml', news: 'http://www.google.com/schemas/sitemap-news/0.9' };
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:00$/;
const H = 3600_000;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (n) => ['url', 'sitemap', 'xhtml:link'].includes(n) });

interface UrlEntry {
  loc: string;
  lastmod?: string;
  'xhtml:link'?: { '@rel': string; '@hreflang': string; '@href': string }[];
  'news:news'?: { 'news:publication': { 'news:name': string; 'news:language': string }; 'news:publication_date': string; 'news:title': string };
}

describe.each(DIALECTS)('sitemaps on %s', (dialect) => {
  let s: TestSite;
  let admin: ApiClient;
  let sectionId: number;
  const slugs: Record<string, Partial<Record<Locale, string>>> = {};

  const inject = (url: string, headers: Record<string, string> = {}, app: FastifyInstance = s.app) => app.inject({ method: 'GET', url, headers });

  /** Fetches an XML file: 200, the XML content type, well-formed; returns the parsed document. */
  async function xml(url: string, app: FastifyInstance = s.app) {
    const res = await inject(url, {}, app);
    expect(res.statusCode, url).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(XMLValidator.validate(res.body), url).toBe(true);
    return { res, doc: parser.parse(res.body) };
  }

  /** A urlset's entries by loc, after checking the root and its namespaces. */
  async function urlset(url: string, app: FastifyInstance = s.app): Promise<{ entries: UrlEntry[]; byLoc: Map<string, UrlEntry>; etag: string; root: Record<string, string> }> {
    const { res, doc } = await xml(url, app);
    expect(doc.urlset, url).toBeDefined();
    expect(doc.urlset['@xmlns']).toBe(NS.sitemap);
    const entries = (doc.urlset.url ?? []) as UrlEntry[];
    for (const e of entries) {
      expect(e.loc.startsWith(SITE + '/')).toBe(true);
      if (e.lastmod !== undefined) expect(e.lastmod).toMatch(W3C);
      if (e['xhtml:link']) expect(doc.urlset['@xmlns:xhtml']).toBe(NS.xhtml);
      if (e['news:news']) expect(doc.urlset['@xmlns:news']).toBe(NS.news);
    }
    return { entries, byLoc: new Map(entries.map((e) => [e.loc, e])), etag: String(res.headers.etag), root: doc.urlset };
  }

  async function index(app: FastifyInstance = s.app): Promise<Map<string, string | undefined>> {
    const { doc } = await xml('/sitemap.xml', app);
    expect(doc.sitemapindex['@xmlns']).toBe(NS.sitemap);
    const out = new Map<string, string | undefined>();
    for (const e of doc.sitemapindex.sitemap as { loc: string; lastmod?: string }[]) {
      expect(e.loc.startsWith(`${SITE}/sitemaps/`)).toBe(true);
      expect(e.lastmod ?? '2000-01-01T00:00:00+05:00').toMatch(W3C);
      out.set(e.loc.slice(SITE.length), e.lastmod);
    }
    return out;
  }

  const links = (e: UrlEntry | undefined) => Object.fromEntries((e?.['xhtml:link'] ?? []).map((l) => { expect(l['@rel']).toBe('alternate'); return [l['@hreflang'], l['@href']]; }));
  const article = (l: string, slug: string) => `${SITE}/${l === 'uz-Cyrl' ? 'uz-cyrl' : l}/news/${slug}`;
  const tashkent = (iso: string) => new Date(`${iso}+05:00`);

  /** A story straight through the content service (past dates, several languages at once). */
  async function story(key: string, editions: { locale: Locale; headline: string; at: Date; status?: 'published' | 'draft' | 'unpublished'; derivedFrom?: Locale }[], extra: { sectionId?: number; tagIds?: number[]; authorIds?: number[] } = {}) {
    const created = await s.c.stories.create({
      sectionId: extra.sectionId ?? sectionId,
      tagIds: extra.tagIds,
      authorIds: extra.authorIds,
      editions: editions.map((e) => ({ locale: e.locale, headline: e.headline, doc: paragraphsToDoc(['Matn.']), status: e.status ?? 'published', publishedAt: e.at, derivedFrom: e.derivedFrom })),
    });
    slugs[key] = Object.fromEntries(created.editions.map((e) => [e.locale, e.slug]));
    return created;
  }

  const taxonomy = <T,>(f: (trx: Kysely<Database>) => Promise<T>) => s.c.db.kysely.transaction().execute(f);

  let tagEconomy: number;
  let tagGhost: number;
  let authorAziza: number;
  let authorGhost: number;

  beforeAll(async () => {
    s = await makeTestSite(dialect, { now: NOW });
    admin = new ApiClient(s.app);
    await admin.session();
    expect((await admin.req('POST', '/setup', { email: 'admin@example.uz', name: 'Admin', password: 'correct horse battery' })).status).toBe(201);
    const sec = await admin.req('POST', '/sections', { slug: 'politics', color: '#1D4E89', names: { ru: 'Политика', uz: 'Siyosat', 'uz-Cyrl': 'Сиёсат', en: 'Politics' } });
    expect(sec.status).toBe(201);
    sectionId = sec.json.id;
    tagEconomy = await taxonomy((t) => s.c.taxonomy.upsertTag(t, 'economy', { ru: 'Экономика', uz: 'Iqtisodiyot', en: 'Economy' }));
    tagGhost = await taxonomy((t) => s.c.taxonomy.upsertTag(t, 'ghost', { ru: 'Призрак', uz: 'Arvoh', en: 'Ghost' }));
    authorAziza = await taxonomy((t) => s.c.taxonomy.upsertAuthor(t, 'aziza-karimova', { ru: 'Азиза Каримова', uz: 'Aziza Karimova', en: 'Aziza Karimova' }, {}));
    authorGhost = await taxonomy((t) => s.c.taxonomy.upsertAuthor(t, 'ghost-writer', { ru: 'Никто', en: 'Nobody' }, {}));

    // Four languages, both Uzbek scripts (Cyrillic derived from Latin), March 2025.
    await story('four', [
      { locale: 'ru', headline: 'Узбекистан и Казахстан подписали соглашение о воде', at: tashkent('2025-03-10T10:00:00') },
      { locale: 'uz', headline: 'Oʻzbekiston va Qozogʻiston suv boʻyicha kelishuv imzoladi', at: tashkent('2025-03-10T10:05:00') },
      { locale: 'uz-Cyrl', headline: 'Ўзбекистон ва Қозоғистон сув бўйича келишув имзолади', at: tashkent('2025-03-10T10:05:00'), derivedFrom: 'uz' },
      { locale: 'en', headline: 'Uzbekistan and Kazakhstan sign a water agreement', at: tashkent('2025-03-10T11:00:00') },
    ], { tagIds: [tagEconomy], authorIds: [authorAziza] });
    // 20:30 UTC on 31 March is 1 April in Tashkent: an April story.
    await story('april', [{ locale: 'ru', headline: 'Первоапрельская новость по времени Ташкента', at: new Date(Date.UTC(2025, 2, 31, 20, 30)) }]);
    // The English edition was taken down: no hreflang to it, and one language left means no links.
    await story('oneLeft', [
      { locale: 'ru', headline: 'Русская версия остаётся на сайте', at: tashkent('2025-03-12T09:00:00') },
      { locale: 'en', headline: 'The English version was taken down', at: tashkent('2025-03-12T09:00:00'), status: 'unpublished' },
    ], { tagIds: [], authorIds: [authorGhost] });
    // Tagged only on a draft: the tag has no visible story.
    await story('draftOnly', [{ locale: 'ru', headline: 'Черновик с тегом-призраком', at: tashkent('2025-03-13T09:00:00'), status: 'draft' }], { tagIds: [tagGhost] });
    // The Google News window is 48 hours.
    await story('inWindow', [
      { locale: 'ru', headline: 'Новость 47 часов назад', at: new Date(NOW - 47 * H) },
      { locale: 'uz', headline: '47 soat oldingi yangilik', at: new Date(NOW - 47 * H) },
      { locale: 'uz-Cyrl', headline: '47 соат олдинги янгилик', at: new Date(NOW - 47 * H), derivedFrom: 'uz' },
      { locale: 'en', headline: 'News from 47 hours ago & <more>', at: new Date(NOW - 47 * H) },
    ]);
    await story('outOfWindow', [{ locale: 'ru', headline: 'Новость 49 часов назад', at: new Date(NOW - 49 * H) }]);
    // Seven Russian stories in February 2024 for the split.
    for (let i = 1; i <= 7; i++) await story(`feb${i}`, [{ locale: 'ru', headline: `Февральская новость номер ${i}`, at: tashkent(`2024-02-0${i}T12:00:00`) }]);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('robots.txt keeps crawlers out of the newsroom and previews, not search, and names the index', async () => {
    const res = await inject('/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    const lines = res.body.split('\n');
    expect(lines).toContain('User-agent: *');
    expect(lines).toContain('Disallow: /admin');
    expect(lines).toContain('Disallow: /preview/');
    expect(lines).toContain(`Sitemap: ${SITE}/sitemap.xml`);
    expect(res.body).not.toMatch(/search/);
    // Search stays crawlable because its pages say noindex themselves.
    const search = await inject('/ru/search?q=' + encodeURIComponent('Узбекистан'));
    expect(search.statusCode).toBe(200);
    expect(search.body).toMatch(/<meta name="robots" content="noindex"\/>/);
  });

  it('the index lists per locale the sections, tags, authors and news files and only the months with visible stories', async () => {
    const idx = await index();
    for (const p of ['ru', 'uz', 'uz-cyrl', 'en']) {
      expect(idx.has(`/sitemaps/${p}-sections.xml`)).toBe(true);
      expect(idx.has(`/sitemaps/${p}-news.xml`)).toBe(true);
      expect(idx.has(`/sitemaps/${p}-2025-03.xml`)).toBe(true);
    }
    expect(idx.has('/sitemaps/ru-2025-04.xml')).toBe(true);
    expect(idx.has('/sitemaps/uz-2025-04.xml')).toBe(false);
    expect(idx.has('/sitemaps/ru-2024-02.xml')).toBe(true);
    expect(idx.has('/sitemaps/ru-2024-03.xml')).toBe(false); // no story that month
    expect(idx.has('/sitemaps/ru-2024-02-2.xml')).toBe(false); // 7 URLs do not split at 50,000
    expect(idx.has('/sitemaps/ru-tags.xml')).toBe(true);
    expect(idx.has('/sitemaps/uz-cyrl-authors.xml')).toBe(true); // Aziza's Latin name gives her a Cyrillic page too
    expect(idx.get('/sitemaps/ru-2025-03.xml')).toBe('2025-03-12T09:00:00+05:00');
    expect(idx.get('/sitemaps/ru-2025-04.xml')).toBe('2025-04-01T01:30:00+05:00');
  });

  it('a month lists every visible edition with lastmod and the hreflang set of its story, x-default the default language', async () => {
    const ru = await urlset('/sitemaps/ru-2025-03.xml');
    expect(ru.entries.map((e) => e.loc)).toEqual([article('ru', slugs.four!.ru!), article('ru', slugs.oneLeft!.ru!)]);
    const four = ru.byLoc.get(article('ru', slugs.four!.ru!));
    expect(four!.lastmod).toBe('2025-03-10T10:00:00+05:00');
    const expected = {
      ru: article('ru', slugs.four!.ru!),
      'uz-Latn': article('uz', slugs.four!.uz!),
      'uz-Cyrl': article('uz-Cyrl', slugs.four!['uz-Cyrl']!),
      en: article('en', slugs.four!.en!),
      'x-default': article('ru', slugs.four!.ru!),
    };
    expect(links(four)).toEqual(expected);
    expect(four!['xhtml:link']).toHaveLength(5);
    // A story in one language only (its English edition unpublished) carries no links.
    expect(ru.byLoc.get(article('ru', slugs.oneLeft!.ru!))!['xhtml:link']).toBeUndefined();
    // The Cyrillic month: its own loc, the same reciprocal set.
    const cyrl = await urlset('/sitemaps/uz-cyrl-2025-03.xml');
    expect(cyrl.entries.map((e) => e.loc)).toEqual([article('uz-Cyrl', slugs.four!['uz-Cyrl']!)]);
    expect(links(cyrl.entries[0])).toEqual(expected);
    expect(cyrl.entries[0]!.lastmod).toBe('2025-03-10T10:05:00+05:00');
    // Months are calendar months in the site's time zone.
    const april = await urlset('/sitemaps/ru-2025-04.xml');
    expect(april.entries.map((e) => e.loc)).toEqual([article('ru', slugs.april!.ru!)]);
    expect(april.entries[0]!.lastmod).toBe('2025-04-01T01:30:00+05:00');
  });

  it('the news sitemap has the last 48 hours with publication name and language (uz for both scripts), date and title', async () => {
    const expectLang: Record<string, [string, string]> = { ru: ['ru', 'Xabar'], uz: ['uz', 'Xabar'], 'uz-cyrl': ['uz', 'Хабар'], en: ['en', 'Xabar'] };
    for (const [p, [lang, name]] of Object.entries(expectLang)) {
      const n = await urlset(`/sitemaps/${p}-news.xml`);
      expect(n.root['@xmlns:news']).toBe(NS.news);
      const locale = (p === 'uz-cyrl' ? 'uz-Cyrl' : p) as Locale;
      expect(n.entries.map((e) => e.loc)).toEqual([article(locale, slugs.inWindow![locale]!)]);
      const news = n.entries[0]!['news:news']!;
      expect(news['news:publication']).toEqual({ 'news:name': name, 'news:language': lang });
      expect(news['news:publication_date']).toMatch(W3C);
      expect(new Date(news['news:publication_date']).getTime()).toBe(NOW - 47 * H);
    }
    const en = await inject('/sitemaps/en-news.xml');
    expect(en.body).toContain('<news:title>News from 47 hours ago &amp; &lt;more&gt;</news:title>');
    expect(parser.parse(en.body).urlset.url[0]['news:news']['news:title']).toBe('News from 47 hours ago & <more>');
    // 49 hours ago: out of the news file, still in its month.
    const ruMonth = await urlset('/sitemaps/ru-2026-11.xml');
    expect(ruMonth.byLoc.has(article('ru', slugs.outOfWindow!.ru!))).toBe(true);
    expect((await urlset('/sitemaps/ru-news.xml')).byLoc.has(article('ru', slugs.outOfWindow!.ru!))).toBe(false);
  });

  it('sections, tags and authors files list only those with a visible story in the language, and the home and feed pages', async () => {
    const sections = await urlset('/sitemaps/ru-sections.xml');
    expect(sections.entries.map((e) => e.loc)).toEqual([`${SITE}/ru/`, `${SITE}/ru/news`, `${SITE}/ru/section/politics`]);
    expect(links(sections.entries[0])).toEqual({ ru: `${SITE}/ru/`, 'uz-Latn': `${SITE}/uz/`, 'uz-Cyrl': `${SITE}/uz-cyrl/`, en: `${SITE}/en/`, 'x-default': `${SITE}/ru/` });
    expect((await urlset('/sitemaps/ru-tags.xml')).entries.map((e) => e.loc)).toEqual([`${SITE}/ru/tag/economy`]); // not the draft's tag
    // The tag has a Latin name only: the Cyrillic site shows it transliterated, so it has a page
    // there too, at the Latin name's address (issue 14: addresses per locale).
    expect((await urlset('/sitemaps/uz-cyrl-tags.xml')).entries.map((e) => e.loc)).toEqual([`${SITE}/uz-cyrl/tag/iqtisodiyot`]);
    expect((await urlset('/sitemaps/ru-authors.xml')).entries.map((e) => e.loc)).toEqual([`${SITE}/ru/author/aziza-karimova`, `${SITE}/ru/author/ghost-writer`]);
    // Nobody's only English edition is unpublished.
    expect((await urlset('/sitemaps/en-authors.xml')).entries.map((e) => e.loc)).toEqual([`${SITE}/en/author/aziza-karimova`]);
  });

  it('publishing, editing, unpublishing, scheduling and embargo show at once (lastmod and ETag move with the data)', async () => {
    const created = await admin.req('POST', '/stories', { locale: 'ru', headline: 'Свежая новость из редакции' });
    expect(created.status).toBe(201);
    const saved = await admin.req('PUT', `/editions/${created.json.id}`, saveBody(created.json, { sectionId, body: paragraphsToDoc(['Текст.']), datelineCity: 'Ташкент' }));
    expect(saved.status).toBe(200);
    const monthBefore = await urlset('/sitemaps/ru-2026-11.xml');
    const idxBefore = await index();
    expect((await admin.req('POST', `/editions/${created.json.id}/transition`, { to: 'published' })).status).toBe(200);
    const loc = article('ru', saved.json.slug);

    const published = await urlset('/sitemaps/ru-2026-11.xml');
    expect(published.byLoc.get(loc)!.lastmod).toBe('2026-11-20T14:00:00+05:00');
    expect(published.etag).not.toBe(monthBefore.etag);
    expect((await urlset('/sitemaps/ru-news.xml')).byLoc.get(loc)!['news:news']!['news:title']).toBe('Свежая новость из редакции');

    s.tick(10 * 60_000);
    const current = (await admin.req('GET', `/editions/${created.json.id}`)).json;
    expect((await admin.req('PUT', `/editions/${created.json.id}`, saveBody(current, { headline: 'Свежая новость из редакции, дополнено' }))).status).toBe(200);
    const edited = await urlset('/sitemaps/ru-2026-11.xml');
    expect(edited.byLoc.get(loc)!.lastmod).toBe('2026-11-20T14:10:00+05:00');
    expect(edited.etag).not.toBe(published.etag);
    expect((await urlset('/sitemaps/ru-news.xml')).byLoc.get(loc)!['news:news']!['news:title']).toBe('Свежая новость из редакции, дополнено');
    const idxAfter = await index();
    expect(idxAfter.get('/sitemaps/ru-2026-11.xml')).toBe('2026-11-20T14:10:00+05:00');
    expect(idxAfter.get('/sitemaps/ru-2026-11.xml')).not.toBe(idxBefore.get('/sitemaps/ru-2026-11.xml'));

    expect((await admin.req('POST', `/editions/${created.json.id}/transition`, { to: 'unpublished', reason: 'Ошибка в данных' })).status).toBe(200);
    const gone = await urlset('/sitemaps/ru-2026-11.xml');
    expect(gone.byLoc.has(loc)).toBe(false);
    expect((await urlset('/sitemaps/ru-news.xml')).byLoc.has(loc)).toBe(false);

    // Scheduled for later: absent until its time, then present before any job has run.
    const sch = await admin.req('POST', '/stories', { locale: 'ru', headline: 'Запланированная новость' });
    const schSaved = await admin.req('PUT', `/editions/${sch.json.id}`, saveBody(sch.json, { sectionId, body: paragraphsToDoc(['Текст.']) }));
    expect((await admin.req('POST', `/editions/${sch.json.id}/transition`, { to: 'scheduled', at: new Date(s.c.clock() + H).toISOString() })).status).toBe(200);
    const schLoc = article('ru', schSaved.json.slug);
    expect((await urlset('/sitemaps/ru-2026-11.xml')).byLoc.has(schLoc)).toBe(false);
    expect((await urlset('/sitemaps/ru-news.xml')).byLoc.has(schLoc)).toBe(false);

    // Embargoed: published but held back.
    const emb = await admin.req('POST', '/stories', { locale: 'ru', headline: 'Новость под эмбарго' });
    const embSaved = await admin.req('PUT', `/editions/${emb.json.id}`, saveBody(emb.json, { sectionId, body: paragraphsToDoc(['Текст.']), embargoUntil: new Date(s.c.clock() + 2 * H).toISOString() }));
    expect(embSaved.status).toBe(200);
    expect((await admin.req('POST', `/editions/${emb.json.id}/transition`, { to: 'published' })).status).toBe(200);
    const embLoc = article('ru', embSaved.json.slug);
    expect((await urlset('/sitemaps/ru-2026-11.xml')).byLoc.has(embLoc)).toBe(false);
    expect((await urlset('/sitemaps/ru-news.xml')).byLoc.has(embLoc)).toBe(false);

    s.tick(H + 1000);
    const due = await urlset('/sitemaps/ru-2026-11.xml');
    expect(due.byLoc.has(schLoc)).toBe(true);
    expect(due.byLoc.has(embLoc)).toBe(false);
    s.tick(H);
    expect((await urlset('/sitemaps/ru-2026-11.xml')).byLoc.has(embLoc)).toBe(true);
    expect((await urlset('/sitemaps/ru-news.xml')).byLoc.has(embLoc)).toBe(true);
    s.tick(-(2 * H + 1000 + 10 * 60_000));
  });

  it('answers 304 to a matching ETag, compresses, and sends Last-Modified', async () => {
    const first = await inject('/sitemaps/ru-2025-03.xml');
    expect(first.headers['last-modified']).toBe(new Date(Date.UTC(2025, 2, 12, 4, 0)).toUTCString());
    const again = await inject('/sitemaps/ru-2025-03.xml', { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    const gz = await inject('/sitemaps/ru-2025-03.xml', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString('utf8')).toBe(first.body);
    const idx = await inject('/sitemap.xml', { 'accept-encoding': 'br' });
    expect(idx.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(idx.rawPayload).toString('utf8')).toMatch(/^<\?xml/);
  });

  it('revalidates a month from its data alone: a 304 without writing it, even when it is too big to keep', async () => {
    const spy = vi.spyOn(SitemapsRepository.prototype, 'monthBatch');
    const app = Fastify();
    sitemapRoutes(app, s.c, { cacheBytes: 1 });
    await app.ready();
    try {
      const first = await inject('/sitemaps/ru-2025-03.xml', { 'accept-encoding': 'gzip' }, app);
      expect(first.statusCode).toBe(200);
      const built = spy.mock.calls.length;
      expect(built).toBe(1);
      const again = await inject('/sitemaps/ru-2025-03.xml', { 'accept-encoding': 'gzip', 'if-none-match': String(first.headers.etag) }, app);
      expect(again.statusCode).toBe(304);
      expect(again.headers.etag).toBe(first.headers.etag);
      expect(spy.mock.calls.length).toBe(built);
      // Another encoding is another representation: the gzip tag does not revalidate brotli.
      expect((await inject('/sitemaps/ru-2025-03.xml', { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) }, app)).statusCode).toBe(200);
      expect(spy.mock.calls.length).toBe(built + 1); // not kept: over the 1-byte budget
    } finally {
      spy.mockRestore();
      await app.close();
    }
  });

  it('answers an unchanged month from memory and rebuilds it only when its own data changes', async () => {
    const repo = new SitemapsRepository(s.c.db.kysely);
    let batches = 0;
    const counting = Object.assign(Object.create(repo) as SitemapsRepository, {
      monthBatch: (...a: Parameters<SitemapsRepository['monthBatch']>) => (batches++, repo.monthBatch(...a)),
    });
    const service = new SitemapService(counting, s.c.settings, SITE, s.c.clock);
    const first = await service.file('ru-2025-03.xml');
    expect(batches).toBe(1);
    expect(await service.file('ru-2025-03.xml')).toBe(first);
    expect(batches).toBe(1);
    // A change in another month leaves this one alone.
    await s.c.db.kysely.updateTable('editions').set({ updated_at: NOW + 1 }).where('slug', '=', slugs.april!.ru!).execute();
    expect(await service.file('ru-2025-03.xml')).toBe(first);
    expect(batches).toBe(1);
    // A translation of one of its stories changing rebuilds it, as does its own edition changing.
    await s.c.db.kysely.updateTable('editions').set({ updated_at: NOW + 2 }).where('locale', '=', 'en').where('slug', '=', slugs.four!.en!).execute();
    await service.file('ru-2025-03.xml');
    expect(batches).toBe(2);
    await s.c.db.kysely.updateTable('editions').set({ updated_at: NOW + 3 }).where('locale', '=', 'ru').where('slug', '=', slugs.four!.ru!).execute();
    const rebuilt = await service.file('ru-2025-03.xml');
    expect(batches).toBe(3);
    expect(rebuilt!.body.toString()).toContain('<lastmod>2026-11-20T14:00:00+05:00</lastmod>');
    // Put the dates back for the tests after this one.
    await s.c.db.kysely.updateTable('editions').set({ updated_at: tashkent('2025-03-10T10:00:00').getTime() }).where('locale', '=', 'ru').where('slug', '=', slugs.four!.ru!).execute();
    await s.c.db.kysely.updateTable('editions').set({ updated_at: tashkent('2025-03-10T11:00:00').getTime() }).where('locale', '=', 'en').where('slug', '=', slugs.four!.en!).execute();
    await s.c.db.kysely.updateTable('editions').set({ updated_at: Date.UTC(2025, 2, 31, 20, 30) }).where('slug', '=', slugs.april!.ru!).execute();
  });

  it('splits a month and the sections file past the URL limit, and the index lists every part', async () => {
    const app = Fastify();
    sitemapRoutes(app, s.c, { maxUrls: 3 });
    await app.ready();
    try {
      const idx = await index(app);
      expect([...idx.keys()].filter((k) => k.startsWith('/sitemaps/ru-2024-02'))).toEqual(['/sitemaps/ru-2024-02.xml', '/sitemaps/ru-2024-02-2.xml', '/sitemaps/ru-2024-02-3.xml']);
      const parts = [];
      for (const p of ['', '-2', '-3']) parts.push((await urlset(`/sitemaps/ru-2024-02${p}.xml`, app)).entries.map((e) => e.loc));
      expect(parts.map((p) => p.length)).toEqual([3, 3, 1]);
      expect(parts.flat()).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => article('ru', slugs[`feb${i}`]!.ru!)));
      expect((await inject('/sitemaps/ru-2024-02-4.xml', {}, app)).statusCode).toBe(404);
      // Home and feed come first, then the sections: two parts once there is a second section.
      const sport = await admin.req('POST', '/sections', { slug: 'sport', color: '#1D894E', names: { ru: 'Спорт', en: 'Sport' } });
      await story('sport', [{ locale: 'ru', headline: 'Спортивная новость февраля', at: tashkent('2024-02-20T12:00:00') }], { sectionId: sport.json.id });
      const idx2 = await index(app);
      expect([...idx2.keys()].filter((k) => k.startsWith('/sitemaps/ru-sections'))).toEqual(['/sitemaps/ru-sections.xml', '/sitemaps/ru-sections-2.xml']);
      expect((await urlset('/sitemaps/ru-sections.xml', app)).entries.map((e) => e.loc)).toEqual([`${SITE}/ru/`, `${SITE}/ru/news`, `${SITE}/ru/section/politics`]);
      expect((await urlset('/sitemaps/ru-sections-2.xml', app)).entries.map((e) => e.loc)).toEqual([`${SITE}/ru/section/sport`]);
      expect([...idx2.keys()].filter((k) => k.startsWith('/sitemaps/ru-2024-02'))).toHaveLength(3); // 8 stories: still 3 parts
    } finally {
      await app.close();
    }
  });

  it('answers 404, never 500, to names that are not sitemaps', async () => {
    for (const url of [
      '/sitemaps/ru-2025-13.xml', '/sitemaps/ru-2025-00.xml', '/sitemaps/xx-2025-03.xml', '/sitemaps/ru-2025-03-0.xml', '/sitemaps/ru-2025-03-1.xml',
      '/sitemaps/ru-2025-03-2.xml', '/sitemaps/ru-2030-01.xml', '/sitemaps/ru-1969-12.xml', '/sitemaps/ru-2024-05.xml', '/sitemaps/ru-news-2.xml',
      '/sitemaps/ru-tags-2.xml', '/sitemaps/RU-2025-03.xml', '/sitemaps/ru-2025-3.xml', '/sitemaps/ru-2025-03.xml.gz', '/sitemaps/uz-2025-04.xml',
      '/sitemaps/ru-2025-03-999999999999.xml', '/sitemaps/' + 'a'.repeat(250) + '.xml',
    ]) {
      expect((await inject(url)).statusCode, url).toBe(404);
    }
  });

  it('a crawl from robots.txt reaches every file and every page listed: 200, canonical equal to loc, the same hreflang set as the page', async () => {
    const sitemapUrl = /^Sitemap: (.+)$/m.exec((await inject('/robots.txt')).body)![1]!;
    const idx = await index();
    expect(sitemapUrl).toBe(`${SITE}/sitemap.xml`);
    let pages = 0;
    for (const file of idx.keys()) {
      const { entries } = await urlset(file);
      expect(entries.length).toBeGreaterThan(0);
      for (const e of entries) {
        const res = await inject(e.loc.slice(SITE.length));
        expect(res.statusCode, e.loc).toBe(200);
        pages++;
        if (!e.loc.includes('/news/')) continue;
        expect(res.body).toContain(`<link rel="canonical" href="${e.loc}"/>`);
        if (!/-\d{4}-\d{2}(-\d+)?\.xml$/.test(file)) continue; // hreflang sets are in the month files
        const pageLinks: Record<string, string> = {};
        for (const tag of res.body.match(/<link [^>]*>/g) ?? []) {
          const lang = /hreflang="([^"]+)"/i.exec(tag)?.[1];
          if (/rel="alternate"/.test(tag) && lang) pageLinks[lang] = /href="([^"]+)"/.exec(tag)![1]!;
        }
        expect(pageLinks, e.loc).toEqual(links(e));
      }
    }
    expect(pages).toBeGreaterThan(20);
  });

  it('follows the enabled languages: a disabled one has no files and no hreflang', async () => {
    await s.c.settings.save({ enabledLocales: ['ru', 'uz', 'uz-Cyrl'] });
    try {
      const idx = await index();
      expect([...idx.keys()].some((k) => k.startsWith('/sitemaps/en-'))).toBe(false);
      expect((await inject('/sitemaps/en-2025-03.xml')).statusCode).toBe(404);
      const ru = await urlset('/sitemaps/ru-2025-03.xml');
      expect(Object.keys(links(ru.byLoc.get(article('ru', slugs.four!.ru!))))).toEqual(['ru', 'uz-Latn', 'uz-Cyrl', 'x-default']);
    } finally {
      await s.c.settings.save({ enabledLocales: ['ru', 'uz', 'uz-Cyrl', 'en'] });
    }
  });
});
