/**
 * The lists' index (`list_entries`, migration 0035, docs/decisions/0022-list-index.md), on both
 * dialects:
 * - equivalence: on a generated archive with editions in every state (scheduled before and after
 *   now, embargoed, drafts, taken down, without a section), every section's, tag's and author's
 *   list in every locale shows the same editions in the same order as the query it replaced (the
 *   date walk with a per-row membership test, kept here only), page by page through cursors both
 *   ways, by offset, and in feeds;
 * - every write path moves the lists at once: publish, unpublish, schedule and reschedule,
 *   embargo, retag, a new section or author, a tag merged or deleted, an edition or story
 *   deleted, a derived Uzbek Cyrillic edition — and after each the table equals a rebuild of it
 *   from the source tables;
 * - PostgreSQL: two transactions writing the two halves of one entry at once (a tag linked to a
 *   story, one of its editions published) leave the entry in place in either order, and the
 *   reverse (a link removed while an edition is published) leaves none: the triggers serialize
 *   on the story's row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import { DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';
import { generateArchive } from './helpers/archive.js';
import { doc, makeNewsroom, saveBody, type Newsroom } from './helpers/editorial.js';
import { visibleAt } from '../src/content/visibility.js';
import { FeedsRepository } from '../src/distribution/feeds/feeds.repository.js';
import type { ListFilter, ListKey } from '../src/content/editions.repository.js';
import type { Database } from '../src/db/schema.js';
import { up as migration0035 } from '../src/db/migrations/0035_list_entries.js';

const NOW = Date.UTC(2026, 11, 1, 12);
const HOUR = 3600_000;

type Entry = { kind: number; key_id: number; locale: string; published_at: number; edition_id: number; story_id: number; embargo_until: number | null };

/** The entries list_entries should hold, computed from the source tables. */
async function rebuilt(db: Kysely<Database>): Promise<Entry[]> {
  const rows = await sql<Entry>`
    select * from (
      select 1 as kind, s.section_id as key_id, e.locale, e.published_at, e.id as edition_id, e.story_id, e.embargo_until
        from editions e join stories s on s.id = e.story_id where s.section_id is not null and e.status in ('published', 'scheduled') and e.published_at is not null
      union all select 2, t.tag_id, e.locale, e.published_at, e.id, e.story_id, e.embargo_until
        from editions e join story_tags t on t.story_id = e.story_id where e.status in ('published', 'scheduled') and e.published_at is not null
      union all select 3, a.author_id, e.locale, e.published_at, e.id, e.story_id, e.embargo_until
        from editions e join story_authors a on a.story_id = e.story_id where e.status in ('published', 'scheduled') and e.published_at is not null
    ) x order by 1, 2, 3, 4, 5`.execute(db);
  return rows.rows.map(norm);
}
async function stored(db: Kysely<Database>): Promise<Entry[]> {
  const rows = await sql<Entry>`select kind, key_id, locale, published_at, edition_id, story_id, embargo_until from list_entries order by 1, 2, 3, 4, 5`.execute(db);
  return rows.rows.map(norm);
}
const norm = (r: Entry): Entry => ({ ...r, kind: Number(r.kind), published_at: Number(r.published_at), embargo_until: r.embargo_until === null ? null : Number(r.embargo_until) });

