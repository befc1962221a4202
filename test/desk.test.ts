/**
 * The desk as a team, through the real HTTP layer on SQLite and PostgreSQL: the story list per
 * story (editions as chips, filters, keyset pages without repeats), bulk actions through the single
 * actions' rules with a per-item answer, the review-queue count, planning with rescheduling, and
 * scheduled unpublish (expiry) carried out once by the outbox job.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './helpers/client.js';
import { DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';

const NOW = Date.UTC(2026, 10, 20, 9, 0);
const PW = 'correct horse battery';
const HOUR = 3600_000;
const doc = (...ps: string[]) => ({ type: 'doc', content: ps.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

describe.each(DIALECTS)('the desk on %s', (dialect) => {
  let s: TestSite;
  let admin: ApiClient;
  const users: Record<'contributor' | 'author' | 'editor', ApiClient> = {} as never;
  let sectionId: number;
  let otherSection: number;
  let tagId: number;

  const saveBody = (e: any, patch: Record<string, unknown> = {}) => ({
    version: e.version, headline: e.headline, slug: e.slug, lead: e.lead, body: e.body, datelineCity: e.datelineCity,
    sectionId: e.sectionId, tagIds: e.tags.map((t: any) => t.id), authorIds: e.authors.map((a: any) => a.id), heroMediaId: e.heroMediaId,
    heroCaption: e.heroCaption, seoTitle: e.seoTitle, seoDescription: e.seoDescription, isMain: e.isMain, isBreaking: e.isBreaking, embargoUntil: e.embargoUntil, ...patch,
  });

  async function draft(c: ApiClient, headline: string, locale = 'ru', withSection: boolean | number = true) {
    const created = await c.req('POST', '/stories', { locale, headline });
    expect(created.status).toBe(201);
    const section = typeof withSection === 'number' ? withSection : withSection ? sectionId : null;
    const saved = await c.req('PUT', `/editions/${created.json.id}`, saveBody(created.json, { sectionId: section, body: doc('Первый абзац новости.') }));
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    return saved.json;
  }
  async function translate(c: ApiClient, sourceId: number, locale: string, headline: string) {
    const t = await c.req('POST', `/editions/${sourceId}/translations`, { locale });
    expect(t.status).toBe(201);
    const saved = await c.req('PUT', `/editions/${t.json.id}`, saveBody(t.json, { headline, body: doc('Text.') }));
    expect(saved.status).toBe(200);
    return saved.json;
  }
  const publish = (c: ApiClient, id: number) => c.req('POST', `/editions/${id}/transition`, { to: 'published' });

  beforeAll(async () => {
    s = await makeTestSite(dialect, { now: NOW });
    admin = new ApiClient(s.app);
    await admin.session();
    expect((await admin.req('POST', '/setup', { email: 'admin@example.uz', name: 'Главный редактор', password: PW })).status).toBe(201);
    for (const role of ['contributor', 'author', 'editor'] as const) {
      expect((await admin.req('POST', '/users', { email: `${role}@example.uz`, name: role, role, password: PW })).status).toBe(201);
      users[role] = new ApiClient(s.app, `10.0.1.${Object.keys(users).length + 2}`);
      expect((await users[role].login(`${role}@example.uz`, PW)).status).toBe(200);
    }
    sectionId = (await admin.req('POST', '/sections', { slug: 'politics', color: '#1D4E89', names: { ru: 'Политика', en: 'Politics' } })).json.id;
    otherSection = (await admin.req('POST', '/sections', { slug: 'economy', color: '#1D8E49', names: { ru: 'Экономика', en: 'Economy' } })).json.id;
    const tag = await admin.req('POST', '/tags', { name: 'Ташкент', locale: 'ru' });
    expect(tag.status, JSON.stringify(tag.json)).toBe(201);
    tagId = tag.json.id;
  });
  afterAll(async () => {
    await s?.close();
  });

  describe('story list', () => {
    it('gives one row per story with every edition and its status, time and author', async () => {
      const ru = await draft(users.editor, 'Кабмин утвердил программу по воде');
      s.tick(1000);
      const en = await translate(users.editor, ru.id, 'en', 'Cabinet approves water programme');
      s.tick(1000);
      expect((await publish(users.editor, en.id)).status).toBe(200);
      const list = await users.editor.req('GET', `/stories?q=${encodeURIComponent('программу по воде')}`);
      expect(list.status).toBe(200);
      expect(list.json.items).toHaveLength(1);
      const row = list.json.items[0];
      expect(row.storyId).toBe(ru.storyId);
      expect(row.editions).toEqual([
        expect.objectContaining({ editionId: ru.id, locale: 'ru', status: 'draft', headline: 'Кабмин утвердил программу по воде', createdBy: expect.objectContaining({ name: 'editor' }) }),
        expect.objectContaining({ editionId: en.id, locale: 'en', status: 'published', headline: 'Cabinet approves water programme', publishedAt: new Date(s.c.clock()).toISOString() }),
      ]);
      // The filter picks the row's leading edition; the story is still one row.
      const byLocale = await users.editor.req('GET', '/stories?locale=en&status=published');
      expect(byLocale.json.items.filter((i: any) => i.storyId === ru.storyId)).toEqual([expect.objectContaining({ editionId: en.id, locale: 'en', status: 'published' })]);
      expect((await users.editor.req('GET', '/stories?locale=en&status=draft')).json.items.some((i: any) => i.storyId === ru.storyId)).toBe(false);
    });

    it('walks every story exactly once with "next" pages, in every sort, whatever the editions do', async () => {
      // 30 stories in a section of their own; every third gets a second edition (both match the
      // filter), updated at times interleaved with other stories.
      const paging = (await admin.req('POST', '/sections', { slug: 'paging', color: '#333333', names: { ru: 'Страницы' } })).json.id;
      const made: number[] = [];
      for (let n = 0; n < 30; n++) {
        const e = await draft(users.editor, `Страничная новость ${String(n).padStart(2, '0')}`, 'ru', paging);
        made.push(e.storyId);
        s.tick(1000);
        if (n % 3 === 0) {
          await translate(users.editor, e.id, 'en', `Paged story ${n}`);
          s.tick(1000);
        }
      }
      for (const sort of ['updated:desc', 'updated:asc', 'headline:asc', 'headline:desc', 'published:desc']) {
        const [by, dir] = sort.split(':');
        const seen: number[] = [];
        let next: string | null = null;
        let pages = 0;
        do {
          const r: any = await users.editor.req('GET', `/stories?section=${paging}&sort=${by}&dir=${dir}${next ? `&after=${next}` : ''}`);
          expect(r.status, JSON.stringify(r.json)).toBe(200);
          expect(r.json.items.length).toBeLessThanOrEqual(25);
          seen.push(...r.json.items.map((i: any) => i.storyId));
          next = r.json.next;
          pages++;
        } while (next && pages < 5);
        expect(pages, sort).toBe(2);
        expect(new Set(seen).size, sort).toBe(30);
        expect([...seen].sort((a, b) => a - b), sort).toEqual([...made].sort((a, b) => a - b));
      }
      const newest = await users.editor.req('GET', `/stories?section=${paging}`);
      expect(newest.json.items[0].storyId).toBe(made[29]);
      expect((await users.editor.req('GET', '/stories?after=not*a*cursor')).status).toBe(422);
      expect((await users.editor.req('GET', `/stories?after=${Buffer.from('{"k":"x"}').toString('base64url')}`)).status).toBe(422);
    });
  });

  describe('bulk actions', () => {
    it('publishes each item through the workflow, in its own transaction, and says per item what failed and why', async () => {
      const a = await draft(users.editor, 'Пакет: первая новость');
      const b = await draft(users.editor, 'Пакет: без рубрики', 'ru', false);
      const c = await draft(users.editor, 'Пакет: третья новость');
      const r = await users.editor.req('POST', '/bulk', { action: 'publish', editionIds: [a.id, b.id, c.id, 999999] });
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({ ok: 2, failed: 2 });
      expect(r.json.items).toEqual([
        { editionId: a.id, ok: true, status: 'published' },
        expect.objectContaining({ editionId: b.id, ok: false, code: 'validation_failed', key: 'story.cannot_move', fields: [expect.objectContaining({ field: 'sectionId', key: 'story.section_required' })] }),
        { editionId: c.id, ok: true, status: 'published' },
        expect.objectContaining({ editionId: 999999, ok: false, code: 'not_found', key: 'story.not_found' }),
      ]);
      expect((await users.editor.req('GET', `/editions/${b.id}`)).json.status).toBe('draft');
      const audit = await s.c.db.kysely.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'story.publish').where('entity_id', 'in', [a.id, b.id, c.id]).execute();
      expect(audit.map((x) => x.entity_id).sort()).toEqual([a.id, c.id].sort());

      const noReason = await users.editor.req('POST', '/bulk', { action: 'unpublish', editionIds: [a.id, c.id] });
      expect(noReason.status).toBe(422);
      expect(noReason.json.error.details.fields[0]).toMatchObject({ field: 'reason', key: 'bulk.reason_required' });
      const down = await users.editor.req('POST', '/bulk', { action: 'unpublish', editionIds: [a.id, c.id], reason: 'Устарело' });
      expect(down.json.items.map((i: any) => i.status)).toEqual(['unpublished', 'unpublished']);
      expect((await users.editor.req('POST', '/bulk', { action: 'publish', editionIds: Array.from({ length: 101 }, (_, n) => n + 1) })).status).toBe(422);
    });

    it('publishes each edition once when two editors send the same bulk publish at the same moment', async () => {
      const stories = [];
      for (let n = 0; n < 5; n++) stories.push(await draft(users.editor, `Гонка: новость ${n}`));
      const ids = stories.map((e) => e.id);
      const [one, two] = await Promise.all([
        users.editor.req('POST', '/bulk', { action: 'publish', editionIds: ids }),
        admin.req('POST', '/bulk', { action: 'publish', editionIds: [...ids].reverse() }),
      ]);
      for (const id of ids) {
        const answers = [...one.json.items, ...two.json.items].filter((i: any) => i.editionId === id);
        expect(answers.filter((a: any) => a.ok), `edition ${id}`).toHaveLength(1);
        expect(answers.find((a: any) => !a.ok)).toMatchObject({ code: 'conflict' });
      }
      const audit = await s.c.db.kysely.selectFrom('audit_log').select('entity_id').where('action', '=', 'story.publish').where('entity_id', 'in', ids).execute();
      expect(audit.map((a) => a.entity_id).sort()).toEqual([...ids].sort());
    });

    it('applies the same role checks as single actions', async () => {
      const mine = await draft(users.contributor, 'Пакет: заметка корреспондента');
      const editors = await draft(users.editor, 'Пакет: заметка редактора');
      const asContributor = await users.contributor.req('POST', '/bulk', { action: 'publish', editionIds: [mine.id, editors.id] });
      expect(asContributor.json.items).toEqual([
        expect.objectContaining({ editionId: mine.id, ok: false, code: 'forbidden' }),
        expect.objectContaining({ editionId: editors.id, ok: false, code: 'not_found' }), // others' stories look missing
      ]);
      const submit = await users.contributor.req('POST', '/bulk', { action: 'submit', editionIds: [mine.id] });
      expect(submit.json.items).toEqual([{ editionId: mine.id, ok: true, status: 'review' }]);
      // A contributor may not change a story in review — in bulk neither.
      const move = await users.contributor.req('POST', '/bulk', { action: 'section', editionIds: [mine.id], sectionId: otherSection });
      expect(move.json.items[0]).toMatchObject({ ok: false, code: 'forbidden' });
    });

    it('moves stories to a section and adds a tag once per story', async () => {
      const ru = await draft(users.editor, 'Пакет: новость с переводом');
      const en = await translate(users.editor, ru.id, 'en', 'Batch: story with a translation');
      const r = await users.editor.req('POST', '/bulk', { action: 'section', editionIds: [ru.id, en.id], sectionId: otherSection });
      expect(r.json.items).toEqual([expect.objectContaining({ editionId: ru.id, ok: true }), expect.objectContaining({ editionId: en.id, ok: true })]);
      const after = (await users.editor.req('GET', `/editions/${en.id}`)).json;
      expect(after.sectionId).toBe(otherSection);
      expect((await users.editor.req('GET', `/editions/${ru.id}`)).json.version).toBe(ru.version + 1); // one save for the story
      const tag = await users.editor.req('POST', '/bulk', { action: 'tag', editionIds: [en.id], tagId });
      expect(tag.json.items[0]).toMatchObject({ ok: true });
      expect((await users.editor.req('GET', `/editions/${ru.id}`)).json.tags.map((t: any) => t.id)).toEqual([tagId]);
      const again = await users.editor.req('POST', '/bulk', { action: 'tag', editionIds: [ru.id], tagId });
      expect(again.json.items[0]).toMatchObject({ ok: true, skipped: true });
    });
  });

  describe('review queue', () => {
    it('counts editions waiting for review, own ones for contributors', async () => {
      const before = (await users.editor.req('GET', '/review-count')).json.count;
      const x = await draft(users.author, 'Очередь: новость автора');
      await users.author.req('POST', `/editions/${x.id}/transition`, { to: 'review' });
      expect((await users.editor.req('GET', '/review-count')).json).toEqual({ count: before + 1, capped: false });
      const own = (await users.contributor.req('GET', '/review-count')).json.count;
      const y = await draft(users.contributor, 'Очередь: новость корреспондента');
      await users.contributor.req('POST', `/editions/${y.id}/transition`, { to: 'review' });
      expect((await users.contributor.req('GET', '/review-count')).json.count).toBe(own + 1);
      const queue = await users.editor.req('GET', '/stories?status=review');
      expect(queue.json.items.map((i: any) => i.editionId)).toEqual(expect.arrayContaining([x.id, y.id]));
    });
  });

  describe('planning', () => {
    it('lists scheduled and embargoed items by time and reschedules with the scheduling checks', async () => {
      const e = await draft(users.author, 'План: новость по расписанию');
      const at = new Date(s.c.clock() + 2 * HOUR).toISOString();
      expect((await users.author.req('POST', `/editions/${e.id}/transition`, { to: 'scheduled', at })).status).toBe(200);
      const emb = await draft(users.editor, 'План: новость под эмбарго');
      const embargo = new Date(s.c.clock() + 3 * HOUR).toISOString();
      expect((await users.editor.req('PUT', `/editions/${emb.id}`, saveBody(emb, { embargoUntil: embargo }))).status).toBe(200);
      expect((await publish(users.editor, emb.id)).status).toBe(200);

      const window = `from=${new Date(s.c.clock()).toISOString()}&to=${new Date(s.c.clock() + 24 * HOUR).toISOString()}`;
      const plan = await users.editor.req('GET', `/planning?${window}`);
      expect(plan.status).toBe(200);
      const mine = plan.json.items.filter((i: any) => i.editionId === e.id || i.editionId === emb.id);
      expect(mine).toEqual([
        expect.objectContaining({ kind: 'publish', editionId: e.id, at, canMove: true }),
        expect.objectContaining({ kind: 'embargo', editionId: emb.id, at: embargo, canMove: false }),
      ]);
      expect((await users.contributor.req('GET', `/planning?${window}`)).json.items.some((i: any) => i.editionId === e.id)).toBe(false);
      const tooLong = await users.editor.req('GET', `/planning?from=${new Date(NOW).toISOString()}&to=${new Date(NOW + 50 * 24 * HOUR).toISOString()}`);
      expect(tooLong.status).toBe(422);
      expect(tooLong.json.error.details.fields[0]).toMatchObject({ field: 'to', key: 'planning.range', params: { maxDays: 42 } });

      const past = await users.author.req('POST', `/editions/${e.id}/reschedule`, { at: new Date(s.c.clock() - 1000).toISOString() });
      expect(past.status).toBe(422);
      expect(past.json.error.details.fields[0]).toMatchObject({ field: 'at' });
      expect((await users.contributor.req('POST', `/editions/${e.id}/reschedule`, { at: new Date(s.c.clock() + 5 * HOUR).toISOString() })).status).toBe(404);
      const later = new Date(s.c.clock() + 5 * HOUR).toISOString();
      const moved = await users.author.req('POST', `/editions/${e.id}/reschedule`, { at: later });
      expect(moved.json).toMatchObject({ status: 'scheduled', scheduledAt: later });
      // The job for the old time finds nothing to do; the new one publishes at the new time.
      s.tick(2 * HOUR + 1000);
      await s.c.relay.runDue();
      expect((await users.editor.req('GET', `/editions/${e.id}`)).json.status).toBe('scheduled');
      s.tick(3 * HOUR);
      await s.c.relay.runDue();
      expect((await users.editor.req('GET', `/editions/${e.id}`)).json.status).toBe('published');
      // Rescheduling a story that is not scheduled is a conflict, as any stale move.
      expect((await users.author.req('POST', `/editions/${e.id}/reschedule`, { at: new Date(s.c.clock() + HOUR).toISOString() })).status).toBe(409);
    });

    it('takes a published story down at its expiry, exactly once, with the reason "expired", audited', async () => {
      const e = await draft(users.editor, 'План: новость со сроком');
      expect((await publish(users.editor, e.id)).status).toBe(200);
      expect((await users.editor.req('PUT', `/editions/${e.id}/expiry`, { at: new Date(s.c.clock() - 1).toISOString() })).status).toBe(422);
      expect((await users.contributor.req('PUT', `/editions/${e.id}/expiry`, { at: new Date(s.c.clock() + HOUR).toISOString() })).status).toBe(404);
      const at = new Date(s.c.clock() + HOUR).toISOString();
      const set = await users.editor.req('PUT', `/editions/${e.id}/expiry`, { at });
      expect(set.json).toMatchObject({ unpublishAt: at, status: 'published', canSet: true });
      expect((await users.editor.req('PUT', `/editions/${e.id}/expiry`, { at })).status).toBe(200); // same time: one job
      const jobs = await s.c.db.kysely.selectFrom('outbox').select('id').where('dedupe_key', '=', `unpublish:${e.id}:${Date.parse(at)}`).execute();
      expect(jobs).toHaveLength(1);
      const plan = await users.editor.req('GET', `/planning?from=${new Date(s.c.clock()).toISOString()}&to=${new Date(s.c.clock() + 2 * HOUR).toISOString()}`);
      expect(plan.json.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'expire', editionId: e.id, at, canMove: true })]));

      await s.c.relay.runDue();
      expect((await users.editor.req('GET', `/editions/${e.id}`)).json.status).toBe('published');
      s.tick(HOUR + 1000);
      // Two workers racing on the same expiry: one takes it down.
      const outcomes = await Promise.all([s.c.editorial.unpublishExpired(e.id, Date.parse(at)), s.c.editorial.unpublishExpired(e.id, Date.parse(at)), s.c.relay.runDue()]);
      expect(outcomes.slice(0, 2).filter((o) => o === 'done').length).toBeLessThanOrEqual(1);
      const after = (await users.editor.req('GET', `/editions/${e.id}`)).json;
      expect(after.status).toBe('unpublished');
      expect(after.transitions.filter((t: any) => t.to === 'unpublished')).toEqual([expect.objectContaining({ note: 'expired' })]);
      const audit = await s.c.db.kysely.selectFrom('audit_log').select(['details', 'user_id']).where('action', '=', 'story.unpublish').where('entity_id', '=', e.id).execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]!.details)).toMatchObject({ note: 'expired' });
      expect((await s.app.inject(`/ru/news/${after.slug}`)).statusCode).toBe(404);
    });

    it('leaves a story alone when its expiry was changed or it was republished', async () => {
      const e = await draft(users.editor, 'План: срок передумали');
      await publish(users.editor, e.id);
      const first = s.c.clock() + HOUR;
      await users.editor.req('PUT', `/editions/${e.id}/expiry`, { at: new Date(first).toISOString() });
      await users.editor.req('PUT', `/editions/${e.id}/expiry`, { at: null });
      s.tick(HOUR + 1000);
      await s.c.relay.runDue();
      expect((await users.editor.req('GET', `/editions/${e.id}`)).json.status).toBe('published');
      expect((await users.editor.req('GET', `/editions/${e.id}/expiry`)).json.unpublishAt).toBeNull();
    });
  });
});
