/**
 * WebSub and IndexNow pings (src/distribution/pings/) against local fake servers: a story
 * published, updated, corrected and unpublished through the newsroom API is announced through
 * the outbox with exactly the changed feed URLs (hub) and article URL (IndexNow); failures are
 * retried or finished as the protocols call for; nothing is sent when unconfigured, or for the
 * demo site, which never goes through the newsroom.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { seedDemo } from '../src/demo/seed.js';
import { UPDATE_COALESCE_MS } from '../src/distribution/story-events.js';
import { postPing } from '../src/distribution/pings/http.js';
import { DIALECTS, makeTestSite, type DialectName, type TestSite } from './helpers/site.js';
import { ApiClient } from './helpers/client.js';
import { PW, draft, saveBody } from './helpers/editorial.js';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const SITE = 'https://news.example.test';
const KEY = 'f3b1c2d4e5a6978812ab34cd56ef7890';

interface Received {
  path: string;
  contentType: string;
  body: string;
}

/** One node:http server standing in for the hub (/hub) and IndexNow (/indexnow); answers are queued per path. */
class FakeEndpoints {
  readonly got: Received[] = [];
  /** Status codes to answer, per path, in order; when empty: 204 for the hub, 200 for IndexNow. */
  readonly answers: Record<string, { status: number; headers?: Record<string, string> }[]> = { '/hub': [], '/indexnow': [] };
  private server!: http.Server;
  url = '';

