/**
 * Telegram channels against the fake Bot API (test/helpers/fake-telegram.ts), on SQLite and
 * PostgreSQL: a published story is posted exactly once — through failures, 429s, a crash between
 * the call and its record, and two relays at once — edits and withdrawals reach the post,
 * permanent refusals are recorded and not retried, and the settings keep the bot token sealed.
 */
import pino from 'pino';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildContainer, type Container } from '../src/container.js';
import { enqueue } from '../src/jobs/outbox.js';
import { TELEGRAM_TOPIC } from '../src/distribution/telegram/telegram.service.js';
import { messages } from '../src/i18n/messages/index.js';
import { multipart } from './helpers/client.js';
import { DIALECTS } from './helpers/site.js';
import { draft, makeNewsroom, saveBody, type Newsroom } from './helpers/editorial.js';
import { FakeTelegram, type FakeChat } from './helpers/fake-telegram.js';

const T0 = Date.parse('2026-05-04T08:00:00Z');
const TOKEN = `7012345678:${'AAH'.repeat(11)}xyz9`;
const BOT_ID = 7012345678;

describe.each(DIALECTS)('Telegram channels on %s', (dialect) => {
  let n: Newsroom;
  let fake: FakeTelegram;
  let ru: FakeChat;
  let en: FakeChat;
  let heroId: number;

  const c = () => n.s.c;
  const run = async (container: Container = c()) => {
    // Runs every due job until none is left (a job may enqueue nothing new; retries wait for the clock).
    for (let i = 0; i < 10 && (await container.relay.runDue()) > 0; i++);
  };
  const delivery = (editionId: number) => c().db.kysely.selectFrom('telegram_deliveries').selectAll().where('edition_id', '=', editionId).executeTakeFirst();
  const status = async (editionId: number) => (await n.editor.req('GET', `/editions/${editionId}/telegram`)).json;
  const sends = () => fake.calls.filter((x) => x.method === 'sendPhoto' || x.method === 'sendMessage').length;
  const publish = async (headline: string, opts: { locale?: string; hero?: boolean; lead?: string } = {}) => {
    const e = await draft(n.editor, opts.locale ?? 'ru', headline, n.sectionId);
    const saved = await n.editor.req('PUT', `/editions/${e.id}`, saveBody(e, { lead: opts.lead ?? 'Лид новости.', heroMediaId: opts.hero === false ? null : heroId }));
    expect(saved.status, saved.body).toBe(200);
    const pub = await n.editor.req('POST', `/editions/${e.id}/transition`, { to: 'published', from: 'draft' });
    expect(pub.status, pub.body).toBe(200);
    return pub.json;
  };
  const setChannel = async (locale: string, body: Record<string, unknown>) => {
    const r = await n.admin.req('PUT', `/telegram/channels/${locale}`, { target: '', enabled: true, onUnpublish: 'delete', followUpCorrections: false, ...body });
    expect(r.status, r.body).toBe(200);
    return r.json;
  };

  beforeAll(async () => {
    fake = await new FakeTelegram().start();
    fake.addBot(TOKEN, BOT_ID, 'xabar_test_bot');
    ru = fake.addChannel('xabar_news', -1001000000001, 'Xabar');
    ru.members.set(BOT_ID, { status: 'administrator', canPost: true });
    en = fake.addChannel('xabar_en', -1001000000002, 'Xabar English'); // the bot is not a member yet
    n = await makeNewsroom(dialect, T0, { XABAR_TELEGRAM_API_ROOT: fake.apiRoot });
    const data = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 10, g: 90, b: 200 } } }).jpeg().toBuffer();
    const m = multipart({ name: 'bridge.jpg', type: 'image/jpeg', data }, { credit: 'Xabar' });
    const up = await n.admin.req('POST', '/media', m.body, m.headers);
    expect(up.status, up.body).toBe(201);
    heroId = up.json.id;
    await setChannel('ru', { target: '@xabar_news', token: TOKEN, publicLink: 't.me/xabar_news' });
    await setChannel('en', { target: '@xabar_en', token: TOKEN });
  });
  afterAll(async () => {
    await n?.s.close();
    await fake?.stop();
  });
  beforeEach(async () => {
    await run(); // nothing left over from the previous test
    fake.calls.length = 0;
  });

  it('keeps the bot token sealed: shown as …last4, never in a response, the database row or the audit log', async () => {
    const list = await n.admin.req('GET', '/telegram/channels');
    expect(list.status).toBe(200);
    expect(list.body).not.toContain(TOKEN);
    const r = list.json.channels.find((x: { locale: string }) => x.locale === 'ru');
    expect(r).toMatchObject({ target: '@xabar_news', tokenSet: true, tokenHint: '…xyz9', publicLink: 'xabar_news', onUnpublish: 'delete' });
    const row = await c().db.kysely.selectFrom('telegram_channels').selectAll().where('locale', '=', 'ru').executeTakeFirstOrThrow();
    expect(row.token_sealed).toMatch(/^v1\./);
    expect(row.token_sealed).not.toContain(TOKEN.slice(11));
    const audit = await c().db.kysely.selectFrom('audit_log').select('details').where('action', '=', 'telegram.channel.update').execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.map((a) => a.details).join()).not.toContain(TOKEN.slice(11));
    expect((await c().settings.get()).telegramChannel.ru).toBe('xabar_news'); // the site's block links the public channel
    // Editors may not see or change it; a malformed token or target is refused with the field named.
    expect((await n.editor.req('GET', '/telegram/channels')).status).toBe(403);
    const bad = await n.admin.req('PUT', '/telegram/channels/ru', { target: 'xabar news', token: 'not-a-token', enabled: true, onUnpublish: 'delete', followUpCorrections: false });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.json)).toContain('telegram.target');
    expect(JSON.stringify(bad.json)).toContain('telegram.token_format');
    // Saving without a token keeps the stored one; the public link is merged into the stored
    // setting inside the save's transaction even when the settings cache is cold (on SQLite a
    // read through the cache there would wait for ever).
    c().settings.invalidate();
    await setChannel('ru', { target: '@xabar_news', publicLink: 'https://t.me/xabar_news' });
    expect((await c().settings.get()).telegramChannel).toMatchObject({ ru: 'xabar_news' });
    expect((await n.admin.req('GET', '/telegram/channels')).json.channels[0]).toMatchObject({ locale: 'ru', tokenSet: true, tokenHint: '…xyz9' });
  });

  it('checks the token, the channel and the bot\'s right to post, and says which is wrong', async () => {
    expect((await n.admin.req('POST', '/telegram/channels/ru/check')).json).toMatchObject({ ok: true, problem: null, bot: '@xabar_test_bot', chat: 'Xabar' });
    expect((await n.admin.req('POST', '/telegram/channels/en/check')).json).toMatchObject({ ok: false, problem: 'not_admin' });
    en.members.set(BOT_ID, { status: 'administrator', canPost: false });
    expect((await n.admin.req('POST', '/telegram/channels/en/check')).json).toMatchObject({ ok: false, problem: 'cannot_post', chat: 'Xabar English' });
    en.members.delete(BOT_ID);
    expect((await n.admin.req('POST', '/telegram/channels/uz/check')).json).toMatchObject({ ok: false, problem: 'no_token' });
    await setChannel('uz', { target: '@no_such_channel', token: TOKEN });
    expect((await n.admin.req('POST', '/telegram/channels/uz/check')).json).toMatchObject({ ok: false, problem: 'chat_not_found', detail: 'Bad Request: chat not found' });
    await setChannel('uz', { target: '@xabar_news', token: `1234567:${'B'.repeat(35)}` });
    expect((await n.admin.req('POST', '/telegram/channels/uz/check')).json).toMatchObject({ ok: false, problem: 'bad_token', detail: 'Unauthorized' });
    await setChannel('uz', { target: '', token: '' });
    expect((await n.editor.req('POST', '/telegram/channels/ru/check')).status).toBe(403);
  });

  it('posts a published story once, as the hero photo with a bold headline, lead and link, and shows it sent', async () => {
    const e = await publish('Мост <новый> & широкий');
    expect(await status(e.id)).toMatchObject({ state: 'pending', post: true, configured: true });
    await run();
    await run();
    const posts = fake.posts(ru.id);
    const post = posts.find((p) => p.text.startsWith('Мост <новый> & широкий'))!;
    expect(post).toMatchObject({ kind: 'photo' });
    expect(post.photo).toMatch(/^https:\/\/news\.example\.test\/media\/.+\.jpg$/);
    expect(post.html).toBe(`<b>Мост &lt;новый&gt; &amp; широкий</b>\n\nЛид новости.\n\n<a href="https://news.example.test/ru/news/${e.slug}">${messages('ru').readMore}</a>`);
    expect(sends()).toBe(1);
    expect(await status(e.id)).toMatchObject({ state: 'sent', linked: true, messageUrl: `https://t.me/xabar_news/${post.messageId}`, error: '' });
  });

  it('posts a story without an image as a text message with a link preview', async () => {
    const e = await publish('Без картинки', { hero: false });
    await run();
    const call = fake.callsOf('sendMessage').at(-1)!;
    expect(call.params).toMatchObject({ chat_id: '@xabar_news', parse_mode: 'HTML', link_preview_options: { url: `https://news.example.test/ru/news/${e.slug}` } });
    expect((await delivery(e.id))).toMatchObject({ state: 'sent', kind: 'text' });
  });

  it('retries after Telegram fails, waits exactly retry_after on 429, and posts once', async () => {
    fake.failNext(1, { code: 502, description: 'Bad Gateway' });
    const e = await publish('Повтор после ошибки');
    await run();
    expect(sends()).toBe(1);
    expect(fake.posts(ru.id).filter((p) => p.text.startsWith('Повтор'))).toHaveLength(0);
    const s1 = await status(e.id);
    expect(s1).toMatchObject({ state: 'queued', error: 'Bad Gateway' });
    expect(s1.nextRetryAt).toBeGreaterThan(c().clock());
    n.s.tick(s1.nextRetryAt - c().clock());
    fake.failNext(1, { code: 429, description: 'Too Many Requests: retry after 42', retryAfter: 42 });
    await run();
    const job = await c().db.kysely.selectFrom('outbox').select(['run_at', 'done_at']).where('topic', '=', TELEGRAM_TOPIC).where('done_at', 'is', null).executeTakeFirstOrThrow();
    expect(job.run_at).toBe(c().clock() + 42_000);
    expect((await status(e.id)).nextRetryAt).toBe(c().clock() + 42_000);
    n.s.tick(41_999);
    await run();
    expect(sends()).toBe(2); // not before retry_after
    n.s.tick(1);
    await run();
    expect(sends()).toBe(3);
    expect(fake.posts(ru.id).filter((p) => p.text.startsWith('Повтор'))).toHaveLength(1);
    expect(await status(e.id)).toMatchObject({ state: 'sent', error: '', attempts: 3 });
    n.s.tick(3600_000);
    await run();
    expect(sends()).toBe(3);
  });

  it('records a 403 as failed with Telegram\'s words, does not retry it, and posts after the retry button', async () => {
    const e = await publish('English story', { locale: 'en', lead: 'A lead.' });
    await run();
    expect(await status(e.id)).toMatchObject({ state: 'failed', error: 'Forbidden: bot is not a member of the channel chat' });
    const job = await c().db.kysely.selectFrom('outbox').select(['done_at']).where('topic', '=', TELEGRAM_TOPIC).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(job.done_at).toBeGreaterThan(0); // finished, not retried for ever
    n.s.tick(24 * 3600_000);
    await run();
    expect(sends()).toBe(1);
    en.members.set(BOT_ID, { status: 'administrator', canPost: true });
    expect((await n.contributor.req('POST', `/editions/${e.id}/telegram/retry`)).status).toBe(404); // not theirs to see
    const r = await n.editor.req('POST', `/editions/${e.id}/telegram/retry`);
    expect(r.status, r.body).toBe(200);
    expect(r.json.state).toBe('queued');
    expect((await n.editor.req('POST', `/editions/${e.id}/telegram/retry`)).status).toBe(409); // queued already
    await run();
    expect(fake.posts(en.id)).toHaveLength(1);
    expect(await status(e.id)).toMatchObject({ state: 'sent', error: '' });
  });

  it('posts a scheduled story when it goes live and an embargoed one when the embargo passes, not before', async () => {
    const sched = await draft(n.editor, 'ru', 'По расписанию', n.sectionId);
    const at = c().clock() + 3600_000;
    const r = await n.editor.req('POST', `/editions/${sched.id}/transition`, { to: 'scheduled', from: 'draft', at: new Date(at).toISOString() });
    expect(r.status, r.body).toBe(200);
    const emb = await draft(n.editor, 'ru', 'Под эмбарго', n.sectionId);
    const saved = await n.editor.req('PUT', `/editions/${emb.id}`, saveBody(emb, { embargoUntil: new Date(c().clock() + 2 * 3600_000).toISOString() }));
    expect(saved.status, saved.body).toBe(200);
    expect((await n.editor.req('POST', `/editions/${emb.id}/transition`, { to: 'published', from: 'draft' })).status).toBe(200);
    await run();
    expect(sends()).toBe(0);
    n.s.tick(3600_000);
    await run();
    await run();
    expect(fake.posts(ru.id).filter((p) => p.text.startsWith('По расписанию'))).toHaveLength(1);
    expect(fake.posts(ru.id).filter((p) => p.text.startsWith('Под эмбарго'))).toHaveLength(0);
    n.s.tick(3600_000);
    await run();
    expect(fake.posts(ru.id).filter((p) => p.text.startsWith('Под эмбарго'))).toHaveLength(1);
    expect(sends()).toBe(2);
  });

  it('records an unreachable Telegram as retrying (without the token in the error) and a hanging one as uncertain', async () => {
    const node = (apiRoot: string, timeoutSeconds: number) =>
      buildContainer({ ...c().config, telegram: { apiRoot, timeoutSeconds } }, { clock: c().clock, logger: pino({ level: 'silent' }), dbTarget: dialect === 'postgres' ? { dialect: 'postgres', url: process.env.XABAR_TEST_PG!, schema: c().db.schema! } : undefined });
    // Nothing listens on port 1: the connection is refused, so nothing can have been posted.
    const offline = await node('http://127.0.0.1:1', 5);
    try {
      const e = await draft(n.editor, 'ru', 'Telegram недоступен', n.sectionId);
      await n.editor.req('POST', `/editions/${e.id}/transition`, { to: 'published', from: 'draft' });
      await offline.relay.runDue();
      const st = await status(e.id);
      expect(st.state).toBe('queued');
      expect(st.nextRetryAt).toBeGreaterThan(c().clock());
      expect(st.error).not.toBe('');
      expect(st.error).not.toContain(TOKEN.slice(11));
      const job = await c().db.kysely.selectFrom('outbox').select('last_error').where('topic', '=', TELEGRAM_TOPIC).where('done_at', 'is', null).executeTakeFirstOrThrow();
      expect(job.last_error).not.toContain(TOKEN.slice(11));
      n.s.tick(3600_000);
      await run(); // Telegram is back: posted once
      expect(await status(e.id)).toMatchObject({ state: 'sent', error: '' });
    } finally {
      await offline.close();
    }
    // A call that never answers is given up after the timeout; the post may exist, so it is uncertain.
    const slow = await node(fake.apiRoot, 1);
    try {
      fake.failNext(1, 'hang');
      const e = await draft(n.editor, 'ru', 'Telegram завис', n.sectionId);
      await n.editor.req('POST', `/editions/${e.id}/transition`, { to: 'published', from: 'draft' });
      await slow.relay.runDue();
      expect((await status(e.id)).state).toBe('uncertain');
      n.s.tick(3600_000);
      await run();
      expect(fake.posts(ru.id).filter((p) => p.text.startsWith('Telegram завис'))).toHaveLength(0);
    } finally {
      await slow.close();
    }
  });

  it('posts nothing for a story the editor unticked', async () => {
    const e = await draft(n.editor, 'ru', 'Не для канала', n.sectionId);
    const off = await n.editor.req('PUT', `/editions/${e.id}/telegram`, { post: false });
    expect(off.status, off.body).toBe(200);
    expect(off.json).toMatchObject({ post: false, state: 'none' });
    await n.editor.req('POST', `/editions/${e.id}/transition`, { to: 'published', from: 'draft' });
    await run();
    expect(sends()).toBe(0);
    expect(await status(e.id)).toMatchObject({ post: false, state: 'none' });
  });

  it('calls a send uncertain when the connection broke mid-call, never re-posts it by itself, and lets the editor decide', async () => {
    fake.failNext(1, 'close');
    const e = await publish('Обрыв связи');
    await run();
    const s1 = await status(e.id);
    expect(s1.state).toBe('uncertain');
    n.s.tick(24 * 3600_000);
    await run();
    expect(sends()).toBe(1);
    const marked = await n.editor.req('POST', `/editions/${e.id}/telegram/mark-posted`);
    expect(marked.json).toMatchObject({ state: 'sent', linked: false, messageUrl: null });
    // The other button: a second uncertain post, sent again on request.
    fake.failNext(1, 'close');
    const e2 = await publish('Обрыв связи ещё раз');
    await run();
    expect((await status(e2.id)).state).toBe('uncertain');
    expect((await n.editor.req('POST', `/editions/${e2.id}/telegram/retry`)).status).toBe(200);
    await run();
    expect(await status(e2.id)).toMatchObject({ state: 'sent', linked: true });
    expect(fake.posts(ru.id).filter((p) => p.text.startsWith('Обрыв связи ещё раз'))).toHaveLength(1);
  });

  it('after a crash between the call and its record, a restarted node marks the post uncertain and does not post again', async () => {
    const crash = vi.spyOn(c().telegram.repo, 'sent').mockRejectedValueOnce(new Error('process killed'));
    const e = await publish('Сбой после отправки');
    await c().relay.runDue();
    crash.mockRestore();
    expect(fake.posts(ru.id).filter((p) => p.text.startsWith('Сбой после отправки'))).toHaveLength(1);
    expect((await delivery(e.id))?.state).toBe('started');
    // A new process on the same database; the old one is gone (its relay never runs again).
    const restarted = await buildContainer(c().config, { clock: c().clock, logger: pino({ level: 'silent' }), dbTarget: dialect === 'postgres' ? { dialect: 'postgres', url: process.env.XABAR_TEST_PG!, schema: c().db.schema! } : undefined });
    try {
      n.s.tick(3600_000);
      await run(restarted);
      n.s.tick(3600_000);
      await run(restarted);
      expect((await delivery(e.id))?.state).toBe('uncertain');
      expect(fake.posts(ru.id).filter((p) => p.text.startsWith('Сбой после отправки'))).toHaveLength(1);
      expect(sends()).toBe(1);
    } finally {
      await restarted.close();
    }
  });

  it('records a slow answer that arrives after the post was given up as uncertain, but never over a newer attempt', async () => {
    const repo = c().telegram.repo;
    const realSent = repo.sent.bind(repo);
    // Another node gives the delivery up as uncertain while this node's call is still answering.
    vi.spyOn(repo, 'sent').mockImplementationOnce(async (a, r, now) => {
      await repo.uncertain(a.editionId, c().clock(), 'given up by another node', c().clock());
      return realSent(a, r, now);
    });
    const e = await publish('Медленный ответ');
    await run();
    vi.restoreAllMocks();
    expect(await status(e.id)).toMatchObject({ state: 'sent', linked: true });
    // Now an editor has already pressed "post again" and a new attempt started: the late answer of the old one must not land on it.
    vi.spyOn(repo, 'sent').mockImplementationOnce(async (a, r, now) => {
      await repo.uncertain(a.editionId, c().clock(), 'given up', c().clock());
      await c().db.kysely.transaction().execute((trx) => repo.requeue(trx, a.editionId, ['uncertain'], c().clock()));
      expect(await repo.start(a.editionId, '@xabar_news', c().clock())).toEqual({ editionId: a.editionId, attempt: a.attempt + 1 });
      expect(await realSent(a, r, now)).toBe(false);
      return false;
    });
    const e2 = await publish('Медленный ответ снова');
    await run();
    vi.restoreAllMocks();
    expect((await delivery(e2.id))).toMatchObject({ state: 'started', attempts: 2, message_id: null });
    await c().db.kysely.updateTable('telegram_deliveries').set({ state: 'sent' }).where('edition_id', '=', e2.id).execute(); // tidy for the next tests
  });

  it('posts once when two nodes run the same story\'s jobs at the same moment', async () => {
    const second = await buildContainer(c().config, { clock: c().clock, logger: pino({ level: 'silent' }), dbTarget: dialect === 'postgres' ? { dialect: 'postgres', url: process.env.XABAR_TEST_PG!, schema: c().db.schema! } : undefined });
    try {
      const e = await draft(n.editor, 'ru', 'Два узла', n.sectionId);
      await n.editor.req('POST', `/editions/${e.id}/transition`, { to: 'published', from: 'draft' });
      // A second job for the same post (as a duplicate event would give), so each node has one to run.
      const now = c().clock();
      await c().db.kysely.transaction().execute((trx) => enqueue(trx, { topic: TELEGRAM_TOPIC, payload: { type: 'published', editionId: e.id, storyId: e.storyId, locale: 'ru', at: now }, runAt: now }, now));
      // Only Telegram's jobs: other subscribers' jobs for the same event would take the one claim each node makes.
      await c().db.kysely.deleteFrom('outbox').where('topic', '!=', TELEGRAM_TOPIC).where('done_at', 'is', null).execute();
      // Both workers read the delivery as queued before either moves it: only the conditional
      // queued → started update can keep them from both posting.
      let arrived = 0;
      let release!: () => void;
      const barrier = new Promise<void>((r) => (release = r));
      for (const repo of [c().telegram.repo, second.telegram.repo]) {
        const read = repo.delivery.bind(repo);
        vi.spyOn(repo, 'delivery').mockImplementationOnce(async (...args) => {
          const row = await read(...args);
          if (++arrived === 2) release();
          await barrier;
          return row;
        });
      }
      expect(await Promise.all([c().relay.runDue(1), second.relay.runDue(1)])).toEqual([1, 1]);
      expect(arrived).toBe(2);
      vi.restoreAllMocks();
      n.s.tick(3600_000);
      await Promise.all([run(), run(second)]);
      expect(fake.posts(ru.id).filter((p) => p.text.startsWith('Два узла'))).toHaveLength(1);
      expect(sends()).toBe(1);
      expect((await delivery(e.id))?.state).toBe('sent');
    } finally {
      await second.close();
    }
  });

  it('edits the post when the headline or lead changes, and only then', async () => {
    let e = await publish('Старый заголовок');
    await run();
    const post = fake.posts(ru.id).find((p) => p.text.startsWith('Старый заголовок'))!;
    e = (await n.editor.req('PUT', `/editions/${e.id}`, saveBody(e, { headline: 'Новый заголовок' }))).json;
    n.s.tick(12_000);
    fake.failNext(1, { code: 429, description: 'Too Many Requests: retry after 5', retryAfter: 5 });
    await run();
    expect(post.text.startsWith('Старый заголовок')).toBe(true); // rate limited: waits
    n.s.tick(5_000);
    await run();
    expect(fake.callsOf('editMessageCaption')).toHaveLength(2);
    expect(post.text.startsWith('Новый заголовок\n\nЛид новости.')).toBe(true);
    expect((await n.editor.req('PUT', `/editions/${e.id}`, saveBody(e, { seoTitle: 'Только SEO' }))).status).toBe(200);
    n.s.tick(12_000);
    await run();
    expect(fake.callsOf('editMessageCaption')).toHaveLength(2); // the post's text did not change
    expect(sends()).toBe(1);
  });

  it('deletes the post on unpublish, or says the story was withdrawn when Telegram will not delete it', async () => {
    const a = await publish('Будет удалено');
    const b = await publish('Слишком старое');
    await run();
    const [pa, pb] = ['Будет удалено', 'Слишком старое'].map((h) => fake.posts(ru.id).find((p) => p.text.startsWith(h))!);
    pb!.old = true; // older than 48 hours
    for (const e of [a, b]) expect((await n.editor.req('POST', `/editions/${e.id}/transition`, { to: 'unpublished', from: 'published', reason: 'Ошибка' })).status).toBe(200);
    await run();
    expect(pa!.deleted).toBe(true);
    expect(pb!.deleted).toBe(false);
    expect(pb!.text).toBe('Материал отозван редакцией.');
    expect((await status(a.id)).state).toBe('withdrawn');
    expect((await status(b.id)).state).toBe('withdrawn');
    // Published again: a new post.
    expect((await n.editor.req('POST', `/editions/${a.id}/transition`, { to: 'published', from: 'unpublished' })).status).toBe(200);
    await run();
    expect(fake.posts(ru.id).filter((p) => p.text.startsWith('Будет удалено'))).toHaveLength(1);
    expect((await status(a.id)).state).toBe('sent');
  });

  it('leaves the post when the channel says so, and replies with a correction when asked to', async () => {
    await setChannel('ru', { target: '@xabar_news', onUnpublish: 'leave', followUpCorrections: true });
    try {
      const e = await publish('Остаётся в канале');
      await run();
      const post = fake.posts(ru.id).find((p) => p.text.startsWith('Остаётся в канале'))!;
      expect((await n.editor.req('POST', `/editions/${e.id}/notes`, { kind: 'correction', text: 'Мост длиной 2 км, а не 3.' })).status).toBe(200);
      await run();
      await run();
      const reply = fake.posts(ru.id).find((p) => p.replyTo === post.messageId)!;
      expect(reply.text).toBe('Исправление\n\nМост длиной 2 км, а не 3.');
      expect((await n.editor.req('POST', `/editions/${e.id}/transition`, { to: 'unpublished', from: 'published', reason: 'Ошибка' })).status).toBe(200);
      await run();
      expect(post.deleted).toBe(false);
      expect(fake.callsOf('deleteMessage')).toHaveLength(0);
    } finally {
      await setChannel('ru', { target: '@xabar_news', onUnpublish: 'delete', followUpCorrections: false });
    }
  });
});
