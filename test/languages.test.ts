/**
 * Four languages, two Uzbek scripts: per-language pages, dates and datelines, hreflang
 * alternates that are reciprocal, the language switcher, Accept-Language at the root, and
 * Uzbek Cyrillic editions derived from Latin ones that stay in sync until edited by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphsToDoc } from '../src/content/document.js';
import type { Actor } from '../src/accounts/policy.js';
import { BROWSER_UA, DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';

const NOW = Date.UTC(2026, 10, 20, 9, 0);
const PUBLISHED = new Date('2025-04-24T09:26:00Z');

describe.each(DIALECTS)('languages on %s', (dialect) => {
  let s: TestSite;
  let actor: Actor;
  let urlOf: Record<string, string>;
  let uzId: number;
  let cyrlId: number;

  const get = (url: string, headers: Record<string, string> = {}) => s.app.inject({ method: 'GET', url, headers: { 'user-agent': BROWSER_UA, ...headers } });
  const alternatesOf = (html: string) =>
    Object.fromEntries([...html.matchAll(/<link rel="alternate" hrefLang="([^"]+)" href="https:\/\/news\.example\.test([^"]+)"\/>/g)].map((m) => [m[1], m[2]]));

  beforeAll(async () => {
    s = await makeTestSite(dialect, { now: NOW });
    const u = await s.c.accounts.createUser(null, { email: 'editor@example.uz', name: 'Editor', role: 'editor', password: 'correct horse battery' });
    actor = { id: u.id, role: 'editor' };
    const k = s.c.db.kysely;
    const sectionId = await k.transaction().execute((trx) => s.c.taxonomy.upsertSection(trx, 'world', 0, '#6B3FA0', { ru: 'В мире', uz: 'Dunyo', 'uz-Cyrl': 'Дунё', en: 'World' }));
    await s.c.settings.save({ datelineAgency: { ru: 'ИА «Xabar»', uz: 'Xabar AA', 'uz-Cyrl': 'Хабар АА', en: 'Xabar' }, telegramChannel: { ru: 'xabar_news', uz: 'xabar_uz', 'uz-Cyrl': 'xabar_uz', en: 'xabar_en' } });
    const story = await s.c.stories.create({
      sectionId,
      editions: [
        { locale: 'ru', headline: 'В МОМ высоко оценивают роль Узбекистана', doc: paragraphsToDoc(['Постоянный представитель встретился с руководством МОМ.']), dateline: { city: 'Женева', agency: '' }, status: 'published', publishedAt: PUBLISHED },
        { locale: 'en', headline: 'IOM praises Uzbekistan’s role in migration', doc: paragraphsToDoc(['The permanent representative met IOM leadership.']), dateline: { city: 'Geneva', agency: '' }, status: 'published', publishedAt: PUBLISHED },
        { locale: 'uz', headline: 'XMT Oʻzbekistonning roliga yuqori baho berdi', doc: paragraphsToDoc(['Doimiy vakil XMT rahbariyati bilan uchrashdi.']), dateline: { city: 'Jeneva', agency: '' }, status: 'published', publishedAt: PUBLISHED },
      ],
    });
    uzId = story.editions.find((e) => e.locale === 'uz')!.id;
    const derived = await s.c.editorial.derive(actor, uzId);
    cyrlId = derived.id;
    await s.c.editorial.transition(actor, cyrlId, { to: 'published' });
    await k.updateTable('editions').set({ published_at: PUBLISHED.getTime() }).where('id', '=', cyrlId).execute();
    s.c.pageCache?.clear();
    const rows = await k.selectFrom('editions').select(['locale', 'slug']).where('story_id', '=', story.storyId).execute();
    const prefix: Record<string, string> = { ru: 'ru', uz: 'uz', 'uz-Cyrl': 'uz-cyrl', en: 'en' };
    urlOf = Object.fromEntries(rows.map((r) => [r.locale, `/${prefix[r.locale]}/news/${r.slug}`]));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('derives the Cyrillic edition by transliteration, with the Latin slug', async () => {
    const e = await s.c.editorial.get(actor, cyrlId);
    expect(e).toMatchObject({ locale: 'uz-Cyrl', headline: 'ХМТ Ўзбекистоннинг ролига юқори баҳо берди', datelineCity: 'Женева', derivedFrom: uzId, sync: 'synced' });
    expect(urlOf['uz-Cyrl']!.split('/').pop()).toBe(urlOf.uz!.split('/').pop());
    expect(urlOf.uz).toBe('/uz/news/xmt-ozbekistonning-roliga-yuqori-baho-berdi');
  });

  it('prints dates and datelines in each language’s own way', async () => {
    const expected: Record<string, [string, string, string]> = {
      ru: ['Апрель 24, 2025. 14:26', 'ЖЕНЕВА, 24 апреля. /ИА «Xabar»/.', 'Подпишись на наш Telegram-канал'],
      uz: ['Aprel 24, 2025. 14:26', 'JENEVA, 24-aprel. /Xabar AA/.', 'Telegram-kanalimizga obuna boʻling'],
      'uz-Cyrl': ['Апрел 24, 2025. 14:26', 'ЖЕНЕВА, 24-апрел. /Хабар АА/.', 'Телеграм-каналимизга обуна бўлинг'],
      en: ['April 24, 2025. 14:26', 'GENEVA, April 24. /Xabar/.', 'Subscribe to our Telegram channel'],
    };
    for (const [locale, [date, dateline, telegram]] of Object.entries(expected)) {
      const res = await get(urlOf[locale]!);
      expect(res.statusCode, locale).toBe(200);
      expect(res.body, locale).toContain(`>${date}</time>`);
      expect(res.body, locale).toContain(`<span class="dateline">${dateline}</span>`);
      expect(res.body, locale).toContain(telegram);
    }
    expect((await get(urlOf.uz!)).body).toContain('<html lang="uz-Latn">');
    expect((await get(urlOf['uz-Cyrl']!)).body).toContain('<html lang="uz-Cyrl">');
  });

  it('declares reciprocal hreflang alternates with x-default on every edition', async () => {
    const want = { ru: urlOf.ru, 'uz-Latn': urlOf.uz, 'uz-Cyrl': urlOf['uz-Cyrl'], en: urlOf.en, 'x-default': urlOf.ru };
    for (const locale of ['ru', 'uz', 'uz-Cyrl', 'en']) {
      expect(alternatesOf((await get(urlOf[locale]!)).body), locale).toEqual(want);
    }
    for (const page of ['/ru/', '/uz/', '/uz-cyrl/', '/en/']) {
      expect(alternatesOf((await get(page)).body), page).toEqual({ ru: '/ru/', 'uz-Latn': '/uz/', 'uz-Cyrl': '/uz-cyrl/', en: '/en/', 'x-default': '/ru/' });
    }
    // Sections have an address per locale (issue 14): the old shared one leads there.
    expect((await get('/uz/section/world')).headers.location).toBe('/uz/section/dunyo');
    expect(alternatesOf((await get('/uz/section/dunyo')).body)).toEqual({ ru: '/ru/section/world', 'uz-Latn': '/uz/section/dunyo', 'uz-Cyrl': '/uz-cyrl/section/dunyo', en: '/en/section/world', 'x-default': '/ru/section/world' });
  });

  it('leads the language switcher to the same story in the other language', async () => {
    const html = (await get(urlOf.ru!)).body;
    expect(html).toContain(`<a href="${urlOf.en}" lang="en" hrefLang="en" title="English">Eng</a>`);
    expect(html).toContain(`<a href="${urlOf['uz-Cyrl']}" lang="uz-Cyrl"`);
  });

  it('shows the whole chrome in the page’s language, including the 404 page', async () => {
    const cyr = await get('/uz-cyrl/news/yoq-sahifa');
    expect(cyr.statusCode).toBe(404);
    expect(cyr.body).toContain('Саҳифа топилмади');
    expect(cyr.body).toContain('Янгиликлар лентаси');
    const uz = (await get('/uz/')).body;
    expect(uz).toContain('Yangiliklar lentasi');
    expect(uz).toContain('>Dunyo</a>');
    expect((await get('/en/news')).body).toContain('<h1>News feed</h1>');
  });

  it('sends / to the reader’s language by Accept-Language, the default otherwise', async () => {
    const cases: [string | undefined, string][] = [[undefined, '/ru/'], ['uz-Cyrl-UZ,uz;q=0.8', '/uz-cyrl/'], ['en-GB,en;q=0.9', '/en/'], ['uz', '/uz/'], ['de', '/ru/']];
    for (const [header, location] of cases) {
      const res = await s.app.inject({ url: '/', headers: header ? { 'accept-language': header } : {} });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location, header).toBe(location);
      expect(res.headers.vary).toContain('Accept-Language');
    }
  });

  it('keeps the derived edition in sync until it is edited by hand, then can re-sync', async () => {
    const source = await s.c.editorial.get(actor, uzId);
    const saveOf = (e: Awaited<ReturnType<typeof s.c.editorial.get>>, patch: Record<string, unknown>) => ({
      version: e.version, headline: e.headline, slug: e.slug, lead: e.lead, body: e.body, datelineCity: e.datelineCity, sectionId: e.sectionId,
      tagIds: e.tags.map((t) => t.id), authorIds: e.authors.map((a) => a.id), heroMediaId: e.heroMediaId, heroCaption: e.heroCaption, seoTitle: e.seoTitle,
      seoDescription: e.seoDescription, isMain: e.isMain, isBreaking: e.isBreaking, embargoUntil: e.embargoUntil, ...patch,
    });
    await s.c.editorial.save(actor, uzId, saveOf(source, { lead: 'Uchrashuvda hamkorlik masalalari muhokama qilindi.' }) as never);
    expect((await s.c.editorial.get(actor, cyrlId)).lead).toBe('Учрашувда ҳамкорлик масалалари муҳокама қилинди.');

    const cyr = await s.c.editorial.get(actor, cyrlId);
    await s.c.editorial.save(actor, cyrlId, saveOf(cyr, { lead: 'Қўлда таҳрирланган лид.' }) as never);
    const diverged = await s.c.editorial.get(actor, cyrlId);
    expect(diverged.sync).toBe('diverged');

    const src2 = await s.c.editorial.get(actor, uzId);
    await s.c.editorial.save(actor, uzId, saveOf(src2, { lead: 'Yangi lid matni.' }) as never);
    const still = await s.c.editorial.get(actor, cyrlId);
    expect(still.lead).toBe('Қўлда таҳрирланган лид.'); // no longer follows
    expect(still.outdated).toBe(true);
    const diff = await s.c.editorial.syncDiff(actor, cyrlId);
    expect(diff.parts.filter((p) => p.added).map((p) => p.value).join(' ')).toContain('Янги');

    const resynced = await s.c.editorial.resync(actor, cyrlId);
    expect(resynced).toMatchObject({ lead: 'Янги лид матни.', sync: 'synced', outdated: false });
  });
});
