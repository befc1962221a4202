/** `xabar demo --stories N` beyond the demo: archive stories written in batches, consistent with saves. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../src/demo/archive.js';
import { deriveEditionFields } from '../src/content/stories.service.js';
import { paragraphsToDoc } from '../src/content/document.js';
import { reindexStories } from '../src/search/search-index.js';
import { DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';

describe.each(DIALECTS)('archive generator on %s', (dialect) => {
  let s: TestSite;
  const batches: number[] = [];
  let result: Awaited<ReturnType<typeof generateArchive>>;
  beforeAll(async () => {
    s = await makeTestSite(dialect);
    result = await generateArchive(s.c, { stories: 1200, images: 2, locales: ['ru', 'uz', 'uz-Cyrl'], onBatch: (done) => batches.push(done) });
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it('writes the demo plus the archive, in batches, in the languages asked for', async () => {
    expect(result.created).toBe(true);
    const n = await s.c.db.kysely.selectFrom('stories').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1201); // 1,200 generated + the reference story
    expect(result.stories).toBe(1201);
    expect(batches).toEqual([0, 500, 1000, 1110]);
    const archiveLocales = await s.c.db.kysely.selectFrom('editions').select('locale').distinct().where('story_id', '>', 91).execute();
    expect(new Set(archiveLocales.map((r) => r.locale))).toEqual(new Set(['ru', 'uz', 'uz-Cyrl']));
  });

  it('gives every edition a unique slug and older dates than the demo', async () => {
    const dup = await s.c.db.kysely.selectFrom('editions').select(['locale', 'slug']).groupBy(['locale', 'slug']).having((eb) => eb.fn.countAll(), '>', 1).execute();
    expect(dup).toEqual([]);
    const demoOldest = await s.c.db.kysely.selectFrom('editions').select((eb) => eb.fn.min('published_at').as('t')).where('story_id', '<=', 91).executeTakeFirstOrThrow();
    const archiveNewest = await s.c.db.kysely.selectFrom('editions').select((eb) => eb.fn.max('published_at').as('t')).where('story_id', '>', 91).executeTakeFirstOrThrow();
    expect(Number(archiveNewest.t)).toBeLessThan(Number(demoOldest.t));
  });

  it('derives search text and HTML exactly as a save does, links Cyrillic editions to their Latin source', async () => {
    const e = await s.c.db.kysely.selectFrom('editions').selectAll().where('story_id', '=', 600).where('locale', '=', 'ru').executeTakeFirstOrThrow();
    const derived = deriveEditionFields(JSON.parse(e.body_json), 'ru', e.headline, e.lead);
    expect(e.search_text).toBe(derived.search_text);
    expect(e.body_html).toBe(derived.body_html);
    expect(JSON.parse(e.body_json)).toEqual(paragraphsToDoc(JSON.parse(e.body_json).content.map((p: { content: { text: string }[] }) => p.content.map((t) => t.text).join(''))));
    const cyrl = await s.c.db.kysely.selectFrom('editions').select(['derived_from', 'sync']).where('story_id', '=', 600).where('locale', '=', 'uz-Cyrl').executeTakeFirst();
    const uz = await s.c.db.kysely.selectFrom('editions').select('id').where('story_id', '=', 600).where('locale', '=', 'uz').executeTakeFirst();
    if (uz) expect(cyrl).toEqual({ derived_from: uz.id, sync: 'synced' });
  });

  it('writes the analyzed search columns a save would, so archive stories are found', async () => {
    const e = await s.c.db.kysely.selectFrom('editions').selectAll().where('story_id', '=', 700).where('locale', '=', 'ru').executeTakeFirstOrThrow();
    const before = { head: e.search_head, body: e.search_body };
    expect(before.head.length).toBeGreaterThan(0);
    await reindexStories(s.c.db.kysely, [700]);
    const after = await s.c.db.kysely.selectFrom('editions').select(['search_head', 'search_body']).where('id', '=', e.id).executeTakeFirstOrThrow();
    // The same tokens (name order within the head may differ; it matters to nothing but phrases across names).
    expect(after.search_body).toBe(before.body);
    expect(after.search_head.split(' ').sort()).toEqual(before.head.split(' ').sort());
    const word = e.headline.split(/\s+/).find((w) => w.length > 5)!.replace(/[^\p{L}]/gu, '');
    const page = await s.app.inject({ url: `/ru/search?q=${encodeURIComponent(word)}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toMatch(/search-empty|ничего не найдено/i);
  });

  it('announces nothing and leaves the id sequences ready for the next story', async () => {
    const outbox = await s.c.db.kysely.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(outbox.n)).toBe(0);
    const next = await s.c.stories.create({ editions: [{ locale: 'ru', headline: 'Новая заметка после архива', doc: paragraphsToDoc(['Текст.']), status: 'draft' }] });
    expect(next.storyId).toBe(1202);
  });

  it('refuses a second run on a database with stories', async () => {
    expect((await generateArchive(s.c, { stories: 500, images: 1 })).created).toBe(false);
  });
});