  async start() {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '';
        this.got.push({ path, contentType: String(req.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') });
        const a = this.answers[path]?.shift() ?? { status: path === '/hub' ? 204 : 200 };
        res.writeHead(a.status, a.headers ?? {}).end(a.status >= 400 ? 'nope' : '');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  reset() {
    this.got.length = 0;
    for (const k of Object.keys(this.answers)) this.answers[k] = [];
  }

  /** The topics the hub was told about (each request must be a well-formed publish ping). */
  hubTopics(): string[] {
    return this.got
      .filter((r) => r.path === '/hub')
      .map((r) => {
        expect(r.contentType).toBe('application/x-www-form-urlencoded');
        const form = new URLSearchParams(r.body);
        expect(form.get('hub.mode')).toBe('publish');
        expect(form.getAll('hub.url')).toHaveLength(1);
        return form.get('hub.url')!;
      });
  }

  indexNowBodies(): unknown[] {
    return this.got.filter((r) => r.path === '/indexnow').map((r) => {
      expect(r.contentType).toMatch(/^application\/json/);
      return JSON.parse(r.body);
    });
  }

  close() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The feeds of the locale, its section, tag and author, as the hub must hear of them. */
function feedsOf(prefix: string, scopes: string[], yandex: boolean): string[] {
  const bases = [`${SITE}/${prefix}`, ...scopes.map((s) => `${SITE}/${prefix}/${s}`)];
  return [...bases.flatMap((b) => [`${b}/rss.xml`, `${b}/atom.xml`, `${b}/feed.json`]), ...(yandex ? [`${SITE}/${prefix}/yandex.xml`] : [])].sort();
}

async function adminOf(s: TestSite): Promise<ApiClient> {
  const admin = new ApiClient(s.app);
  await admin.session();
  expect((await admin.req('POST', '/setup', { email: 'admin@example.uz', name: 'Admin', password: PW })).status).toBe(201);
  return admin;
}

const pingJobs = (s: TestSite) => s.c.db.kysely.selectFrom('outbox').select(['id', 'topic', 'attempts', 'done_at', 'last_error', 'run_at']).where('topic', 'like', 'ping.%').orderBy('id').execute();

function configured(fake: FakeEndpoints) {
  return { XABAR_WEBSUB_HUB: `${fake.url}/hub`, XABAR_INDEXNOW_KEY: KEY, XABAR_INDEXNOW_ENDPOINT: `${fake.url}/indexnow` };
}

describe('ping configuration', () => {
  const base = { DATA_DIR: '/tmp/xabar-cfg', SITE_URL: SITE };
  it('is off by default and on with a hub URL and a key', () => {
    const off = loadConfig(base);
    expect([off.websubHub, off.indexNow]).toEqual([null, null]);
    const emptied = loadConfig({ ...base, XABAR_WEBSUB_HUB: '', XABAR_INDEXNOW_KEY: '' });
    expect([emptied.websubHub, emptied.indexNow]).toEqual([null, null]);
    const on = loadConfig({ ...base, XABAR_WEBSUB_HUB: 'https://pubsubhubbub.appspot.com/', XABAR_INDEXNOW_KEY: KEY });
    expect(on.websubHub).toBe('https://pubsubhubbub.appspot.com/');
    expect(on.indexNow).toEqual({ key: KEY, endpoint: 'https://api.indexnow.org/indexnow' });
  });

  it('refuses a hub that is not an http(s) URL and a key outside 8–128 letters, digits and dashes', () => {
    for (const env of [{ XABAR_WEBSUB_HUB: 'ftp://hub.example' }, { XABAR_WEBSUB_HUB: 'hub.example' }, { XABAR_INDEXNOW_KEY: 'short' }, { XABAR_INDEXNOW_KEY: 'a'.repeat(129) }, { XABAR_INDEXNOW_KEY: 'abc_def/ghi' }, { XABAR_INDEXNOW_ENDPOINT: 'javascript:alert(1)' }]) {
      const name = Object.keys(env)[0]!;
      expect(() => loadConfig({ ...base, ...env }), name).toThrow(ConfigError);
      try {
        loadConfig({ ...base, ...env });
      } catch (err) {
        expect((err as ConfigError).problems.join('\n')).toContain(name);
      }
    }
  });
});

describe.each(DIALECTS)('WebSub and IndexNow pings on %s', (dialect: DialectName) => {
  const fake = new FakeEndpoints();
  let s: TestSite;
  let admin: ApiClient;
  let sectionId: number;
  let tag: { id: number; slug: string };
  let author: { id: number; slug: string };

  beforeAll(async () => {
    await fake.start();
    s = await makeTestSite(dialect, { now: T0, env: configured(fake) });
    admin = await adminOf(s);
    const sec = await admin.req('POST', '/sections', { slug: 'politics', color: '#1D4E89', names: { ru: 'Политика', uz: 'Siyosat', 'uz-Cyrl': 'Сиёсат', en: 'Politics' } });
    expect(sec.status, sec.body).toBe(201);
    sectionId = sec.json.id;
    const t = await admin.req('POST', '/tags', { name: 'Ташкент', locale: 'ru' });
    expect(t.status, t.body).toBe(201);
    tag = t.json;
    const a = await admin.req('POST', '/authors', { slug: 'ivan-petrov', names: { ru: 'Иван Петров', en: 'Ivan Petrov' } });
    expect(a.status, a.body).toBe(201);
    author = a.json;
  });
  afterAll(async () => {
    await s?.close();
    await fake.close();
  });
  beforeEach(() => fake.reset());
  afterEach(async () => {
    // Every test leaves its jobs finished: nothing it enqueued may leak into the next one.
    await s.c.db.kysely.deleteFrom('outbox').where('topic', 'like', 'ping.%').execute();
  });

  /**
   * Runs the due jobs and says how many ping jobs were claimed (run, or tried and failed): other
   * subscribers to story events (webhooks, Telegram) have jobs in the same outbox.
   */
  async function runPings(): Promise<number> {
    const claims = async () => Number((await s.c.db.kysely.selectFrom('outbox').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('attempts'), eb.val(0)).as('n')).where('topic', 'like', 'ping.%').executeTakeFirstOrThrow()).n);
    const before = await claims();
    await s.c.relay.runDue();
    return (await claims()) - before;
  }

  /** A Russian story with section, tag and author, published; returns the edition as the API gives it. */
  async function published(headline: string) {
    const e = await draft(admin, 'ru', headline, sectionId);
    const saved = await admin.req('PUT', `/editions/${e.id}`, saveBody(e, { tagIds: [tag.id], authorIds: [author.id] }));
    expect(saved.status, saved.body).toBe(200);
    const pub = await admin.req('POST', `/editions/${e.id}/transition`, { to: 'published', from: 'draft' });
    expect(pub.status, pub.body).toBe(200);
    return pub.json;
  }
  const ruFeeds = () => feedsOf('ru', ['section/politics', `tag/${tag.slug}`, `author/${author.slug}`], true);
  const indexNowBody = (urlList: string[]) => ({ host: 'news.example.test', key: KEY, keyLocation: `${SITE}/${KEY}.txt`, urlList });

  it('announces a publication: every changed feed to the hub, one request each, and the article URL to IndexNow', async () => {
    const e = await published('Мост через Чирчик открыт');
    expect(fake.got).toEqual([]); // only through the outbox, never inside the request
    expect(await runPings()).toBe(2);
    expect(fake.hubTopics().sort()).toEqual(ruFeeds());
    expect(fake.indexNowBodies()).toEqual([indexNowBody([`${SITE}/ru/news/${e.slug}`])]);
    const jobs = await pingJobs(s);
    expect(jobs.map((j) => [j.topic, j.attempts, Number(j.done_at) > 0])).toEqual([['ping.websub', 1, true], ['ping.indexnow', 1, true]]);
  });

  it('announces several saves once, after the coalescing window, with the current address and the one it left', async () => {
    let e = await published('Бюджет принят');
    const firstSlug = e.slug;
    await runPings();
    fake.reset();
    for (const headline of ['Бюджет на 2027 год принят', 'Парламент принял бюджет']) {
      const r = await admin.req('PUT', `/editions/${e.id}`, saveBody(e, { headline }));
      expect(r.status, r.body).toBe(200);
      e = r.json;
      s.tick(1000);
    }
    const changed = await admin.req('PUT', `/editions/${e.id}`, saveBody(e, { slug: 'parlament-prinyal-byudzhet' }));
    expect(changed.status, changed.body).toBe(200);
    expect(await runPings()).toBe(0); // the window is still open
    s.tick(UPDATE_COALESCE_MS + 1000);
    expect(await runPings()).toBe(2);
    expect(fake.hubTopics().sort()).toEqual(ruFeeds());
    expect(fake.indexNowBodies()).toEqual([indexNowBody([`${SITE}/ru/news/parlament-prinyal-byudzhet`, `${SITE}/ru/news/${firstSlug}`])]);
    expect((await s.app.inject({ url: `/ru/news/${firstSlug}` })).statusCode).toBe(301);
  });

  it('announces a correction, and an unpublish with the URL that is now gone', async () => {
    const e = await published('Курс валют');
    await runPings();
    fake.reset();
    expect((await admin.req('POST', `/editions/${e.id}/notes`, { kind: 'correction', text: 'Курс доллара указан неверно.' })).status).toBe(200);
    expect(await runPings()).toBe(2);
    expect(fake.hubTopics().sort()).toEqual(ruFeeds());
    expect(fake.indexNowBodies()).toEqual([indexNowBody([`${SITE}/ru/news/${e.slug}`])]);
    fake.reset();
    expect((await admin.req('POST', `/editions/${e.id}/transition`, { to: 'unpublished', from: 'published', reason: 'Ошибка' })).status).toBe(200);
    expect(await runPings()).toBe(2);
    expect(fake.hubTopics().sort()).toEqual(ruFeeds());
    expect(fake.indexNowBodies()).toEqual([indexNowBody([`${SITE}/ru/news/${e.slug}`])]);
    expect((await s.app.inject({ url: `/ru/news/${e.slug}` })).statusCode).toBe(404); // what the engines will find there
  });

  it('reads the edition when the job runs: a publication taken down before its job ran is not announced as published', async () => {
    const e = await draft(admin, 'en', 'Bridge opens', sectionId);
    expect((await admin.req('POST', `/editions/${e.id}/transition`, { to: 'published', from: 'draft' })).status).toBe(200);
    expect((await admin.req('POST', `/editions/${e.id}/transition`, { to: 'unpublished', from: 'published', reason: 'Too early' })).status).toBe(200);
    expect(await runPings()).toBe(4); // published + unpublished, for each of the two
    // One announcement (the unpublish), not two; English has no Yandex feed and this story no tags.
    expect(fake.hubTopics().sort()).toEqual(feedsOf('en', ['section/politics'], false));
    expect(fake.indexNowBodies()).toEqual([indexNowBody([`${SITE}/en/news/${e.slug}`])]);
  });

  it('announces a deleted edition by its locale feeds only: its address and terms went with it', async () => {
    const e = await published('Удалённая заметка');
    await runPings();
    fake.reset();
    const del = await admin.req('DELETE', `/editions/${e.id}`);
    expect(del.status, del.body).toBe(204);
    expect(await runPings()).toBe(2);
    expect(fake.hubTopics().sort()).toEqual(feedsOf('ru', [], true));
    expect(fake.indexNowBodies()).toEqual([]);
    expect((await pingJobs(s)).every((j) => Number(j.done_at) > 0)).toBe(true);
  });

  it('retries a hub that fails, later, until it accepts; IndexNow is not held up by it', async () => {
    fake.answers['/hub'] = [{ status: 500 }];
    await published('Выборы назначены');
    expect(await runPings()).toBe(2);
    expect(fake.hubTopics().length).toBeLessThan(ruFeeds().length); // gave up after the batch with the refusal
    expect(fake.indexNowBodies()).toHaveLength(1);
    const [hubJob, indexJob] = await pingJobs(s);
    expect(hubJob).toMatchObject({ topic: 'ping.websub', attempts: 1, done_at: null });
    expect(hubJob!.last_error).toContain('500');
    expect(Number(hubJob!.run_at)).toBeGreaterThan(s.c.clock());
    expect(Number(indexJob!.done_at)).toBeGreaterThan(0);
    fake.reset();
    expect(await runPings()).toBe(0); // not before its backoff
    s.tick(Number(hubJob!.run_at) - s.c.clock());
    expect(await runPings()).toBe(1);
    expect(fake.hubTopics().sort()).toEqual(ruFeeds());
    expect(fake.indexNowBodies()).toEqual([]);
    expect((await pingJobs(s)).every((j) => Number(j.done_at) > 0)).toBe(true);
  });

  it('does not follow a redirect from the hub: it counts as a failure and is retried', async () => {
    fake.answers['/hub'] = [{ status: 302, headers: { location: `${fake.url}/elsewhere` } }];
    await published('Погода на неделю');
    await runPings();
    expect(new Set(fake.got.map((r) => r.path))).toEqual(new Set(['/hub', '/indexnow'])); // never /elsewhere
    const [hubJob] = await pingJobs(s);
    expect(hubJob).toMatchObject({ topic: 'ping.websub', attempts: 1, done_at: null });
    expect(hubJob!.last_error).toContain('302');
  });

  it('IndexNow: a refused key (403) finishes without retrying; too many requests (429) and 503 are retried', async () => {
    fake.answers['/indexnow'] = [{ status: 403 }];
    await published('Новый закон');
    await runPings();
    let index = (await pingJobs(s)).find((j) => j.topic === 'ping.indexnow')!;
    expect(index.attempts).toBe(1);
    expect(Number(index.done_at)).toBeGreaterThan(0);
    await s.c.db.kysely.deleteFrom('outbox').where('topic', 'like', 'ping.%').execute();

    fake.reset();
    fake.answers['/indexnow'] = [{ status: 429 }, { status: 503 }];
    const e = await published('Ещё один закон');
    await runPings();
    for (let attempt = 1; attempt <= 2; attempt++) {
      index = (await pingJobs(s)).find((j) => j.topic === 'ping.indexnow')!;
      expect(index).toMatchObject({ attempts: attempt, done_at: null });
      s.tick(Number(index.run_at) - s.c.clock());
      await runPings();
    }
    index = (await pingJobs(s)).find((j) => j.topic === 'ping.indexnow')!;
    expect(index.attempts).toBe(3);
    expect(Number(index.done_at)).toBeGreaterThan(0);
    expect(fake.indexNowBodies()).toEqual([1, 2, 3].map(() => indexNowBody([`${SITE}/ru/news/${e.slug}`])));
  });

  it('serves the key file at the site root, and nothing under any other name', async () => {
    const res = await s.app.inject({ url: `/${KEY}.txt` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toBe(KEY);
    expect((await s.app.inject({ url: `/${KEY.replace(/^f/, 'e')}.txt` })).statusCode).toBe(404);
    expect((await s.app.inject({ url: `/ru/${KEY}.txt` })).statusCode).toBe(404);
  });
});

describe('the ping HTTP client', () => {
  let server: http.Server;
  let url = '';
  beforeAll(async () => {
    // Answers with a body that never ends: only a client that stops reading gets an answer.
    server = http.createServer((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const more = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', more);
      };
      more();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('reads only the start of an answer, however long it is', async () => {
    const res = await postPing(url, 'hub.mode=publish', 'application/x-www-form-urlencoded', 3_600_000);
    expect(res.status).toBe(500);
    expect(res.body.length).toBeGreaterThan(0);
    expect(res.body.length).toBeLessThanOrEqual(2048);
  });
});

describe.each(DIALECTS)('pings that must not happen on %s', (dialect: DialectName) => {
  const fake = new FakeEndpoints();
  beforeAll(() => fake.start());
  afterAll(() => fake.close());

  it('sends and enqueues nothing when not configured, and serves no key file', async () => {
    const s = await makeTestSite(dialect, { now: T0 });
    try {
      const admin = await adminOf(s);
      const sec = await admin.req('POST', '/sections', { slug: 'world', color: '#1D4E89', names: { ru: 'Мир', uz: 'Dunyo', 'uz-Cyrl': 'Дунё', en: 'World' } });
      const e = await draft(admin, 'ru', 'Тишина', sec.json.id);
      expect((await admin.req('POST', `/editions/${e.id}/transition`, { to: 'published', from: 'draft' })).status).toBe(200);
      expect(await pingJobs(s)).toEqual([]);
      await s.c.relay.runDue();
      expect(fake.got).toEqual([]);
      expect((await s.app.inject({ url: `/${KEY}.txt` })).statusCode).toBe(404);
    } finally {
      await s.close();
    }
  });

  it('never announces the demo site, which is written without the newsroom', async () => {
    const s = await makeTestSite(dialect, { now: T0, env: configured(fake) });
    try {
      const demo = await seedDemo(s.c, { stories: 2, images: 1 });
      expect(demo.created).toBe(true);
      expect(await pingJobs(s)).toEqual([]);
      await s.c.relay.runDue();
      expect(fake.got).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
