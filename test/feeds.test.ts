/**
 * Feeds as their readers take them, on SQLite and PostgreSQL: RSS 2.0, Atom 1.0 and the Yandex
 * full-text RSS parsed back with an XML parser (namespaces checked), JSON Feed 1.1 checked against
 * its schema; every locale (both Uzbek scripts), section, tag and author; limits; conditional
 * GETs; and a story's life — published, edited, corrected, unpublished — visible in every format
 * on the very next request.
 */
import fs from 'node:fs';
import { Ajv } from 'ajv';
import formats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attr, htmlToText, rfc822InZone, xmlSafe, ZonedDate } from '../src/distribution/feeds/feed-text.js';
import { multipart } from './helpers/client.js';
import { doc, draft, makeNewsroom, saveBody, type Newsroom } from './helpers/editorial.js';
import { BROWSER_UA, DIALECTS } from './helpers/site.js';

const T0 = Date.parse('2026-03-02T09:00:00Z'); // 14:00 in Tashkent, a Monday
const SITE = 'https://news.example.test';
const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
  yandex: 'http://news.yandex.ru',
};
// Elements that may repeat are always arrays; <link> only in Atom (RSS has one, as text).
const ARRAYS = new Set(['item', 'entry', 'category', 'dc:creator', 'author', 'atom:link']);
const parser = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false, trimValues: true,
  isArray: (name, jpath) => ARRAYS.has(name) || (name === 'link' && String(jpath).startsWith('feed')),
});
const ajv = new Ajv({ allErrors: true }); // strict: a format the schema names but ajv does not know fails the compile
// ajv-formats is CommonJS: under NodeNext its default export is the module object.
const addFormats = (formats as unknown as { default: typeof formats }).default ?? formats;
(addFormats as unknown as (a: Ajv) => void)(ajv);
const validateJsonFeed = ajv.compile(JSON.parse(fs.readFileSync(new URL('./schemas/jsonfeed-1.1.schema.json', import.meta.url), 'utf8')));

function xml(body: string): any {
  expect(XMLValidator.validate(body)).toBe(true); // well-formed before anything else
  return parser.parse(body);
}

describe('feed text rules', () => {
  it('writes RFC 822 dates with the zone offset, west of Greenwich and across daylight saving too', () => {
    expect(rfc822InZone(T0, 'Asia/Tashkent')).toBe('Mon, 02 Mar 2026 14:00:00 +0500');
    expect(rfc822InZone(T0, 'America/New_York')).toBe('Mon, 02 Mar 2026 04:00:00 -0500');
    expect(rfc822InZone(Date.parse('2026-07-01T12:00:00Z'), 'America/New_York')).toBe('Wed, 01 Jul 2026 08:00:00 -0400');
    expect(rfc822InZone(T0, 'Asia/Kolkata')).toBe('Mon, 02 Mar 2026 14:30:00 +0530');
    expect(new ZonedDate(T0, 'Asia/Tashkent').toISOString()).toBe('2026-03-02T14:00:00+05:00');
  });
  it('turns body HTML into plain text, one paragraph a line, entities decoded', () => {
    expect(htmlToText('<p>Один &amp; два &lt;три&gt; &#171;x&#187;</p>\n<p>Второй<br>перенос</p><ul><li>a</li><li>b</li></ul>')).toBe('Один & два <три> «x»\nВторой\nперенос\na\nb');
  });
  it('keeps only what XML can carry, and escapes attribute values once', () => {
    expect(xmlSafe('a\u0001b\u0008c\td\ne\uFFFFf\uD800g')).toBe('abc\td\nefg');
    expect(attr('Tom & <Jerry> "x"')).toBe('Tom &amp; &lt;Jerry> "x"');
  });
});

