/**
 * IPTC urgency and hand-picked related stories through the real HTTP layer, on SQLite and
 * PostgreSQL: the field in saves and on its own, the labels on the site in each language, and the
 * related block that puts the editor's picks first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './helpers/client.js';
import { DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';

const NOW = Date.UTC(2026, 10, 20, 9, 0);
const PW = 'correct horse battery';
const saveBody = (e: any, patch: Record<string, unknown> = {}) => ({
  version: e.version, headline: e.headline, slug: e.slug, lead: e.lead, body: e.body, datelineCity: e.datelineCity,
  sectionId: e.sectionId, tagIds: e.tags.map((t: any) => t.id), authorIds: e.authors.map((a: any) => a.id), heroMediaId: e.heroMediaId,
  heroCaption: e.heroCaption, seoTitle: e.seoTitle, seoDescription: e.seoDescription, isMain: e.isMain, isBreaking: e.isBreaking, embargoUntil: e.embargoUntil, ...patch,
});
const doc = (...ps: string[]) => ({ type: 'doc', content: ps.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

describe.each(DIALECTS)('urgency and related stories on %s', (dialect) => {
  let s: TestSite;
  let admin: ApiClient;
  const users: Record<'contributor' | 'author' | 'editor', ApiClient> = {} as never;
  let sectionId: number;
  let otherSection: number;

  async function story(c: ApiClient, headline: string, opts: { locale?: string; publish?: boolean; section?: number; patch?: Record<string, unknown> } = {}) {
    const created = await c.req('POST', '/stories', { locale: opts.locale ?? 'ru', headline });
    expect(created.status).toBe(201);
    const saved = await c.req('PUT', `/editions/${created.json.id}`, saveBody(created.json, { sectionId: opts.section ?? sectionId, body: doc('Текст новости.'), ...opts.patch }));
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    if (opts.publish !== false) {
      const p = await c.req('POST', `/editions/${created.json.id}/transition`, { to: 'published' });
      expect(p.status, JSON.stringify(p.json)).toBe(200);
      s.tick(60_000);
      return p.json;
    }
    return saved.json;
  }
  const page = (url: string) => s.app.inject({ method: 'GET', url, headers: { 'user-agent': 'test' } });
  const relatedBlock = (html: string) => html.split('id="related-title"')[1]?.split('</section>')[0] ?? '';

  beforeAll(async () => {
    s = await makeTestSite(dialect, { now: NOW, env: { XABAR_PAGE_CACHE: 'false' } });
    admin = new ApiClient(s.app);
    await admin.session();
    expect((await admin.req('POST', '/setup', { email: 'admin@example.uz', name: 'Админ', password: PW })).status).toBe(201);
    for (const role of ['contributor', 'author', 'editor'] as const) {
      expect((await admin.req('POST', '/users', { email: `${role}@example.uz`, name: role, role, password: PW })).status).toBe(201);
      users[role] = new ApiClient(s.app, `10.0.2.${Object.keys(users).length + 2}`);
      expect((await users[role].login(`${role}@example.uz`, PW)).status).toBe(200);
    }
    sectionId = (await admin.req('POST', '/sections', { slug: 'politics', color: '#1D4E89', names: { ru: 'Политика', en: 'Politics', uz: 'Siyosat' } })).json.id;
    otherSection = (await admin.req('POST', '/sections', { slug: 'sport', color: '#0A7D38', names: { ru: 'Спорт', en: 'Sport', uz: 'Sport' } })).json.id;
    const settings = await admin.req('GET', '/settings');
    const en = await admin.req('PUT', '/settings', { ...settings.json, enabledLocales: ['ru', 'uz', 'uz-Cyrl', 'en'] });
    expect(en.status, JSON.stringify(en.json)).toBe(200);
  });
  afterAll(async () => {
    await s?.close();
  });

  describe('urgency', () => {
    it('is 5 (normal) by default, set in a save, kept when a save leaves it out, and checked', async () => {
      const e = await story(users.editor, 'Обычная новость', { publish: false });
      expect(e.urgency).toBe(5);
      const set = await users.editor.req('PUT', `/editions/${e.id}`, saveBody(e, { urgency: 2 }));
      expect(set.status).toBe(200);
      expect(set.json.urgency).toBe(2);
      const kept = await users.editor.req('PUT', `/editions/${e.id}`, saveBody(set.json, { lead: 'Лид' }));
      expect(kept.json.urgency).toBe(2);
      for (const bad of [0, 9, 2.5, '1']) {
        const r = await users.editor.req('PUT', `/editions/${e.id}`, saveBody(kept.json, { urgency: bad }));
        expect(r.status).toBe(422);
        expect(r.json.error.details.fields.map((f: any) => f.field)).toEqual(['urgency']);
      }
    });

    it('is set on its own without a new version, and a synced Cyrillic edition follows', async () => {
      const e = await story(users.editor, 'Yangilik lotincha', { locale: 'uz', publish: false });
      const derived = await users.editor.req('POST', `/editions/${e.id}/derive`);
      expect(derived.status).toBe(201);
      const r = await users.editor.req('PUT', `/editions/${e.id}/urgency`, { urgency: 1 });
      expect(r.status).toBe(200);
      const after = await users.editor.req('GET', `/editions/${e.id}`);
      expect(after.json).toMatchObject({ urgency: 1, version: e.version });
      expect((await users.editor.req('GET', `/editions/${derived.json.id}`)).json.urgency).toBe(1);
      expect((await users.editor.req('PUT', `/editions/${e.id}/urgency`, { urgency: 12 })).status).toBe(422);
    });

    it('labels flash and urgent stories on the article and in lists, in each language', async () => {
      const flash = await story(users.editor, 'Землетрясение в регионе', { patch: { urgency: 1 } });
      const urgent = await story(users.editor, 'Срочное заявление МИД', { patch: { urgency: 2 } });
      const normal = await story(users.editor, 'Обычная пресс-конференция');
      const art = await page(`/ru/news/${flash.slug}`);
      expect(art.statusCode).toBe(200);
      expect(art.body).toMatch(/class="article-urgency"><span class="badge badge-flash" data-urgency="1">Молния<\/span>/);
      expect((await page(`/ru/news/${urgent.slug}`)).body).toContain('<span class="badge badge-urgent" data-urgency="2">Срочно</span>');
      expect((await page(`/ru/news/${normal.slug}`)).body).not.toContain('article-urgency');
      const list = (await page('/ru/news')).body;
      expect(list).toMatch(/data-urgency="1">Молния<\/span><a href="\/ru\/news\/[^"]+">Землетрясение/);
      expect(list).toMatch(/data-urgency="2">Срочно<\/span><a href="\/ru\/news\/[^"]+">Срочное заявление/);

      const en = await story(users.editor, 'Earthquake hits the region', { locale: 'en', patch: { urgency: 1 } });
      expect((await page(`/en/news/${en.slug}`)).body).toContain('data-urgency="1">Flash</span>');
      const uz = await story(users.editor, 'Shoshilinch bayonot', { locale: 'uz', patch: { urgency: 2 } });
      expect((await page(`/uz/news/${uz.slug}`)).body).toContain('data-urgency="2">Shoshilinch</span>');
      const cyr = await users.editor.req('POST', `/editions/${uz.id}/derive`);
      expect((await users.editor.req('POST', `/editions/${cyr.json.id}/transition`, { to: 'published' })).status).toBe(200);
      const cyrPage = await page(`/uz-cyrl/news/${cyr.json.slug}`);
      expect(cyrPage.statusCode).toBe(200);
      expect(cyrPage.body).toContain('data-urgency="2">Шошилинч</span>');
    });

    it('follows the edit rights: a contributor may not change a published story', async () => {
      const mine = await story(users.contributor, 'Заметка корреспондента', { publish: false });
      expect((await users.contributor.req('PUT', `/editions/${mine.id}/urgency`, { urgency: 2 })).status).toBe(200);
      expect((await admin.req('POST', `/editions/${mine.id}/transition`, { to: 'published' })).status).toBe(200);
      const r = await users.contributor.req('PUT', `/editions/${mine.id}/urgency`, { urgency: 1 });
      expect(r.status).toBe(403);
      const audit = await admin.req('PUT', `/editions/${mine.id}/urgency`, { urgency: 1 });
      expect(audit.status).toBe(200);
      const log = await s.c.db.kysely.selectFrom('audit_log').select(['action', 'details']).where('entity_id', '=', mine.id).where('action', '=', 'story.urgency').execute();
      expect(log).toHaveLength(1);
      expect(JSON.parse(log[0]!.details)).toMatchObject({ before: 2, after: 1 });
    });
  });

  describe('hand-picked related stories', () => {
    it('come first in the editor\'s order, only when readers can see them, and the automatic ones fill the rest', async () => {
      const main = await story(users.editor, 'Главная история дня');
      const a = await story(users.editor, 'Первая выбранная', { section: otherSection });
      const b = await story(users.editor, 'Вторая выбранная', { section: otherSection });
      const hidden = await story(users.editor, 'Выбранный черновик', { publish: false });
      const english = await story(users.editor, 'Only in English', { locale: 'en', section: otherSection });
      const put = await users.editor.req('PUT', `/editions/${main.id}/related`, { storyIds: [b.storyId, hidden.storyId, english.storyId, a.storyId] });
      expect(put.status, JSON.stringify(put.json)).toBe(200);
      expect(put.json.items.map((x: any) => x.storyId)).toEqual([b.storyId, hidden.storyId, english.storyId, a.storyId]);
      expect(put.json.items[2]).toMatchObject({ locale: 'en', headline: 'Only in English' });

      const block = relatedBlock((await page(`/ru/news/${main.slug}`)).body);
      const order = [...block.matchAll(/<a href="\/ru\/news\/([^"]+)"/g)].map((m) => m[1]);
      const unique = [...new Set(order)];
      expect(unique.slice(0, 2)).toEqual([b.slug, a.slug]);
      expect(block).not.toContain('Выбранный черновик');
      expect(block).not.toContain('Only in English');
      // Two more from the automatic choice (same section) fill the block of four.
      expect(unique).toHaveLength(4);

      // Once the draft is published it takes its place among the picks.
      expect((await users.editor.req('POST', `/editions/${hidden.id}/transition`, { to: 'published' })).status).toBe(200);
      const again = [...new Set([...relatedBlock((await page(`/ru/news/${main.slug}`)).body).matchAll(/<a href="\/ru\/news\/([^"]+)"/g)].map((m) => m[1]))];
      expect(again.slice(0, 3)).toEqual([b.slug, hidden.slug, a.slug]);
    });

    it('checks the list: at most six, existing stories, never the story itself', async () => {
      const main = await story(users.editor, 'Проверка списка');
      const others = await Promise.all(Array.from({ length: 7 }, (_, i) => story(users.editor, `Кандидат ${i}`, { publish: false })));
      const seven = await users.editor.req('PUT', `/editions/${main.id}/related`, { storyIds: others.map((o) => o.storyId) });
      expect(seven.status).toBe(422);
      expect((await users.editor.req('PUT', `/editions/${main.id}/related`, { storyIds: [main.storyId] })).status).toBe(422);
      expect((await users.editor.req('PUT', `/editions/${main.id}/related`, { storyIds: [999999] })).status).toBe(422);
      expect((await users.editor.req('GET', `/editions/${main.id}/related`)).json.items).toEqual([]);
    });

    it('belong to the story: a contributor may not change them once it is published', async () => {
      const mine = await story(users.contributor, 'Моя заметка', { publish: false });
      const other = await story(users.editor, 'Связанная заметка');
      expect((await users.contributor.req('PUT', `/editions/${mine.id}/related`, { storyIds: [other.storyId] })).status).toBe(200);
      expect((await admin.req('POST', `/editions/${mine.id}/transition`, { to: 'published' })).status).toBe(200);
      expect((await users.contributor.req('PUT', `/editions/${mine.id}/related`, { storyIds: [] })).status).toBe(403);
      expect((await users.contributor.req('GET', `/editions/${mine.id}/related`)).json.items.map((x: any) => x.storyId)).toEqual([other.storyId]);
    });

    it('the picker finds published stories by headline, whatever the case', async () => {
      const main = await story(users.editor, 'Исходная история', { publish: false });
      const t = await story(users.editor, 'Ташкент принял делегацию');
      await story(users.editor, 'Ташкентский черновик', { publish: false });
      const r = await users.editor.req('GET', `/editions/${main.id}/related/candidates?q=${encodeURIComponent('ташкент')}`);
      expect(r.status).toBe(200);
      expect(r.json.items.map((x: any) => x.headline)).toEqual(['Ташкент принял делегацию']);
      expect(r.json.items[0]).toMatchObject({ storyId: t.storyId, editionId: t.id, status: 'published' });
      const none = await users.editor.req('GET', `/editions/${main.id}/related/candidates?q=${encodeURIComponent('%')}`);
      expect(none.json.items).toEqual([]);
    });

    it('two editors saving picks at once: one list wins whole, never a mix', async () => {
      const main = await story(users.editor, 'Гонка выбора');
      const xs = await Promise.all(['Икс один', 'Икс два', 'Игрек один', 'Игрек два'].map((h) => story(users.editor, h, { publish: false })));
      const [one, two] = [[xs[0]!.storyId, xs[1]!.storyId], [xs[2]!.storyId, xs[3]!.storyId]];
      const res = await Promise.all([users.editor.req('PUT', `/editions/${main.id}/related`, { storyIds: one }), admin.req('PUT', `/editions/${main.id}/related`, { storyIds: two })]);
      expect(res.map((r) => r.status)).toEqual([200, 200]);
      const final = (await users.editor.req('GET', `/editions/${main.id}/related`)).json.items.map((x: any) => x.storyId);
      expect([JSON.stringify(one), JSON.stringify(two)]).toContain(JSON.stringify(final));
    });
  });
});
