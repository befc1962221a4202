/**
 * The newsroom's transliteration exceptions (issue 13): editors keep word → spelling pairs that win
 * over the transliterator's rules and word lists; a change re-derives every synced derived edition
 * that uses the word — drafts at once, published ones through the audited, announced sync path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphsToDoc } from '../src/content/document.js';
import type { Actor } from '../src/accounts/policy.js';
import { DIALECTS, type DialectName } from './helpers/site.js';
import { makeNewsroom, type Newsroom } from './helpers/editorial.js';

const NOW = Date.UTC(2026, 10, 20, 9, 0);

describe.each(DIALECTS)('transliteration exceptions on %s', (dialect: DialectName) => {
  let n: Newsroom;
  let actor: Actor;
  let draftCyrl: number;
  let liveCyrl: number;
  let latinFromCyrl: number;

  beforeAll(async () => {
    n = await makeNewsroom(dialect, NOW);
    const me = await n.editor.req('GET', '/session');
    actor = { id: me.json.user.id, role: 'editor' };
    const make = async (locale: 'uz' | 'uz-Cyrl', headline: string, status: 'draft' | 'published') => {
      const story = await n.s.c.stories.create({
        sectionId: n.sectionId,
        editions: [{ locale, headline, doc: paragraphsToDoc([headline]), dateline: { city: '', agency: '' }, status, ...(status === 'published' ? { publishedAt: new Date(NOW - 3600_000) } : {}) }],
      });
      return story.editions[0]!.id;
    };
    const draftId = await make('uz', 'Yangi pleyer sotuvda', 'draft');
    draftCyrl = (await n.s.c.editorial.derive(actor, draftId)).id;
    const liveId = await make('uz', 'Pleyerlar narxi tushdi', 'published');
    liveCyrl = (await n.s.c.editorial.derive(actor, liveId)).id;
    await n.s.c.editorial.transition(actor, liveCyrl, { to: 'published' });
    const cyrlId = await make('uz-Cyrl', 'Финляндия билан шартнома', 'draft');
    latinFromCyrl = (await n.s.c.editorial.derive(actor, cyrlId)).id;
  });
  afterAll(async () => {
    await n?.s.close();
  });

  const headline = async (id: number) => (await n.s.c.editorial.get(actor, id)).headline;

  it('ships a starting list, which the derived editions already follow', async () => {
    const res = await n.editor.req('GET', '/translit-exceptions');
    expect(res.status).toBe(200);
    expect(res.json.items).toContainEqual(expect.objectContaining({ latin: 'finlandiya', cyrillic: 'финляндия' }));
    expect(await headline(latinFromCyrl)).toBe('Finlandiya bilan shartnoma');
    expect(await headline(draftCyrl)).toBe('Янги плейер сотувда');
  });

  it('re-derives drafts and published editions at once when an editor adds one, and audits it', async () => {
    const res = await n.editor.req('POST', '/translit-exceptions', { latin: 'Pleyer', cyrillic: 'Плеер' });
    expect(res.status, res.body).toBe(201);
    expect(res.json).toMatchObject({ exception: { latin: 'pleyer', cyrillic: 'плеер' }, rederived: 2 });
    expect(await headline(draftCyrl)).toBe('Янги плеер сотувда');
    expect(await headline(liveCyrl)).toBe('Плеерлар нархи тушди');
    const live = await n.s.c.editorial.get(actor, liveCyrl);
    expect(live).toMatchObject({ status: 'published', sync: 'synced' });
    const audit = await n.s.c.db.kysely.selectFrom('audit_log').select(['action', 'entity_id']).where('action', 'in', ['story.sync', 'translit.exception']).execute();
    expect(audit).toContainEqual({ action: 'story.sync', entity_id: liveCyrl });
    expect(audit.some((a) => a.action === 'translit.exception')).toBe(true);
    // The draft was re-derived too, but a draft's sync is not audited (as with any source save).
    expect(audit).not.toContainEqual({ action: 'story.sync', entity_id: draftCyrl });
  });

  it('changes and removes an exception, re-deriving again', async () => {
    const list = (await n.editor.req('GET', '/translit-exceptions')).json.items as Array<{ id: number; latin: string }>;
    const id = list.find((x) => x.latin === 'pleyer')!.id;
    const changed = await n.editor.req('PUT', `/translit-exceptions/${id}`, { latin: 'pleyer', cyrillic: 'плэйер' });
    expect(changed.status, changed.body).toBe(200);
    expect(await headline(draftCyrl)).toBe('Янги плэйер сотувда');
    const removed = await n.editor.req('DELETE', `/translit-exceptions/${id}`);
    expect(removed.status, removed.body).toBe(200);
    expect(removed.json).toEqual({ rederived: 2 });
    expect(await headline(draftCyrl)).toBe('Янги плейер сотувда');
    expect(await headline(liveCyrl)).toBe('Плейерлар нархи тушди');
  });

  it('rejects bad input, duplicates, unknown ids and people below editor', async () => {
    expect((await n.editor.req('POST', '/translit-exceptions', { latin: 'two words', cyrillic: 'икки' })).status).toBe(422);
    expect((await n.editor.req('POST', '/translit-exceptions', { latin: 'Tel-Aviv', cyrillic: 'тель-авив' })).status).toBe(422);
    expect((await n.editor.req('POST', '/translit-exceptions', { latin: 'salom', cyrillic: 'salom' })).status).toBe(422);
    expect((await n.editor.req('POST', '/translit-exceptions', { latin: 'Finlandiya', cyrillic: 'финландия' })).status).toBe(409);
    expect((await n.editor.req('DELETE', '/translit-exceptions/999999')).status).toBe(404);
    expect((await n.author.req('GET', '/translit-exceptions')).status).toBe(403);
    expect((await n.contributor.req('POST', '/translit-exceptions', { latin: 'abc', cyrillic: 'абв' })).status).toBe(403);
  });
});
