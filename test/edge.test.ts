/**
 * Input at the edge, on SQLite and PostgreSQL: ids outside the integer columns' range, NUL
 * characters and unpaired surrogates in params, query strings and JSON bodies, crafted story
 * documents, and unknown newsroom API paths. Every probe must get a 4xx — never a 500.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { ApiClient } from './helpers/client.js';
import { DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';

const NOW = Date.UTC(2026, 10, 20, 9, 0);
const PW = 'correct horse battery';
const NUL = '\u0000';
const LONE = '\ud800';

interface Probe {
  name: string;
  as: 'anon' | 'admin';
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown | (() => unknown);
  /** The exact status wanted; anything but a 5xx when absent. */
  status?: number;
}

describe.each(DIALECTS)('edge validation on %s', (dialect) => {
  let s: TestSite;
  let admin: ApiClient;
  let edition: any;
  let sectionId: number;

  beforeAll(async () => {
    s = await makeTestSite(dialect, { now: NOW });
    admin = new ApiClient(s.app);
    await admin.session();
    expect((await admin.req('POST', '/setup', { email: 'admin@example.uz', name: 'Админ', password: PW })).status).toBe(201);
    sectionId = (await admin.req('POST', '/sections', { slug: 'politics', names: { ru: 'Политика' } })).json.id;
    edition = (await admin.req('POST', '/stories', { locale: 'ru', headline: 'Проба' })).json;
  });
  afterAll(async () => {
    await s?.close();
  });

  // Built when the probe runs, so each save carries the edition's current version.
  const save = (patch: Record<string, unknown>) => () => ({
    version: edition.version, headline: edition.headline, slug: '', lead: '', body: { type: 'doc', content: [] }, datelineCity: '',
    sectionId, tagIds: [], authorIds: [], heroMediaId: null, heroCaption: '', seoTitle: '', seoDescription: '', isMain: false, isBreaking: false, embargoUntil: null, ...patch,
  });

  const probes = (): Probe[] => [
    // ids in the path: anything that cannot be a row is simply not found
    ...['0', '-1', '2147483648', '9999999999', '1e20', 'abc', '1.5', '%00'].map((id): Probe => ({ name: `GET /editions/${id}`, as: 'admin', method: 'GET', url: `/editions/${id}`, status: id === '%00' ? 400 : 404 })),
    { name: 'GET /media/2147483648', as: 'admin', method: 'GET', url: '/media/2147483648', status: 404 },
    { name: 'PATCH /sections/2147483648', as: 'admin', method: 'PATCH', url: '/sections/2147483648', body: { names: { ru: 'x' } }, status: 404 },
    { name: 'PATCH /users/2147483648', as: 'admin', method: 'PATCH', url: '/users/2147483648', body: { name: 'x' }, status: 404 },
    { name: 'GET /admin/preview/2147483648', as: 'admin', method: 'GET', url: '/admin/preview/2147483648', status: 404 },
    { name: 'GET /revisions/4294967296', as: 'admin', method: 'GET', url: '/revisions/4294967296', status: 404 },
    // ids in bodies: out of the column's range is a field error
    { name: 'save sectionId 2^31', as: 'admin', method: 'PUT', url: `/editions/{id}`, body: save({ sectionId: 2147483648 }), status: 422 },
    { name: 'save tagIds [2^31]', as: 'admin', method: 'PUT', url: `/editions/{id}`, body: save({ tagIds: [2147483648] }), status: 422 },
    { name: 'save authorIds [1e20]', as: 'admin', method: 'PUT', url: `/editions/{id}`, body: save({ authorIds: [1e20] }), status: 422 },
    { name: 'save heroMediaId 2^31', as: 'admin', method: 'PUT', url: `/editions/{id}`, body: save({ heroMediaId: 2147483648 }), status: 422 },
    { name: 'save heroMediaId 0', as: 'admin', method: 'PUT', url: `/editions/{id}`, body: save({ heroMediaId: 0 }), status: 422 },
    { name: 'save version 2^31', as: 'admin', method: 'PUT', url: `/editions/{id}`, body: save({ version: 2147483648 }), status: 422 },
    { name: 'author photoMediaId 2^31', as: 'admin', method: 'POST', url: '/authors', body: { names: { ru: 'Автор' }, photoMediaId: 2147483648 }, status: 422 },
    { name: 'author photo that does not exist', as: 'admin', method: 'POST', url: '/authors', body: { names: { ru: 'Автор' }, photoMediaId: 999999 }, status: 422 },
    { name: 'settings logoMediaId 2^31', as: 'admin', method: 'PUT', url: '/settings', body: { logoMediaId: 2147483648 }, status: 422 },
    { name: 'restore version 2^31', as: 'admin', method: 'POST', url: '/revisions/1/restore', body: { version: 2147483648 }, status: 422 },
    { name: 'diff from 2^40', as: 'admin', method: 'GET', url: `/editions/{id}/diff?from=1099511627776`, status: 422 },
    // NUL and unpaired surrogates, before and after sign-in
    { name: 'login with NUL in the e-mail', as: 'anon', method: 'POST', url: '/login', body: { email: `a${NUL}@example.uz`, password: 'x' }, status: 400 },
    { name: 'login with a lone surrogate', as: 'anon', method: 'POST', url: '/login', body: { email: `a${LONE}@example.uz`, password: 'x' }, status: 400 },
    { name: 'save headline with NUL', as: 'admin', method: 'PUT', url: `/editions/{id}`, body: save({ headline: `x${NUL}y` }), status: 400 },
    { name: 'save lead with lone surrogate', as: 'admin', method: 'PUT', url: `/editions/{id}`, body: save({ lead: `x${LONE}` }), status: 400 },
    { name: 'save body text with NUL', as: 'admin', method: 'PUT', url: `/editions/{id}`, body: save({ body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: NUL }] }] } }), status: 400 },
    { name: 'NUL in a JSON key', as: 'admin', method: 'POST', url: '/tags', body: { [`na${NUL}me`]: 'x', locale: 'ru' }, status: 400 },
    { name: 'stories ?q=%00', as: 'admin', method: 'GET', url: '/stories?q=%00', status: 400 },
    { name: 'tags ?q=%00', as: 'admin', method: 'GET', url: '/tags?q=%00', status: 400 },
    { name: 'media ?q=%00', as: 'admin', method: 'GET', url: '/media?q=%00', status: 400 },
    { name: 'tags ?q=%ED%A0%80 (encoded surrogate)', as: 'admin', method: 'GET', url: '/tags?q=%ED%A0%80' },
    { name: 'JSON nested 200 levels', as: 'admin', method: 'POST', url: '/tags', body: JSON.parse('{"name":' + '['.repeat(200) + ']'.repeat(200) + '}'), status: 400 },
    { name: 'new tag with NUL', as: 'admin', method: 'POST', url: '/tags', body: { name: `a${NUL}`, locale: 'ru' }, status: 400 },
    { name: 'public search ?q=%00', as: 'anon', method: 'GET', url: '/ru/search?q=%00', status: 400 },
    { name: 'public search huge page', as: 'anon', method: 'GET', url: '/ru/search?q=x&page=99999999999999999999', status: 400 },
    { name: 'public news huge page', as: 'anon', method: 'GET', url: '/ru/news?page=99999999999999999999', status: 400 },
    { name: 'public article slug %00', as: 'anon', method: 'GET', url: '/ru/news/%00', status: 400 },
    { name: 'public section slug %00', as: 'anon', method: 'GET', url: '/ru/section/a%00b', status: 400 },
    { name: 'public tag slug lone surrogate', as: 'anon', method: 'GET', url: '/ru/tag/%ED%A0%80' },
  ];

  const raw = async (method: Probe['method'], url: string) => {
    const r = await s.app.inject({ method, url });
    return { status: r.statusCode, body: r.body };
  };

  it('answers every probe with the wanted 4xx, never a 5xx', async () => {
    const anon = new ApiClient(s.app, '10.9.9.9');
    await anon.session();
    const out: string[] = [];
    for (const p of probes()) {
      edition = (await admin.req('GET', `/editions/${edition.id}`)).json;
      const url = p.url.replace('{id}', String(edition.id));
      const c = p.as === 'admin' ? admin : anon;
      const body = typeof p.body === 'function' ? p.body() : p.body;
      const r = url.startsWith('/ru') ? await raw(p.method, url) : await c.req(p.method, url, body);
      const ok = p.status ? r.status === p.status : r.status < 500;
      if (!ok) out.push(`${p.name}: ${r.status} ${r.body.slice(0, 160)}`);
    }
    expect(out).toEqual([]);
  });

  it('names the character problem in a 400 the client can act on', async () => {
    const anon = new ApiClient(s.app, '10.9.9.8');
    await anon.session();
    const r = await anon.req('POST', '/login', { email: `a${NUL}@example.uz`, password: 'x' });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 'bad_request', message: 'The request contains a character that is not allowed (NUL or an unpaired surrogate).' });
  });

  it("shows readers the site's own 400 page in their language, not JSON", async () => {
    for (const [url, words] of [['/ru/search?q=%00', 'недопустимый символ'], ['/en/search?q=a%00b', 'not allowed'], ['/uz/news/a%00b', 'ruxsat etilmagan']]) {
      const r = await s.app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(400);
      expect(r.headers['content-type']).toMatch(/^text\/html/);
      expect(r.body).toContain(words);
    }
  });

  it('accepts ordinary text, including astral characters (surrogate pairs)', async () => {
    const r = await admin.req('POST', '/tags', { name: 'Ёлка 🎄 𝔘', locale: 'ru' });
    expect(r.status).toBe(201);
    expect((await admin.req('GET', `/tags?q=${encodeURIComponent('Ёлка')}`)).status).toBe(200);
  });

  it('answers crafted story documents with 422 on body (or normalises them), never 500', async () => {
    const para = (extra: Record<string, unknown>) => ({ type: 'paragraph', content: [{ type: 'text', text: 'x', ...extra }] });
    const docs: unknown[] = [
      { type: 'doc', content: [{ type: 'embed', attrs: { provider: '__proto__', url: 'https://youtu.be/x' } }] },
      { type: 'doc', content: [{ type: 'embed', attrs: { provider: 'constructor', url: 'https://youtu.be/x' } }] },
      { type: 'doc', content: [{ type: 'embed', attrs: { provider: 'toString', url: 'https://youtu.be/x' } }] },
      { type: 'doc', content: [{ type: 'embed', attrs: { provider: 'hasOwnProperty', url: 'https://youtu.be/x' } }] },
      { type: 'doc', content: [para({ marks: 5 })] },
      { type: 'doc', content: [para({ marks: [5, null, 'bold', { type: { x: 1 } }] })] },
      { type: 'doc', content: [para({ text: { toString: 1 } })] },
      { type: 'doc', content: [{ type: 'image', attrs: { src: 'https://x.test/a.jpg', alt: { toString: 1 } } }] },
      { type: 'doc', content: [{ type: 'image', attrs: { src: 'https://x.test/a.jpg', alt: { a: 1 }, caption: ['x'] } }] },
      { type: 'doc', content: [{ type: 'image', attrs: { src: 'https://x.test/a.jpg', mediaId: 2147483648 } }] },
      { type: 'doc', content: [{ type: 'heading', attrs: { level: { valueOf: 1 } }, content: [] }] },
      { type: 'doc', content: [{ type: { toString: 1 } }] },
      { type: 'doc', content: 'paragraph' },
      { type: 'doc', content: [{ type: 'paragraph', content: { length: 5 } }] },
      { type: 'doc', content: [{ type: 'paragraph', attrs: 7 }] },
      // deeper than any editor produces (but within the edge's JSON depth limit)
      JSON.parse('{"type":"doc","content":[' + '{"type":"blockquote","content":['.repeat(45) + ']}'.repeat(45) + ']}'),
    ];
    const out: string[] = [];
    for (const body of docs) {
      const fresh = (await admin.req('GET', `/editions/${edition.id}`)).json;
      const r = await admin.req('PUT', `/editions/${edition.id}`, save({ version: fresh.version, body })());
      if (r.status === 200) continue; // cleanly normalised
      if (r.status !== 422 || !r.json.error.details.fields.some((f: any) => f.field === 'body')) out.push(`${JSON.stringify(body).slice(0, 120)} → ${r.status} ${r.body.slice(0, 160)}`);
    }
    expect(out).toEqual([]);
    // the public page of a published story still renders
    const fresh = (await admin.req('GET', `/editions/${edition.id}`)).json;
    expect((await admin.req('POST', `/editions/${edition.id}/transition`, { to: 'published' })).status, JSON.stringify(fresh.body)).toBe(200);
  });
});

