/**
 * Site settings cannot take the public site down: references are checked on save (422), a broken
 * reference already stored (a row deleted later, a value written by hand) falls back to the
 * built-in logo, and one corrupt field no longer resets every other setting to its default.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphsToDoc } from '../src/content/document.js';
import { ApiClient } from './helpers/client.js';
import { DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';

const PW = 'correct horse battery';

describe.each(DIALECTS)('settings on %s', (dialect) => {
  let s: TestSite;
  let admin: ApiClient;
  let article: string;

  async function storeRaw(key: string, value: string) {
    await s.c.db.kysely.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    await s.c.settings.save({}); // drops the cached settings
    s.c.pageCache?.clear();
  }

  beforeAll(async () => {
    s = await makeTestSite(dialect);
    admin = new ApiClient(s.app);
    await admin.session();
    expect((await admin.req('POST', '/setup', { email: 'admin@example.uz', name: 'Админ', password: PW })).status).toBe(201);
    await s.c.stories.create({ editions: [{ locale: 'ru', headline: 'Новость про настройки', doc: paragraphsToDoc(['Текст.']), status: 'published', publishedAt: new Date(Date.now() - 60_000) }] });
    const { slug } = await s.c.db.kysely.selectFrom('editions').select('slug').executeTakeFirstOrThrow();
    article = `/ru/news/${slug}`;
  });
  afterAll(async () => {
    await s?.close();
  });

  it('refuses a logo id beyond the integer range with 422 naming the field', async () => {
    const current = (await admin.req('GET', '/settings')).json;
    const r = await admin.req('PUT', '/settings', { ...current, logoMediaId: 2147483648 });
    expect(r.status).toBe(422);
    expect(r.json.error.details.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'logoMediaId' })]));
    expect((await s.app.inject('/ru/')).statusCode).toBe(200);
  });

  it('refuses a logo id of an image that does not exist with 422', async () => {
    const current = (await admin.req('GET', '/settings')).json;
    const r = await admin.req('PUT', '/settings', { ...current, logoMediaId: 987654 });
    expect(r.status).toBe(422);
    expect(r.json.error.details.fields).toEqual([expect.objectContaining({ field: 'logoMediaId' })]);
    expect((await admin.req('GET', '/settings')).json.logoMediaId).toBeNull();
  });

  it.each([['987654'], ['2147483648'], ['-5'], ['"logo"']])('serves every public page with the built-in logo when the stored logo id is %s', async (raw) => {
    await storeRaw('logoMediaId', raw);
    for (const url of ['/ru/', '/ru/news', article, '/ru/search?q=новость', '/ru/no-such-page']) {
      const res = await s.app.inject(url);
      expect(res.statusCode, url).toBe(url === '/ru/no-such-page' ? 404 : 200);
      expect(res.body).toContain(s.c.assets.logo);
    }
    await storeRaw('logoMediaId', 'null');
  });

  it('keeps every valid setting when one stored field is corrupt', async () => {
    await storeRaw('siteName', JSON.stringify({ ru: 'Дунё', en: 'Dunyo' }));
    await storeRaw('breakingHours', '12');
    await storeRaw('timeZone', '"Not/AZone"');
    const settings = await s.c.settings.get();
    expect(settings.siteName.ru).toBe('Дунё');
    expect(settings.breakingHours).toBe(12);
    expect(settings.timeZone).toBe('Asia/Tashkent'); // only the bad field falls back
    await storeRaw('breakingHours', '{not json');
    const again = await s.c.settings.get();
    expect(again.siteName.ru).toBe('Дунё');
    expect(again.breakingHours).toBe(6);
    const home = await s.app.inject('/ru/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Дунё');
    await storeRaw('timeZone', '"Asia/Tashkent"');
    await storeRaw('breakingHours', '6');
  });
});
