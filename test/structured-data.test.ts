/**
 * The <head> of public pages as machines read it, through the app on SQLite and PostgreSQL with
 * the demo content: Open Graph and Twitter tags, schema.org JSON-LD (NewsArticle per Google's
 * article guidance, BreadcrumbList, WebSite with its SearchAction, NewsMediaOrganization),
 * canonical and prev/next on paginated lists, noindex on search and error pages.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphsToDoc } from '../src/content/document.js';
import { seedDemo } from '../src/demo/seed.js';
import { BROWSER_UA, DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';

const NOW = Date.UTC(2026, 10, 20, 9, 0);
const SITE = 'https://news.example.test';
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}:\d{2}$/;

type Ld = Record<string, unknown> & { '@type': string };

const decode = (s: string) =>
  s.replace(/&(lt|gt|quot|#x27|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'", amp: '&' })[e]!);

/** What a crawler reads from a page's <head>: meta tags in order, link rels, JSON-LD blocks. */
function readHead(html: string) {
  const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
  expect(head.length).toBeGreaterThan(0);
  const attrs = (tag: string) => Object.fromEntries([...tag.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1]!, decode(m[2]!)]));
  const metas = [...head.matchAll(/<meta [^>]*>/g)].map((m) => attrs(m[0]));
  const meta = (key: string) => metas.filter((m) => m.property === key || m.name === key).map((m) => m.content!);
  const link = (rel: string) => [...head.matchAll(/<link [^>]*>/g)].map((m) => attrs(m[0])).find((a) => a.rel === rel)?.href;
  // An HTML parser ends a script element at the first `</script`: splitting there is what it does.
  const ld = [...head.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1];
  return {
    head,
    meta,
    one: (key: string) => {
      const values = meta(key);
      expect(values, key).toHaveLength(1);
      return values[0]!;
    },
    link,
    ldText: ld,
    ld: ld.map((t) => JSON.parse(t) as Ld),
    ldOf: (type: string) => {
      const found = ld.map((t) => JSON.parse(t) as Ld).filter((x) => x['@type'] === type);
      expect(found, type).toHaveLength(1);
      return found[0]!;
    },
    h1: h1 === undefined ? undefined : decode(h1),
    lang: /<html lang="([^"]+)"/.exec(html)?.[1],
  };
}

