/**
 * The newsroom API through the real HTTP layer, on SQLite and PostgreSQL: first-run setup,
 * sign-in and throttling, CSRF, the role matrix, the workflow, scheduling with a controllable
 * clock, revisions, conflicts and uploads.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, multipart } from './helpers/client.js';
import { DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';

const NOW = Date.UTC(2026, 10, 20, 9, 0);
const PW = 'correct horse battery';
const doc = (...ps: string[]) => ({ type: 'doc', content: ps.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

describe.each(DIALECTS)('newsroom API on %s', (dialect) => {
  let s: TestSite;
  let admin: ApiClient;
  const users: Record<'contributor' | 'author' | 'editor' | 'editor2', ApiClient> = {} as never;
  let sectionId: number;

  const saveBody = (e: any, patch: Record<string, unknown> = {}) => ({
    version: e.version, headline: e.headline, slug: e.slug, lead: e.lead, body: e.body, datelineCity: e.datelineCity,
    sectionId: e.sectionId, tagIds: e.tags.map((t: any) => t.id), authorIds: e.authors.map((a: any) => a.id), heroMediaId: e.heroMediaId,
    heroCaption: e.heroCaption, seoTitle: e.seoTitle, seoDescription: e.seoDescription, isMain: e.isMain, isBreaking: e.isBreaking, embargoUntil: e.embargoUntil, ...patch,
  });

  async function draft(c: ApiClient, headline: string) {
    const created = await c.req('POST', '/stories', { locale: 'ru', headline });
    expect(created.status).toBe(201);
    const saved = await c.req('PUT', `/editions/${created.json.id}`, saveBody(created.json, { sectionId, body: doc('Первый абзац новости.', 'Второй абзац.'), datelineCity: 'Ташкент' }));
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    return saved.json;
  }

  beforeAll(async () => {
    s = await makeTestSite(dialect, { now: NOW });
    admin = new ApiClient(s.app);
    const first = await admin.session();
    expect(first.json).toMatchObject({ user: null, needsSetup: true });
    const setup = await admin.req('POST', '/setup', { email: 'Admin@Example.uz', name: 'Главный редактор', password: PW });
    expect(setup.status).toBe(201);
    for (const role of ['contributor', 'author', 'editor', 'editor2'] as const) {
      const email = `${role}@example.uz`;
      const r = await admin.req('POST', '/users', { email, name: role, role: role === 'editor2' ? 'editor' : role, password: PW });
      expect(r.status).toBe(201);
      users[role] = new ApiClient(s.app, `10.0.0.${Object.keys(users).length + 2}`);
      expect((await users[role].login(email, PW)).status).toBe(200);
    }
    const sec = await admin.req('POST', '/sections', { slug: 'politics', color: '#1D4E89', names: { ru: 'Политика', en: 'Politics' } });
    expect(sec.status).toBe(201);
    sectionId = sec.json.id;
  });
  afterAll(async () => {
    await s?.close();
  });

  describe('accounts', () => {
    it('refuses a second setup and shows the signed-in user', async () => {
      expect((await new ApiClient(s.app).session()).json.needsSetup).toBe(false);
      const again = new ApiClient(s.app);
      await again.session();
      expect((await again.req('POST', '/setup', { email: 'x@example.uz', name: 'X', password: PW })).status).toBe(409);
      expect((await admin.session()).json.user).toMatchObject({ email: 'admin@example.uz', role: 'admin' });
    });

    it('validates new users field by field', async () => {
      const r = await admin.req('POST', '/users', { email: 'not-an-email', name: '', role: 'boss', password: 'short' });
      expect(r.status).toBe(422);
      expect(r.json.error.details.fields.map((f: any) => f.field).sort()).toEqual(['email', 'name', 'password', 'role']);
    });

    it('stores argon2id hashes and hashed session ids, never the secrets', async () => {
      const row = await s.c.db.kysely.selectFrom('users').select('password_hash').where('email', '=', 'admin@example.uz').executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      const sessions = await s.c.db.kysely.selectFrom('sessions').select('id').execute();
      expect(sessions.map((x) => x.id)).not.toContain(admin.cookies.xabar_sid);
    });

    it('sets an HttpOnly SameSite=Lax session cookie', async () => {
      const c = new ApiClient(s.app);
      await c.session();
      const res = await s.app.inject({ method: 'POST', url: '/admin/api/login', cookies: c.cookies, headers: { 'x-csrf-token': c.csrf }, payload: { email: 'editor@example.uz', password: PW } });
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/xabar_sid=[^;]+;.*HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
    });

    it('locks an account after repeated failures and says when to retry', async () => {
      const c = new ApiClient(s.app, '192.0.2.50');
      await c.session();
      for (let i = 0; i < 4; i++) expect((await c.req('POST', '/login', { email: 'author@example.uz', password: 'wrong password' })).status).toBe(401);
      const locked = await c.req('POST', '/login', { email: 'author@example.uz', password: 'wrong password' });
      expect(locked.status).toBe(429);
      expect(locked.json.error.message).toMatch(/Try again in 15 minutes/);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect((await c.req('POST', '/login', { email: 'author@example.uz', password: PW })).status).toBe(429); // even the right password
      s.tick(16 * 60_000);
      expect((await c.req('POST', '/login', { email: 'author@example.uz', password: PW })).status).toBe(200);
      s.tick(-16 * 60_000);
    });

    it('ends a disabled user’s sessions at once and refuses their sign-in', async () => {
      const email = 'temp@example.uz';
      const created = await admin.req('POST', '/users', { email, name: 'Temp', role: 'author', password: PW });
      const temp = new ApiClient(s.app, '10.9.9.9');
      await temp.login(email, PW);
      expect((await temp.req('GET', '/stories')).status).toBe(200);
      expect((await admin.req('PATCH', `/users/${created.json.id}`, { disabled: true })).status).toBe(200);
      expect((await temp.req('GET', '/stories')).status).toBe(401);
      const write = await temp.req('POST', '/stories', { locale: 'ru' });
      expect(write.status).toBe(401); // the ended session says so, rather than failing as CSRF
      expect(write.json.error.message).toMatch(/session has ended/);
      expect((await temp.login(email, PW)).status).toBe(403);
    });

    it('requires the CSRF token on every state change and refuses cross-site origins', async () => {
      const e = await admin.req('POST', '/stories', { locale: 'ru' });
      expect(e.status).toBe(201);
      const noToken = await s.app.inject({ method: 'POST', url: '/admin/api/stories', cookies: admin.cookies, payload: { locale: 'ru' } });
      expect(noToken.statusCode).toBe(403);
      const wrong = await s.app.inject({ method: 'POST', url: '/admin/api/stories', cookies: admin.cookies, headers: { 'x-csrf-token': 'nope' }, payload: { locale: 'ru' } });
      expect(wrong.statusCode).toBe(403);
      const foreign = await s.app.inject({ method: 'POST', url: '/admin/api/stories', cookies: admin.cookies, headers: { 'x-csrf-token': admin.csrf, origin: 'https://evil.example' }, payload: { locale: 'ru' } });
      expect(foreign.statusCode).toBe(403);
      const anon = await s.app.inject({ method: 'POST', url: '/admin/api/login', payload: { email: 'a@b.c', password: 'x' } });
      expect(anon.statusCode).toBe(403);
    });
  });

  describe('role matrix', () => {
    type Who = 'anon' | 'contributor' | 'author' | 'editor' | 'admin';
    const WHO: Who[] = ['anon', 'contributor', 'author', 'editor', 'admin'];
    // Expected status per role, in WHO order. 401 = sign in, 403 = forbidden, 404 = hidden.
    const MATRIX: [string, string, () => unknown, number[]][] = [
      ['GET', '/stories', () => undefined, [401, 200, 200, 200, 200]],
      ['POST', '/stories', () => ({ locale: 'ru' }), [401, 201, 201, 201, 201]],
      ['GET', '/users', () => undefined, [401, 403, 403, 403, 200]],
      ['POST', '/users', () => ({ email: `u${Math.random()}@example.uz`, name: 'N', role: 'contributor', password: PW }), [401, 403, 403, 403, 201]],
      ['GET', '/settings', () => undefined, [401, 403, 403, 200, 200]],
      ['PUT', '/settings', () => ({ siteName: { ru: 'Xabar' }, timeZone: 'Asia/Tashkent', defaultLocale: 'ru', enabledLocales: ['ru', 'en'] }), [401, 403, 403, 403, 200]],
      ['GET', '/audit', () => undefined, [401, 403, 403, 403, 200]],
      ['GET', '/sections', () => undefined, [401, 200, 200, 200, 200]],
      ['POST', '/sections', () => ({ names: { ru: `Рубрика ${Math.random()}` }, slug: `s-${Math.floor(Math.random() * 1e9)}` }), [401, 403, 403, 201, 201]],
      ['POST', '/tags', () => ({ name: `тег ${Math.random()}`, locale: 'ru' }), [401, 201, 201, 201, 201]],
      ['POST', '/authors', () => ({ names: { ru: `Автор ${Math.random()}` }, slug: `a-${Math.floor(Math.random() * 1e9)}` }), [401, 403, 403, 201, 201]],
      ['GET', '/media', () => undefined, [401, 200, 200, 200, 200]],
      ['DELETE', '/media/999999', () => undefined, [401, 403, 403, 404, 404]],
    ];
    const client = (w: Who) => (w === 'anon' ? new ApiClient(s.app, '10.1.1.1') : w === 'admin' ? admin : users[w]);

    it.each(MATRIX)('%s %s', async (method, url, body, expected) => {
      for (const [i, who] of WHO.entries()) {
        const c = client(who);
        if (who === 'anon') await c.session();
        const r = await c.req(method as never, url, body());
        expect(r.status, `${who} ${method} ${url}: ${r.body.slice(0, 200)}`).toBe(expected[i]);
        if (r.status === 403) expect(r.json.error.message).toMatch(/role/);
      }
    });

    it('lets each role act on stories as the policy says', async () => {
      const mine = await draft(users.contributor, 'Новость корреспондента для проверки прав');
      const id = mine.id;
      // Another's draft: hidden from contributors and authors, open to editors.
      expect((await users.author.req('GET', `/editions/${id}`)).status).toBe(404);
      expect((await users.editor.req('GET', `/editions/${id}`)).status).toBe(200);
      // A contributor cannot publish, schedule or add notes; can submit.
      expect(mine.can).toMatchObject({ edit: true, submit: true, publish: false, schedule: false, unpublish: false });
      const pub = await users.contributor.req('POST', `/editions/${id}/transition`, { to: 'published' });
      expect(pub.status).toBe(403);
      expect(pub.json.error.message).toMatch(/contributor/);
      expect((await users.contributor.req('POST', `/editions/${id}/transition`, { to: 'review' })).status).toBe(200);
      // Once submitted, the contributor can no longer edit it.
      const inReview = (await users.contributor.req('GET', `/editions/${id}`)).json;
      expect(inReview.can.edit).toBe(false);
      expect((await users.contributor.req('PUT', `/editions/${id}`, saveBody(inReview, { headline: 'Правка' }))).status).toBe(403);
      // An author publishes their own story, not others'.
      const authors = await draft(users.author, 'Новость автора, которую он публикует сам');
      expect((await users.author.req('POST', `/editions/${authors.id}/transition`, { to: 'published' })).status).toBe(200);
      expect((await users.author.req('POST', `/editions/${id}/transition`, { to: 'published' })).status).toBe(404);
      // An editor publishes anyone's.
      expect((await users.editor.req('POST', `/editions/${id}/transition`, { to: 'published' })).status).toBe(200);
    });
  });

  describe('workflow', () => {
    it('takes a story from draft to the public site and back off it, recording who and why', async () => {
      const e = await draft(users.contributor, 'В Ташкенте открылся новый технопарк');
      expect((await users.contributor.req('POST', `/editions/${e.id}/transition`, { to: 'review' })).status).toBe(200);
      const published = await users.editor.req('POST', `/editions/${e.id}/transition`, { to: 'published' });
      expect(published.json.status).toBe('published');
      expect(published.json.publicUrl).toBe('/ru/news/v-tashkente-otkrylsia-novyi-tekhnopark');
      expect(published.json.transitions.map((t: any) => [t.from, t.to, t.by?.name])).toEqual([
        [null, 'draft', 'contributor'], ['draft', 'review', 'contributor'], ['review', 'published', 'editor'],
      ]);
      const page = await s.app.inject(published.json.publicUrl);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<span class="dateline">ТАШКЕНТ, 20 ноября.</span> Первый абзац новости.');
      expect((await s.app.inject('/ru/')).body).toContain('В Ташкенте открылся новый технопарк');

      const noReason = await users.editor.req('POST', `/editions/${e.id}/transition`, { to: 'unpublished' });
      expect(noReason.status).toBe(422);
      expect(noReason.json.error.details.fields[0].field).toBe('reason');
      expect((await users.editor.req('POST', `/editions/${e.id}/transition`, { to: 'unpublished', reason: 'Ошибка в фактах' })).status).toBe(200);
      expect((await s.app.inject(published.json.publicUrl)).statusCode).toBe(404);
      const audit = await admin.req('GET', '/audit');
      const actions = audit.json.items.filter((a: any) => a.entityId === e.id).map((a: any) => [a.action, a.details.note ?? '']);
      expect(actions).toEqual(expect.arrayContaining([['story.publish', ''], ['story.unpublish', 'Ошибка в фактах']]));
    });

    it('refuses to publish without a headline or section, naming the fields', async () => {
      const created = await users.editor.req('POST', '/stories', { locale: 'ru' });
      const r = await users.editor.req('POST', `/editions/${created.json.id}/transition`, { to: 'published' });
      expect(r.status).toBe(422);
      expect(r.json.error.details.fields.map((f: any) => f.field).sort()).toEqual(['headline', 'sectionId']);
      expect((await users.editor.req('GET', `/editions/${created.json.id}`)).json.status).toBe('draft'); // nothing half-done
    });

    it('publishes a scheduled story at its time, exactly once, and not before', async () => {
      const e = await draft(users.editor, 'Новость по расписанию выйдет через минуту');
      const past = await users.editor.req('POST', `/editions/${e.id}/transition`, { to: 'scheduled', at: new Date(NOW - 1000).toISOString() });
      expect(past.status).toBe(422);
      expect(past.json.error.details.fields[0]).toMatchObject({ field: 'at' });
      const at = new Date(s.c.clock() + 60_000).toISOString();
      const scheduled = await users.editor.req('POST', `/editions/${e.id}/transition`, { to: 'scheduled', at });
      expect(scheduled.json).toMatchObject({ status: 'scheduled', scheduledAt: at, publicUrl: null });
      const url = `/ru/news/${e.slug}`;
      expect((await s.app.inject(url)).statusCode).toBe(404);
      // Claims of the scheduled-publication job only: the publication's announcements (webhooks,
      // Telegram …) are jobs of their own in the same outbox.
      const claims = async () => Number((await s.c.db.kysely.selectFrom('outbox').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('attempts'), eb.val(0)).as('n')).where('topic', '=', 'publish_scheduled').executeTakeFirstOrThrow()).n);
      const runScheduled = async () => {
        const before = await claims();
        await s.c.relay.runDue();
        return (await claims()) - before;
      };
      expect(await runScheduled()).toBe(0); // not due yet
      s.tick(61_000);
      expect(await runScheduled()).toBe(1);
      expect(await runScheduled()).toBe(0); // done once
      const after = (await users.editor.req('GET', `/editions/${e.id}`)).json;
      expect(after.status).toBe('published');
      expect(after.transitions.filter((t: any) => t.to === 'published')).toHaveLength(1);
      expect((await s.app.inject(url)).statusCode).toBe(200);
      s.tick(8 * 24 * 3600_000);
      expect(await s.c.relay.sweep()).toBeGreaterThanOrEqual(1); // finished jobs are swept after a week
      s.tick(-8 * 24 * 3600_000);
      s.tick(-61_000);
    });

    it('keeps an embargoed story off the site until the embargo passes', async () => {
      const e = await draft(users.editor, 'Материал под эмбарго до завтрашнего утра');
      const until = new Date(s.c.clock() + 3600_000).toISOString();
      const saved = await users.editor.req('PUT', `/editions/${e.id}`, saveBody(e, { embargoUntil: until }));
      expect(saved.status).toBe(200);
      expect((await users.editor.req('POST', `/editions/${e.id}/transition`, { to: 'published' })).json.publicUrl).toBeNull();
      expect((await s.app.inject(`/ru/news/${e.slug}`)).statusCode).toBe(404);
      s.tick(3601_000);
      s.c.pageCache?.clear();
      expect((await s.app.inject(`/ru/news/${e.slug}`)).statusCode).toBe(200);
      s.tick(-3601_000);
    });

    it('shows corrections on the public page with the updated time', async () => {
      const e = await draft(users.editor, 'Сообщение, к которому добавят исправление');
      await users.editor.req('POST', `/editions/${e.id}/transition`, { to: 'published' });
      s.tick(3600_000);
      const noted = await users.editor.req('POST', `/editions/${e.id}/notes`, { kind: 'correction', text: 'Уточнено название ведомства.' });
      expect(noted.json.notes).toHaveLength(1);
      expect((await users.contributor.req('POST', `/editions/${e.id}/notes`, { kind: 'update', text: 'x' })).status).toBe(404);
      const html = (await s.app.inject(`/ru/news/${e.slug}`)).body;
      expect(html).toContain('<strong>Исправление</strong>');
      expect(html).toContain('Уточнено название ведомства.');
      expect(html).toMatch(/<p class="updated">Обновлено: Ноябрь 20, 2026\. 15:00<\/p>/);
      s.tick(-3600_000);
    });

    it('keeps slugs unique and redirects a published story’s old slug', async () => {
      const a = await draft(users.editor, 'Первая заметка об уникальности адресов');
      const b = await draft(users.editor, 'Вторая заметка об уникальности адресов');
      const dup = await users.editor.req('PUT', `/editions/${b.id}`, saveBody(b, { slug: a.slug }));
      expect(dup.status).toBe(422);
      expect(dup.json.error.details.fields[0].field).toBe('slug');
      await users.editor.req('POST', `/editions/${a.id}/transition`, { to: 'published' });
      const current = (await users.editor.req('GET', `/editions/${a.id}`)).json;
      expect((await users.editor.req('PUT', `/editions/${a.id}`, saveBody(current, { slug: 'novyi-adres-zametki' }))).status).toBe(200);
      const old = await s.app.inject(`/ru/news/${a.slug}`);
      expect(old.statusCode).toBe(301);
      expect(old.headers.location).toBe('/ru/news/novyi-adres-zametki');
    });
  });

  describe('revisions and conflicts', () => {
    it('keeps a revision per save, diffs two and restores one', async () => {
      const e = await draft(users.editor, 'Заголовок первой версии');
      const v3 = await users.editor.req('PUT', `/editions/${e.id}`, saveBody(e, { headline: 'Заголовок второй версии', body: doc('Новый текст абзаца.') }));
      const revs = (await users.editor.req('GET', `/editions/${e.id}/revisions`)).json.items;
      expect(revs.map((r: any) => r.version)).toEqual([3, 2, 1]);
      const v2 = revs.find((r: any) => r.version === 2);
      const diff = (await users.editor.req('GET', `/editions/${e.id}/diff?from=${v2.id}&to=current`)).json.parts;
      expect(diff.filter((p: any) => p.removed).map((p: any) => p.value.trim())).toEqual(expect.arrayContaining(['первой']));
      expect(diff.filter((p: any) => p.added).map((p: any) => p.value.trim())).toEqual(expect.arrayContaining(['второй']));
      const restored = await users.editor.req('POST', `/revisions/${v2.id}/restore`, { version: v3.json.version });
      expect(restored.json).toMatchObject({ headline: 'Заголовок первой версии', version: 4 });
      expect((await users.editor.req('GET', `/revisions/${v2.id}`)).json.text).toContain('Первый абзац новости.');
    });

    it('gives the second of two conflicting saves a 409 with the other’s text', async () => {
      const e = await draft(users.editor, 'Два редактора правят одну новость');
      const mine = (await users.editor.req('GET', `/editions/${e.id}`)).json;
      const theirs = (await users.editor2.req('GET', `/editions/${e.id}`)).json;
      expect((await users.editor2.req('PUT', `/editions/${e.id}`, saveBody(theirs, { headline: 'Версия второго редактора' }))).status).toBe(200);
      const conflict = await users.editor.req('PUT', `/editions/${e.id}`, saveBody(mine, { headline: 'Версия первого редактора' }));
      expect(conflict.status).toBe(409);
      expect(conflict.json.error.details.current).toMatchObject({ headline: 'Версия второго редактора', version: mine.version + 1 });
      expect((await users.editor.req('GET', `/editions/${e.id}`)).json.headline).toBe('Версия второго редактора');
    });

    it('shows who else has a story open', async () => {
      const e = await draft(users.editor, 'Новость, которую открыли двое');
      await users.editor2.req('POST', `/editions/${e.id}/presence`);
      const me = await users.editor.req('POST', `/editions/${e.id}/presence`);
      expect(me.json.editingNow.map((p: any) => p.name)).toEqual(['editor2']);
      const list = await users.editor.req('GET', `/stories?q=${encodeURIComponent('открыли двое')}`);
      expect(list.json.items[0].editingNow.map((p: any) => p.name)).toEqual(['editor2']);
    });

    it('lists only people who are editing: a reader, or someone who may not edit, is not "editing"', async () => {
      const e = await draft(users.editor, 'Новость, которую только читают');
      await users.editor2.req('POST', `/editions/${e.id}/presence`, { editing: false });
      let me = await users.editor.req('POST', `/editions/${e.id}/presence`, { editing: false });
      expect(me.json.editingNow).toEqual([]);
      await users.editor2.req('POST', `/editions/${e.id}/presence`, { editing: true });
      me = await users.editor.req('POST', `/editions/${e.id}/presence`, { editing: false });
      expect(me.json.editingNow.map((p: any) => p.name)).toEqual(['editor2']);
      // Stopping (saved, focus gone) takes them off the list at once.
      await users.editor2.req('POST', `/editions/${e.id}/presence`, { editing: false });
      me = await users.editor.req('POST', `/editions/${e.id}/presence`, { editing: false });
      expect(me.json.editingNow).toEqual([]);
    });
  });

  describe('story list', () => {
    it('filters, searches, sorts and pages; contributors see only their own', async () => {
      const all = await users.editor.req('GET', '/stories?sort=headline&dir=asc');
      expect(all.status).toBe(200);
      const heads = all.json.items.map((i: any) => i.headline);
      expect(heads).toEqual([...heads].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
      const published = await users.editor.req('GET', '/stories?status=published');
      expect(published.json.items.every((i: any) => i.status === 'published')).toBe(true);
      expect(all.json.items[0].editions).toEqual(expect.arrayContaining([expect.objectContaining({ locale: all.json.items[0].locale, editionId: all.json.items[0].editionId })]));
      const own = await users.contributor.req('GET', '/stories');
      expect(own.json.items.every((i: any) => i.createdBy?.name === 'contributor')).toBe(true);
      expect((await users.editor.req('GET', '/stories?after=abc')).status).toBe(422);
      expect((await users.editor.req('GET', '/stories?from=2026-11-20&to=2026-11-20')).json.items.length).toBeGreaterThan(0);
      expect((await users.editor.req('GET', '/stories?from=2026-11-21')).json.items.length).toBe(0);
    });
  });

  describe('media', () => {
    let png: Buffer;
    beforeAll(async () => {
      png = await sharp({ create: { width: 1400, height: 800, channels: 3, background: '#1d4e89' } }).png().toBuffer();
    });

    it('accepts an image, makes variants and serves them', async () => {
      const m = multipart({ name: 'photo.png', type: 'image/png', data: png }, { credit: 'Фото: Xabar', alt: 'Синий фон', caption: 'Подпись', locale: 'ru' });
      const r = await users.contributor.req('POST', '/media', m.body, m.headers);
      expect(r.status, r.body).toBe(201);
      expect(r.json).toMatchObject({ mime: 'image/png', width: 1200, credit: 'Фото: Xabar', texts: { ru: { alt: 'Синий фон', caption: 'Подпись' } }, usedBy: 0 });
      expect((await s.app.inject(r.json.src)).statusCode).toBe(200);
      expect((await s.app.inject(r.json.thumb)).headers['content-type']).toBe('image/webp');
    });

    it('checks the type from the content, refuses SVG, and enforces the size limit', async () => {
      const fake = multipart({ name: 'photo.png', type: 'image/png', data: Buffer.from('<html>not an image</html>') });
      const r1 = await users.editor.req('POST', '/media', fake.body, fake.headers);
      expect(r1.status).toBe(415);
      expect(r1.json.error.message).toMatch(/JPEG, PNG, WebP, AVIF or GIF/);
      const svg = multipart({ name: 'logo.jpg', type: 'image/jpeg', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>') });
      expect((await users.editor.req('POST', '/media', svg.body, svg.headers)).status).toBe(415);
      const settings = (await admin.req('GET', '/settings')).json;
      await admin.req('PUT', '/settings', { ...settings, maxUploadMb: 1 });
      const big = await sharp({ create: { width: 2000, height: 2000, channels: 3, background: '#000' } }).raw().toBuffer();
      const bmp = multipart({ name: 'big.png', type: 'image/png', data: big.subarray(0, 2 * 1024 * 1024) });
      const r3 = await users.editor.req('POST', '/media', bmp.body, bmp.headers);
      expect(r3.status).toBe(413);
      expect(r3.json.error.message).toMatch(/1 MB/);
      await admin.req('PUT', '/settings', { ...settings, maxUploadMb: 20 });
    });

    it('uses an uploaded logo and author photos on the public site', async () => {
      const logoPng = await sharp({ create: { width: 368, height: 88, channels: 4, background: '#0b3a6e' } }).png().toBuffer();
      const m = multipart({ name: 'logo.png', type: 'image/png', data: logoPng });
      const logo = (await admin.req('POST', '/media', m.body, m.headers)).json;
      const settings = (await admin.req('GET', '/settings')).json;
      expect((await admin.req('PUT', '/settings', { ...settings, logoMediaId: logo.id })).status).toBe(200);
      const home = (await s.app.inject('/ru/')).body;
      expect(home).toMatch(/<a class="logo" href="\/ru\/"[^>]*><img src="\/media\/[^"]+\.webp" alt="[^"]*" width="184" height="44"\/>/); // WebP keeps transparency
      expect((await admin.req('GET', `/media/${logo.id}`)).json.usedBy).toBe(1);
      expect((await admin.req('DELETE', `/media/${logo.id}`)).status).toBe(409);
      await admin.req('PUT', '/settings', { ...settings, logoMediaId: null });
      expect((await admin.req('GET', '/media/999999')).status).toBe(404);

      const p = multipart({ name: 'face.png', type: 'image/png', data: await sharp({ create: { width: 300, height: 300, channels: 3, background: '#b8551f' } }).png().toBuffer() });
      const photo = (await admin.req('POST', '/media', p.body, p.headers)).json;
      const author = await users.editor.req('POST', '/authors', { slug: 'dilnoza-karimova', names: { ru: 'Дилноза Каримова' }, bio: { ru: 'Корреспондент отдела экономики.' }, photoMediaId: photo.id });
      expect(author.status).toBe(201);
      const page = (await s.app.inject('/ru/author/dilnoza-karimova')).body;
      expect(page).toContain('<img class="author-photo"');
      expect(page).toContain('Корреспондент отдела экономики.');
      expect((await admin.req('DELETE', `/media/${photo.id}`)).status).toBe(409); // an author's photo
    });

    it('will not delete an image a story uses', async () => {
      const m = multipart({ name: 'hero.png', type: 'image/png', data: await sharp(png).tint('#b8551f').png().toBuffer() });
      const media = (await users.editor.req('POST', '/media', m.body, m.headers)).json;
      const e = await draft(users.editor, 'Новость с главной фотографией');
      expect((await users.editor.req('PUT', `/editions/${e.id}`, saveBody(e, { heroMediaId: media.id }))).status).toBe(200);
      const del = await users.editor.req('DELETE', `/media/${media.id}`);
      expect(del.status).toBe(409);
      expect(del.json.error.message).toMatch(/in use \(1 place/);
    });
  });

  it('answers unknown API paths with a JSON 404, not the app', async () => {
    const r = await users.editor.req('GET', '/no-such-endpoint');
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe('not_found');
  });

  it('sends security headers: no framing, no sniffing, a strict CSP', async () => {
    const site = await s.app.inject('/ru/');
    expect(site.headers['x-frame-options']).toBe('DENY');
    expect(site.headers['x-content-type-options']).toBe('nosniff');
    expect(site.headers['content-security-policy']).toContain("script-src 'none'");
    const api = await users.editor.req('GET', '/session');
    expect(api.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(api.headers['x-robots-tag']).toBe('noindex');
  });

  it('describes the API in an OpenAPI document', async () => {
    const r = await s.app.inject('/admin/api/openapi.json');
    expect(r.statusCode).toBe(200);
    const spec = JSON.parse(r.body);
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/session', '/login', '/stories', '/editions/{id}', '/editions/{id}/transition', '/media']));
  });

  it('sanitizes story bodies: unknown nodes and script links never reach the page', async () => {
    const e = await draft(users.editor, 'Проверка очистки текста новости');
    const evil = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'ссылка', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] },
        { type: 'rawHTML', attrs: { html: '<script>alert(1)</script>' } },
        { type: 'embed', attrs: { provider: 'youtube', url: 'https://evil.example/x' } },
        { type: 'embed', attrs: { provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' } },
      ],
    };
    const saved = await users.editor.req('PUT', `/editions/${e.id}`, saveBody(e, { body: evil }));
    expect(saved.json.body.content.map((n: any) => n.type)).toEqual(['paragraph', 'embed']);
    expect(saved.json.body.content[0].content[0].marks).toBeUndefined();
    await users.editor.req('POST', `/editions/${e.id}/transition`, { to: 'published' });
    const html = (await s.app.inject(`/ru/news/${e.slug}`)).body;
    expect(html).not.toMatch(/javascript:|<script>alert/);
    expect(html).toContain('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
  });

  it('serves a live preview of a draft to its editors only', async () => {
    const e = await draft(users.contributor, 'Черновик для предпросмотра');
    const mine = await users.contributor.req('GET', e.previewUrl);
    expect(mine.status).toBe(200);
    expect(mine.body).toContain('Черновик для предпросмотра');
    expect(mine.body).toContain('Предпросмотр');
    expect((await users.author.req('GET', e.previewUrl)).status).toBe(404);
    const anon = new ApiClient(s.app);
    expect((await anon.req('GET', e.previewUrl)).status).toBe(401);
  });
});
