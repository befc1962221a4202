/** A newsroom with one user per role and a section, for the editorial suites (rights, races). */
import { expect } from 'vitest';
import { ApiClient } from './client.js';
import { makeTestSite, type DialectName, type TestSite } from './site.js';

export const PW = 'correct horse battery';
export const doc = (...ps: string[]) => ({ type: 'doc', content: ps.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

/** The PUT /editions/:id body from an edition as the API returned it, with changes. */
export const saveBody = (e: any, patch: Record<string, unknown> = {}) => ({
  version: e.version, headline: e.headline, slug: e.slug, lead: e.lead, body: e.body, datelineCity: e.datelineCity,
  sectionId: e.sectionId, tagIds: e.tags.map((t: any) => t.id), authorIds: e.authors.map((a: any) => a.id), heroMediaId: e.heroMediaId,
  heroCaption: e.heroCaption, seoTitle: e.seoTitle, seoDescription: e.seoDescription, isMain: e.isMain, isBreaking: e.isBreaking, embargoUntil: e.embargoUntil, ...patch,
});

export interface Newsroom {
  s: TestSite;
  admin: ApiClient;
  contributor: ApiClient;
  author: ApiClient;
  editor: ApiClient;
  sectionId: number;
  otherSectionId: number;
}

export async function makeNewsroom(dialect: DialectName, now: number, env?: Record<string, string>): Promise<Newsroom> {
  const s = await makeTestSite(dialect, { now, env });
  const admin = new ApiClient(s.app);
  await admin.session();
  expect((await admin.req('POST', '/setup', { email: 'admin@example.uz', name: 'Admin', password: PW })).status).toBe(201);
  const clients: Record<string, ApiClient> = {};
  let n = 2;
  for (const role of ['contributor', 'author', 'editor'] as const) {
    const email = `${role}@example.uz`;
    expect((await admin.req('POST', '/users', { email, name: role, role, password: PW })).status).toBe(201);
    clients[role] = new ApiClient(s.app, `10.0.0.${n++}`);
    expect((await clients[role]!.login(email, PW)).status).toBe(200);
  }
  const sec = await admin.req('POST', '/sections', { slug: 'politics', color: '#1D4E89', names: { ru: 'Политика', uz: 'Siyosat', 'uz-Cyrl': 'Сиёсат', en: 'Politics' } });
  const other = await admin.req('POST', '/sections', { slug: 'sport', color: '#1D894E', names: { ru: 'Спорт', uz: 'Sport', 'uz-Cyrl': 'Спорт', en: 'Sport' } });
  expect([sec.status, other.status]).toEqual([201, 201]);
  return { s, admin, contributor: clients.contributor!, author: clients.author!, editor: clients.editor!, sectionId: sec.json.id, otherSectionId: other.json.id };
}

/** A story started and saved with a section and a body by `c`. */
export async function draft(c: ApiClient, locale: string, headline: string, sectionId: number, paragraphs = ['Birinchi xatboshi.']) {
  const created = await c.req('POST', '/stories', { locale, headline });
  expect(created.status, created.body).toBe(201);
  const saved = await c.req('PUT', `/editions/${created.json.id}`, saveBody(created.json, { sectionId, body: doc(...paragraphs), datelineCity: 'Toshkent' }));
  expect(saved.status, saved.body).toBe(200);
  return saved.json;
}
