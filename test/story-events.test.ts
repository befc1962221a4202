/**
 * The distribution core: the newsroom announces published / updated / corrected / unpublished in
 * the change's transaction (one outbox job per subscriber, saves coalesced, embargo respected),
 * and the public story reader presents editions with absolute URLs for readers away from the site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStoryEvent, UPDATE_COALESCE_MS } from '../src/distribution/story-events.js';
import { DIALECTS } from './helpers/site.js';
import { draft, makeNewsroom, saveBody, type Newsroom } from './helpers/editorial.js';

const T0 = Date.parse('2026-03-02T09:00:00Z');

describe.each(DIALECTS)('story events and the public story reader on %s', (dialect) => {
  let n: Newsroom;
  let enabled = true;
  const jobs = async () =>
    (await n.s.c.db.kysely.selectFrom('outbox').select(['payload', 'run_at', 'dedupe_key']).where('topic', '=', 'test.events').orderBy('id').execute()).map((r) => ({ ...parseStoryEvent(JSON.parse(r.payload))!, runAt: Number(r.run_at), key: r.dedupe_key }));
  const clear = () => n.s.c.db.kysely.deleteFrom('outbox').where('topic', '=', 'test.events').execute();

  beforeAll(async () => {
    n = await makeNewsroom(dialect, T0);
    n.s.c.storyEvents.subscribe({ topic: 'test.events', enabled: () => enabled });
    n.s.c.storyEvents.subscribe({ topic: 'test.only-unpublished', types: ['unpublished'] });
  });
  afterAll(async () => {
    await n?.s.close();
  });

  it('announces a publication once per subscriber, in the same transaction, only to subscribers that take it', async () => {
    await clear();
    const e = await draft(n.editor, 'uz', 'Yangi koʻprik ochildi', n.sectionId);
    expect(await jobs()).toEqual([]); // drafts are nobody's business
    const pub = await n.editor.req('POST', `/editions/${e.id}/transition`, { to: 'published', from: 'draft' });
    expect(pub.status, pub.body).toBe(200);
    const got = await jobs();
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ type: 'published', editionId: e.id, storyId: e.storyId, locale: 'uz', runAt: n.s.c.clock() });
    const other = await n.s.c.db.kysely.selectFrom('outbox').select('id').where('topic', '=', 'test.only-unpublished').execute();
    expect(other).toHaveLength(0);
  });

  it('coalesces saves of a published edition into one job that runs after the window', async () => {
    await clear();
    const e = await draft(n.editor, 'ru', 'Мост открыт', n.sectionId);
    let cur = (await n.editor.req('POST', `/editions/${e.id}/transition`, { to: 'published', from: 'draft' })).json;
    await clear();
    for (const h of ['Мост открыт для всех', 'Новый мост открыт для всех']) {
      const r = await n.editor.req('PUT', `/editions/${e.id}`, saveBody(cur, { headline: h }));
      expect(r.status, r.body).toBe(200);
      cur = r.json;
      n.s.tick(1000);
    }
    const got = await jobs();
    expect(got.map((j) => j.type)).toEqual(['updated']);
    expect(got[0]!.runAt).toBeGreaterThan(T0);
    expect(got[0]!.runAt % UPDATE_COALESCE_MS).toBe(1000);
    n.s.tick(UPDATE_COALESCE_MS);
    const r = await n.editor.req('PUT', `/editions/${e.id}`, saveBody(cur, { lead: 'Лид' }));
    expect(r.status).toBe(200);
    expect((await jobs()).map((j) => j.type)).toEqual(['updated', 'updated']); // a new window, a new job
  });

  it('says corrected for a correction note and unpublished when the story is taken down', async () => {
    const e = await draft(n.editor, 'en', 'Bridge opens', n.sectionId);
    await n.editor.req('POST', `/editions/${e.id}/transition`, { to: 'published', from: 'draft' });
    await clear();
    expect((await n.editor.req('POST', `/editions/${e.id}/notes`, { kind: 'correction', text: 'The bridge is 2 km long, not 3.' })).status).toBe(200);
    expect((await n.editor.req('POST', `/editions/${e.id}/transition`, { to: 'unpublished', from: 'published', reason: 'Legal' })).status).toBe(200);
    expect((await jobs()).map((j) => j.type)).toEqual(['corrected', 'unpublished']);
    const only = await n.s.c.db.kysely.selectFrom('outbox').select('payload').where('topic', '=', 'test.only-unpublished').execute();
    expect(only.map((r) => JSON.parse(r.payload).editionId)).toEqual([e.id]);
  });

  it('waits for the embargo, and enqueues nothing for a subscriber that is switched off', async () => {
    await clear();
    const e = await draft(n.editor, 'en', 'Embargoed report', n.sectionId);
    const embargo = n.s.c.clock() + 3 * 3600_000;
    const saved = await n.editor.req('PUT', `/editions/${e.id}`, saveBody(e, { embargoUntil: new Date(embargo).toISOString() }));
    expect(saved.status, saved.body).toBe(200);
    await n.editor.req('POST', `/editions/${e.id}/transition`, { to: 'published', from: 'draft' });
    expect((await jobs()).map((j) => [j.type, j.runAt])).toEqual([['published', embargo]]);
    enabled = false;
    try {
      await n.editor.req('POST', `/editions/${e.id}/notes`, { kind: 'update', text: 'More details.' });
      expect(await jobs()).toHaveLength(1);
    } finally {
      enabled = true;
    }
  });

  it('presents an edition with absolute URLs, its language, terms, sibling editions and notes', async () => {
    const e = await draft(n.editor, 'uz', 'Toshkentda yangi bogʻ', n.sectionId, ['Birinchi xatboshi.']);
    const withLink = await n.editor.req('PUT', `/editions/${e.id}`, saveBody(e, { body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'havola', marks: [{ type: 'link', attrs: { href: '/uz/news/boshqa' } }] }] }] } }));
    expect(withLink.status, withLink.body).toBe(200);
    await n.editor.req('POST', `/editions/${e.id}/transition`, { to: 'published', from: 'draft' });
    const derived = await n.editor.req('POST', `/editions/${e.id}/derive`);
    expect(derived.status, derived.body).toBe(201);
    await n.editor.req('POST', `/editions/${derived.json.id}/transition`, { to: 'published', from: derived.json.status });
    await n.editor.req('POST', `/editions/${e.id}/notes`, { kind: 'update', text: 'Yangilandi.' });
    const [story, cyrl, missing] = [...(await n.s.c.publicStories.byEditionIds([e.id, derived.json.id, 999_999])), undefined];
    expect(missing).toBeUndefined();
    expect(story).toMatchObject({ editionId: e.id, locale: 'uz', language: 'uz-Latn', visible: true, headline: 'Toshkentda yangi bogʻ', url: `https://news.example.test/uz/news/${e.slug}` });
    expect(story!.section).toMatchObject({ id: n.sectionId, name: 'Siyosat', url: 'https://news.example.test/uz/section/siyosat' });
    expect(story!.bodyHtml).toContain('href="https://news.example.test/uz/news/boshqa"');
    expect(story!.bodyHtml).toContain('class="dateline"');
    expect(story!.editions.map((x) => [x.locale, x.language])).toEqual([['uz-Cyrl', 'uz-Cyrl']]);
    expect(story!.notes.map((x) => x.kind)).toEqual(['update']);
    expect(cyrl).toMatchObject({ locale: 'uz-Cyrl', language: 'uz-Cyrl' });
    expect(cyrl!.editions.map((x) => x.editionId)).toEqual([e.id]);
    await n.editor.req('POST', `/editions/${e.id}/transition`, { to: 'unpublished', from: 'published', reason: 'Xato' });
    const [gone] = await n.s.c.publicStories.byEditionIds([e.id]);
    expect(gone).toMatchObject({ status: 'unpublished', visible: false });
  });
});
