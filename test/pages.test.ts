/**
 * Static pages (src/pages/): editors create and edit them through /admin/api/pages with revisions
 * and conditional saves, readers see published ones at /<lang>/page/<slug>, the footer links the
 * pages its setting names, and a renamed page's old address redirects — on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doc, makeNewsroom, type Newsroom } from './helpers/editorial.js';
import { ApiClient } from './helpers/client.js';
import { DIALECTS } from './helpers/site.js';

describe.each(DIALECTS)('static pages on %s', (dialect) => {
  let n: Newsroom;
  beforeAll(async () => {
    n = await makeNewsroom(dialect, Date.UTC(2026, 11, 6, 9, 0));
  }, 60_000);
  afterAll(async () => {
    await n?.s.close();
  });

  it('only editors and admins manage pages; state changes need the CSRF token', async () => {
    for (const c of [n.contributor, n.author]) {
      expect((await c.req('GET', '/pages')).status).toBe(403);
      expect((await c.req('POST', '/pages', { locale: 'ru', title: 'О нас' })).status).toBe(403);
    }
    const anon = new ApiClient(n.s.app, '10.9.9.9');
    expect((await anon.req('GET', '/pages')).status).toBe(401);
    const noCsrf = await n.s.app.inject({ method: 'POST', url: '/admin/api/pages', cookies: n.editor.cookies, payload: { locale: 'ru', title: 'x' } });
    expect(noCsrf.statusCode).toBe(403);
  });

  it('creates, saves with revisions, refuses stale saves and taken addresses, restores', async () => {
    const created = await n.editor.req('POST', '/pages', { locale: 'ru', title: 'О нас', body: doc('Мы — агентство.'), status: 'published' });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ slug: 'o-nas', version: 1, href: '/ru/page/o-nas', status: 'published' });
    const id = created.json.id as number;
    const saved = await n.editor.req('PUT', `/pages/${id}`, { version: 1, title: 'О редакции', body: doc('Мы — информационное агентство.') });
    expect(saved.status).toBe(200);
    expect(saved.json.version).toBe(2);
    // A save of the version someone else already replaced: 409, nothing written.
    const stale = await n.admin.req('PUT', `/pages/${id}`, { version: 1, title: 'Старое' });
    expect(stale.status).toBe(409);
    expect(stale.json.error.key).toBe('page.stale');
    const other = await n.editor.req('POST', '/pages', { locale: 'ru', title: 'Контакты', slug: 'kontakty', status: 'published' });
    expect(other.status).toBe(201);
    const clash = await n.editor.req('PUT', `/pages/${other.json.id}`, { version: 1, slug: 'o-nas' });
    expect(clash.status).toBe(409);
    expect(clash.json.error.key).toBe('page.slug_taken');
    const dup = await n.editor.req('POST', '/pages', { locale: 'ru', title: 'x', slug: 'kontakty' });
    expect(dup.status).toBe(409);
    const bad = await n.editor.req('POST', '/pages', { locale: 'ru', title: '  ', slug: 'Not A Slug' });
    expect(bad.status).toBe(422);
    const full = await n.editor.req('GET', `/pages/${id}`);
    expect(full.json.revisions.map((r: { version: number }) => r.version)).toEqual([2, 1]);
    const first = full.json.revisions.find((r: { version: number }) => r.version === 1);
    const restored = await n.editor.req('POST', `/pages/${id}/restore`, { revisionId: first.id, version: 2 });
    expect(restored.status).toBe(200);
    expect(restored.json).toMatchObject({ title: 'О нас', version: 3 });
    expect(JSON.stringify(restored.json.body)).toContain('Мы — агентство.');
  });

  it('shows published pages to readers, hides drafts, links the footer pages and redirects a renamed page', async () => {
    const list = await n.editor.req('GET', '/pages');
    const about = list.json.items.find((p: { slug: string }) => p.slug === 'o-nas');
    const page = await n.s.app.inject({ url: '/ru/page/o-nas' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Мы — агентство.');
    const draft = await n.editor.req('POST', '/pages', { locale: 'ru', title: 'Черновик', status: 'draft' });
    expect((await n.s.app.inject({ url: `/ru/page/${draft.json.slug}` })).statusCode).toBe(404);
    // The footer names pages by id, in order.
    expect((await n.s.app.inject({ url: '/ru/' })).body).not.toContain('/ru/page/o-nas');
    expect((await n.editor.req('PUT', '/pages-footer', { ids: [about.id] })).status).toBe(200);
    const home = await n.s.app.inject({ url: '/ru/' });
    expect(home.body).toContain('href="/ru/page/o-nas"');
    expect((await n.s.app.inject({ url: '/en/' })).body).not.toContain('/ru/page/o-nas');
    expect((await n.editor.req('GET', '/settings')).json.footerPages).toEqual([about.id]);
    // Renamed: the old address redirects.
    const renamed = await n.editor.req('PUT', `/pages/${about.id}`, { version: about.version, slug: 'ob-agentstve' });
    expect(renamed.status).toBe(200);
    const old = await n.s.app.inject({ url: '/ru/page/o-nas' });
    expect([old.statusCode, old.headers.location]).toEqual([301, '/ru/page/ob-agentstve']);
    expect((await n.s.app.inject({ url: '/ru/page/ob-agentstve' })).statusCode).toBe(200);
    // The footer's pages are remembered between renders (site.service.ts): the rename's purge
    // makes the very next render link the new address.
    const after = (await n.s.app.inject({ url: '/ru/' })).body;
    expect(after).toContain('href="/ru/page/ob-agentstve"');
    expect(after).not.toContain('href="/ru/page/o-nas"');
  });

  it('two editors creating the same address at once: one page, the other a 409 (the constraint decides)', async () => {
    const [a, b] = await Promise.all([
      n.editor.req('POST', '/pages', { locale: 'uz', title: 'Aloqa', slug: 'aloqa' }),
      n.admin.req('POST', '/pages', { locale: 'uz', title: 'Aloqa', slug: 'aloqa' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const rows = await n.s.c.db.kysely.selectFrom('pages').select('id').where('locale', '=', 'uz').where('slug', '=', 'aloqa').execute();
    expect(rows).toHaveLength(1);
  });

  it('deletes a page', async () => {
    const p = await n.editor.req('POST', '/pages', { locale: 'en', title: 'Advertising', status: 'published' });
    expect((await n.editor.req('DELETE', `/pages/${p.json.id}`)).status).toBe(204);
    expect((await n.editor.req('GET', `/pages/${p.json.id}`)).status).toBe(404);
    expect((await n.s.app.inject({ url: '/en/page/advertising' })).statusCode).toBe(404);
  });
});