describe('the newsroom API without a built newsroom app', () => {
  it('answers unknown /admin/api paths with JSON 404 for every method', async () => {
    const s = await makeTestSite('sqlite');
    const missing = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-no-dist-'));
    const app = await buildApp(s.c, { adminDist: path.join(missing, 'dist') });
    try {
      for (const method of ['GET', 'POST', 'PUT', 'DELETE'] as const) {
        for (const url of ['/admin/api/nope', '/admin/api/editions/1/nope', '/admin/api/']) {
          const r = await app.inject({ method, url });
          expect(r.statusCode, `${method} ${url}`).toBe(method === 'GET' ? 404 : r.statusCode);
          expect(r.statusCode, `${method} ${url}`).toBeLessThan(500);
          if (method === 'GET') expect(r.json().error.code).toBe('not_found');
        }
      }
      // the app page itself still explains what to do
      const page = await app.inject({ method: 'GET', url: '/admin/stories' });
      expect(page.statusCode).toBe(503);
    } finally {
      await app.close();
      await s.close();
      fs.rmSync(missing, { recursive: true, force: true });
    }
  });
});

describe('the OpenAPI document', () => {
  it('is generated from the same zod schemas that validate the routes', async () => {
    const s = await makeTestSite('sqlite');
    try {
      const spec = JSON.parse((await s.app.inject('/admin/api/openapi.json')).body);
      const save = spec.paths['/editions/{id}'].put.requestBody.content['application/json'].schema;
      expect(save.required).toEqual(expect.arrayContaining(['version', 'headline', 'sectionId', 'tagIds']));
      expect(save.properties.tagIds.items).toMatchObject({ type: 'integer', minimum: 1, maximum: 2147483647 });
      const list = spec.paths['/stories'].get.parameters.map((p: any) => p.name);
      expect(list).toEqual(expect.arrayContaining(['q', 'after']));
    } finally {
      await s.close();
    }
  });
});
