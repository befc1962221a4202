/**
 * Shareable preview links through the real HTTP layer, on SQLite and PostgreSQL: who may make
 * them, what the public page sends (noindex, no-store, the banner), that nothing is cached, and
 * that revoked, expired and unknown links all look like any missing page.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './helpers/client.js';
import { DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';

const NOW = Date.UTC(2026, 10, 20, 9, 0);
const PW = 'correct horse battery';
const doc = (...ps: string[]) => ({ type: 'doc', content: ps.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
const saveBody = (e: any, patch: Record<string, unknown> = {}) => ({
  version: e.version, headline: e.headline, slug: e.slug, lead: e.lead, body: e.body, datelineCity: e.datelineCity,
  sectionId: e.sectionId, tagIds: e.tags.map((t: any) => t.id), authorIds: e.authors.map((a: any) => a.id), heroMediaId: e.heroMediaId,
  heroCaption: e.heroCaption, seoTitle: e.seoTitle, seoDescription: e.seoDescription, isMain: e.isMain, isBreaking: e.isBreaking, embargoUntil: e.embargoUntil, ...patch,
});
const pathOf = (url: string) => new URL(url).pathname;

describe.each(DIALECTS)('preview links on %s', (dialect) => {
  let s: TestSite;
  let admin: ApiClient;
  const users: Record<'contributor' | 'author' | 'editor', ApiClient> = {} as never;
  let sectionId: number;

  async function draft(c: ApiClient, headline: string, text = 'Черновик для юриста.') {
    const created = await c.req('POST', '/stories', { locale: 'ru', headline });
    expect(created.status).toBe(201);
    const saved = await c.req('PUT', `/editions/${created.json.id}`, saveBody(created.json, { sectionId, body: doc(text) }));
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    return saved.json;
  }
  const open = (url: string, headers: Record<string, string> = {}) => s.app.inject({ method: 'GET', url: pathOf(url), headers, remoteAddress: '203.0.113.9' });

  beforeAll(async () => {
    s = await makeTestSite(dialect, { now: NOW });
    admin = new ApiClient(s.app);
    await admin.session();
    expect((await admin.req('POST', '/setup', { email: 'admin@example.uz', name: 'Админ', password: PW })).status).toBe(201);
    for (const role of ['contributor', 'author', 'editor'] as const) {
      expect((await admin.req('POST', '/users', { email: `${role}@example.uz`, name: role, role, password: PW })).status).toBe(201);
      users[role] = new ApiClient(s.app, `10.0.1.${Object.keys(users).length + 2}`);
      expect((await users[role].login(`${role}@example.uz`, PW)).status).toBe(200);
    }
    sectionId = (await admin.req('POST', '/sections', { slug: 'politics', color: '#1D4E89', names: { ru: 'Политика', en: 'Politics' } })).json.id;
  });
  afterAll(async () => {
    await s?.close();
  });

  it('serves the draft without signing in, marked noindex and no-store, with the banner', async () => {
    const e = await draft(users.editor, 'Проект заявления министра');
    const made = await users.editor.req('POST', `/editions/${e.id}/preview-links`, { expiry: '24h' });
    expect(made.status, JSON.stringify(made.json)).toBe(201);
    expect(made.json.url).toMatch(/^https:\/\/news\.example\.test\/preview\/[A-Za-z0-9_-]{43}$/);
    expect(made.json.expiresAt).toBe(new Date(NOW + 24 * 3600_000).toISOString());

    const res = await open(made.json.url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.body).toContain('<meta name="robots" content="noindex, nofollow"/>');
    expect(res.body).toContain('Предпросмотр — не опубликовано');
    expect(res.body).toContain('Проект заявления министра');
    expect(res.body).toContain('Черновик для юриста.');
    // The draft itself is still not public.
    expect((await s.app.inject({ method: 'GET', url: `/ru/news/${e.slug}` })).statusCode).toBe(404);
  });

  it('stores only a hash of the token', async () => {
    const e = await draft(users.editor, 'Хранение токена');
    const made = await users.editor.req('POST', `/editions/${e.id}/preview-links`, { expiry: '1h' });
    const token = pathOf(made.json.url).split('/').pop()!;
    const row = await s.c.db.kysely.selectFrom('preview_links').selectAll().where('id', '=', made.json.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(crypto.createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('never enters the page cache: an edit shows at once, and no cache entry is made', async () => {
    const e = await draft(users.editor, 'Первая версия заголовка');
    const made = await users.editor.req('POST', `/editions/${e.id}/preview-links`, { expiry: '1h' });
    const before = s.c.pageCache!.size;
    expect((await open(made.json.url)).body).toContain('Первая версия заголовка');
    expect(s.c.pageCache!.get(pathOf(made.json.url))).toBeUndefined();
    expect(s.c.pageCache!.size).toBe(before);
    const saved = await users.editor.req('PUT', `/editions/${e.id}`, saveBody(e, { headline: 'Вторая версия заголовка' }));
    expect(saved.status).toBe(200);
    const again = await open(made.json.url, { 'if-none-match': '*' });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('Вторая версия заголовка');
  });

  it('lists active links and revokes one: the revoked link is a plain 404', async () => {
    const e = await draft(users.editor, 'Отзыв ссылки');
    const a = await users.editor.req('POST', `/editions/${e.id}/preview-links`, { expiry: '7d' });
    const b = await admin.req('POST', `/editions/${e.id}/preview-links`, { expiry: '1h' });
    const list = await users.editor.req('GET', `/editions/${e.id}/preview-links`);
    expect(list.json.items.map((x: any) => x.id)).toEqual([b.json.id, a.json.id].sort((x, y) => y - x));
    expect(list.json.items.find((x: any) => x.id === a.json.id)).toMatchObject({ expiresAt: new Date(NOW + 7 * 24 * 3600_000).toISOString(), createdBy: { name: 'editor' } });
    expect(JSON.stringify(list.json)).not.toContain('/preview/');

    // Two revokes at once: one wins, the other finds nothing to revoke.
    const both = await Promise.all([users.editor.req('DELETE', `/editions/${e.id}/preview-links/${a.json.id}`), admin.req('DELETE', `/editions/${e.id}/preview-links/${a.json.id}`)]);
    expect(both.map((r) => r.status).sort()).toEqual([204, 404]);
    const revoked = await open(a.json.url);
    const unknown = await open(`https://x/preview/${'A'.repeat(43)}`);
    const malformed = await open('https://x/preview/short');
    for (const r of [revoked, unknown, malformed]) {
      expect(r.statusCode).toBe(404);
      expect(r.headers['x-robots-tag']).toBe('noindex, nofollow');
      expect(r.headers['cache-control']).toBe('no-store');
      expect(r.body).not.toContain('Отзыв ссылки');
    }
    // The same page whichever way the link is dead.
    expect(revoked.body).toBe(unknown.body);
    expect((await open(b.json.url)).statusCode).toBe(200);
    expect((await users.editor.req('GET', `/editions/${e.id}/preview-links`)).json.items.map((x: any) => x.id)).toEqual([b.json.id]);
  });

  it('expires at the chosen time', async () => {
    const e = await draft(users.editor, 'Истекающая ссылка');
    const made = await users.editor.req('POST', `/editions/${e.id}/preview-links`, { expiry: '1h' });
    s.tick(3600_000 - 1);
    expect((await open(made.json.url)).statusCode).toBe(200);
    s.tick(1);
    const gone = await open(made.json.url);
    expect(gone.statusCode).toBe(404);
    expect(gone.body).not.toContain('Истекающая ссылка');
    expect((await users.editor.req('GET', `/editions/${e.id}/preview-links`)).json.items).toEqual([]);
  });

  it('is for editors: contributors and authors may not make, list or revoke links, even on their own stories', async () => {
    const own = await draft(users.contributor, 'Заметка корреспондента');
    const r = await users.contributor.req('POST', `/editions/${own.id}/preview-links`, { expiry: '1h' });
    expect(r.status).toBe(403);
    expect(r.json.error).toMatchObject({ key: 'preview.role_may_not', params: { role: 'contributor' } });
    expect(r.json.error.message).toMatch(/Ask an editor/);
    expect((await users.contributor.req('GET', `/editions/${own.id}/preview-links`)).status).toBe(403);
    const authors = await draft(users.author, 'Заметка автора');
    expect((await users.author.req('POST', `/editions/${authors.id}/preview-links`, { expiry: '1h' })).status).toBe(403);
    // Someone else's story looks missing to a contributor.
    const editors = await draft(users.editor, 'Чужая заметка');
    expect((await users.contributor.req('POST', `/editions/${editors.id}/preview-links`, { expiry: '1h' })).status).toBe(404);
    // An editor may share the contributor's draft.
    const made = await users.editor.req('POST', `/editions/${own.id}/preview-links`, { expiry: '1h' });
    expect(made.status).toBe(201);
    expect((await users.contributor.req('DELETE', `/editions/${own.id}/preview-links/${made.json.id}`)).status).toBe(403);
    expect(await s.c.db.kysely.selectFrom('preview_links').select('id').where('edition_id', '=', own.id).execute()).toHaveLength(1);
  });

  it('refuses other lifetimes with a message', async () => {
    const e = await draft(users.editor, 'Срок');
    const r = await users.editor.req('POST', `/editions/${e.id}/preview-links`, { expiry: '30d' });
    expect(r.status).toBe(422);
    expect(r.json.error.details.fields[0]).toMatchObject({ field: 'expiry', key: 'preview.expiry_choice' });
  });

  it('a published story shows the plain preview banner', async () => {
    const e = await draft(users.editor, 'Уже опубликовано');
    const made = await users.editor.req('POST', `/editions/${e.id}/preview-links`, { expiry: '1h' });
    expect((await users.editor.req('POST', `/editions/${e.id}/transition`, { to: 'published' })).status).toBe(200);
    const res = await open(made.json.url);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('не опубликовано');
    expect(res.body).toContain('preview-banner');
  });
});

describe('preview links are rate-limited', () => {
  let s: TestSite;
  afterAll(async () => {
    await s?.close();
  });
  it('answers 429 once the api limit is used up, before looking the token up', async () => {
    s = await makeTestSite('sqlite', { env: { XABAR_RATE_LIMIT_API: '3' } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await s.app.inject({ method: 'GET', url: `/preview/${'B'.repeat(43)}`, remoteAddress: '198.51.100.7' })).statusCode);
    expect(statuses).toEqual([404, 404, 404, 429]);
    const other = await s.app.inject({ method: 'GET', url: `/preview/${'B'.repeat(43)}`, remoteAddress: '198.51.100.8' });
    expect(other.statusCode).toBe(404);
  });
});
