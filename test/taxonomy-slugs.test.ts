/**
 * Per-locale section and tag addresses (taxonomy-slugs.ts, decision 0014), on SQLite and
 * PostgreSQL: a shared slug is never another entity's local one, a local slug never the other
 * Uzbek script's of another entity (addresses fall back to it), a merged tag's local addresses
 * redirect to the surviving tag's address in that locale, and a rename does not re-point an
 * older redirect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRepository } from '../src/audit/audit.repository.js';
import { BROWSER_UA, DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';

/** mergeTag's audit entry needs a user; these tests are about addresses. */
const audit = { record: async () => {} } as unknown as AuditRepository;

describe.each(DIALECTS)('taxonomy slugs on %s', (dialect) => {
  let s: TestSite;
  const get = (url: string) => {
    s.c.pageCache?.clear();
    s.c.site.forget();
    return s.app.inject({ method: 'GET', url, headers: { 'user-agent': BROWSER_UA } });
  };
  const admin = () => s.c.taxonomyAdmin;
  const localSlugs = async (id: number) => Object.fromEntries(await s.c.taxonomy.localSlugs('tag', id));

  beforeAll(async () => {
    s = await makeTestSite(dialect);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('never gives a shared slug that is another tag’s or section’s local slug', async () => {
    const a = await admin().createTag('Сельское хозяйство', 'ru');
    await admin().updateTag(a.id, { ru: 'Сельское хозяйство', en: 'Agriculture' });
    expect((await localSlugs(a.id)).en).toBe('agriculture');
    // A new tag whose name gives the same slug takes the next free one, not A's English address.
    const b = await admin().createTag('Agriculture.', 'ru');
    expect(b.id).not.toBe(a.id);
    expect(b.slug).not.toBe('agriculture');
    expect((await s.c.taxonomy.tagBySlug('en', 'agriculture'))?.id).toBe(a.id);
    // Nor can it be typed in.
    await expect(admin().updateTag(b.id, { ru: 'Agriculture.' }, 'agriculture')).rejects.toMatchObject({ fields: [{ field: 'slug', key: 'taxonomy.slug_taken' }] });
    // A tag may take its own local slug as its shared one.
    expect((await admin().updateTag(a.id, { ru: 'Сельское хозяйство', en: 'Agriculture' }, 'agriculture')).slug).toBe('agriculture');

    // Sections too: the shared slug derived from the English name is taken by another's English address.
    await admin().createSection({ slug: 'world', names: { ru: 'Мир', en: 'Economy' } });
    await expect(admin().createSection({ names: { ru: 'Экономика', en: 'Economy' } })).rejects.toMatchObject({ fields: [{ field: 'slug', key: 'taxonomy.slug_taken' }] });
  });

  it('keeps a local slug off the other Uzbek script’s slugs, which addresses fall back to', async () => {
    const a = await admin().createTag('Село', 'ru');
    await admin().updateTag(a.id, { ru: 'Село', uz: 'Qishloq' });
    expect((await localSlugs(a.id)).uz).toBe('qishloq');
    // B has only a Cyrillic name: its Latin-script page uses its Cyrillic slug, which must not be A's.
    const b = await admin().createTag('Деревня', 'ru');
    await admin().updateTag(b.id, { ru: 'Деревня', 'uz-Cyrl': 'Қишлоқ' });
    const bSlugs = await localSlugs(b.id);
    expect(bSlugs['uz-Cyrl']).not.toBe('qishloq');
    expect(bSlugs.uz).toBe(bSlugs['uz-Cyrl']);
    expect((await s.c.taxonomy.tagBySlug('uz', bSlugs.uz!))?.id).toBe(b.id);
    expect((await s.c.taxonomy.tagBySlug('uz-Cyrl', bSlugs['uz-Cyrl']!))?.id).toBe(b.id);
    expect((await get(`/uz/tag/${bSlugs.uz}`)).statusCode).toBe(200);
    // The same name on one tag in both scripts still gives one address.
    await admin().updateTag(b.id, { ru: 'Деревня', uz: 'Ovul', 'uz-Cyrl': 'Овул' });
    expect(await localSlugs(b.id)).toMatchObject({ uz: 'ovul', 'uz-Cyrl': 'ovul' });
  });

  it('redirects a merged tag’s addresses in every locale to the surviving tag’s address there', async () => {
    const from = await admin().createTag('Засуха', 'ru');
    await admin().updateTag(from.id, { ru: 'Засуха', en: 'Drought', uz: 'Qurgʻoqchilik' });
    const into = await admin().createTag('Климат', 'ru');
    await admin().updateTag(into.id, { ru: 'Климат', en: 'Climate', uz: 'Iqlim' });
    const old = await localSlugs(from.id);
    expect(old).toMatchObject({ ru: from.slug, en: 'drought', uz: 'qurgoqchilik' });
    await admin().mergeTag(from.id, into.id, { userId: 0, audit });
    for (const [url, to] of [
      ['/en/tag/drought', '/en/tag/climate'],
      ['/uz/tag/qurgoqchilik?page=2', '/uz/tag/iqlim?page=2'],
      ['/uz-cyrl/tag/qurgoqchilik', '/uz-cyrl/tag/iqlim'],
      [`/ru/tag/${from.slug}`, `/ru/tag/${into.slug}`],
    ] as const) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(301);
      expect(res.headers.location, url).toBe(to);
    }
  });

  it('does not re-point an older redirect when a rename frees the same slug', async () => {
    // 'drought' leads to Climate since the merge above; a later tag named Drought takes the
    // address while it lives (a live address wins over a redirect) …
    const climate = (await s.c.taxonomy.tagBySlug('en', 'climate'))!;
    const c = await admin().createTag('Сушь', 'ru');
    await admin().updateTag(c.id, { ru: 'Сушь', en: 'Drought' });
    expect((await localSlugs(c.id)).en).toBe('drought');
    expect((await get('/en/tag/drought')).statusCode).toBe(200);
    // … and renamed, leaves the redirect as it was.
    await admin().updateTag(c.id, { ru: 'Сушь', en: 'Dry spell' });
    const r = await s.c.db.kysely.selectFrom('tag_redirects').select('tag_id').where('slug', '=', 'drought').executeTakeFirstOrThrow();
    expect(r.tag_id).toBe(climate.id);
    expect((await get('/en/tag/drought')).headers.location).toBe('/en/tag/climate');
  });

  it('keeps a renamed section\'s former addresses — local and shared — as redirects to its new ones', async () => {
    const sec = await admin().createSection({ slug: 'sport-news', names: { ru: 'Спорт', en: 'Sport', uz: 'Sport' } });
    const sectionSlugs = async () => Object.fromEntries(await s.c.taxonomy.localSlugs('section', sec.id));
    expect((await sectionSlugs()).en).toBe('sport');
    expect((await get('/en/section/sport')).statusCode).toBe(200);
    // Renamed in English: a new English address, the old one leads to it.
    await admin().updateSection(sec.id, { names: { ru: 'Спорт', en: 'Sports', uz: 'Sport' } });
    expect((await sectionSlugs()).en).toBe('sports');
    let res = await get('/en/section/sport?page=2');
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/en/section/sports?page=2');
    // The Uzbek name did not change: its address stays.
    expect((await get('/uz/section/sport')).statusCode).toBe(200);
    // The shared slug changed by the editor: the Russian (shared) address moves, the old one leads to the new.
    await admin().updateSection(sec.id, { slug: 'sport-i-fizkultura', names: { ru: 'Спорт', en: 'Sports', uz: 'Sport' } });
    res = await get('/ru/section/sport-news');
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/ru/section/sport-i-fizkultura');
    // … in another language, to that language's own address.
    res = await get('/en/section/sport-news');
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/en/section/sports');
    // An address that never was stays a 404.
    expect((await get('/en/section/never-was-here')).statusCode).toBe(404);
  });
});