describe.each(DIALECTS)('head metadata on %s', (dialect) => {
  let s: TestSite;
  let refPath: string;
  /** A demo story with an author and all four editions: locale → path. */
  let multi: Record<string, string>;
  let authorPath: string;

  const get = (url: string) => s.app.inject({ method: 'GET', url, headers: { 'user-agent': BROWSER_UA } });
  const page = async (url: string, status = 200) => {
    const res = await get(url);
    expect(res.statusCode, url).toBe(status);
    return readHead(res.body);
  };
  /** Fetches one of our absolute URLs through the app and returns the image's pixel width. */
  const imageWidth = async (url: string) => {
    expect(url.startsWith(`${SITE}/media/`), url).toBe(true);
    const res = await get(url.slice(SITE.length));
    expect(res.statusCode, url).toBe(200);
    return (await sharp(res.rawPayload).metadata()).width!;
  };

  beforeAll(async () => {
    s = await makeTestSite(dialect, { now: NOW });
    refPath = (await seedDemo(s.c, { stories: 40, images: 3 })).referencePath!;
    const k = s.c.db.kysely;
    const row = await k
      .selectFrom('editions')
      .innerJoin('story_authors', 'story_authors.story_id', 'editions.story_id')
      .innerJoin('authors', 'authors.id', 'story_authors.author_id')
      .select(['editions.story_id', 'authors.slug'])
      .where('editions.locale', '=', 'uz-Cyrl')
      .orderBy('editions.story_id')
      .executeTakeFirstOrThrow();
    const editions = await k.selectFrom('editions').select(['locale', 'slug']).where('story_id', '=', row.story_id).execute();
    const prefix: Record<string, string> = { ru: 'ru', uz: 'uz', 'uz-Cyrl': 'uz-cyrl', en: 'en' };
    multi = Object.fromEntries(editions.map((e) => [e.locale, `/${prefix[e.locale]}/news/${e.slug}`]));
    expect(Object.keys(multi).sort()).toEqual(['en', 'ru', 'uz', 'uz-Cyrl']);
    authorPath = `/ru/author/${row.slug}`;
  });
  afterAll(async () => {
    await s?.close();
  });

  it('describes the reference story with Open Graph, article and Twitter card tags', async () => {
    const h = await page(refPath);
    expect(h.one('og:type')).toBe('article');
    expect(h.one('og:url')).toBe(SITE + refPath);
    expect(h.link('canonical')).toBe(SITE + refPath);
    expect(h.one('og:title')).toBe(h.h1);
    expect(h.one('og:locale')).toBe('ru_RU');
    expect(h.meta('og:locale:alternate')).toEqual([]); // the reference story is in Russian only
    const image = h.one('og:image');
    expect(image).toMatch(/^https:\/\/news\.example\.test\/media\/.+\.jpg$/);
    const width = Number(h.one('og:image:width'));
    expect(width).toBeGreaterThanOrEqual(1200);
    expect(await imageWidth(image)).toBe(width);
    expect(Number(h.one('og:image:height'))).toBe(Math.round((width * 9) / 16)); // the demo hero is 16:9
    expect(h.one('og:image:alt')).toBe('Здание Отделения ООН в Женеве, иллюстрация');
    expect(h.one('article:published_time')).toBe('2025-04-24T14:26:00+05:00');
    const modified = h.one('article:modified_time');
    expect(modified).toMatch(ISO_WITH_OFFSET);
    expect(Date.parse(modified)).toBeGreaterThanOrEqual(Date.parse('2025-04-24T14:26:00+05:00'));
    expect(h.one('article:section')).toBe('В мире');
    expect(h.meta('article:tag')).toEqual(['Миграция', 'ООН', 'Центральная Азия']);
    expect(h.one('twitter:card')).toBe('summary_large_image');
    expect(h.one('twitter:title')).toBe(h.one('og:title'));
    expect(h.one('twitter:description')).toBe(h.one('og:description'));
    expect(h.one('twitter:image')).toBe(image);
  });

  it('gives the reference story a NewsArticle with every property Google asks for, headline uncut', async () => {
    const h = await page(refPath);
    const a = h.ldOf('NewsArticle');
    expect(a['@context']).toBe('https://schema.org');
    expect(h.h1!.length).toBeGreaterThan(110); // the old cut would show here
    expect(a.headline).toBe(h.h1);
    expect(a.description).toBe(h.one('description'));
    expect(a.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': SITE + refPath });
    expect(a.inLanguage).toBe('ru');
    expect(a.isAccessibleForFree).toBe(true);
    expect(a.datePublished).toBe('2025-04-24T14:26:00+05:00');
    expect(a.dateModified).toBe(h.one('article:modified_time'));
    expect(a.articleSection).toBe('В мире');
    expect(a.keywords).toEqual(['Миграция', 'ООН', 'Центральная Азия']);
    const images = a.image as string[];
    expect(images.length).toBeGreaterThanOrEqual(1);
    for (const url of images) expect(await imageWidth(url), url).toBeGreaterThanOrEqual(1200);
    expect(Math.max(...(await Promise.all(images.map(imageWidth))))).toBe(1600); // the demo hero's widest variant
    // No author is named on the reference story: the agency is its author.
    expect(a.author).toEqual([expect.objectContaining({ '@type': 'NewsMediaOrganization', name: 'Xabar', url: `${SITE}/ru/` })]);
    const publisher = a.publisher as { '@type': string; name: string; logo: { '@type': string; url: string; width: number; height: number } };
    expect(publisher['@type']).toBe('NewsMediaOrganization');
    expect(publisher.name).toBe('Xabar');
    expect(publisher.logo).toMatchObject({ '@type': 'ImageObject', width: 184, height: 44 });
    expect(publisher.logo.url).toMatch(/^https:\/\/news\.example\.test\/assets\/logo\.[0-9a-f]+\.svg$/);
    expect((await get(publisher.logo.url.slice(SITE.length))).statusCode).toBe(200);
  });

  it('gives the story a breadcrumb trail: home, its section, the story', async () => {
    const h = await page(refPath);
    expect(h.ldOf('BreadcrumbList').itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Главная', item: `${SITE}/ru/` },
      { '@type': 'ListItem', position: 2, name: 'В мире', item: `${SITE}/ru/section/world` },
      { '@type': 'ListItem', position: 3, name: h.h1, item: SITE + refPath },
    ]);
  });

  it('names a story’s author as a Person with the author page, and its other editions by locale', async () => {
    const h = await page(multi.ru!);
    const a = h.ldOf('NewsArticle');
    const authors = a.author as { '@type': string; name: string; url: string }[];
    expect(authors.length).toBeGreaterThanOrEqual(1);
    expect(authors[0]).toMatchObject({ '@type': 'Person', url: SITE + authorPath });
    expect(authors[0]!.name.length).toBeGreaterThan(0);
    expect((await get(authorPath)).body).toContain(`<h1>Материалы автора: ${authors[0]!.name}</h1>`);
    expect(h.meta('article:author')).toContain(SITE + authorPath);
    expect(h.one('og:locale')).toBe('ru_RU');
    expect(h.meta('og:locale:alternate')).toEqual(['uz_UZ', 'en_US']);
  });

  it('tells the Uzbek scripts apart in inLanguage; Open Graph has one Uzbek locale for both', async () => {
    const cyrl = await page(multi['uz-Cyrl']!);
    expect(cyrl.lang).toBe('uz-Cyrl');
    expect(cyrl.ldOf('NewsArticle').inLanguage).toBe('uz-Cyrl');
    expect(cyrl.ldOf('NewsArticle').headline).toBe(cyrl.h1);
    expect(cyrl.one('og:locale')).toBe('uz_UZ');
    expect(cyrl.meta('og:locale:alternate')).toEqual(['ru_RU', 'en_US']);
    const latn = await page(multi.uz!);
    expect(latn.ldOf('NewsArticle').inLanguage).toBe('uz-Latn');
    expect(latn.one('og:locale')).toBe('uz_UZ');
    const en = await page(multi.en!);
    expect(en.ldOf('NewsArticle').inLanguage).toBe('en');
    expect(en.one('og:locale')).toBe('en_US');
    expect(en.meta('og:locale:alternate')).toEqual(['ru_RU', 'uz_UZ']);
  });

  it('keeps a headline that tries to close the script element inside its JSON-LD', async () => {
    const headline = 'Проверка </script><!-- <script>alert(1)</script> & \u2028строка\u2029 «кавычки» "двойные"';
    const sectionId = (await s.c.taxonomy.sectionBySlug('ru', 'politics'))!.id;
    const created = await s.c.stories.create({
      sectionId,
      editions: [{ locale: 'ru', headline, doc: paragraphsToDoc(['Текст.']), status: 'published', publishedAt: new Date(NOW - 60_000) }],
    });
    const row = await s.c.db.kysely.selectFrom('editions').select('slug').where('id', '=', created.editions[0]!.id).executeTakeFirstOrThrow();
    const h = await page(`/ru/news/${row.slug}`);
    expect(h.ldText).toHaveLength(2); // NewsArticle and BreadcrumbList, each whole
    for (const text of h.ldText) expect(text).not.toMatch(/[<>\u2028\u2029]/);
    expect(h.ldOf('NewsArticle').headline).toBe(headline);
    expect(h.h1).toBe(headline);
    expect((h.ldOf('BreadcrumbList').itemListElement as { name: string }[])[2]!.name).toBe(headline);
    expect(h.head).not.toContain('<script>alert');
  });

  it('gives a section page its breadcrumb and Open Graph tags', async () => {
    const h = await page('/ru/section/world');
    expect(h.link('canonical')).toBe(`${SITE}/ru/section/world`);
    expect(h.one('og:type')).toBe('website');
    expect(h.one('og:url')).toBe(`${SITE}/ru/section/world`);
    expect(h.one('og:locale')).toBe('ru_RU');
    expect(h.meta('og:locale:alternate')).toEqual(['uz_UZ', 'en_US']);
    expect(h.one('twitter:card')).toBe('summary');
    expect(h.ldOf('BreadcrumbList').itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Главная', item: `${SITE}/ru/` },
      { '@type': 'ListItem', position: 2, name: 'В мире', item: `${SITE}/ru/section/world` },
    ]);
  });

  it('gives the home page the site with its search action and the agency', async () => {
    const h = await page('/ru/');
    expect(h.one('og:type')).toBe('website');
    expect(h.one('og:url')).toBe(`${SITE}/ru/`);
    const site = h.ldOf('WebSite');
    expect(site).toMatchObject({ name: 'Xabar', url: `${SITE}/ru/`, inLanguage: 'ru' });
    expect(site.potentialAction).toEqual({
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${SITE}/ru/search?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    });
    const template = (site.potentialAction as { target: { urlTemplate: string } }).target.urlTemplate;
    const search = await get(template.slice(SITE.length).replace('{search_term_string}', encodeURIComponent('Женеве')));
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain('В МОМ высоко оценивают');
    const org = h.ldOf('NewsMediaOrganization');
    expect(org).toMatchObject({ name: 'Xabar', url: `${SITE}/ru/`, sameAs: ['https://t.me/xabar_news'], logo: { '@type': 'ImageObject', width: 184, height: 44 } });
    expect((org.logo as { url: string }).url).toMatch(/^https:\/\/news\.example\.test\/assets\/logo\.[0-9a-f]+\.svg$/);

    const cyrl = await page('/uz-cyrl/');
    expect(cyrl.ldOf('WebSite')).toMatchObject({ name: 'Хабар', inLanguage: 'uz-Cyrl', url: `${SITE}/uz-cyrl/` });
    expect(cyrl.ldOf('NewsMediaOrganization')).toMatchObject({ name: 'Хабар', sameAs: ['https://t.me/xabar_uz'] });
  });

  it('points each page of a list at itself as canonical, with prev and next', async () => {
    const first = await page('/ru/news');
    expect(first.link('canonical')).toBe(`${SITE}/ru/news`);
    expect(first.link('prev')).toBeUndefined();
    expect(first.link('next')).toBe(`${SITE}/ru/news?page=2`);
    const second = await page('/ru/news?page=2');
    expect(second.link('canonical')).toBe(`${SITE}/ru/news?page=2`);
    expect(second.one('og:url')).toBe(`${SITE}/ru/news?page=2`);
    expect(second.link('prev')).toBe(`${SITE}/ru/news`);
    expect(second.link('next')).toBe(`${SITE}/ru/news?page=3`);
    expect(second.meta('robots')).toEqual([]);
    // The last page: a page past it is a 404, and it has no next.
    let last = 2;
    while ((await get(`/ru/news?page=${last + 1}`)).statusCode === 200) last++;
    const end = await page(`/ru/news?page=${last}`);
    expect(end.link('canonical')).toBe(`${SITE}/ru/news?page=${last}`);
    expect(end.link('prev')).toBe(last === 2 ? `${SITE}/ru/news` : `${SITE}/ru/news?page=${last - 1}`);
    expect(end.link('next')).toBeUndefined();
  });

  it('keeps search results and error pages out of the index', async () => {
    for (const url of ['/ru/search?q=' + encodeURIComponent('Женеве'), '/ru/search?q=' + encodeURIComponent('Женеве') + '&page=1', '/ru/search']) {
      const h = await page(url);
      expect(h.one('robots'), url).toBe('noindex');
      expect(h.link('canonical'), url).toBeUndefined();
    }
    for (const [url, status] of [['/ru/news/no-such-story', 404], ['/ru/unknown/path', 404], ['/xx/', 404], ['/ru/news?page=abc', 400], ['/ru/news?page=999', 404]] as const) {
      const h = await page(url, status);
      expect(h.one('robots'), url).toBe('noindex');
      expect(h.ld, url).toEqual([]);
    }
  });
});