describe.each(DIALECTS)('list entries (%s)', (dialect) => {
  describe('the same lists as the walk they replace', () => {
    let s: TestSite;
    let db: Kysely<Database>;
    beforeAll(async () => {
      s = await makeTestSite(dialect, { now: NOW });
      db = s.c.db.kysely;
      await generateArchive(db, NOW, 900);
      // Every state a list must tell apart, spread over the archive by id.
      const ids = (await db.selectFrom('editions').select(['id', 'story_id', 'published_at']).orderBy('id').execute()).map((r) => ({ ...r, published_at: Number(r.published_at) }));
      for (const [i, e] of ids.entries()) {
        const m = i % 23;
        if (m === 1) await db.updateTable('editions').set({ status: 'scheduled', published_at: NOW + (i + 1) * 60_000, scheduled_at: NOW + (i + 1) * 60_000 }).where('id', '=', e.id).execute();
        else if (m === 2) await db.updateTable('editions').set({ status: 'scheduled', scheduled_at: e.published_at }).where('id', '=', e.id).execute();
        else if (m === 3) await db.updateTable('editions').set({ embargo_until: NOW + HOUR }).where('id', '=', e.id).execute();
        else if (m === 4) await db.updateTable('editions').set({ embargo_until: NOW - HOUR }).where('id', '=', e.id).execute();
        else if (m === 5) await db.updateTable('editions').set({ status: 'draft' }).where('id', '=', e.id).execute();
        else if (m === 6) await db.updateTable('editions').set({ status: 'unpublished' }).where('id', '=', e.id).execute();
        else if (m === 7) await db.updateTable('editions').set({ status: 'review', published_at: null }).where('id', '=', e.id).execute();
        else if (m === 8) await db.updateTable('stories').set({ section_id: null }).where('id', '=', e.story_id).execute();
        // Equal times: the id breaks the tie (both dialects, both queries).
        else if (m === 9 && i > 0) await db.updateTable('editions').set({ published_at: ids[i - 1]!.published_at }).where('id', '=', e.id).execute();
      }
      // More tags per story (a many-tag archive): every fifth story takes three more.
      const tags = (await db.selectFrom('tags').select('id').orderBy('id').execute()).map((t) => t.id);
      const stories = (await db.selectFrom('stories').select('id').orderBy('id').execute()).map((r) => r.id);
      for (const [i, id] of stories.entries()) {
        if (i % 5) continue;
        const have = new Set((await db.selectFrom('story_tags').select('tag_id').where('story_id', '=', id).execute()).map((r) => r.tag_id));
        const add = [tags[(i * 3) % tags.length]!, tags[(i * 11 + 1) % tags.length]!, tags[(i * 17 + 5) % tags.length]!].filter((t, j, a) => !have.has(t) && a.indexOf(t) === j);
        if (add.length) await db.insertInto('story_tags').values(add.map((tag_id, n) => ({ story_id: id, tag_id, position: 10 + n }))).execute();
      }
      if (dialect === 'postgres') await sql`analyze`.execute(db);
      else await sql`analyze`.execute(db);
    }, 120_000);
    afterAll(async () => s?.close());

    /** The list as it was read before list_entries: the date walk, membership tested per row. */
    async function walk(locale: string, f: ListFilter): Promise<number[]> {
      let q = db.selectFrom('editions as e').innerJoin('stories as s', 's.id', 'e.story_id').select('e.id').where('e.locale', '=', locale).where(visibleAt(NOW));
      if (f.sectionId !== undefined) q = q.where('s.section_id', '=', f.sectionId);
      if (f.tagId !== undefined) q = q.where((eb) => eb.exists(eb.selectFrom('story_tags as mt').select('mt.tag_id').whereRef('mt.story_id', '=', 'e.story_id').where('mt.tag_id', '=', f.tagId!)));
      if (f.authorId !== undefined) q = q.where((eb) => eb.exists(eb.selectFrom('story_authors as ma').select('ma.author_id').whereRef('ma.story_id', '=', 'e.story_id').where('ma.author_id', '=', f.authorId!)));
      return (await q.orderBy('e.published_at', 'desc').orderBy('e.id', 'desc').execute()).map((r) => r.id);
    }

    it('holds exactly the entries a rebuild from the source tables gives', async () => {
      expect(await stored(db)).toEqual(await rebuilt(db));
    });

    it('the migration fills an existing archive (in batches) and may run again', async () => {
      const want = await rebuilt(db);
      // Part gone, as if an earlier run stopped half-way; then the whole table.
      await db.deleteFrom('list_entries').where('kind', '=', 2).execute();
      await migration0035(db, dialect);
      expect(await stored(db)).toEqual(want);
      await db.deleteFrom('list_entries').execute();
      await migration0035(db, dialect);
      await migration0035(db, dialect);
      expect(await stored(db)).toEqual(want);
      // Rows no trigger kept (a restore of an older backup over this schema keeps the table without
      // its triggers): a stale time and an entry in a list the story is not in. The migration's run
      // starts from empty.
      const one = want.find((r) => r.kind === 2)!;
      await db.insertInto('list_entries').values({ ...one, published_at: Number(one.published_at) - 86_400_000 } as never).execute();
      await db.insertInto('list_entries').values({ ...one, key_id: 999_999 } as never).execute();
      await migration0035(db, dialect);
      expect(await stored(db)).toEqual(want);
    });

    it('lists every section, tag and author in every locale as the walk did: by cursor both ways, by offset, in feeds, and the keys of old page numbers', async () => {
      const filters: ListFilter[] = [
        ...(await db.selectFrom('sections').select('id').execute()).map((r) => ({ sectionId: r.id })),
        ...(await db.selectFrom('tags').select('id').execute()).map((r) => ({ tagId: r.id })),
        ...(await db.selectFrom('authors').select('id').execute()).map((r) => ({ authorId: r.id })),
      ];
      const feeds = new FeedsRepository(db);
      const repo = s.c.editions;
      const PAGE = 16;
      let compared = 0;
      for (const locale of ['ru', 'en', 'uz']) {
        for (const f of filters) {
          const want = await walk(locale, f);
          // Forward through `before` cursors from the first page to the end.
          const got: number[] = [];
          let page = await repo.listPage(locale, NOW, f, PAGE + 1, { offset: 0 });
          const keyOf = (r: { published_at: number; edition_id: number }): ListKey => ({ publishedAt: Number(r.published_at), id: r.edition_id });
          for (;;) {
            got.push(...page.slice(0, PAGE).map((r) => r.edition_id));
            if (page.length <= PAGE) break;
            page = await repo.listPage(locale, NOW, f, PAGE + 1, { before: keyOf(page[PAGE - 1]!) });
          }
          expect(got, `${locale} ${JSON.stringify(f)}`).toEqual(want);
          // Backward through `after` cursors from the oldest.
          if (want.length > 1) {
            const last = (await repo.listPage(locale, NOW, f, 1, { offset: want.length - 1 }))[0]!;
            expect(last.edition_id).toBe(want.at(-1));
            const back: number[] = [];
            let at = keyOf(last);
            for (;;) {
              const rows = await repo.listPage(locale, NOW, f, PAGE, { after: at });
              if (!rows.length) break;
              back.push(...rows.map((r) => r.edition_id));
              at = keyOf(rows.at(-1)!);
            }
            expect(back.reverse(), `${locale} ${JSON.stringify(f)} after`).toEqual(want.slice(0, -1));
          }
          expect((await repo.listPage(locale, NOW, f, PAGE, { offset: 2 * PAGE })).map((r) => r.edition_id)).toEqual(want.slice(2 * PAGE, 3 * PAGE));
          expect((await repo.list(locale, NOW, f, 3)).map((r) => r.edition_id)).toEqual(want.slice(0, 3));
          expect(await feeds.newestVisible(locale as never, NOW, f, 20)).toEqual(want.slice(0, 20));
          if (want.length > 20) expect((await repo.keyAt(locale, NOW, f, 20))?.id).toBe(want[20]);
          compared += want.length;
        }
      }
      // The archive really has lists to compare (not every list empty).
      expect(compared).toBeGreaterThan(3000);
    }, 120_000);
  });

  describe('every write path moves the lists at once', () => {
    let n: Newsroom;
    let db: Kysely<Database>;
    beforeAll(async () => {
      n = await makeNewsroom(dialect, NOW);
      db = n.s.c.db.kysely;
    }, 60_000);
    afterAll(async () => n?.s.close());

    const ids = async (locale: string, f: ListFilter) => (await n.s.c.editions.listPage(locale, n.s.c.clock(), f, 50, { offset: 0 })).map((r) => r.edition_id);
    const consistent = async () => expect(await stored(db)).toEqual(await rebuilt(db));
    const tag = async (name: string) => (await n.admin.req('POST', '/tags', { name, locale: 'ru' })).json as { id: number; slug: string };
    async function story(headline: string, patch: Record<string, unknown> = {}, locale = 'ru') {
      const created = await n.admin.req('POST', '/stories', { locale, headline });
      expect(created.status).toBe(201);
      const saved = await n.admin.req('PUT', `/editions/${created.json.id}`, saveBody(created.json, { sectionId: n.sectionId, body: doc('Matn.'), datelineCity: 'Toshkent', ...patch }));
      expect(saved.status, saved.body).toBe(200);
      return saved.json;
    }
    const publish = async (id: number) => expect((await n.admin.req('POST', `/editions/${id}/transition`, { to: 'published' })).status).toBe(200);
    const get = async (id: number) => (await n.admin.req('GET', `/editions/${id}`)).json;

    it('publish, unpublish, schedule, reschedule and embargo', async () => {
      const t = await tag('Saylov');
      const e = await story('Yangilik birinchi', { tagIds: [t.id] });
      expect(await ids('ru', { tagId: t.id })).toEqual([]);
      await publish(e.id);
      expect(await ids('ru', { tagId: t.id })).toEqual([e.id]);
      expect(await ids('ru', { sectionId: n.sectionId })).toContain(e.id);
      await consistent();
      expect((await n.admin.req('POST', `/editions/${e.id}/transition`, { to: 'unpublished', reason: 'Xato' })).status).toBe(200);
      expect(await ids('ru', { tagId: t.id })).toEqual([]);
      expect(await ids('ru', { sectionId: n.sectionId })).not.toContain(e.id);
      await consistent();
      // Scheduled for later: not listed until its time, then listed before the job runs.
      const at = n.s.c.clock() + 10 * 60_000;
      expect((await n.admin.req('POST', `/editions/${e.id}/transition`, { to: 'scheduled', at: new Date(at).toISOString() })).status).toBe(200);
      expect(await ids('ru', { tagId: t.id })).toEqual([]);
      await consistent();
      // Rescheduled sooner.
      const sooner = n.s.c.clock() + 5 * 60_000;
      expect((await n.admin.req('POST', `/editions/${e.id}/transition`, { to: 'scheduled', at: new Date(sooner).toISOString() })).status).toBe(200);
      await consistent();
      n.s.tick(6 * 60_000);
      expect(await ids('ru', { tagId: t.id })).toEqual([e.id]);
      const entry = await db.selectFrom('list_entries').select('published_at').where('edition_id', '=', e.id).where('kind', '=', 2).executeTakeFirstOrThrow();
      expect(Number(entry.published_at)).toBe(sooner);
      await n.s.c.relay.runDue();
      expect((await get(e.id)).status).toBe('published');
      expect(await ids('ru', { tagId: t.id })).toEqual([e.id]);
      await consistent();
      // An embargo saved on a published edition hides it from its lists until it passes.
      const cur = await get(e.id);
      const until = n.s.c.clock() + HOUR;
      expect((await n.admin.req('PUT', `/editions/${e.id}`, saveBody(cur, { embargoUntil: new Date(until).toISOString() }))).status).toBe(200);
      expect(await ids('ru', { tagId: t.id })).toEqual([]);
      await consistent();
      n.s.tick(HOUR + 1000);
      expect(await ids('ru', { tagId: t.id })).toEqual([e.id]);
    });

    it('retag, a new section and a new author move the story between lists', async () => {
      const a = await tag('Iqtisod');
      const b = await tag('Savdo');
      const [author] = await db.insertInto('authors').values({ slug: 'muallif-bir', created_at: NOW } as never).returning('id').execute();
      const [other] = await db.insertInto('authors').values({ slug: 'muallif-ikki', created_at: NOW } as never).returning('id').execute();
      const e = await story('Yangilik ikkinchi', { tagIds: [a.id], authorIds: [author!.id] });
      await publish(e.id);
      expect(await ids('ru', { tagId: a.id })).toEqual([e.id]);
      expect(await ids('ru', { authorId: author!.id })).toEqual([e.id]);
      const saved = await n.admin.req('PUT', `/editions/${e.id}`, saveBody(await get(e.id), { tagIds: [b.id], authorIds: [other!.id], sectionId: n.otherSectionId }));
      expect(saved.status, saved.body).toBe(200);
      expect(await ids('ru', { tagId: a.id })).toEqual([]);
      expect(await ids('ru', { tagId: b.id })).toEqual([e.id]);
      expect(await ids('ru', { authorId: author!.id })).toEqual([]);
      expect(await ids('ru', { authorId: other!.id })).toEqual([e.id]);
      expect(await ids('ru', { sectionId: n.sectionId })).not.toContain(e.id);
      expect(await ids('ru', { sectionId: n.otherSectionId })).toContain(e.id);
      await consistent();
      // The bulk action adds a tag.
      const c = await tag('Bozor');
      const bulk = await n.admin.req('POST', '/bulk', { action: 'tag', tagId: c.id, editionIds: [e.id] });
      expect(bulk.status, bulk.body).toBe(200);
      expect(await ids('ru', { tagId: c.id })).toEqual([e.id]);
      await consistent();
    });

    it('a tag merged or deleted, an edition or a story deleted', async () => {
      const a = await tag('Saylov-2026');
      const b = await tag('Saylovlar');
      const one = await story('Birinchi saylov haqida', { tagIds: [a.id] });
      const two = await story('Ikkinchi saylov haqida', { tagIds: [a.id, b.id] });
      await publish(one.id);
      n.s.tick(1000);
      await publish(two.id);
      expect(await ids('ru', { tagId: a.id })).toEqual([two.id, one.id]);
      expect((await n.admin.req('POST', `/tags/${a.id}/merge`, { into: b.id })).status).toBe(200);
      expect(await ids('ru', { tagId: a.id })).toEqual([]);
      expect(await ids('ru', { tagId: b.id })).toEqual([two.id, one.id]);
      await consistent();
      expect((await n.admin.req('DELETE', `/tags/${b.id}?confirm=1`)).status).toBe(204);
      expect(await ids('ru', { tagId: b.id })).toEqual([]);
      await consistent();
      const sectionBefore = await ids('ru', { sectionId: n.sectionId });
      expect(sectionBefore.slice(0, 2)).toEqual([two.id, one.id]);
      expect((await n.admin.req('DELETE', `/editions/${two.id}`)).status).toBe(204);
      expect(await ids('ru', { sectionId: n.sectionId })).toEqual(sectionBefore.slice(1));
      await consistent();
      // A story removed with everything it has (the cascade deletes its editions and links).
      await db.deleteFrom('stories').where('id', '=', one.storyId ?? (await db.selectFrom('editions').select('story_id').where('id', '=', one.id).executeTakeFirstOrThrow()).story_id).execute();
      expect(await ids('ru', { sectionId: n.sectionId })).toEqual(sectionBefore.slice(2));
      await consistent();
    });

    it('a derived Uzbek Cyrillic edition joins its lists, and follows its source', async () => {
      const t = await tag('Sport yangiliklari');
      const latin = await story('Yangi stadion ochildi', { tagIds: [t.id] }, 'uz');
      await publish(latin.id);
      const derived = await n.admin.req('POST', `/editions/${latin.id}/derive`);
      expect(derived.status, derived.body).toBe(201);
      const cyrl = derived.json.id as number;
      if ((await get(cyrl)).status !== 'published') await publish(cyrl);
      expect(await ids('uz', { tagId: t.id })).toEqual([latin.id]);
      expect(await ids('uz-Cyrl', { tagId: t.id })).toEqual([cyrl]);
      await consistent();
      expect((await n.admin.req('POST', `/editions/${latin.id}/transition`, { to: 'unpublished', reason: 'Xato' })).status).toBe(200);
      expect(await ids('uz', { tagId: t.id })).toEqual([]);
      await consistent();
    });

    it('a section deleted sets its stories free (ON DELETE SET NULL), and the lists follow', async () => {
      const sec = await n.admin.req('POST', '/sections', { slug: 'madaniyat', color: '#114477', names: { ru: 'Культура', uz: 'Madaniyat', 'uz-Cyrl': 'Маданият', en: 'Culture' } });
      const e = await story('Teatr yangi mavsumni ochdi', { sectionId: sec.json.id });
      await publish(e.id);
      expect(await ids('ru', { sectionId: sec.json.id })).toEqual([e.id]);
      await db.deleteFrom('sections').where('id', '=', sec.json.id).execute();
      expect(await ids('ru', { sectionId: sec.json.id })).toEqual([]);
      await consistent();
    });
  });
  describe.runIf(dialect === 'postgres')('concurrent writers of one story (PostgreSQL, READ COMMITTED)', () => {
    let s: TestSite;
    let db: Kysely<Database>;
    const clients: pg.Client[] = [];
    beforeAll(async () => {
      s = await makeTestSite(dialect, { now: NOW });
      db = s.c.db.kysely;
      for (let i = 0; i < 2; i++) {
        const c = new pg.Client({ connectionString: process.env.XABAR_TEST_PG, options: `-c search_path=${s.c.db.schema}` });
        await c.connect();
        clients.push(c);
      }
    }, 60_000);
    afterAll(async () => {
      for (const c of clients) await c.end();
      await s?.close();
    });

    /** `first` runs and stays uncommitted; `second` starts (and may wait on it); then both commit. */
    async function interleave(first: string, second: string) {
      const [a, b] = clients as [pg.Client, pg.Client];
      await a.query('begin');
      await a.query(first);
      await b.query('begin');
      let done = false;
      const pending = b.query(second).then(() => (done = true));
      await new Promise((r) => setTimeout(r, 300));
      const waited = !done;
      await a.query('commit');
      await pending;
      await b.query('commit');
      return waited;
    }

    it('a link and a publication of one story at once: the entry is there in either order; a link removed meanwhile leaves none', async () => {
      const [sec] = await db.insertInto('sections').values({ slug: 'race', position: 0, color: '#000000' } as never).returning('id').execute();
      const [tag] = await db.insertInto('tags').values({ slug: 'race-tag' }).returning('id').execute();
      const [story] = await db.insertInto('stories').values({ section_id: sec!.id, hero_media_id: null, created_at: NOW, updated_at: NOW }).returning('id').execute();
      const [ed] = await db.insertInto('editions').values({ story_id: story!.id, locale: 'ru', status: 'draft', headline: 'Гонка', slug: 'gonka', lead: '', body_json: '{}', body_html: '', published_at: null, created_at: NOW, updated_at: NOW } as never).returning('id').execute();
      const E = ed!.id;
      const link = `insert into story_tags (story_id, tag_id, position) values (${story!.id}, ${tag!.id}, 0)`;
      const unlink = `delete from story_tags where story_id = ${story!.id} and tag_id = ${tag!.id}`;
      const publish = `update editions set status = 'published', published_at = ${NOW - 1000} where id = ${E}`;
      const draft = `update editions set status = 'draft', published_at = null where id = ${E}`;
      const tagged = async () => (await db.selectFrom('list_entries').select('edition_id').where('kind', '=', 2).where('key_id', '=', tag!.id).execute()).map((r) => r.edition_id);

      // The link first, the publication waits for it.
      expect(await interleave(link, publish)).toBe(true);
      expect(await tagged()).toEqual([E]);
      expect(await stored(db)).toEqual(await rebuilt(db));
      await db.executeQuery(sql.raw(unlink).compile(db));
      await db.executeQuery(sql.raw(draft).compile(db));
      expect(await tagged()).toEqual([]);
      // The publication first, the link waits for it.
      expect(await interleave(publish, link)).toBe(true);
      expect(await tagged()).toEqual([E]);
      expect(await stored(db)).toEqual(await rebuilt(db));
      // The link removed while the edition is published again.
      await db.executeQuery(sql.raw(draft).compile(db));
      expect(await interleave(unlink, publish)).toBe(true);
      expect(await tagged()).toEqual([]);
      await db.executeQuery(sql.raw(link).compile(db));
      await db.executeQuery(sql.raw(draft).compile(db));
      expect(await interleave(publish, unlink)).toBe(true);
      expect(await tagged()).toEqual([]);
      expect(await stored(db)).toEqual(await rebuilt(db));
    });
  });
});
