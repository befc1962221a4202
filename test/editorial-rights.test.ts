/**
 * Rights on published editions, through the HTTP layer on SQLite and PostgreSQL: a save of a
 * source never rewrites a published derived edition its saver may not edit (it gets a pending
 * update an editor accepts), story-level fields (section, hero, tags, authors) follow the rights on
 * the story's published editions, and every change to a published edition is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphsToDoc } from '../src/content/document.js';
import { BROWSER_UA, DIALECTS } from './helpers/site.js';
import { doc, draft, makeNewsroom, saveBody, type Newsroom } from './helpers/editorial.js';

const NOW = Date.UTC(2026, 10, 20, 9, 0);

describe.each(DIALECTS)('editorial rights on %s', (dialect) => {
  let n: Newsroom;
  beforeAll(async () => {
    n = await makeNewsroom(dialect, NOW);
  });
  afterAll(async () => {
    await n?.s.close();
  });

  const h1 = async (url: string) => {
    n.s.c.pageCache?.clear(); // the database's truth, not a cached copy
    const page = await n.s.app.inject({ method: 'GET', url, headers: { 'user-agent': BROWSER_UA } });
    expect(page.statusCode, url).toBe(200);
    return /<h1 class="article-title">([^<]*)<\/h1>/.exec(page.body)?.[1];
  };
  const auditOf = (id: number) =>
    n.s.c.db.kysely.selectFrom('audit_log').select(['action', 'user_id', 'details']).where('entity', '=', 'edition').where('entity_id', '=', id).orderBy('id').execute();

  it('gives a published derived edition a pending update instead of the contributor’s text; an editor accepts it', async () => {
    const latin = await draft(n.contributor, 'uz', 'Prezident yangi qonunni imzoladi', n.sectionId);
    const derived = await n.contributor.req('POST', `/editions/${latin.id}/derive`);
    expect(derived.status, derived.body).toBe(201);
    const cyrl = derived.json;
    expect((await n.contributor.req('POST', `/editions/${cyrl.id}/transition`, { to: 'review' })).status).toBe(200);
    const published = await n.editor.req('POST', `/editions/${cyrl.id}/transition`, { to: 'published' });
    expect(published.status, published.body).toBe(200);
    const url = published.json.publicUrl as string;
    expect(await h1(url)).toBe('Президент янги қонунни имзолади');

    // The contributor saves the Latin draft with a new headline and lead.
    const fresh = (await n.contributor.req('GET', `/editions/${latin.id}`)).json;
    const saved = await n.contributor.req('PUT', `/editions/${latin.id}`, saveBody(fresh, { headline: 'Soxta sarlavha', lead: 'Soxta lid' }));
    expect(saved.status, saved.body).toBe(200);
    expect(await h1(url)).toBe('Президент янги қонунни имзолади');
    expect(saved.json.siblings.find((x: any) => x.editionId === cyrl.id)).toMatchObject({ sync: 'pending', outdated: true });
    const pending = (await n.editor.req('GET', `/editions/${cyrl.id}`)).json;
    expect(pending).toMatchObject({ sync: 'pending', headline: 'Президент янги қонунни имзолади', lead: '', outdated: true });
    expect(pending.can.acceptUpdate).toBe(true);
    expect((await n.contributor.req('GET', `/editions/${cyrl.id}`)).json.can.acceptUpdate).toBe(false);
    expect(await auditOf(cyrl.id)).toEqual([expect.objectContaining({ action: 'story.publish' })]);

    // Accepting needs edit rights on the published edition.
    const refused = await n.contributor.req('POST', `/editions/${cyrl.id}/resync`);
    expect(refused.status).toBe(403);
    const accepted = await n.editor.req('POST', `/editions/${cyrl.id}/resync`);
    expect(accepted.status, accepted.body).toBe(200);
    expect(accepted.json).toMatchObject({ sync: 'synced', headline: 'Сохта сарлавҳа', lead: 'Сохта лид', status: 'published' });
    expect(await h1(url)).toBe('Сохта сарлавҳа');
    const audit = await auditOf(cyrl.id);
    expect(audit.map((a) => a.action)).toEqual(['story.publish', 'story.resync']);
    expect(JSON.parse(audit[1]!.details)).toMatchObject({ headline: 'Сохта сарлавҳа', before: { headline: 'Президент янги қонунни имзолади' } });

    // The synced edition follows the next save of an editor, audited as a sync.
    const latin2 = (await n.editor.req('GET', `/editions/${latin.id}`)).json;
    expect((await n.editor.req('PUT', `/editions/${latin.id}`, saveBody(latin2, { headline: 'Prezident qonunni imzoladi' }))).status).toBe(200);
    expect(await h1(url)).toBe('Президент қонунни имзолади');
    expect((await auditOf(cyrl.id)).map((a) => a.action)).toEqual(['story.publish', 'story.resync', 'story.sync']);
  });

  it('audits every change to a published edition: an editor’s save and a restored revision', async () => {
    const e = await draft(n.editor, 'ru', 'Опубликованная новость для аудита', n.sectionId, ['Текст.']);
    const pub = (await n.editor.req('POST', `/editions/${e.id}/transition`, { to: 'published' })).json;
    const edited = await n.editor.req('PUT', `/editions/${e.id}`, saveBody(pub, { headline: 'Исправленный заголовок' }));
    expect(edited.status).toBe(200);
    const revs = (await n.editor.req('GET', `/editions/${e.id}/revisions`)).json.items;
    const first = revs.find((r: any) => r.headline === 'Опубликованная новость для аудита');
    const restored = await n.editor.req('POST', `/revisions/${first.id}/restore`, { version: edited.json.version });
    expect(restored.status, restored.body).toBe(200);
    const audit = await auditOf(e.id);
    expect(audit.map((a) => a.action)).toEqual(['story.publish', 'story.edit', 'story.restore']);
    expect(JSON.parse(audit[1]!.details)).toMatchObject({ headline: 'Исправленный заголовок', before: { headline: 'Опубликованная новость для аудита' } });
  });

  it('refuses story-level changes through a translation of a published story, naming the fields', async () => {
    const ru = await draft(n.contributor, 'ru', 'Новость, которую переведут', n.sectionId, ['Текст новости.']);
    expect((await n.contributor.req('POST', `/editions/${ru.id}/transition`, { to: 'review' })).status).toBe(200);
    const pub = await n.editor.req('POST', `/editions/${ru.id}/transition`, { to: 'published' });
    expect(pub.status).toBe(200);
    const tag = await n.contributor.req('POST', '/tags', { name: 'reklama', locale: 'en' });
    const author = await n.admin.req('POST', '/authors', { names: { en: 'Someone Else' }, slug: 'someone-else' });
    expect([tag.status, author.status]).toEqual([201, 201]);

    const tr = await n.contributor.req('POST', `/editions/${ru.id}/translations`, { locale: 'en' });
    expect(tr.status, tr.body).toBe(201);
    expect(tr.json.canEditStoryFields).toBe(false);
    expect(tr.json.can.edit).toBe(true);
    const bad = await n.contributor.req('PUT', `/editions/${tr.json.id}`, saveBody(tr.json, { headline: 'Translated', sectionId: n.otherSectionId, tagIds: [tag.json.id], authorIds: [author.json.id] }));
    expect(bad.status).toBe(403);
    expect(bad.json.error.message).toMatch(/section.*tags.*authors/);
    expect(bad.json.error.details.fields.sort()).toEqual(['authorIds', 'sectionId', 'tagIds']);
    const live = (await n.editor.req('GET', `/editions/${ru.id}`)).json;
    expect(live).toMatchObject({ sectionId: n.sectionId, tags: [], authors: [] });

    // The same save without touching story-level fields works.
    const ok = await n.contributor.req('PUT', `/editions/${tr.json.id}`, saveBody(tr.json, { headline: 'Translated', body: doc('Text.') }));
    expect(ok.status, ok.body).toBe(200);
    expect(ok.json.sectionId).toBe(n.sectionId);

    // An editor may change them; it is audited on the story's published edition.
    const asEditor = (await n.editor.req('GET', `/editions/${tr.json.id}`)).json;
    expect(asEditor.canEditStoryFields).toBe(true);
    const moved = await n.editor.req('PUT', `/editions/${tr.json.id}`, saveBody(asEditor, { sectionId: n.otherSectionId, tagIds: [tag.json.id] }));
    expect(moved.status, moved.body).toBe(200);
    const audit = await n.s.c.db.kysely.selectFrom('audit_log').select(['action', 'entity_id', 'details']).where('action', '=', 'story.fields').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.entity_id).toBe(tr.json.id);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ storyId: ru.storyId, before: { sectionId: n.sectionId, tagIds: [] }, after: { sectionId: n.otherSectionId, tagIds: [tag.json.id] } });
  });

  it('gives stories written outside the newsroom (demo, imports) the same history and derived-edition link', async () => {
    const published = new Date(NOW - 3600_000);
    const story = await n.s.c.stories.create({
      sectionId: n.sectionId,
      editions: [
        { locale: 'uz', headline: 'Import qilingan yangilik', doc: paragraphsToDoc(['Matn.']), status: 'published', publishedAt: published },
        { locale: 'uz-Cyrl', headline: 'Импорт қилинган янгилик', doc: paragraphsToDoc(['Матн.']), status: 'published', publishedAt: published, derivedFrom: 'uz' },
      ],
    });
    const [uz, cyrl] = story.editions;
    const e = (await n.editor.req('GET', `/editions/${cyrl!.id}`)).json;
    expect(e).toMatchObject({ derivedFrom: uz!.id, sync: 'synced' });
    expect(e.transitions.map((t: any) => [t.from, t.to])).toEqual([[null, 'published']]);
    expect((await n.editor.req('GET', `/editions/${cyrl!.id}/revisions`)).json.items.map((r: any) => r.version)).toEqual([1]);
    const src = (await n.editor.req('GET', `/editions/${uz!.id}`)).json;
    expect((await n.editor.req('PUT', `/editions/${uz!.id}`, saveBody(src, { headline: 'Yangi sarlavha' }))).status).toBe(200);
    expect((await n.editor.req('GET', `/editions/${cyrl!.id}`)).json.headline).toBe('Янги сарлавҳа');
  });
});
