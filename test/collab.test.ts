/**
 * The desk as a team (issue 8), through the real HTTP layer on SQLite and PostgreSQL:
 * assignments (role checks, conditional changes, audit), internal comments (threads, @mentions,
 * own-only edits, never on the public page or the preview), and the notifications they and the
 * workflow produce — including a dead distribution job — with read marks and retention.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './helpers/client.js';
import { DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';
import { enqueue } from '../src/jobs/outbox.js';

const NOW = Date.UTC(2026, 10, 20, 9, 0);
const DAY = 24 * 3600_000;
const PW = 'correct horse battery';
const doc = (...ps: string[]) => ({ type: 'doc', content: ps.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

describe.each(DIALECTS)('the desk on %s', (dialect) => {
  let s: TestSite;
  let admin: ApiClient;
  const u: Record<'contributor' | 'author' | 'editor' | 'editor2', ApiClient> = {} as never;
  const ids: Record<string, number> = {};
  let sectionId: number;

  async function story(c: ApiClient, headline: string) {
    const created = await c.req('POST', '/stories', { locale: 'ru', headline });
    expect(created.status).toBe(201);
    const e = created.json;
    const saved = await c.req('PUT', `/editions/${e.id}`, {
      version: e.version, headline, slug: '', lead: '', body: doc('Текст новости для читателей.'), datelineCity: 'Ташкент', sectionId, tagIds: [], authorIds: [],
      heroMediaId: null, heroCaption: '', seoTitle: '', seoDescription: '', isMain: false, isBreaking: false, embargoUntil: null,
    });
    expect(saved.status, saved.body).toBe(200);
    return saved.json as { id: number; version: number; slug: string };
  }
  const inbox = async (c: ApiClient) => (await c.req('GET', '/notifications')).json as { unread: number; items: any[] };

  beforeAll(async () => {
    s = await makeTestSite(dialect, { now: NOW, env: { XABAR_JOB_MAX_ATTEMPTS: '1' } });
    admin = new ApiClient(s.app);
    await admin.session();
    expect((await admin.req('POST', '/setup', { email: 'admin@example.uz', name: 'Админ Главный', password: PW })).status).toBe(201);
    ids.admin = (await admin.session()).json.user.id;
    for (const role of ['contributor', 'author', 'editor', 'editor2'] as const) {
      const r = await admin.req('POST', '/users', { email: `${role}@example.uz`, name: { contributor: 'Корр Иванов', author: 'Автор Петрова', editor: 'Редактор Сидоров', editor2: 'Дилноза Каримова' }[role], role: role === 'editor2' ? 'editor' : role, password: PW });
      expect(r.status).toBe(201);
      ids[role] = r.json.id;
      u[role] = new ApiClient(s.app, `10.0.1.${Object.keys(u).length + 2}`);
      expect((await u[role].login(`${role}@example.uz`, PW)).status).toBe(200);
    }
    sectionId = (await admin.req('POST', '/sections', { slug: 'desk', color: '#1D4E89', names: { ru: 'Общество' } })).json.id;
  });
  afterAll(async () => {
    await s?.close();
  });

  describe('assignments', () => {
    it('editors assign a story with a due time and a note; the assignee sees it in My assignments, overdue marked', async () => {
      const e = await story(u.author, 'Репортаж с Навруза');
      const due = new Date(NOW + 2 * 3600_000).toISOString();
      expect((await u.author.req('POST', `/editions/${e.id}/assignments`, { assigneeId: ids.author, dueAt: due, note: 'x' })).status).toBe(403);
      const a = await u.editor.req('POST', `/editions/${e.id}/assignments`, { assigneeId: ids.author, dueAt: due, note: 'Нужны фото и две цитаты' });
      expect(a.status, a.body).toBe(201);
      expect(a.json).toMatchObject({ editionId: e.id, assignee: { id: ids.author, name: 'Автор Петрова' }, dueAt: NOW + 2 * 3600_000, note: 'Нужны фото и две цитаты', status: 'open', overdue: false, wholeStory: true });

      const mine = await u.author.req('GET', '/assignments/mine');
      expect(mine.json.items.map((x: any) => [x.headline, x.overdue])).toEqual([['Репортаж с Навруза', false]]);
      expect((await u.contributor.req('GET', '/assignments/mine')).json.items).toEqual([]);
      s.tick(3 * 3600_000);
      expect((await u.author.req('GET', '/assignments/mine')).json.items[0].overdue).toBe(true);

      // The assignee is told, with the note.
      expect((await inbox(u.author)).items[0]).toMatchObject({ kind: 'assigned', editionId: e.id, actorName: 'Редактор Сидоров', headline: 'Репортаж с Навруза', reason: 'Нужны фото и две цитаты', read: false });

      // Someone who cannot open the story cannot be assigned to it.
      const bad = await u.editor.req('POST', `/editions/${e.id}/assignments`, { assigneeId: ids.contributor, dueAt: null });
      expect(bad.status).toBe(422);
      expect(bad.json.error.details.fields[0]).toMatchObject({ field: 'assigneeId', key: 'desk.assignee_cannot_open' });
      expect(bad.json.error.details.fields[0].params.name).toBeTruthy();

      // Reassign (editors, conditional on the version), then the new assignee completes it.
      expect((await u.author.req('PATCH', `/assignments/${a.json.id}`, { version: a.json.version, assigneeId: ids.editor2 })).status).toBe(403);
      const moved = await u.editor.req('PATCH', `/assignments/${a.json.id}`, { version: a.json.version, assigneeId: ids.editor2 });
      expect(moved.status, moved.body).toBe(200);
      expect(moved.json.assignee.id).toBe(ids.editor2);
      expect((await u.editor.req('PATCH', `/assignments/${a.json.id}`, { version: a.json.version, note: 'stale' })).status).toBe(409);
      expect((await inbox(u.editor2)).items.some((n) => n.kind === 'assigned' && n.editionId === e.id)).toBe(true);
      expect((await u.author.req('POST', `/assignments/${a.json.id}/complete`, { version: moved.json.version })).status).toBe(404);
      const done = await u.editor2.req('POST', `/assignments/${a.json.id}/complete`, { version: moved.json.version });
      expect(done.json).toMatchObject({ status: 'done', overdue: false });
      expect((await u.editor2.req('POST', `/assignments/${a.json.id}/complete`, { version: done.json.version })).status).toBe(409);

      // Audited: assign, reassign, complete.
      const audit = await s.c.db.kysely.selectFrom('audit_log').select(['action', 'user_id']).where('action', 'like', 'desk.%').orderBy('id').execute();
      expect(audit).toEqual([
        { action: 'desk.assign', user_id: ids.editor },
        { action: 'desk.reassign', user_id: ids.editor },
        { action: 'desk.complete', user_id: ids.editor2 },
      ]);
    });

    it('two editors reassigning at once: one wins, the other gets 409', async () => {
      const e = await story(u.editor, 'Гонка назначений');
      const a = (await u.editor.req('POST', `/editions/${e.id}/assignments`, { assigneeId: ids.editor, dueAt: null })).json;
      const [x, y] = await Promise.all([
        u.editor.req('PATCH', `/assignments/${a.id}`, { version: a.version, assigneeId: ids.editor2 }),
        u.editor2.req('PATCH', `/assignments/${a.id}`, { version: a.version, assigneeId: ids.admin }),
      ]);
      expect([x.status, y.status].sort()).toEqual([200, 409]);
    });
  });

  describe('comments', () => {
    it('threads, @mentions stored as ids and shown as names, own-only edits, notifications to assignee and mentioned', async () => {
      const e = await story(u.author, 'Новый мост через Чирчик');
      await u.editor.req('POST', `/editions/${e.id}/assignments`, { assigneeId: ids.author, dueAt: null });
      const people = await u.editor.req('GET', `/editions/${e.id}/people?q=дил`);
      expect(people.json.items.map((p: any) => p.name)).toEqual(['Дилноза Каримова']);
      // The contributor cannot open the author's story: not offered, and refused if typed.
      expect((await u.editor.req('GET', `/editions/${e.id}/people?q=корр`)).json.items).toEqual([]);
      expect((await u.editor.req('POST', `/editions/${e.id}/comments`, { body: `@{${ids.contributor}} глянь` })).status).toBe(422);

      const first = await u.editor.req('POST', `/editions/${e.id}/comments`, { body: `@{${ids.editor2}} проверь цифры, пожалуйста: СЕКРЕТНАЯ-ПОМЕТКА-42` });
      expect(first.status, first.body).toBe(201);
      const root = first.json.items[0];
      expect(root).toMatchObject({ parentId: null, author: { id: ids.editor, name: 'Редактор Сидоров' }, names: { [String(ids.editor2)]: 'Дилноза Каримова' }, mine: true, deleted: false });
      const reply = await u.editor2.req('POST', `/editions/${e.id}/comments`, { body: 'Проверила, всё верно.', parentId: root.id });
      expect(reply.json.items.map((c: any) => [c.parentId, c.body])).toEqual([[null, root.body], [root.id, 'Проверила, всё верно.']]);

      const n2 = await inbox(u.editor2);
      expect(n2.items[0]).toMatchObject({ kind: 'mention', editionId: e.id, actorName: 'Редактор Сидоров' });
      const kinds = (await inbox(u.author)).items.filter((n) => n.editionId === e.id).map((n) => n.kind);
      expect(kinds).toEqual(['comment', 'comment', 'assigned']); // the assignee (and author) hears of both comments
      expect((await inbox(u.editor)).items.filter((n) => n.editionId === e.id).map((n) => n.kind)).toEqual(['comment']); // reply to his comment

      // Only the author edits; an author or an admin deletes; replies stay.
      expect((await u.editor2.req('PUT', `/comments/${root.id}`, { body: 'чужое' })).status).toBe(403);
      const edited = await u.editor.req('PUT', `/comments/${root.id}`, { body: `@{${ids.editor2}} @{${ids.admin}} проверь цифры: СЕКРЕТНАЯ-ПОМЕТКА-42` });
      expect(edited.status).toBe(200);
      expect(edited.json.items[0].editedAt).toBe(s.c.clock());
      expect((await inbox(admin)).items.filter((n) => n.editionId === e.id).map((n) => n.kind)).toEqual(['mention']); // only the newly mentioned
      expect((await inbox(u.editor2)).items.filter((n) => n.kind === 'mention' && n.editionId === e.id)).toHaveLength(1);
      expect((await u.editor2.req('DELETE', `/comments/${root.id}`)).status).toBe(403);
      const del = await u.editor.req('DELETE', `/comments/${reply.json.items[1].id}`);
      expect(del.status).toBe(403);
      // Contributors never see comments of stories they cannot open.
      expect((await u.contributor.req('GET', `/editions/${e.id}/comments`)).status).toBe(404);

      // Internal notes never reach readers: not on the published page, not in the preview.
      await u.author.req('POST', `/editions/${e.id}/transition`, { to: 'published' });
      const page = await s.app.inject('/ru/news/' + e.slug);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Текст новости для читателей.');
      expect(page.body).not.toContain('СЕКРЕТНАЯ-ПОМЕТКА');
      const preview = await u.editor.req('GET', `/admin/preview/${e.id}`);
      expect(preview.status).toBe(200);
      expect(preview.body).toContain('Текст новости для читателей.');
      expect(preview.body).not.toContain('СЕКРЕТНАЯ-ПОМЕТКА');
      const home = await s.app.inject('/ru/');
      expect(home.body).toContain('Новый мост через Чирчик');
      expect(home.body).not.toContain('СЕКРЕТНАЯ-ПОМЕТКА');
      // Search indexes what readers see only: the comment's words find nothing.
      const found = await s.app.inject('/ru/search?q=' + encodeURIComponent('СЕКРЕТНАЯ'));
      expect(found.statusCode).toBe(200);
      expect(found.body).not.toContain('Новый мост через Чирчик');
      expect((await s.app.inject('/ru/search?q=' + encodeURIComponent('Чирчик'))).body).toContain('Новый мост через Чирчик');
      // …nor the shareable preview link a source or a lawyer opens without signing in.
      const link = await u.editor.req('POST', `/editions/${e.id}/preview-links`, { expiry: '1h' });
      expect(link.status, link.body).toBe(201);
      const shared = await s.app.inject(new URL(link.json.url).pathname);
      expect(shared.statusCode).toBe(200);
      expect(shared.body).toContain('Текст новости для читателей.');
      expect(shared.body).not.toContain('СЕКРЕТНАЯ-ПОМЕТКА');

      const gone = await admin.req('DELETE', `/comments/${root.id}`);
      expect(gone.json.items.map((c: any) => [c.deleted, c.body])).toEqual([[true, ''], [false, 'Проверила, всё верно.']]);
    });
  });

  describe('notifications', () => {
    it('workflow: submitted → editors, sent back with the reason → author, published → author', async () => {
      const e = await story(u.contributor, 'Заметка корреспондента');
      expect((await u.contributor.req('POST', `/editions/${e.id}/transition`, { to: 'review' })).status).toBe(200);
      for (const c of [u.editor, u.editor2, admin]) expect((await inbox(c)).items[0]).toMatchObject({ kind: 'review', editionId: e.id, actorName: 'Корр Иванов', headline: 'Заметка корреспондента' });
      expect((await inbox(u.contributor)).items.filter((n) => n.editionId === e.id)).toEqual([]);
      expect((await u.editor.req('POST', `/editions/${e.id}/transition`, { to: 'draft', reason: 'Нет второго источника' })).status).toBe(200);
      expect((await inbox(u.contributor)).items[0]).toMatchObject({ kind: 'returned', reason: 'Нет второго источника', actorName: 'Редактор Сидоров' });
      await u.contributor.req('POST', `/editions/${e.id}/transition`, { to: 'review' });
      await u.editor.req('POST', `/editions/${e.id}/transition`, { to: 'published' });
      const box = await inbox(u.contributor);
      expect(box.items[0]).toMatchObject({ kind: 'published', editionId: e.id });
      expect(box.unread).toBe(2);

      // Read marks are per person and only one's own.
      expect((await u.editor.req('POST', `/notifications/${box.items[0].id}/read`)).json.unread).toBeGreaterThan(0);
      expect((await inbox(u.contributor)).unread).toBe(2);
      expect((await u.contributor.req('POST', `/notifications/${box.items[0].id}/read`)).json.unread).toBe(1);
      expect((await u.contributor.req('POST', '/notifications/read-all')).json.unread).toBe(0);
      expect((await inbox(u.contributor)).items.every((n) => n.read)).toBe(true);
    });

    it('a scheduled story published by the job notifies its author (no person acted)', async () => {
      const e = await story(u.author, 'Запланированная новость');
      const at = new Date(s.c.clock() + 3600_000).toISOString();
      expect((await u.editor.req('POST', `/editions/${e.id}/transition`, { to: 'scheduled', at })).status).toBe(200);
      s.tick(2 * 3600_000);
      await s.c.relay.runDue();
      expect((await inbox(u.author)).items[0]).toMatchObject({ kind: 'published', editionId: e.id, actorName: null });
    });

    it('a dead distribution job notifies every administrator', async () => {
      await enqueue(s.c.db.kysely, { topic: 'telegram_post', payload: { editionId: 1 }, runAt: s.c.clock(), dedupeKey: 'collab:dead' }, s.c.clock());
      expect(await s.c.relay.runDue()).toBeGreaterThan(0);
      const n = (await inbox(admin)).items[0];
      expect(n).toMatchObject({ kind: 'job_dead', topic: 'telegram_post', editionId: 1 });
      expect((await inbox(u.editor)).items.some((x) => x.kind === 'job_dead')).toBe(false);
    });

    it('the daily sweep drops notifications older than the retention', async () => {
      const before = (await s.c.db.kysely.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
      expect(Number(before)).toBeGreaterThan(0);
      const counts = await s.c.retention.sweep(s.c.clock() + 31 * DAY);
      expect(counts.notifications).toBe(Number(before));
      // (The sweep at that time also ends every session, so the table is asked directly.)
      expect(await s.c.db.kysely.selectFrom('notifications').select('id').execute()).toEqual([]);
    });
  });
});

describe('two nodes on one database', () => {
  it('a notification written through one node is listed and marked read through the other (the table is the truth; the newsroom polls it)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-collab-nodes-'));
    const env = { DATABASE_URL: `sqlite:${path.join(dir, 'site.db')}` };
    const a = await makeTestSite('sqlite', { now: NOW, env });
    const b = await makeTestSite('sqlite', { now: NOW, env });
    try {
      const adminA = new ApiClient(a.app);
      await adminA.session();
      await adminA.req('POST', '/setup', { email: 'admin@example.uz', name: 'Админ', password: PW });
      const ed = await adminA.req('POST', '/users', { email: 'ed@example.uz', name: 'Редактор', role: 'editor', password: PW });
      const edB = new ApiClient(b.app);
      expect((await edB.login('ed@example.uz', PW)).status).toBe(200);
      const e = (await adminA.req('POST', '/stories', { locale: 'ru', headline: 'Две ноды' })).json;
      expect((await adminA.req('POST', `/editions/${e.id}/comments`, { body: `@{${ed.json.id}} посмотри` })).status).toBe(201);
      const box = (await edB.req('GET', '/notifications')).json;
      expect(box).toMatchObject({ unread: 1, items: [{ kind: 'mention', editionId: e.id, actorName: 'Админ' }] });
      expect((await edB.req('POST', '/notifications/read-all')).json.unread).toBe(0);
      const edA = new ApiClient(a.app);
      await edA.login('ed@example.uz', PW);
      expect((await edA.req('GET', '/notifications')).json.unread).toBe(0);
    } finally {
      await a.close();
      await b.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
