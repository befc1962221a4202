/**
 * The public read API (/api) on SQLite and PostgreSQL, through the real HTTP layer: every
 * response checked against the schema the served OpenAPI document gives for it (ajv), cursor
 * pages walked to the end while a story is published in between, filters, 400s, 404s, CORS,
 * caching headers, both Uzbek scripts, and the document listing exactly the served routes.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphsToDoc } from '../src/content/document.js';
import { listRoutes } from '../src/http/edge.js';
import { DIALECTS } from './helpers/site.js';
import { makeNewsroom, type Newsroom } from './helpers/editorial.js';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const MIN = 60_000;

describe.each(DIALECTS)('public read API on %s', (dialect) => {
  let n: Newsroom;
  let doc: any;
  const ajv = new Ajv({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: under NodeNext its default export arrives as the module object.
  const addFormats = ((formatsModule as unknown as { default?: typeof formatsModule }).default ?? formatsModule) as unknown as (a: Ajv) => void;
  addFormats(ajv);
  const compiled = new Map<string, ValidateFunction>();
  let ip = 0;
  /** Each request from its own address, so the 'api' rate limit never decides a test but its own. */
  const get = (url: string, headers: Record<string, string> = {}, remoteAddress = `198.51.${Math.floor(++ip / 250)}.${ip % 250}`) =>
    n.s.app.inject({ method: 'GET', url, headers, remoteAddress });

  /** The body must match the document's schema for this path, method and status. */
  function conforms(path: string, status: number, body: unknown) {
    const key = `${path} ${status}`;
    let v = compiled.get(key);
    if (!v) {
      const schema = doc.paths[path]?.get?.responses?.[String(status)]?.content?.['application/json']?.schema;
      expect(schema, `no schema for ${key}`).toBeTruthy();
      v = ajv.compile(schema);
      compiled.set(key, v);
    }
    const check = v;
    expect(check(body), `${key}: ${JSON.stringify(check.errors)}`).toBe(true);
  }
  /** GET a JSON endpoint, check status and schema, return the body. */
  async function json(url: string, status: number, docPath: string) {
    const r = await get(url);
    expect(r.statusCode, `${url}: ${r.body}`).toBe(status);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    const body = r.json();
    conforms(docPath, status, body);
    return body;
  }

  let sectionId: number, sportId: number, tagId: number, authorId: number, mediaId: number;
  /** Visible uz stories, newest first, as the list must give them. */
  const uzIds: number[] = [];
  let ruId: number, cyrlId: number, latnId: number, draftId: number;
  const politicsIds = new Set<number>(), tagged = new Set<number>(), authored = new Set<number>();

  async function publish(locale: 'uz' | 'ru' | 'en' | 'uz-Cyrl', headline: string, at: number, o: { section?: number; tag?: boolean; author?: boolean; image?: boolean } = {}) {
    const created = await n.s.c.stories.create({
      sectionId: o.section ?? null,
      tagIds: o.tag ? [tagId] : [],
      authorIds: o.author ? [authorId] : [],
      heroMediaId: o.image ? mediaId : null,
      editions: [{ locale, headline, lead: `${headline}.`, doc: paragraphsToDoc(['Matn.']), status: 'published', publishedAt: new Date(at), dateline: { city: 'Toshkent', agency: '' } }],
    });
    return created.editions[0]!.id;
  }

  beforeAll(async () => {
    n = await makeNewsroom(dialect, T0);
    const c = n.s.c;
    sectionId = n.sectionId;
    sportId = n.otherSectionId;
    [tagId, authorId] = await c.db.kysely.transaction().execute(async (trx) => [
      // No uz-Cyrl name: the Cyrillic API shows the Latin one transliterated.
      await c.taxonomy.upsertTag(trx, 'saylov', { uz: 'Saylov', ru: 'Выборы' }),
      await c.taxonomy.upsertAuthor(trx, 'aziz-karimov', { uz: 'Aziz Karimov', ru: 'Азиз Каримов' }, { uz: 'Muxbir' }),
    ]);
    const img = await sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 40, g: 90, b: 160 } } }).jpeg().toBuffer();
    mediaId = await c.media.storeImage({ data: img, credit: 'Xabar', originalName: 'hero.jpg', texts: { uz: { alt: 'Koʻprik', caption: 'Yangi koʻprik' } } });

    // 23 uz stories a minute apart, two of them at the very same moment (the id breaks the tie).
    for (let i = 0; i < 23; i++) {
      const at = T0 - (i === 11 ? 10 : i) * MIN;
      const politics = i % 2 === 0;
      const id = await publish('uz', `Yangilik ${i}`, at, { section: politics ? sectionId : sportId, tag: i % 3 === 0, author: i % 4 === 0, image: i === 0 });
      if (politics) politicsIds.add(id);
      if (i % 3 === 0) tagged.add(id);
      if (i % 4 === 0) authored.add(id);
    }
    // A story in three languages, both Uzbek scripts among them.
    const multi = await c.stories.create({
      sectionId,
      tagIds: [tagId],
      heroMediaId: mediaId,
      editions: [
        { locale: 'uz', headline: 'Koʻprik ochildi', lead: 'Lid.', doc: paragraphsToDoc(['Koʻprik ochildi.']), status: 'published', publishedAt: new Date(T0 - 30 * MIN), dateline: { city: 'Toshkent', agency: '' } },
        { locale: 'uz-Cyrl', headline: 'Кўприк очилди', lead: 'Лид.', doc: paragraphsToDoc(['Кўприк очилди.']), status: 'published', publishedAt: new Date(T0 - 30 * MIN), derivedFrom: 'uz' },
        { locale: 'ru', headline: 'Мост открыт', lead: 'Лид.', doc: paragraphsToDoc(['Мост открыт.']), status: 'published', publishedAt: new Date(T0 - 30 * MIN) },
        { locale: 'en', headline: 'Bridge opens', doc: paragraphsToDoc(['Bridge opens.']), status: 'draft' },
      ],
    });
    [latnId, cyrlId, ruId, draftId] = multi.editions.map((e) => e.id) as [number, number, number, number];
    politicsIds.add(latnId);
    tagged.add(latnId);
    // Two stories still 'scheduled' whose time has come: visible, and merged into the order with the published ones.
    const scheduled = await c.db.kysely.selectFrom('editions').select('id').where('headline', 'in', ['Yangilik 5', 'Yangilik 11']).execute();
    await c.db.kysely.updateTable('editions').set({ status: 'scheduled' }).where('id', 'in', scheduled.map((r) => r.id)).execute();
    const rows = await c.db.kysely.selectFrom('editions').select(['id', 'published_at']).where('locale', '=', 'uz').orderBy('published_at', 'desc').orderBy('id', 'desc').execute();
    uzIds.push(...rows.map((r) => r.id));
    // A story for later, and one under embargo: neither is visible yet.
    await publish('uz', 'Kelajakdagi yangilik', T0 + 60 * MIN);

    doc = (await get('/api/openapi.json')).json();
  });
  afterAll(async () => {
    await n?.s.close();
  });

  it('describes exactly the routes it serves under /api/v1, each with its response schemas', async () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.servers[0].url).toBe('https://news.example.test/api');
    const served = listRoutes(n.s.app)
      .filter((r) => r.url.startsWith('/api/v1/') && r.method === 'GET')
      .map((r) => r.url.slice('/api'.length).replace(/:(\w+)/g, '{$1}'))
      .sort();
    expect(Object.keys(doc.paths).sort()).toEqual(served);
    expect(served).toEqual(['/v1/authors', '/v1/sections', '/v1/stories', '/v1/stories/{id}', '/v1/tags']);
    for (const p of served) {
      expect(Object.keys(doc.paths[p])).toEqual(['get']);
      for (const status of ['200', '400', '429']) expect(doc.paths[p].get.responses[status]?.content?.['application/json']?.schema, `${p} ${status}`).toBeTruthy();
    }
    const params = doc.paths['/v1/stories'].get.parameters.map((p: { name: string }) => p.name).sort();
    expect(params).toEqual(['author', 'cursor', 'limit', 'locale', 'section', 'since', 'tag']);
  });

  it('renders the document as a readable HTML page with every endpoint and parameter', async () => {
    const r = await get('/api/docs');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['content-security-policy']).toContain("script-src 'none'");
    expect(r.body).not.toMatch(/<script/i);
    for (const p of Object.keys(doc.paths)) expect(r.body).toContain(`<code>https://news.example.test/api${p}</code>`);
    for (const name of ['cursor', 'since', 'nextCursor', 'items[].image.variants[].width', 'bodyHtml']) expect(r.body).toContain(`<code>${name}</code>`);
  });

  it('walks the whole list by cursor with no duplicate or gap while a story is published in between', async () => {
    const seen: number[] = [];
    let url = '/api/v1/stories?locale=uz&limit=7';
    let pages = 0;
    let published: number | null = null;
    for (;;) {
      const body = await json(url, 200, '/v1/stories');
      seen.push(...body.items.map((i: { id: number }) => i.id));
      pages++;
      if (pages === 2) {
        n.s.tick(1000);
        published = await publish('uz', 'Yangi xabar', n.s.c.clock());
      }
      if (!body.nextCursor) break;
      expect(body.items).toHaveLength(7);
      url = `/api/v1/stories?locale=uz&limit=7&cursor=${body.nextCursor}`;
    }
    expect(seen).toEqual(uzIds);
    expect(pages).toBe(Math.ceil(uzIds.length / 7));
    // The newcomer heads a fresh first page, never the middle of a walk.
    const first = await json('/api/v1/stories?locale=uz&limit=1', 200, '/v1/stories');
    expect(first.items[0].id).toBe(published);
    await n.s.c.db.kysely.deleteFrom('editions').where('id', '=', published!).execute();
  });

  it('presents list items with absolute URLs, terms, ISO dates and the image with its variants', async () => {
    const body = await json('/api/v1/stories?locale=uz&limit=1', 200, '/v1/stories');
    const item = body.items[0];
    expect(item).toMatchObject({
      id: uzIds[0],
      locale: 'uz',
      language: 'uz-Latn',
      headline: 'Yangilik 0',
      publishedAt: new Date(T0).toISOString(),
      // `slug` identifies the section; its page has an address per language (issue 14).
      section: { id: sectionId, slug: 'politics', name: 'Siyosat', url: 'https://news.example.test/uz/section/siyosat' },
      tags: [{ id: tagId, slug: 'saylov', name: 'Saylov', url: 'https://news.example.test/uz/tag/saylov' }],
      authors: [{ id: authorId, slug: 'aziz-karimov', name: 'Aziz Karimov' }],
    });
    expect(item.url).toMatch(/^https:\/\/news\.example\.test\/uz\/news\/yangilik-0/);
    expect(item.image).toMatchObject({ mediaId, alt: 'Koʻprik', credit: 'Xabar', main: { type: 'image/jpeg' } });
    expect(item.image.variants.length).toBeGreaterThan(1);
    for (const v of item.image.variants) expect(v.url).toMatch(/^https:\/\/news\.example\.test\/media\//);
  });

  it('filters by section, tag, author and since, and combines them', async () => {
    const all = async (q: string) => {
      const ids: number[] = [];
      let url = `/api/v1/stories?${q}&limit=5`;
      for (;;) {
        const body = await json(url, 200, '/v1/stories');
        ids.push(...body.items.map((i: { id: number }) => i.id));
        if (!body.nextCursor) return ids;
        url = `/api/v1/stories?${q}&limit=5&cursor=${body.nextCursor}`;
      }
    };
    expect(await all('locale=uz&section=politics')).toEqual(uzIds.filter((id) => politicsIds.has(id)));
    expect(await all('locale=uz&tag=saylov')).toEqual(uzIds.filter((id) => tagged.has(id)));
    expect(await all('locale=uz&author=aziz-karimov')).toEqual(uzIds.filter((id) => authored.has(id)));
    expect(await all('locale=uz&section=politics&tag=saylov')).toEqual(uzIds.filter((id) => politicsIds.has(id) && tagged.has(id)));
    // since: published (or updated) at or after the moment; the edit of an old story counts.
    const since = new Date(T0 - 3 * MIN).toISOString();
    expect(await all(`locale=uz&since=${encodeURIComponent(since)}`)).toEqual(uzIds.slice(0, 4));
    const old = uzIds.at(-1)!;
    await n.s.c.db.kysely.updateTable('editions').set({ updated_at: T0 }).where('id', '=', old).execute();
    expect(await all(`locale=uz&since=${encodeURIComponent(since)}`)).toEqual([...uzIds.slice(0, 4), old]);
    expect(await all(`locale=uz&since=${encodeURIComponent('2026-03-02T14:00:00+05:00')}`)).toEqual([uzIds[0], old]);
  });

  it('answers bad queries with a 400 JSON error: unknown parameter, limits, bad or foreign cursors', async () => {
    const page = await json('/api/v1/stories?locale=uz&limit=2', 200, '/v1/stories');
    const cursor = page.nextCursor as string;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const bad = [
      '/api/v1/stories?foo=1',
      '/api/v1/stories?locale=uz&limit=0',
      '/api/v1/stories?locale=uz&limit=101',
      '/api/v1/stories?locale=uz&limit=abc',
      '/api/v1/stories?locale=uz&limit=',
      '/api/v1/stories?locale=xx',
      '/api/v1/stories?locale=uz&locale=ru',
      '/api/v1/stories?locale=uz&since=yesterday',
      '/api/v1/stories?locale=uz&section=no-such-section',
      '/api/v1/stories?locale=uz&tag=BAD_SLUG',
      '/api/v1/stories?locale=uz&cursor=garbage',
      `/api/v1/stories?locale=uz&cursor=${cursor}x`,
      `/api/v1/stories?locale=uz&cursor=${Buffer.from('["x",1,2]').toString('base64url')}`,
      // The same cursor with another filter set, or another language, or on another list.
      `/api/v1/stories?locale=uz&section=politics&cursor=${cursor}`,
      `/api/v1/stories?locale=ru&cursor=${cursor}`,
      `/api/v1/tags?locale=uz&cursor=${cursor}`,
      '/api/v1/tags?locale=uz&q=x',
      '/api/v1/sections?locale=uz&limit=5',
      '/api/v1/stories/1?locale=uz',
      '/api/v1/stories/abc',
      '/api/v1/stories/2147483648',
    ];
    for (const url of bad) {
      const r = await get(url);
      expect(r.statusCode, `${url}: ${r.body}`).toBe(400);
      expect(r.headers['content-type']).toMatch(/^application\/json/);
      expect(r.json().error.code, url).toBe('bad_request');
      const path = new URL(url, 'http://x').pathname.slice(4).replace(/\/stories\/[^/]+$/, '/stories/{id}');
      conforms(path, 400, r.json());
    }
    expect((await get('/api/v1/stories?foo=1&locale=uz')).json().error).toMatchObject({ message: 'Check the query parameters: foo.', details: { fields: [{ field: 'foo', key: 'api.unknown_param' }] } });
    expect((await get(`/api/v1/stories?locale=uz&section=politics&cursor=${cursor}`)).json().error.key).toBe('api.bad_cursor');
    // The cursor still works with its own query, the limit aside.
    expect((await get(`/api/v1/stories?locale=uz&limit=3&cursor=${cursor}`)).statusCode).toBe(200);
  });

  it('serves one visible story with body, image variants and its other editions; 404 otherwise', async () => {
    const s = await json(`/api/v1/stories/${latnId}`, 200, '/v1/stories/{id}');
    expect(s).toMatchObject({ id: latnId, locale: 'uz', headline: 'Koʻprik ochildi', dateline: expect.stringMatching(/^TOSHKENT/) });
    expect(s.bodyHtml).toContain('Koʻprik ochildi.');
    expect(s.image.variants.length).toBeGreaterThan(1);
    // In the site's language order (ru, uz, uz-Cyrl, en); the draft English edition is not there.
    expect(s.editions).toEqual([
      { id: ruId, locale: 'ru', language: 'ru', url: expect.stringMatching(/^https:\/\/news\.example\.test\/ru\/news\//), headline: 'Мост открыт' },
      { id: cyrlId, locale: 'uz-Cyrl', language: 'uz-Cyrl', url: expect.stringMatching(/^https:\/\/news\.example\.test\/uz-cyrl\/news\//), headline: 'Кўприк очилди' },
    ]);
    for (const id of [draftId, 999_999, uzIds.length + 1000]) {
      const r = await get(`/api/v1/stories/${id}`);
      expect(r.statusCode).toBe(404);
      expect(r.json().error.code).toBe('not_found');
      conforms('/v1/stories/{id}', 404, r.json());
    }
    const future = await n.s.c.db.kysely.selectFrom('editions').select('id').where('headline', '=', 'Kelajakdagi yangilik').executeTakeFirstOrThrow();
    expect((await get(`/api/v1/stories/${future.id}`)).statusCode).toBe(404);
  });

  it('drops an unpublished story from the list and its own URL at once', async () => {
    const id = await publish('uz', 'Olib tashlanadigan xabar', n.s.c.clock() - 1);
    expect((await json('/api/v1/stories?locale=uz&limit=1', 200, '/v1/stories')).items[0].id).toBe(id);
    expect((await get(`/api/v1/stories/${id}`)).statusCode).toBe(200);
    const r = await n.editor.req('POST', `/editions/${id}/transition`, { to: 'unpublished', from: 'published', reason: 'Xato' });
    expect(r.status, r.body).toBe(200);
    expect((await json('/api/v1/stories?locale=uz&limit=1', 200, '/v1/stories')).items[0].id).toBe(uzIds[0]);
    expect((await get(`/api/v1/stories/${id}`)).statusCode).toBe(404);
  });

  it('speaks both Uzbek scripts: Cyrillic editions and names, transliterated where only Latin was typed', async () => {
    const cyr = await json('/api/v1/stories?locale=uz-Cyrl', 200, '/v1/stories');
    expect(cyr.items.map((i: { id: number }) => i.id)).toEqual([cyrlId]);
    expect(cyr.items[0]).toMatchObject({ language: 'uz-Cyrl', headline: 'Кўприк очилди', section: { name: 'Сиёсат' }, tags: [{ slug: 'saylov', name: 'Сайлов' }] });
    const tags = await json('/api/v1/tags?locale=uz-Cyrl', 200, '/v1/tags');
    expect(tags.items).toEqual([{ id: tagId, slug: 'saylov', name: 'Сайлов', url: 'https://news.example.test/uz-cyrl/tag/saylov' }]);
    const authors = await json('/api/v1/authors?locale=uz-Cyrl', 200, '/v1/authors');
    expect(authors.items).toEqual([{ id: authorId, slug: 'aziz-karimov', name: 'Азиз Каримов', bio: 'Мухбир', url: 'https://news.example.test/uz-cyrl/author/aziz-karimov' }]);
    const sections = await json('/api/v1/sections?locale=uz-Cyrl', 200, '/v1/sections');
    expect(sections.items.map((s: { name: string }) => s.name)).toEqual(['Сиёсат', 'Спорт']);
    expect((await json('/api/v1/stories?locale=uz&tag=saylov&limit=1', 200, '/v1/stories')).items[0].tags[0].name).toBe('Saylov');
  });

  it('lists sections, and pages tags and authors by cursor; the default language is the site’s', async () => {
    const sections = await json('/api/v1/sections', 200, '/v1/sections');
    expect(sections.items.map((s: { slug: string; name: string }) => [s.slug, s.name])).toEqual([['politics', 'Политика'], ['sport', 'Спорт']]);
    const def = await json('/api/v1/stories?limit=100', 200, '/v1/stories');
    expect(def.items.map((i: { id: number }) => i.id)).toEqual([ruId]);
    const more = await n.s.c.db.kysely.transaction().execute(async (trx) => [await n.s.c.taxonomy.upsertTag(trx, 'iqtisod', { uz: 'Iqtisod' }), await n.s.c.taxonomy.upsertTag(trx, 'sport', { uz: 'Sport' })]);
    const walked: number[] = [];
    let url = '/api/v1/tags?locale=uz&limit=1';
    for (;;) {
      const body = await json(url, 200, '/v1/tags');
      walked.push(...body.items.map((t: { id: number }) => t.id));
      if (!body.nextCursor) break;
      url = `/api/v1/tags?locale=uz&limit=1&cursor=${body.nextCursor}`;
    }
    expect(walked).toEqual([tagId, ...more]);
    // A tag without a Russian name is not listed in Russian.
    expect((await json('/api/v1/tags?locale=ru', 200, '/v1/tags')).items.map((t: { id: number }) => t.id)).toEqual([tagId]);
    expect((await json('/api/v1/authors?locale=en', 200, '/v1/authors')).items).toEqual([]);
  });

  it('opens CORS for reading and answers preflight requests', async () => {
    const r = await get('/api/v1/sections', { origin: 'https://app.example.org' });
    expect(r.headers['access-control-allow-origin']).toBe('*');
    const pre = await n.s.app.inject({ method: 'OPTIONS', url: '/api/v1/stories?locale=uz', headers: { origin: 'https://app.example.org', 'access-control-request-method': 'GET' }, remoteAddress: '198.51.200.1' });
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe('*');
    expect(String(pre.headers['access-control-allow-methods'])).toContain('GET');
    expect(String(pre.headers['access-control-allow-methods'])).not.toContain('POST');
    const head = await n.s.app.inject({ method: 'HEAD', url: '/api/v1/sections', headers: { origin: 'https://app.example.org' }, remoteAddress: '198.51.200.2' });
    expect(head.statusCode).toBe(200);
    expect(head.headers['access-control-allow-origin']).toBe('*');
    expect(head.body).toBe('');
    // The newsroom API is not opened.
    const admin = await get('/admin/api/me', { origin: 'https://app.example.org' });
    expect(admin.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets clients cache briefly and revalidate with ETag (304)', async () => {
    const url = '/api/v1/stories?locale=uz&limit=3';
    const r = await get(url);
    expect(r.headers['cache-control']).toBe('public, max-age=30');
    const etag = r.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await get(url, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await get(url, { 'if-none-match': '"other"' })).statusCode).toBe(200);
    // A change gives a new tag.
    await n.s.c.db.kysely.updateTable('editions').set({ headline: 'Yangilik 0 (tahrir)' }).where('id', '=', uzIds[0]!).execute();
    const changed = await get(url, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect((await get('/api/v1/stories/999999')).headers['cache-control']).toBe('no-cache');
  });

  it('answers unknown API paths with a JSON 404 and rate-limits per address with the api limit', async () => {
    for (const url of ['/api/v1/nothing', '/api/v2/stories', '/api/news']) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(404);
      expect(r.json().error.code).toBe('not_found');
    }
    for (const url of ['/api', '/api/']) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(302);
      expect(r.headers.location).toBe('/api/docs');
    }
    const limit = n.s.c.config.rateLimits.api;
    let last = 0;
    for (let i = 0; i <= limit; i++) last = (await get('/api/v1/stories/999999', {}, '203.0.113.99')).statusCode;
    expect(last).toBe(429);
    const r = await get('/api/v1/stories/999999', {}, '203.0.113.99');
    expect(r.headers['retry-after']).toBeTruthy();
    conforms('/v1/stories/{id}', 429, r.json());
  });

  it('answers generated hostile queries with 200, 400 or 404 — each in its documented shape, never a 5xx', async () => {
    const cursor = (await json('/api/v1/stories?locale=uz&limit=1', 200, '/v1/stories')).nextCursor as string;
    const value = fc.oneof(
      fc.constantFrom('', 'uz', 'uz-Cyrl', 'ru', 'politics', 'saylov', '0', '1', '100', '101', '-1', '1e2', '1.5', 'NaN', '2147483648', '2026-03-02T09:00:00Z', '2026-13-45T99:99:99Z', cursor, cursor.slice(1), '%00', '%ED%A0%80', 'x'.repeat(5000)),
      fc.string({ maxLength: 30 }).map(encodeURIComponent),
    );
    const keys = ['locale', 'section', 'tag', 'author', 'since', 'limit', 'cursor', 'q', 'page'];
    const query = fc.array(fc.tuple(fc.constantFrom(...keys), value), { maxLength: 4 }).map((kv) => kv.map(([k, v]) => `${k}=${v}`).join('&'));
    const target = fc.oneof(
      fc.constantFrom('/v1/stories', '/v1/sections', '/v1/tags', '/v1/authors').map((p) => ({ url: p, doc: p })),
      fc.constantFrom(String(latnId), '0', '-1', 'abc', '2147483647', '2147483648', '%00', '1.0').map((id) => ({ url: `/v1/stories/${id}`, doc: '/v1/stories/{id}' })),
    );
    const seen = new Map<number, number>();
    for (const [t, q] of fc.sample(fc.tuple(target, query), { seed: 20261206, numRuns: 250 })) {
      const url = `/api${t.url}${q ? `?${q}` : ''}`;
      const r = await get(url);
      seen.set(r.statusCode, (seen.get(r.statusCode) ?? 0) + 1);
      expect([200, 400, 404], `${url}: ${r.body.slice(0, 300)}`).toContain(r.statusCode);
      expect(r.headers['content-type'], url).toMatch(/^application\/json/);
      conforms(t.doc, r.statusCode, r.json());
    }
    // Both kinds of answer really happened.
    expect(seen.get(200) ?? 0).toBeGreaterThan(20);
    expect(seen.get(400) ?? 0).toBeGreaterThan(20);
  });

  it('serves only the languages the site publishes', async () => {
    const settings = (await n.admin.req('GET', '/settings')).json;
    const saved = await n.admin.req('PUT', '/settings', { ...settings, enabledLocales: ['uz', 'uz-Cyrl'], defaultLocale: 'uz' });
    expect(saved.status, saved.body).toBe(200);
    try {
      const off = await get('/api/v1/stories?locale=ru');
      expect(off.statusCode).toBe(400);
      expect(off.json().error.key).toBe('api.locale_off');
      expect((await get(`/api/v1/stories/${ruId}`)).statusCode).toBe(404);
      // The default follows the site's.
      expect((await json('/api/v1/stories?limit=1', 200, '/v1/stories')).items[0].locale).toBe('uz');
    } finally {
      await n.admin.req('PUT', '/settings', settings);
    }
  });
});
