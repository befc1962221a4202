/**
 * The wire for subscriber media: API keys (shown once, stored hashed, revocable, last use shown,
 * administrators only) and /wire/v1 — schema-valid ninjs 2.1 and well-formed NewsML-G2 for a key
 * holder, pubstatus for withheld and withdrawn items, filters, keyset cursors bound to their
 * query, rights per key (403), every kind of bad key (401 with a hint), per-key rate limits (429
 * with Retry-After, shared by two nodes on one Redis), and demo stories never served as new.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphsToDoc } from '../src/content/document.js';
import { multipart } from './helpers/client.js';
import { toXhtml, xmlEscape } from '../src/wire/newsml-g2.js';
import { DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';
import { draft, makeNewsroom, saveBody, type Newsroom } from './helpers/editorial.js';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const NAR = 'http://iptc.org/std/nar/2006-10-01/';
const SITE = 'https://news.example.test';

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
// The schema refers to GeoJSON for `places[].geometry`; the wire never sends places, so a stand-in
// that accepts any object keeps the test offline without weakening what it checks.
ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' });
const validateNinjs = ajv.compile(JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'schemas/ninjs-schema_2.1.json'), 'utf8')));
const expectNinjs = (item: unknown) => {
  const ok = validateNinjs(item);
  expect(ok, JSON.stringify(validateNinjs.errors)).toBe(true);
};
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['newsItem', 'subject', 'creator'].includes(name) });

describe('NewsML-G2 text', () => {
  it('escapes every text and turns the body HTML into well-formed XHTML', () => {
    expect(xmlEscape('a & b < c > "d" \'e\'\u0001\u000b')).toBe('a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;');
    const x = toXhtml('<p>A &amp; B&nbsp;<br><img src="/x.jpg?a=1&amp;b=2" alt=""> <video controls></video> «Ёлка» &amp;#x41;</p>\u0002');
    expect(XMLValidator.validate(`<body>${x}</body>`)).toBe(true);
    expect(x).toContain('<br/>');
    expect(x).toContain('src="/x.jpg?a=1&amp;b=2"');
    expect(x).toContain('controls=""');
    expect(x).toContain('«Ёлка»'); // characters, not references
    expect(x).toContain('\u00a0');
    expect(x).toContain('&amp;#x41;'); // a literal reference in the text stays text
  });
});

describe.each(DIALECTS)('the wire on %s', (dialect) => {
  let n: Newsroom;
  const ids = {} as Record<'ru1' | 'en1' | 'ru2' | 'uz1' | 'embargoed' | 'withdrawn' | 'draft', number>;
  let all = ''; // every locale and section
  let ruOnly = '';
  let politicsOnly = '';
  let demoEditionId = 0;

  const wire = (url: string, token: string | null, headers: Record<string, string> = {}) =>
    n.s.app.inject({ method: 'GET', url, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
  const publish = async (id: number) => {
    const r = await n.editor.req('POST', `/editions/${id}/transition`, { to: 'published', from: 'draft' });
    expect(r.status, r.body).toBe(200);
    n.s.tick(60_000);
    return r.json;
  };
  const newKey = async (body: Record<string, unknown>) => {
    const r = await n.admin.req('POST', '/api-keys', { ratePerMinute: 1000, sectionIds: [], ...body });
    expect(r.status, r.body).toBe(201);
    return r.json as { id: number; token: string; prefix: string };
  };

  beforeAll(async () => {
    n = await makeNewsroom(dialect, T0);
    // A story with a hero image, a tag and an author, published by the newsroom.
    const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#335577' } }).jpeg().toBuffer();
    const m = multipart({ name: 'hero.jpg', type: 'image/jpeg', data: jpeg }, { credit: 'Photo: Agency', caption: 'Делегации в зале', locale: 'ru' });
    const media = await n.admin.req('POST', '/media', m.body, m.headers);
    expect(media.status, media.body).toBe(201);
    const tag = await n.admin.req('POST', '/tags', { name: 'Женева', locale: 'ru' });
    const author = await n.admin.req('POST', '/authors', { names: { ru: 'Анна Петрова', en: 'Anna Petrova' }, slug: 'anna-petrova' });
    expect([tag.status, author.status]).toEqual([201, 201]);
    const a = await draft(n.editor, 'ru', 'Женева приняла делегацию', n.sectionId, ['Первый абзац & <угловые> скобки.', 'Второй абзац.']);
    const saved = await n.editor.req('PUT', `/editions/${a.id}`, saveBody(a, { lead: 'Коротко о встрече.', heroMediaId: media.json.id, tagIds: [tag.json.id], authorIds: [author.json.id] }));
    expect(saved.status, saved.body).toBe(200);
    ids.ru1 = a.id;
    await publish(a.id);
    ids.en1 = (await draft(n.editor, 'en', 'Sport results', n.otherSectionId)).id;
    await publish(ids.en1);
    ids.ru2 = (await draft(n.editor, 'ru', 'Вторая новость', n.sectionId)).id;
    await publish(ids.ru2);
    ids.uz1 = (await draft(n.editor, 'uz', 'Uchinchi xabar', n.sectionId)).id;
    await publish(ids.uz1);
    // Embargoed for three hours: withheld until then.
    const emb = await draft(n.editor, 'ru', 'Под эмбарго', n.sectionId);
    const embSaved = await n.editor.req('PUT', `/editions/${emb.id}`, saveBody(emb, { embargoUntil: new Date(n.s.c.clock() + 3 * 3600_000).toISOString() }));
    expect(embSaved.status, embSaved.body).toBe(200);
    ids.embargoed = emb.id;
    await publish(emb.id);
    // Published, then taken down.
    ids.withdrawn = (await draft(n.editor, 'ru', 'Снятая новость', n.sectionId)).id;
    await publish(ids.withdrawn);
    expect((await n.editor.req('POST', `/editions/${ids.withdrawn}/transition`, { to: 'unpublished', from: 'published', reason: 'Ошибка' })).status).toBe(200);
    n.s.tick(60_000);
    // A story the demo generator (or an import) wrote directly, published an hour ago.
    const demo = await n.s.c.stories.create({ sectionId: n.sectionId, editions: [{ locale: 'ru', headline: 'Демо-новость', doc: paragraphsToDoc(['Текст демо.']), status: 'published', publishedAt: new Date(n.s.c.clock() - 3600_000) }] });
    demoEditionId = demo.editions[0]!.id;
    // A draft nobody published.
    ids.draft = (await draft(n.editor, 'ru', 'Черновик', n.sectionId)).id;

    all = (await newKey({ name: 'Everything', locales: ['ru', 'uz', 'uz-Cyrl', 'en'] })).token;
    ruOnly = (await newKey({ name: 'Russian only', locales: ['ru'] })).token;
    politicsOnly = (await newKey({ name: 'Politics only', locales: ['ru', 'en', 'uz'], sectionIds: [n.sectionId] })).token;
  });
  afterAll(async () => {
    await n?.s.close();
  });

  it('shows a key once, stores only its hash, lists it by prefix with its last use, and lets only administrators manage keys', async () => {
    const created = await newKey({ name: 'Partner daily', locales: ['en'], ratePerMinute: 60 });
    expect(created.token).toMatch(/^xw_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    const rows = await n.s.c.db.kysely.selectFrom('api_keys').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(created.token);
    expect(JSON.stringify(rows)).not.toContain(created.token.slice(12)); // not even the secret part
    const row = rows.find((r) => r.id === created.id)!;
    expect(row.key_hash).toBe(crypto.createHash('sha256').update(created.token).digest('hex'));

    let list = await n.admin.req('GET', '/api-keys');
    expect(list.status).toBe(200);
    expect(list.body).not.toContain(created.token);
    expect(list.json.keys.find((k: any) => k.id === created.id)).toMatchObject({ name: 'Partner daily', prefix: created.prefix, locales: ['en'], sectionIds: [], ratePerMinute: 60, lastUsedAt: null, revokedAt: null });

    expect((await wire('/wire/v1/items', created.token)).statusCode).toBe(200);
    list = await n.admin.req('GET', '/api-keys');
    expect(list.json.keys.find((k: any) => k.id === created.id).lastUsedAt).toBe(new Date(n.s.c.clock()).toISOString());

    for (const c of [n.editor, n.author]) {
      expect((await c.req('GET', '/api-keys')).status).toBe(403);
      expect((await c.req('POST', '/api-keys', { name: 'Mine', locales: ['ru'], sectionIds: [], ratePerMinute: 10 })).status).toBe(403);
      expect((await c.req('POST', `/api-keys/${created.id}/revoke`)).status).toBe(403);
    }
    expect((await n.admin.req('POST', '/api-keys', { name: '', locales: [], sectionIds: [], ratePerMinute: 0 })).status).toBe(422);
    expect((await n.admin.req('POST', '/api-keys', { name: 'Gone section', locales: ['ru'], sectionIds: [999_999], ratePerMinute: 10 })).status).toBe(422);
  });

  it('serves schema-valid ninjs 2.x to a key holder, list and item, with the 2.x names', async () => {
    const r = await wire('/wire/v1/items', all);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toContain('application/json');
    const body = r.json();
    for (const item of body.items) expectNinjs(item);
    expect(body.items.map((i: any) => i.uri)).toEqual([ids.uz1, ids.ru2, ids.en1, ids.ru1].map((id) => `${SITE}/wire/v1/items/${id}`)); // newest first

    const one = await wire(`/wire/v1/items/${ids.ru1}`, all);
    expect(one.statusCode, one.body).toBe(200);
    const item = one.json();
    expectNinjs(item);
    expect(item).toMatchObject({
      uri: `${SITE}/wire/v1/items/${ids.ru1}`, type: 'text', language: 'ru', pubstatus: 'usable', urgency: 5,
      headlines: [{ value: 'Женева приняла делегацию' }], descriptions: [{ role: 'summary', value: 'Коротко о встрече.' }],
      by: 'Анна Петрова', people: [{ name: 'Анна Петрова', rel: 'author', uri: `${SITE}/ru/author/anna-petrova` }],
    });
    expect(typeof item.version).toBe('string');
    expect(item.firstcreated).toBe(new Date(T0).toISOString());
    expect(Date.parse(item.versioncreated)).toBeGreaterThanOrEqual(T0);
    expect(item.bodies[0].contenttype).toBe('text/html');
    expect(item.bodies[0].value).toContain('Первый абзац &amp; &lt;угловые&gt; скобки.');
    expect(item.subjects).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'Политика', rel: 'section', uri: `${SITE}/ru/section/politics` }),
      expect.objectContaining({ name: 'Женева', rel: 'tag' }),
    ]));
    expect(item.embargoed).toBeUndefined();
    const image = item.associations[0];
    expect(image).toMatchObject({ name: 'featureimage', type: 'picture', by: 'Photo: Agency' });
    expect(image.renditions.length).toBeGreaterThan(1);
    for (const rend of image.renditions) {
      expect(rend.href).toMatch(/^https:\/\/news\.example\.test\/media\//);
      expect(rend.width).toBeGreaterThan(0);
      expect(rend.height).toBeGreaterThan(0);
      expect(rend.contenttype).toMatch(/^image\//);
    }
  });

  it('serves the same items as NewsML-G2 for a .xml URL or the G2 Accept type', async () => {
    const byUrl = await wire(`/wire/v1/items/${ids.ru1}.xml`, all);
    const byAccept = await wire(`/wire/v1/items/${ids.ru1}`, all, { accept: 'application/vnd.iptc.g2.newsitem+xml' });
    for (const r of [byUrl, byAccept]) {
      expect(r.statusCode, r.body).toBe(200);
      expect(r.headers['content-type']).toContain('application/vnd.iptc.g2.newsitem+xml');
      expect(XMLValidator.validate(r.body)).toBe(true);
      const doc = xml.parse(r.body);
      const item = doc.newsItem[0];
      expect(item['@xmlns']).toBe(NAR);
      expect(item).toMatchObject({ '@guid': `${SITE}/wire/v1/items/${ids.ru1}`, '@standard': 'NewsML-G2', '@xml:lang': 'ru' });
      expect(item.itemMeta.itemClass['@qcode']).toBe('ninat:text');
      expect(item.itemMeta.pubStatus['@qcode']).toBe('stat:usable');
      expect(item.itemMeta.versionCreated).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(item.contentMeta.headline).toBe('Женева приняла делегацию');
      expect(item.contentMeta.language['@tag']).toBe('ru');
      expect(item.contentMeta.subject.map((s: any) => s.name)).toEqual(['Политика', 'Женева']);
      const inline = item.contentSet.inlineXML;
      expect(inline['@contenttype']).toBe('application/xhtml+xml');
      expect(inline.html['@xmlns']).toBe('http://www.w3.org/1999/xhtml');
      expect(JSON.stringify(inline.html.body)).toContain('Второй абзац.');
    }
    const list = await wire('/wire/v1/items.xml?locale=ru', all);
    expect(list.statusCode, list.body).toBe(200);
    expect(XMLValidator.validate(list.body)).toBe(true);
    const msg = xml.parse(list.body).newsMessage;
    expect(msg['@xmlns']).toBe(NAR);
    expect(msg.itemSet.newsItem.map((i: any) => i['@guid'])).toEqual([ids.ru2, ids.ru1].map((id) => `${SITE}/wire/v1/items/${id}`));
    // JSON is preferred unless the client prefers G2.
    expect((await wire(`/wire/v1/items/${ids.ru1}`, all, { accept: 'application/json, application/vnd.iptc.g2.newsitem+xml;q=0.5' })).headers['content-type']).toContain('application/json');
  });

  it('never serves demo or imported stories, or drafts, as new items', async () => {
    const changed = (await wire('/wire/v1/items?order=changed&limit=100', all)).json().items.map((i: any) => i.uri);
    const published = (await wire('/wire/v1/items?limit=100', all)).json().items.map((i: any) => i.uri);
    for (const id of [demoEditionId, ids.draft]) {
      expect(changed).not.toContain(`${SITE}/wire/v1/items/${id}`);
      expect(published).not.toContain(`${SITE}/wire/v1/items/${id}`);
      const r = await wire(`/wire/v1/items/${id}`, all);
      expect(r.statusCode).toBe(404);
      expect(r.json().error.key).toBe('wire.item_not_found');
    }
  });

  it('orders by change with withdrawn items as canceled and embargoed ones as withheld, text left out', async () => {
    const r = await wire('/wire/v1/items?order=changed&limit=100', all);
    expect(r.statusCode).toBe(200);
    const items = r.json().items;
    for (const item of items) expectNinjs(item);
    const byId = new Map(items.map((i: any) => [Number(i.uri.split('/').pop()), i]));
    expect(byId.get(ids.withdrawn)).toMatchObject({ pubstatus: 'canceled' });
    expect(byId.get(ids.withdrawn)).not.toHaveProperty('headlines');
    expect(byId.get(ids.withdrawn)).not.toHaveProperty('bodies');
    const embargoed = byId.get(ids.embargoed) as any;
    expect(embargoed.pubstatus).toBe('withheld');
    expect(Date.parse(embargoed.embargoed)).toBeGreaterThan(n.s.c.clock());
    expect(embargoed).not.toHaveProperty('bodies');
    expect(byId.get(ids.ru1)).toMatchObject({ pubstatus: 'usable' });
    // Oldest change first.
    const times = items.map((i: any) => Date.parse(i.versioncreated));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // Newest first holds only what readers can see.
    const published = (await wire('/wire/v1/items?limit=100', all)).json().items.map((i: any) => i.pubstatus);
    expect(new Set(published)).toEqual(new Set(['usable']));
    const one = await wire(`/wire/v1/items/${ids.withdrawn}`, all);
    expect(one.json()).toMatchObject({ pubstatus: 'canceled' });
    const g2 = xml.parse((await wire(`/wire/v1/items/${ids.withdrawn}.xml`, all)).body).newsItem[0];
    expect(g2.itemMeta.pubStatus['@qcode']).toBe('stat:canceled');
    expect(g2.contentSet).toBeUndefined();
  });

  it('filters by since', async () => {
    const en1At = (await wire(`/wire/v1/items/${ids.en1}`, all)).json().firstcreated;
    const r = await wire(`/wire/v1/items?since=${encodeURIComponent(en1At)}`, all);
    expect(r.statusCode).toBe(200);
    expect(r.json().items.map((i: any) => i.uri)).toEqual([ids.uz1, ids.ru2, ids.en1].map((id) => `${SITE}/wire/v1/items/${id}`));
    const later = await wire(`/wire/v1/items?order=changed&since=${new Date(n.s.c.clock() + 1).toISOString()}`, all);
    expect(later.json().items).toEqual([]);
  });

  it('pages with a cursor without gaps or duplicates, in both orders, and refuses a cursor from another query', async () => {
    for (const order of ['published', 'changed']) {
      const whole = (await wire(`/wire/v1/items?order=${order}&limit=100`, all)).json();
      expect(whole.more).toBe(false);
      expect(whole.next === null).toBe(order === 'published'); // the change feed always gives a cursor to keep
      const seen: string[] = [];
      let url = `/wire/v1/items?order=${order}&limit=2`;
      for (let i = 0; i < 20; i++) {
        const r = await wire(url, all);
        expect(r.statusCode, r.body).toBe(200);
        const page = r.json();
        seen.push(...page.items.map((x: any) => x.uri));
        if (!page.more) {
          expect(r.headers.link).toBeUndefined();
          break;
        }
        expect(r.headers.link).toContain('rel="next"');
        url = `/wire/v1/items?order=${order}&limit=2&cursor=${page.next}`;
      }
      expect(seen).toEqual(whole.items.map((x: any) => x.uri));
      expect(new Set(seen).size).toBe(seen.length);
    }
    const first = (await wire('/wire/v1/items?limit=1', all)).json();
    expect(first.next).toBeTruthy();
    for (const other of [`/wire/v1/items?order=changed&cursor=${first.next}`, `/wire/v1/items?locale=ru&cursor=${first.next}`, '/wire/v1/items?cursor=bm90LWEtY3Vyc29y', '/wire/v1/items?cursor=%00%01']) {
      const r = await wire(other, all);
      expect(r.statusCode, other).toBe(400);
      expect(r.json().error.key).toBe(other.includes('%00') ? 'request.bad_character' : 'wire.bad_cursor');
    }
    // The same cursor with another key is another query, too.
    expect((await wire(`/wire/v1/items?cursor=${first.next}`, politicsOnly)).statusCode).toBe(400);
  });

  it('refuses a missing, bad or revoked key, or one in the wrong place, with 401 and a hint', async () => {
    const cases: [string, Record<string, string>, string][] = [
      ['/wire/v1/items', {}, 'wire.key_missing'],
      ['/wire/v1/items', { authorization: 'Bearer xw_nope' }, 'wire.key_bad'],
      ['/wire/v1/items', { 'x-api-key': 'xw_' + 'A'.repeat(43) }, 'wire.key_bad'],
      [`/wire/v1/items?api_key=${all}`, {}, 'wire.key_in_query'],
      [`/wire/v1/items?whatever=${all}`, {}, 'wire.key_in_query'],
      [`/wire/v1/items?locale=ru&q=${encodeURIComponent(`key ${all}`)}`, {}, 'wire.key_in_query'],
      ['/wire/v1/items', { 'api-token': all }, 'wire.key_wrong_header'],
      ['/wire/v1/items', { authorization: `Token ${all}` }, 'wire.key_wrong_scheme'],
      ['/wire/v1/items', { authorization: all }, 'wire.key_wrong_scheme'],
      [`/wire/v1/items/${ids.ru1}`, {}, 'wire.key_missing'],
    ];
    for (const [url, headers, key] of cases) {
      const r = await wire(url, null, headers);
      expect(r.statusCode, `${url} ${JSON.stringify(headers)}`).toBe(401);
      expect(r.headers['content-type']).toContain('application/json');
      expect(r.headers['www-authenticate']).toBe('Bearer realm="wire"');
      expect(r.json().error).toMatchObject({ code: 'unauthorized', key });
    }
    expect((await wire('/wire/v1/items', null, { 'api-token': all })).json().error.message).toContain('api-token');
    // X-Api-Key works as well as Authorization.
    expect((await wire('/wire/v1/items', null, { 'x-api-key': all })).statusCode).toBe(200);

    const doomed = await newKey({ name: 'Doomed', locales: ['ru'] });
    expect((await wire('/wire/v1/items', doomed.token)).statusCode).toBe(200);
    const revoked = await n.admin.req('POST', `/api-keys/${doomed.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.json.revokedAt).toBe(new Date(n.s.c.clock()).toISOString());
    expect((await n.admin.req('POST', `/api-keys/${doomed.id}/revoke`)).status).toBe(409);
    const r = await wire('/wire/v1/items', doomed.token);
    expect(r.statusCode).toBe(401);
    expect(r.json().error.key).toBe('wire.key_revoked');
  });

  it('keeps a key to its locales and sections: lists narrowed, explicit filters and items outside refused with 403', async () => {
    const ru = (await wire('/wire/v1/items?order=changed&limit=100', ruOnly)).json().items;
    expect(ru.length).toBeGreaterThan(0);
    expect(new Set(ru.map((i: any) => i.language))).toEqual(new Set(['ru']));
    for (const [url, key] of [['/wire/v1/items?locale=en', 'wire.locale_forbidden'], [`/wire/v1/items/${ids.en1}`, 'wire.item_forbidden'], [`/wire/v1/items/${ids.en1}.xml`, 'wire.item_forbidden']]) {
      const r = await wire(url!, ruOnly);
      expect(r.statusCode, url).toBe(403);
      expect(r.json().error).toMatchObject({ code: 'forbidden', key });
    }
    const pol = (await wire('/wire/v1/items?limit=100', politicsOnly)).json().items;
    expect(pol.map((i: any) => i.uri)).not.toContain(`${SITE}/wire/v1/items/${ids.en1}`); // the sport story
    expect(pol.every((i: any) => i.subjects.some((s: any) => s.literal === 'section:politics'))).toBe(true);
    const sport = await wire('/wire/v1/items?section=sport', politicsOnly);
    expect(sport.statusCode).toBe(403);
    expect(sport.json().error.key).toBe('wire.section_forbidden');
    expect((await wire(`/wire/v1/items/${ids.en1}`, politicsOnly)).statusCode).toBe(403);
    expect((await wire('/wire/v1/items?section=sport', all)).json().items.map((i: any) => i.uri)).toEqual([`${SITE}/wire/v1/items/${ids.en1}`]);
  });

  it('answers bad query input with 400 JSON naming the problem', async () => {
    const cases: [string, string][] = [
      ['/wire/v1/items?limit=0', 'wire.bad_limit'],
      ['/wire/v1/items?limit=101', 'wire.bad_limit'],
      ['/wire/v1/items?limit=ten', 'wire.bad_limit'],
      ['/wire/v1/items?page=2', 'wire.unknown_param'],
      ['/wire/v1/items?locale=ru&locale=en', 'wire.repeated_param'],
      ['/wire/v1/items?locale=fr', 'wire.bad_locale'],
      ['/wire/v1/items?section=nowhere', 'wire.bad_section'],
      ['/wire/v1/items?since=yesterday', 'wire.bad_since'],
      ['/wire/v1/items?order=random', 'wire.bad_order'],
      ['/wire/v1/items/abc', 'wire.bad_id'],
      ['/wire/v1/items/99999999999', 'wire.bad_id'],
      [`/wire/v1/items/${ids.ru1}?locale=ru`, 'wire.unknown_param'],
    ];
    for (const [url, key] of cases) {
      const r = await wire(url, all);
      expect(r.statusCode, url).toBe(400);
      expect(r.headers['content-type'], url).toContain('application/json');
      expect(r.json().error.key, url).toBe(key);
    }
    expect((await wire('/wire/v1/nothing', all)).statusCode).toBe(404);
  });

  it('limits each key to its own rate with 429 and Retry-After, other keys unaffected', async () => {
    const slow = await newKey({ name: 'Slow', locales: ['ru'], ratePerMinute: 2 });
    expect((await wire('/wire/v1/items', slow.token)).statusCode).toBe(200);
    expect((await wire(`/wire/v1/items/${ids.ru1}`, slow.token)).statusCode).toBe(200);
    const over = await wire('/wire/v1/items', slow.token);
    expect(over.statusCode).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(over.json().error.code).toBe('rate_limited');
    expect((await wire('/wire/v1/items', ruOnly)).statusCode).toBe(200);
  });

  // Last: it moves the clock past the embargo, which changes what the other tests expect.
  it('puts an item back on the change feed when its embargo passes, so a kept cursor catches it', async () => {
    const uri = `${SITE}/wire/v1/items/${ids.embargoed}`;
    let page = (await wire('/wire/v1/items?order=changed&limit=100', all)).json();
    expect(page.items.find((i: any) => i.uri === uri).pubstatus).toBe('withheld');
    // The subscriber reads everything and keeps the last cursor it was given.
    let cursor: string | null = null;
    for (;;) {
      page = (await wire(`/wire/v1/items?order=changed&limit=2${cursor ? `&cursor=${cursor}` : ''}`, all)).json();
      cursor = page.next;
      if (!page.more) break;
    }
    const walk = async () => {
      const out: any[] = [];
      for (;;) {
        const r = (await wire(`/wire/v1/items?order=changed&limit=2&cursor=${cursor}`, all)).json();
        out.push(...r.items);
        cursor = r.next;
        if (!r.more) return out;
      }
    };
    expect(await walk()).toEqual([]); // nothing new yet, and the cursor stays
    expect(cursor).toBeTruthy();
    n.s.tick(4 * 3600_000); // the embargo passes; nothing writes the row
    const fresh = await walk();
    expect(fresh.map((i) => i.uri)).toEqual([uri]);
    expect(fresh[0]).toMatchObject({ pubstatus: 'usable', headlines: [{ value: 'Под эмбарго' }] });
    expect((await wire('/wire/v1/items?limit=100', all)).json().items.map((i: any) => i.uri)).toContain(uri);
  });
});

describe('per-key wire limits shared by two nodes on one Redis', () => {
  const REDIS = process.env.XABAR_TEST_REDIS;
  let a: TestSite;
  let b: TestSite;
  beforeAll(async () => {
    if (!REDIS) return;
    const env = { REDIS_URL: REDIS, REDIS_PREFIX: `xabar-test-${crypto.randomBytes(4).toString('hex')}:` };
    const purgeChannel = `xabar:test:${crypto.randomBytes(4).toString('hex')}`;
    a = await makeTestSite('sqlite', { env, purgeChannel, now: T0 });
    b = await makeTestSite('sqlite', { env, purgeChannel, now: T0 });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it.skipIf(!REDIS)('counts a key\'s requests to either node against its one rate', async () => {
    const { ApiClient } = await import('./helpers/client.js');
    const admin = new ApiClient(a.app);
    await admin.session();
    expect((await admin.req('POST', '/setup', { email: 'admin@example.uz', name: 'Admin', password: 'correct horse battery' })).status).toBe(201);
    const created = await admin.req('POST', '/api-keys', { name: 'Shared', locales: ['ru'], sectionIds: [], ratePerMinute: 3 });
    expect(created.status, created.body).toBe(201);
    // The nodes share one database in production; here the row is copied to the second node's.
    const row = await a.c.db.kysely.selectFrom('api_keys').selectAll().where('id', '=', created.json.id).executeTakeFirstOrThrow();
    await b.c.db.kysely.insertInto('api_keys').values({ ...row, created_by: null }).execute();
    const call = (s: TestSite) => s.app.inject({ url: '/wire/v1/items', headers: { authorization: `Bearer ${created.json.token}` } });
    expect((await call(a)).statusCode).toBe(200);
    expect((await call(b)).statusCode).toBe(200);
    expect((await call(a)).statusCode).toBe(200);
    const over = await call(b);
    expect(over.statusCode).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await call(a)).statusCode).toBe(429);
  });
});
