/**
 * Issue 14's content items through the app, on SQLite and PostgreSQL: the main-story flag's
 * expiry and age limit (and what leads when it is stale), a home page without repeats, meta
 * descriptions and per-locale home titles, per-locale section and tag addresses with 301s from
 * the old ones (and the migration that gives existing names theirs), trailing slashes, the date
 * archive, breadcrumbs and ItemList structured data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphsToDoc } from '../src/content/document.js';
import { fillLocalSlugs } from '../src/content/taxonomy-slugs.js';
import { seedDemo } from '../src/demo/seed.js';
import { BROWSER_UA, DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';

const NOW = Date.UTC(2026, 10, 20, 9, 0); // 14:00 in Tashkent
const HOUR = 3600_000;

/** The <head>'s title, description and JSON-LD objects, and the main column's story links. */
function read(html: string) {
  const attr = (re: RegExp) => re.exec(html)?.[1]?.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const ld = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
  return {
    title: attr(/<title>([^<]*)<\/title>/),
    description: attr(/<meta name="description" content="([^"]*)"/),
    ld,
    ldOf: (type: string) => ld.find((x) => x['@type'] === type) as Record<string, any> | undefined,
  };
}

/** Article links of one part of the home page, by the part's HTML. */
const articleLinks = (part: string) => [...part.matchAll(/<a href="(\/[a-z-]+\/news\/[^"#?]+)"/g)].map((m) => m[1]!);

describe.each(DIALECTS)('site content on %s', (dialect) => {
  let s: TestSite;
  const get = (url: string) => s.app.inject({ method: 'GET', url, headers: { 'user-agent': BROWSER_UA } });
  const fresh = () => {
    s.c.pageCache?.clear();
    s.c.site.forget();
  };
  async function story(headline: string, publishedAt: number, extra: { isMain?: boolean; isBreaking?: boolean } = {}) {
    const sectionId = (await s.c.taxonomy.sectionBySlug('ru', 'politics'))!.id;
    const { storyId } = (await s.c.stories.create({ sectionId, editions: [{ locale: 'ru', headline, doc: paragraphsToDoc(['Текст.']), status: 'published', publishedAt: new Date(publishedAt), ...extra }] })) as { storyId: number };
    return storyId;
  }
  const mainHeadline = async () => {
    fresh();
    const html = (await get('/ru/')).body;
    const at = html.indexOf('class="main-story"');
    return /<h2 class="card-title">(?:<span[^>]*>[^<]*<\/span>)?<a href="[^"]+">([^<]+)<\/a>/.exec(html.slice(at))?.[1];
  };

  beforeAll(async () => {
    s = await makeTestSite(dialect, { now: NOW });
    await seedDemo(s.c, { stories: 40, images: 3 });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('lets a stale main-story flag go: the age limit, the editor’s expiry, and what leads instead', async () => {
    // The reference story is flagged main and 19 months old: it must not lead.
    expect(await mainHeadline()).not.toMatch(/^В МОМ высоко оценивают/);
    const id = await story('Свежий главный материал для проверки', NOW - 2 * HOUR, { isMain: true });
    expect(await mainHeadline()).toBe('Свежий главный материал для проверки');
    // Past the age limit (48 h by default) the flag no longer leads…
    s.tick(49 * HOUR);
    expect(await mainHeadline()).not.toBe('Свежий главный материал для проверки');
    // …unless the editor set an expiry that has not passed yet,
    await s.c.db.kysely.updateTable('editions').set({ main_until: NOW + 72 * HOUR }).where('story_id', '=', id).execute();
    expect(await mainHeadline()).toBe('Свежий главный материал для проверки');
    // and an expiry that has passed ends it even within the age limit.
    s.tick(-49 * HOUR);
    await s.c.db.kysely.updateTable('editions').set({ main_until: NOW - HOUR }).where('story_id', '=', id).execute();
    expect(await mainHeadline()).not.toBe('Свежий главный материал для проверки');
    // With no live flag a fresh breaking story leads.
    await story('Срочное сообщение ведёт главную', NOW - 10 * 60_000, { isBreaking: true });
    expect(await mainHeadline()).toBe('Срочное сообщение ведёт главную');
    await s.c.db.kysely.updateTable('editions').set({ is_main: 0 }).where('story_id', '=', id).execute();
  });

  it('shows a story at most once in the main column and once in the side lists of every home page', async () => {
    fresh();
    for (const l of ['ru', 'uz', 'uz-cyrl', 'en']) {
      const html = (await get(`/${l}/`)).body;
      const mainCol = html.slice(html.indexOf('<main'), html.indexOf('</main>')).split(/<aside class="col-side"[^>]*>/);
      // Main column: the first part of each 2-column block; side: the asides.
      const main = mainCol.map((part) => part.split('</aside>').at(-1)!).join('');
      const side = mainCol.slice(1).map((part) => part.split('</aside>')[0]!).join('');
      const m = articleLinks(main);
      const sd = articleLinks(side);
      expect(m.length, l).toBeGreaterThan(5);
      expect(sd.length, l).toBeGreaterThan(5);
      expect(new Set(m).size, `${l} main column: ${m.join(' ')}`).toBe(m.length);
      expect(new Set(sd).size, `${l} side lists`).toBe(sd.length);
    }
  });

  it('describes every page type and titles each home page with the agency’s name and tagline', async () => {
    fresh();
    const titles = new Set<string>();
    for (const [l, tagline] of [['ru', 'информационное агентство'], ['uz', 'axborot agentligi'], ['uz-cyrl', 'ахборот агентлиги'], ['en', 'news agency']] as const) {
      const home = read((await get(`/${l}/`)).body);
      expect(home.title, l).toContain(tagline);
      expect(home.title, l).toMatch(/^(Xabar|Хабар) — /);
      titles.add(home.title!);
      expect(home.description!.length, l).toBeGreaterThan(50);
    }
    expect(titles.size).toBe(4);
    const author = (await s.c.db.kysely.selectFrom('authors').select('slug').orderBy('id').executeTakeFirstOrThrow()).slug;
    const day = '2025/04/24';
    for (const url of ['/ru/news', '/ru/news?page=2', '/ru/section/politics', '/en/section/politics', '/ru/tag/oon', '/en/tag/un', `/ru/author/${author}`, `/ru/archive/${day}`]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      const d = read(res.body).description;
      expect(d && d.length > 30, `${url}: ${d}`).toBe(true);
    }
    // A bio, where there is one, is the author page's description.
    expect(read((await get(`/ru/author/${author}`)).body).description).toMatch(/^Политический обозреватель/);
    expect(read((await get('/ru/news?page=2')).body).description).toMatch(/Страница 2\.$/);
  });

  it('gives sections and tags an address per locale; the old shared one answers 301', async () => {
    fresh();
    expect((await get('/en/tag/un')).statusCode).toBe(200);
    expect((await get('/uz/tag/bmt')).statusCode).toBe(200);
    expect((await get('/uz-cyrl/tag/bmt')).statusCode).toBe(200); // Cyrillic names give Latin addresses
    expect((await get('/uz/section/siyosat')).statusCode).toBe(200);
    for (const [from, to] of [['/en/tag/oon', '/en/tag/un'], ['/uz/tag/oon?page=2', '/uz/tag/bmt?page=2'], ['/uz/section/politics', '/uz/section/siyosat'], ['/uz-cyrl/section/politics', '/uz-cyrl/section/siyosat']] as const) {
      const res = await get(from);
      expect(res.statusCode, from).toBe(301);
      expect(res.headers.location, from).toBe(to);
    }
    expect((await get('/ru/tag/oon')).statusCode).toBe(200); // Russian keeps the shared address
    // hreflang names each language's own address.
    const html = (await get('/en/tag/un')).body;
    expect(html).toContain('hrefLang="uz-Latn" href="https://news.example.test/uz/tag/bmt"');
    expect(html).toContain('hrefLang="ru" href="https://news.example.test/ru/tag/oon"');
    // Story pages link tags by the locale's address.
    const article = (await get('/en/news')).body.match(/href="(\/en\/news\/[^"]+)"/)![1]!;
    const tags = [...(await get(article)).body.matchAll(/href="\/en\/tag\/([^"]+)"/g)].map((m) => m[1]);
    expect(tags.length).toBeGreaterThan(0);
    for (const t of tags) expect((await get(`/en/tag/${t}`)).statusCode, t).toBe(200);
  });

  it('renames move a tag’s local address and keep the old one as a 301; existing names are migrated', async () => {
    const tag = await s.c.db.kysely.selectFrom('tags').select(['id', 'slug']).where('slug', '=', 'diplomatiya').executeTakeFirstOrThrow();
    await s.c.db.kysely.transaction().execute((trx) => s.c.taxonomy.upsertTag(trx, 'diplomatiya', { ru: 'Дипломатия', uz: 'Diplomatiya', 'uz-Cyrl': 'Дипломатия', en: 'Foreign relations' }));
    fresh();
    expect((await get('/en/tag/foreign-relations')).statusCode).toBe(200);
    const moved = await get('/en/tag/diplomacy');
    expect(moved.statusCode).toBe(301);
    expect(moved.headers.location).toBe('/en/tag/foreign-relations');
    // A database from before 0030: names without local slugs get them, once.
    await s.c.db.kysely.updateTable('tag_names').set({ slug: null }).where('tag_id', '=', tag.id).execute();
    await fillLocalSlugs(s.c.db.kysely);
    await fillLocalSlugs(s.c.db.kysely);
    const rows = await s.c.db.kysely.selectFrom('tag_names').select(['locale', 'slug']).where('tag_id', '=', tag.id).orderBy('locale').execute();
    expect(Object.fromEntries(rows.map((r) => [r.locale, r.slug]))).toEqual({ en: 'foreign-relations', ru: null, uz: 'diplomatiya', 'uz-Cyrl': 'diplomatiya' });
  });

  it('sends an address with a trailing slash to its canonical form', async () => {
    const article = (await get('/ru/news')).body.match(/href="(\/ru\/news\/[^"]+)"/)![1]!;
    for (const [from, to] of [['/ru/news/', '/ru/news'], ['/ru/section/politics/', '/ru/section/politics'], [`${article}/`, article], ['/ru/news/?page=2', '/ru/news?page=2']] as [string, string][]) {
      const res = await get(from);
      expect(res.statusCode, from).toBe(301);
      expect(res.headers.location, from).toBe(to);
    }
    expect((await get('/ru/')).statusCode).toBe(200);
    expect((await get('/xx/news/')).statusCode).toBe(404);
    expect((await get('/ru/news/%D0%BF/')).headers.location).toBe('/ru/news/%D0%BF');
    expect((await get('/ru/news/п/')).statusCode).toBeLessThan(500);
  });

  it('serves the date archive: the day’s stories, a calendar, bounded by the first story and today', async () => {
    fresh();
    const res = await get('/ru/archive/2025/04/24');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(read(html).title).toMatch(/^Новости за 24 апреля 2025/);
    expect(html).toContain('В МОМ высоко оценивают');
    expect(html).toMatch(/<div class="calendar-head">.*Апрель 2025.*<table class="calendar"/s);
    expect(html).toContain('<span class="today" aria-current="date">24</span>');
    // Only that day's stories, each linking to its article; ItemList names them.
    const list = read(html).ldOf('ItemList')!;
    expect(list.itemListElement.length).toBeGreaterThan(0);
    for (const item of list.itemListElement) expect(item.url).toMatch(/^https:\/\/news\.example\.test\/ru\/news\//);
    // The archive starts with the oldest story: no earlier day, and no future.
    expect(html).toMatch(/<span class="step disabled" aria-disabled="true">← Предыдущий день<\/span>/);
    expect((await get('/ru/archive/2025/04/23')).statusCode).toBe(404);
    expect((await get('/ru/archive/2027/01/01')).statusCode).toBe(404);
    expect((await get('/ru/archive/2025/02/30')).statusCode).toBe(404);
    // The message shows this language's own address, in Latin letters on the Cyrillic page too.
    const bad = await get('/uz-cyrl/archive/2025/02/30');
    expect(bad.statusCode).toBe(404);
    expect(bad.body).toContain('/uz-cyrl/archive/YYYY/MM/DD');
    expect(bad.body).toContain('Бундай сана йўқ');
    expect((await get('/ru/archive/2025/4/24')).statusCode).toBe(404);
    const today = await get('/ru/archive');
    expect(today.statusCode).toBe(302);
    expect(today.headers.location).toBe('/ru/archive/2026/11/20');
    const t = await get('/ru/archive/2026/11/20');
    expect(t.statusCode).toBe(200);
    expect(t.body).toMatch(/<a class="step" rel="prev" href="\/ru\/archive\/2026\/11\/19">/);
    // An empty day within the archive is a page, but not one for search engines.
    const empty = await get('/ru/archive/2025/06/01');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('В этот день материалов не публиковалось.');
    expect(empty.body).toContain('<meta name="robots" content="noindex"/>');
  });

  it('puts breadcrumbs on articles and section pages and ItemList on list pages', async () => {
    fresh();
    const section = (await get('/ru/section/politics')).body;
    expect(section).toMatch(/<nav class="breadcrumbs" aria-label="Вы здесь"><ol><li><a href="\/ru\/">Главная<\/a><\/li><li><span aria-current="page">Политика<\/span>/);
    expect(read(section).ldOf('BreadcrumbList')).toBeDefined();
    const items = read(section).ldOf('ItemList')!.itemListElement;
    expect(items.length).toBe([...section.matchAll(/<article class="list-item">/g)].length);
    expect(items.length).toBeGreaterThan(5);
    const article = section.match(/href="(\/ru\/news\/[^"]+)"/)![1]!;
    const a = (await get(article)).body;
    expect(a).toMatch(/<nav class="breadcrumbs" aria-label="Вы здесь"><ol><li><a href="\/ru\/">Главная<\/a><\/li><li><a href="\/ru\/section\/politics">Политика<\/a>/);
    expect(read(a).ldOf('BreadcrumbList')!.itemListElement).toHaveLength(3);
    for (const url of ['/ru/', '/ru/news', '/ru/tag/oon']) expect(read((await get(url)).body).ldOf('ItemList'), url).toBeDefined();
  });
});