describe.each(DIALECTS)('feeds on %s', (dialect) => {
  let n: Newsroom;
  let tag: { id: number; slug: string };
  let author: { id: number; slug: string };
  let mediaId: number;
  let ru: any;
  let uz: any;
  let cyrl: any;
  let en: any;

  // Each request from its own address: the feeds' rate limit (60 renders a minute) has its own test.
  let ip = 0;
  const get = (url: string, headers: Record<string, string> = {}, remoteAddress = `198.18.${(++ip >> 8) & 255}.${ip & 255}`) =>
    n.s.app.inject({ method: 'GET', url, headers: { 'user-agent': BROWSER_UA, ...headers }, remoteAddress });
  const publish = async (e: any) => {
    const r = await n.editor.req('POST', `/editions/${e.id}/transition`, { to: 'published', from: e.status });
    expect(r.status, r.body).toBe(200);
    return r.json;
  };
  const rssItems = async (url: string) => (xml((await get(url)).body).rss.channel.item ?? []) as any[];
  const atomEntries = async (url: string) => (xml((await get(url)).body).feed.entry ?? []) as any[];
  const jsonItems = async (url: string) => JSON.parse((await get(url)).body).items as any[];
  /** The stable id each format gives the edition (RSS guid, Atom id, JSON Feed id). */
  const guidOf = (e: any) => new RegExp(`^tag:news\\.example\\.test,\\d{4}:edition/${e.id}$`);

  beforeAll(async () => {
    n = await makeNewsroom(dialect, T0);
    await n.s.c.settings.save({ timeZone: 'Asia/Tashkent' });
    n.s.c.purgeAll();
    const t = await n.admin.req('POST', '/tags', { name: 'Ташкент & область', locale: 'ru' });
    expect(t.status, t.body).toBe(201);
    tag = t.json;
    const a = await n.admin.req('POST', '/authors', { slug: 'ivan-petrov', names: { ru: 'Иван Петров', uz: 'Ivan Petrov', 'uz-Cyrl': 'Иван Петров', en: 'Ivan Petrov' } });
    expect(a.status, a.body).toBe(201);
    author = a.json;
    const jpeg = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#336699' } }).jpeg().toBuffer();
    const m = multipart({ name: 'bridge.jpg', type: 'image/jpeg', data: jpeg }, { locale: 'ru', alt: 'Новый мост', caption: 'Мост' });
    const up = await n.admin.req('POST', '/media', m.body, m.headers);
    expect(up.status, up.body).toBe(201);
    mediaId = up.json.id;

    const d = await draft(n.editor, 'ru', 'Мост через Чирчик открыт', n.sectionId, ['Первый абзац о мосте.', 'Второй абзац.']);
    const linked = { type: 'doc', content: [...doc('Первый абзац о мосте.').content, { type: 'paragraph', content: [{ type: 'text', text: 'Подробнее', marks: [{ type: 'link', attrs: { href: '/ru/news/drugoe' } }] }] }] };
    const saved = await n.editor.req('PUT', `/editions/${d.id}`, saveBody(d, { lead: 'Лид о мосте.', body: linked, heroMediaId: mediaId, tagIds: [tag.id], authorIds: [author.id] }));
    expect(saved.status, saved.body).toBe(200);
    ru = await publish(saved.json);
    n.s.tick(60_000);
    uz = await publish(await draft(n.editor, 'uz', 'Toshkentda yangi bogʻ ochildi', n.otherSectionId, ['Bogʻ haqida.']));
    const derived = await n.editor.req('POST', `/editions/${uz.id}/derive`);
    expect(derived.status, derived.body).toBe(201);
    cyrl = await publish(derived.json);
    n.s.tick(60_000);
    en = await publish(await draft(n.editor, 'en', 'Bridge opens over the Chirchiq', n.sectionId, ['About the bridge.']));
    n.s.tick(60_000);
  });
  afterAll(async () => {
    await n?.s.close();
  });

  it('RSS 2.0: channel and item with content, dc, media and atom namespaces, dates with the site offset', async () => {
    const res = await get('/ru/rss.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const { rss } = xml(res.body);
    expect(rss['@_version']).toBe('2.0');
    for (const p of ['content', 'dc', 'media', 'atom'] as const) expect(rss[`@_xmlns:${p}`]).toBe(NS[p]);
    const ch = rss.channel;
    expect(ch.title).toBe('Xabar');
    expect(ch.link).toBe(`${SITE}/ru/`);
    expect(ch.description).toContain('Xabar');
    expect(ch.language).toBe('ru');
    expect(ch.lastBuildDate).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0500$/);
    expect(ch['atom:link']).toContainEqual(expect.objectContaining({ '@_rel': 'self', '@_href': `${SITE}/ru/rss.xml`, '@_type': 'application/rss+xml' }));
    expect(ch['atom:link'].some((l: any) => l['@_rel'] === 'hub')).toBe(false); // no hub configured
    expect(ch.image.url).toMatch(/^https:\/\/news\.example\.test\/assets\/feed-logo\.[0-9a-f]+\.png$/);
    expect((await get(new URL(ch.image.url).pathname)).headers['content-type']).toBe('image/png');

    expect(ch.item).toHaveLength(1); // ru only
    const item = ch.item[0];
    const [story] = await n.s.c.publicStories.byEditionIds([ru.id]);
    expect(item.title).toBe('Мост через Чирчик открыт');
    expect(item.link).toBe(`${SITE}/ru/news/${ru.slug}`);
    expect(item.guid['@_isPermaLink']).toBe('false');
    expect(item.guid['#text']).toMatch(guidOf(ru));
    expect(item.description).toBe('Лид о мосте.');
    expect(item['content:encoded']).toContain('Первый абзац о мосте.');
    expect(item['content:encoded']).toContain(`href="${SITE}/ru/news/drugoe"`);
    expect(item.pubDate).toBe('Mon, 02 Mar 2026 14:00:00 +0500');
    expect(item['atom:updated']).toMatch(/^2026-03-02T14:00:00\+05:00$/);
    expect(item['dc:creator']).toEqual(['Иван Петров']);
    expect(item.author).toBeUndefined(); // RSS's <author> is an e-mail address
    expect(item.category.map((c: any) => c['#text'])).toEqual(['Политика', 'Ташкент & область']);
    expect(item.category[0]['@_domain']).toBe(`${SITE}/ru/section/politics`);
    const main = story!.image!.main;
    expect(main.type).toBe('image/jpeg');
    expect(item.enclosure).toMatchObject({ '@_url': main.url, '@_type': 'image/jpeg', '@_length': String(main.bytes) });
    expect(Number(item.enclosure['@_length'])).toBeGreaterThan(0);
    expect(item['media:content']).toMatchObject({ '@_url': main.url, '@_medium': 'image', '@_width': String(main.width), '@_height': String(main.height), '@_type': 'image/jpeg' });
  });

  it('Atom 1.0: feed and entry with the same stable id, html content, authors, categories and offset dates', async () => {
    const res = await get('/ru/atom.xml');
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const { feed } = xml(res.body);
    expect(feed['@_xmlns']).toBe(NS.atom);
    expect(feed['@_xml:lang']).toBe('ru');
    expect(feed.link).toContainEqual(expect.objectContaining({ '@_rel': 'self', '@_href': `${SITE}/ru/atom.xml` }));
    expect(feed.link).toContainEqual(expect.objectContaining({ '@_rel': 'alternate', '@_href': `${SITE}/ru/` }));
    expect(feed.updated).toMatch(/\+05:00$/);
    expect(feed.author[0].name).toBe('Xabar');
    expect(feed.logo).toMatch(/\.png$/);
    const [e] = feed.entry;
    expect(e.id).toMatch(guidOf(ru));
    expect(e.title['#text']).toBe('Мост через Чирчик открыт');
    expect(e.published).toBe('2026-03-02T14:00:00+05:00');
    expect(e.updated).toBe('2026-03-02T14:00:00+05:00');
    expect(e.content['@_type']).toBe('html');
    expect(e.content['#text']).toContain('Первый абзац о мосте.');
    expect(e.summary['#text']).toBe('Лид о мосте.');
    expect(e.author).toEqual([{ name: 'Иван Петров', uri: `${SITE}/ru/author/ivan-petrov` }]);
    expect(e.category.map((c: any) => c['@_term'])).toEqual(['Политика', 'Ташкент & область']);
    expect(e.link).toContainEqual(expect.objectContaining({ '@_href': `${SITE}/ru/news/${ru.slug}` }));
    expect(e.link).toContainEqual(expect.objectContaining({ '@_rel': 'enclosure', '@_type': 'image/jpeg' }));
  });

  it('JSON Feed 1.1: valid against the schema, with content_html, authors, image and offset dates', async () => {
    const res = await get('/ru/feed.json');
    expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    const f = JSON.parse(res.body);
    expect(validateJsonFeed(f), JSON.stringify(validateJsonFeed.errors)).toBe(true);
    expect(f).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', title: 'Xabar', home_page_url: `${SITE}/ru/`, feed_url: `${SITE}/ru/feed.json`, language: 'ru' });
    expect(f.hubs).toBeUndefined();
    // The schema is no rubber stamp: a UTC-less date, a missing id or the 1.0 version fail it.
    expect(validateJsonFeed({ ...f, items: [{ ...f.items[0], date_published: '02 Mar 2026' }] })).toBe(false);
    expect(validateJsonFeed({ ...f, items: [{ ...f.items[0], id: undefined }] })).toBe(false);
    expect(validateJsonFeed({ ...f, version: 'https://jsonfeed.org/version/1' })).toBe(false);
    const [item] = f.items;
    expect(item.id).toMatch(guidOf(ru));
    expect(item).toMatchObject({ url: `${SITE}/ru/news/${ru.slug}`, title: 'Мост через Чирчик открыт', summary: 'Лид о мосте.', date_published: '2026-03-02T14:00:00+05:00', language: 'ru' });
    expect(item.content_html).toContain('Первый абзац о мосте.');
    expect(item.authors).toEqual([{ name: 'Иван Петров', url: `${SITE}/ru/author/ivan-petrov` }]);
    expect(item.tags).toEqual(['Политика', 'Ташкент & область']);
    expect(item.image).toMatch(/^https:\/\/news\.example\.test\/media\/.+\.jpg$/);
    expect(item.attachments[0]).toMatchObject({ mime_type: 'image/jpeg' });
  });

  it('serves every locale, both Uzbek scripts included, each with its own stories and language', async () => {
    const cases = [
      ['ru', 'ru', ru],
      ['uz', 'uz-Latn', uz],
      ['uz-cyrl', 'uz-Cyrl', cyrl],
      ['en', 'en', en],
    ] as const;
    for (const [prefix, lang, e] of cases) {
      const r = xml((await get(`/${prefix}/rss.xml`)).body).rss.channel;
      expect(r.language).toBe(lang);
      expect(r.item.map((i: any) => i.title)).toEqual([e.headline]);
      const a = xml((await get(`/${prefix}/atom.xml`)).body).feed;
      expect(a['@_xml:lang']).toBe(lang);
      expect(a.entry.map((x: any) => x.id)).toEqual([r.item[0].guid['#text']]);
      const j = JSON.parse((await get(`/${prefix}/feed.json`)).body);
      expect(validateJsonFeed(j)).toBe(true);
      expect([j.language, j.items[0].language, j.items[0].title]).toEqual([lang, lang, e.headline]);
    }
    expect(cyrl.headline).toMatch(/[А-Яа-яЎўҚқҒғҲҳ]/); // the Cyrillic edition, transliterated
    expect((await get('/fr/rss.xml')).statusCode).toBe(404);
  });

  it('has a feed per section, tag and author; an unknown one is 404, a disabled locale too', async () => {
    for (const [path, want] of [
      ['/ru/section/politics', [ru]],
      ['/en/section/politics', [en]],
      ['/uz/section/sport', [uz]],
      [`/ru/tag/${tag.slug}`, [ru]],
      [`/ru/author/${author.slug}`, [ru]],
      [`/en/author/${author.slug}`, []],
    ] as const) {
      const rss = xml((await get(`${path}/rss.xml`)).body).rss.channel;
      expect(rss['atom:link'][0]['@_href']).toBe(`${SITE}${path}/rss.xml`);
      expect(rss.link).toBe(`${SITE}${path}`);
      expect((rss.item ?? []).map((i: any) => i.link)).toEqual(want.map((e) => `${SITE}${path.slice(0, 3)}/news/${e.slug}`));
      expect((await atomEntries(`${path}/atom.xml`)).length).toBe(want.length);
      expect((await jsonItems(`${path}/feed.json`)).length).toBe(want.length);
    }
    expect(xml((await get('/ru/section/politics/rss.xml')).body).rss.channel.title).toBe('Xabar — Политика');
    for (const url of ['/ru/section/nope/rss.xml', '/ru/tag/nope/atom.xml', '/ru/author/nope/feed.json', '/ru/section/Bad_Slug/rss.xml']) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(404);
      expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
    }
    // A tag merged into another keeps its feed addresses as redirects.
    const old = await n.admin.req('POST', '/tags', { name: 'Старый тег', locale: 'ru' });
    expect((await n.admin.req('POST', `/tags/${old.json.id}/merge`, { into: tag.id })).status).toBe(200);
    const moved = await get(`/ru/tag/${old.json.slug}/atom.xml?limit=5`);
    expect([moved.statusCode, moved.headers.location]).toEqual([301, `/ru/tag/${tag.slug}/atom.xml?limit=5`]);
    await n.s.c.settings.save({ enabledLocales: ['ru', 'uz', 'uz-Cyrl'] });
    n.s.c.purgeAll();
    try {
      expect((await get('/en/rss.xml')).statusCode).toBe(404);
      expect((await get('/en/section/politics/feed.json')).statusCode).toBe(404);
    } finally {
      await n.s.c.settings.save({ enabledLocales: ['ru', 'uz', 'uz-Cyrl', 'en'] });
      n.s.c.purgeAll();
    }
    expect((await get('/en/rss.xml')).statusCode).toBe(200);
  });

  it('takes ?limit from 1 to 100 and answers anything else with a plain-text 400; other parameters are ignored', async () => {
    const extra = await publish(await draft(n.editor, 'ru', 'Вторая новость дня', n.sectionId, ['Текст.']));
    n.s.tick(60_000);
    expect((await rssItems('/ru/rss.xml')).map((i) => i.title)).toEqual(['Вторая новость дня', 'Мост через Чирчик открыт']); // newest first
    expect((await rssItems('/ru/rss.xml?limit=1')).map((i) => i.title)).toEqual(['Вторая новость дня']);
    expect((await atomEntries('/ru/atom.xml?limit=1')).length).toBe(1);
    expect((await jsonItems('/ru/feed.json?limit=100')).length).toBe(2);
    for (const q of ['limit=0', 'limit=101', 'limit=abc', 'limit=1.5', 'limit=', 'limit=-1', 'limit=1&limit=2', 'limit=0100']) {
      for (const f of ['rss.xml', 'atom.xml', 'feed.json']) {
        const r = await get(`/ru/${f}?${q}`);
        expect(r.statusCode, `${f}?${q}`).toBe(400);
        expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
        expect(r.body).toContain('limit');
      }
    }
    expect((await get('/uz/rss.xml?limit=500')).body).toContain('limit parametri 1 dan 100 gacha');
    const plain = await get('/ru/rss.xml');
    const tracked = await get('/ru/rss.xml?utm_source=telegram');
    expect(tracked.statusCode).toBe(200);
    expect(tracked.headers.etag).toBe(plain.headers.etag);
    await n.editor.req('POST', `/editions/${extra.id}/transition`, { to: 'unpublished', from: 'published', reason: 'test' });
  });

  it('answers 304 to a matching If-None-Match or If-Modified-Since, and 200 once the feed changed', async () => {
    for (const f of ['rss.xml', 'atom.xml', 'feed.json']) {
      const first = await get(`/ru/${f}`, { 'accept-encoding': 'gzip' });
      expect(first.statusCode).toBe(200);
      expect(first.headers['content-encoding']).toBe('gzip');
      const etag = String(first.headers.etag);
      const lastModified = String(first.headers['last-modified']);
      expect(etag).toMatch(/^W\/".+-gz"$/);
      expect(Date.parse(lastModified)).toBeGreaterThan(0);
      expect((await get(`/ru/${f}`, { 'accept-encoding': 'gzip', 'if-none-match': etag })).statusCode).toBe(304);
      expect((await get(`/ru/${f}`, { 'accept-encoding': 'gzip', 'if-modified-since': lastModified })).statusCode).toBe(304);
      expect((await get(`/ru/${f}`, { 'accept-encoding': 'gzip', 'if-modified-since': new Date(Date.parse(lastModified) - 1000).toUTCString() })).statusCode).toBe(200);
    }
    const before = await get('/ru/rss.xml');
    n.s.tick(2000);
    const e = await publish(await draft(n.editor, 'ru', 'Срочная новость', n.sectionId, ['Текст.']));
    const after = await get('/ru/rss.xml', { 'if-none-match': String(before.headers.etag) });
    expect(after.statusCode).toBe(200);
    const sinceAfter = await get('/ru/atom.xml', { 'if-modified-since': String(before.headers['last-modified']) });
    expect(sinceAfter.statusCode).toBe(200);
    await n.editor.req('POST', `/editions/${e.id}/transition`, { to: 'unpublished', from: 'published', reason: 'test' });
  });

  it('shows a story published, edited, corrected and unpublished in every format on the very next request', async () => {
    const rssOf = async (e: any) => (await rssItems('/ru/rss.xml')).find((i) => guidOf(e).test(i.guid['#text']));
    const atomOf = async (e: any) => (await atomEntries('/ru/atom.xml')).find((x) => guidOf(e).test(x.id));
    const jsonOf = async (e: any) => (await jsonItems('/ru/feed.json')).find((x) => guidOf(e).test(x.id));
    const warm = () => Promise.all([get('/ru/rss.xml'), get('/ru/atom.xml'), get('/ru/feed.json')]); // cached before each change

    await warm();
    const d = await draft(n.editor, 'ru', 'Новость: «мост» & <дорога>', n.sectionId, ['Исходный текст.']);
    n.s.tick(1000);
    let cur = await publish(d);
    const published = await rssOf(cur);
    expect(published.title).toBe('Новость: «мост» & <дорога>');
    expect((await atomOf(cur)).title['#text']).toBe('Новость: «мост» &amp; &lt;дорога&gt;'); // type="html": escaped once as HTML
    expect((await jsonOf(cur)).title).toBe('Новость: «мост» & <дорога>');

    await warm();
    n.s.tick(5 * 60_000);
    const edited = await n.editor.req('PUT', `/editions/${cur.id}`, saveBody(cur, { headline: 'Мост открыт досрочно', slug: 'most-otkryt-dosrochno' }));
    expect(edited.status, edited.body).toBe(200);
    cur = edited.json;
    const r = await rssOf(cur);
    expect([r.title, r.link]).toEqual(['Мост открыт досрочно', `${SITE}/ru/news/most-otkryt-dosrochno`]);
    expect(r.guid['#text']).toBe(published.guid['#text']); // the same item for readers, not a new one
    expect(r.pubDate).toBe(published.pubDate);
    expect(Date.parse(r['atom:updated'])).toBeGreaterThan(Date.parse(published['atom:updated']));
    const a = await atomOf(cur);
    expect(a.title['#text']).toBe('Мост открыт досрочно');
    expect(Date.parse(a.updated)).toBeGreaterThan(Date.parse(a.published));
    const j = await jsonOf(cur);
    expect(j.title).toBe('Мост открыт досрочно');
    expect(Date.parse(j.date_modified)).toBeGreaterThan(Date.parse(j.date_published));

    await warm();
    n.s.tick(60_000);
    expect((await n.editor.req('POST', `/editions/${cur.id}/notes`, { kind: 'correction', text: 'Мост длиной 2 км, а не 3.' })).status).toBe(200);
    expect((await rssOf(cur))['content:encoded']).toMatch(/Исправление.*Мост длиной 2 км, а не 3\./s);
    expect((await atomOf(cur)).content['#text']).toContain('Мост длиной 2 км, а не 3.');
    expect((await jsonOf(cur)).content_html).toContain('Мост длиной 2 км, а не 3.');

    await warm();
    expect((await n.editor.req('POST', `/editions/${cur.id}/transition`, { to: 'unpublished', from: 'published', reason: 'Юристы' })).status).toBe(200);
    expect(await rssOf(cur)).toBeUndefined();
    expect(await atomOf(cur)).toBeUndefined();
    expect(await jsonOf(cur)).toBeUndefined();
  });

  it('serves the Russian full-text feed in Yandex News form, and only for Russian', async () => {
    const long = Array.from({ length: 12 }, (_, i) => `Абзац ${i + 1}: ${'слово '.repeat(40).trim()}.`);
    const article = await publish(await draft(n.editor, 'ru', 'Большой обзор реформы', n.sectionId, long));
    n.s.tick(60_000);
    const res = await get('/ru/yandex.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const { rss } = xml(res.body);
    expect(rss['@_xmlns:yandex']).toBe(NS.yandex);
    const items = rss.channel.item as any[];
    const bridge = items.find((i) => i.title === 'Мост через Чирчик открыт');
    expect(bridge['yandex:genre']).toBe('message');
    expect(bridge['yandex:full-text']).toContain('Первый абзац о мосте.');
    expect(bridge['yandex:full-text']).not.toMatch(/<|&[a-z]+;/); // plain text, entities decoded
    // No dateline (the source and the date) inside the text, though the body HTML of the other feeds has it.
    expect(xml((await get('/ru/rss.xml')).body).rss.channel.item.find((i: any) => i.title === bridge.title)['content:encoded']).toContain('<span class="dateline">TOSHKENT, 2 марта.</span>');
    expect(bridge['yandex:full-text']).not.toContain('TOSHKENT');
    expect(bridge['yandex:full-text'].startsWith('Первый абзац о мосте.')).toBe(true);
    expect(bridge.pubDate).toBe('Mon, 02 Mar 2026 14:00:00 +0500');
    expect(bridge.enclosure['@_type']).toBe('image/jpeg');
    expect(bridge.author).toEqual(['Иван Петров']);
    expect(bridge.category).toEqual(['Политика']);
    expect(items.find((i) => i.title === 'Большой обзор реформы')['yandex:genre']).toBe('article');
    for (const l of ['en', 'uz', 'uz-cyrl']) expect((await get(`/${l}/yandex.xml`)).statusCode).toBe(404);
    await n.editor.req('POST', `/editions/${article.id}/transition`, { to: 'unpublished', from: 'published', reason: 'test' });
  });

  it('names the feeds in every page head: the locale’s everywhere, the section’s, tag’s and author’s on theirs', async () => {
    const links = (html: string) => [...html.matchAll(/<link rel="alternate" type="([^"]+)" title="[^"]*" href="([^"]+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`);
    const locale = [`application/rss+xml ${SITE}/ru/rss.xml`, `application/atom+xml ${SITE}/ru/atom.xml`, `application/feed+json ${SITE}/ru/feed.json`];
    for (const page of ['/ru/', `/ru/news/${ru.slug}`, '/ru/news']) {
      const res = await get(page);
      expect(res.statusCode, page).toBe(200);
      expect(links(res.body), page).toEqual(locale);
    }
    for (const page of ['/ru/section/politics', `/ru/tag/${tag.slug}`, `/ru/author/${author.slug}`]) {
      const res = await get(page);
      expect(res.statusCode, page).toBe(200);
      expect(links(res.body), page).toEqual([`application/rss+xml ${SITE}${page}/rss.xml`, `application/atom+xml ${SITE}${page}/atom.xml`, `application/feed+json ${SITE}${page}/feed.json`, ...locale]);
    }
    expect(links((await get('/uz-cyrl/')).body)).toContain(`application/rss+xml ${SITE}/uz-cyrl/rss.xml`);
  });

  it('limits renders per address, never cache hits', async () => {
    const addr = '192.0.2.77';
    for (let i = 0; i < 100; i++) expect((await get('/ru/rss.xml', {}, addr)).statusCode).toBe(200); // one render, then hits
    const codes: number[] = [];
    for (let limit = 1; limit <= 70; limit++) codes.push((await get(`/ru/atom.xml?limit=${limit}`, {}, addr)).statusCode);
    expect(codes.filter((c) => c === 200).length).toBeLessThanOrEqual(60);
    expect(codes.at(-1)).toBe(429);
    const limited = await get('/ru/feed.json?limit=99', {}, addr);
    expect([limited.statusCode, limited.headers['content-type']]).toEqual([429, 'text/plain; charset=utf-8']);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await get('/ru/rss.xml', {}, addr)).statusCode).toBe(200); // still served from the cache
  });

  it('declares a WebSub hub only when one is configured', async () => {
    // A second site with XABAR_WEBSUB_HUB would need the config key; the channel takes the hub as an option.
    const { FeedService } = await import('../src/distribution/feeds/feeds.service.js');
    const { FeedsRepository } = await import('../src/distribution/feeds/feeds.repository.js');
    const { rss, atom } = await import('../src/distribution/feeds/xml-feeds.js');
    const { jsonFeed } = await import('../src/distribution/feeds/json-feed.js');
    const c = n.s.c;
    const svc = new FeedService(new FeedsRepository(c.db.kysely), c.taxonomy, c.publicStories, c.settings, { siteUrl: SITE, logoPath: '/logo.png', iconPath: '/i.svg', hub: 'https://hub.example.test/', clock: c.clock });
    const ch = (await svc.channel('ru', null, 5))!;
    expect(xml(rss(ch)).rss.channel['atom:link']).toContainEqual({ '@_href': 'https://hub.example.test/', '@_rel': 'hub' });
    expect(xml(atom(ch)).feed.link).toContainEqual({ '@_rel': 'hub', '@_href': 'https://hub.example.test/' });
    expect(JSON.parse(jsonFeed(ch)).hubs).toEqual([{ type: 'WebSub', url: 'https://hub.example.test/' }]);
  });

  it('writes dates in the time zone set in the settings', async () => {
    await n.s.c.settings.save({ timeZone: 'UTC' });
    n.s.c.purgeAll();
    try {
      const item = (await rssItems('/en/rss.xml'))[0];
      expect(item.pubDate).toBe('Mon, 02 Mar 2026 09:02:00 +0000');
      expect((await atomEntries('/en/atom.xml'))[0].published).toBe('2026-03-02T09:02:00+00:00');
      expect((await jsonItems('/en/feed.json'))[0].date_published).toBe('2026-03-02T09:02:00+00:00');
    } finally {
      await n.s.c.settings.save({ timeZone: 'Asia/Tashkent' });
      n.s.c.purgeAll();
    }
    expect((await rssItems('/en/rss.xml'))[0].pubDate).toBe('Mon, 02 Mar 2026 14:02:00 +0500');
  });
});
