/**
 * Counts shown equal counts sent: a known mix of readers, bots, repeats, Do Not Track, referrers
 * and devices is sent to article pages over simulated hours and days through the real HTTP layer;
 * every number of the dashboard API (live windows and sparkline, the story's hourly/daily series
 * per edition, referrers, hosts, devices, top lists, totals and their CSV) is then checked. Role
 * visibility is checked on the same data; both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ViewCounter } from '../src/analytics/view-counter.js';
import { paragraphsToDoc } from '../src/content/document.js';
import { LOCALE_INFO, type Locale } from '../src/i18n/locales.js';
import { ApiClient } from './helpers/client.js';
import { makeNewsroom, type Newsroom } from './helpers/editorial.js';
import { BOT_UA, DIALECTS } from './helpers/site.js';

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const DESKTOP = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const TABLET = 'Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const MIN = 60_000;
const HOUR = 3_600_000;
// Tuesday 1 December 2026, 12:00 in Tashkent (07:00 UTC).
const T0 = Date.UTC(2026, 11, 1, 7, 0, 0);

describe.each(DIALECTS)('analytics dashboard on %s', (dialect) => {
  let n: Newsroom;
  let now = T0;
  const ids = { aRu: 0, aEn: 0, b: 0, c: 0, storyA: 0, storyB: 0 };
  const slugs: Record<string, { locale: Locale; slug: string }> = {};
  let bylineId = 0;
  let contributor: ApiClient;

  const at = (t: number) => {
    n.s.tick(t - now);
    now = t;
  };
  const read = async (edition: keyof typeof ids, ip: string, ua: string, headers: Record<string, string> = {}) => {
    const { locale, slug } = slugs[edition]!;
    const r = await n.s.app.inject({ url: `/${LOCALE_INFO[locale].prefix}/news/${slug}`, remoteAddress: ip, headers: { 'user-agent': ua, ...headers } });
    expect(r.statusCode).toBe(200);
  };
  const range = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}.${from + i}`);

  beforeAll(async () => {
    n = await makeNewsroom(dialect, T0, { XABAR_TIME_ZONE: 'Asia/Tashkent' });
    contributor = n.contributor;
    const k = n.s.c.db.kysely;
    const users = new Map((await k.selectFrom('users').select(['id', 'role']).execute()).map((u) => [u.role, u.id]));
    bylineId = (await k.insertInto('authors').values({ slug: 'byline-x', created_at: T0 } as never).returning('id').executeTakeFirstOrThrow()).id;
    await k.insertInto('author_names').values({ author_id: bylineId, locale: 'ru', name: 'Автор Икс', bio: '' }).execute();
    const story = async (sectionId: number, owner: number, publishedAt: number, editions: { locale: Locale; headline: string }[], authorIds: number[] = []) => {
      const created = await n.s.c.stories.create({ sectionId, authorIds, editions: editions.map((e) => ({ ...e, doc: paragraphsToDoc(['Текст.']), status: 'published' as const, publishedAt: new Date(publishedAt) })) });
      await k.updateTable('stories').set({ created_by: owner }).where('id', '=', created.storyId).execute();
      return created;
    };
    const a = await story(n.sectionId, users.get('author')!, T0 - 10 * MIN, [{ locale: 'ru', headline: 'Материал А' }, { locale: 'en', headline: 'Story A' }], [bylineId]);
    const b = await story(n.otherSectionId, users.get('editor')!, T0 - 10 * MIN, [{ locale: 'ru', headline: 'Материал Б' }]);
    const c = await story(n.sectionId, users.get('contributor')!, T0 - 3 * 24 * HOUR, [{ locale: 'uz', headline: 'Maqola V' }]);
    ids.storyA = a.storyId;
    ids.storyB = b.storyId;
    for (const [name, e] of [['aRu', a.editions[0]!], ['aEn', a.editions[1]!], ['b', b.editions[0]!], ['c', c.editions[0]!]] as const) {
      ids[name] = e.id;
      slugs[name] = { locale: e.locale, slug: e.slug };
    }

    // 12:01 Tashkent: A-ru 5 readers from Telegram on phones, 3 from Google on desktops; 2 bots and
    // 3 repeats that must not count. A-en 2 tablets, direct. B 3 from our own pages, 1 with DNT
    // (counted, facts withheld). C 1 phone from kun.uz.
    at(T0 + MIN);
    for (const ip of range('10.1.0', 1, 5)) await read('aRu', ip, IPHONE, { referer: 'https://t.me/xabar/1' });
    for (const ip of range('10.1.0', 6, 8)) await read('aRu', ip, DESKTOP, { referer: 'https://www.google.com/search?q=secret' });
    for (const ip of range('10.1.9', 1, 2)) await read('aRu', ip, BOT_UA, { referer: 'https://t.me/xabar/1' });
    for (const ip of range('10.1.0', 1, 3)) await read('aRu', ip, IPHONE, { referer: 'https://t.me/xabar/1' });
    for (const ip of range('10.2.0', 1, 2)) await read('aEn', ip, TABLET);
    for (const ip of range('10.3.0', 1, 3)) await read('b', ip, DESKTOP, { referer: 'https://news.example.test/ru' });
    await read('b', '10.3.0.4', DESKTOP, { referer: 'https://kun.uz/x', dnt: '1' });
    await read('c', '10.4.0.1', IPHONE, { referer: 'https://kun.uz/news/1?utm_source=x' });
    await n.s.c.views.flush();
    // 12:50: two of the Telegram readers come back after the 30-minute window: they count again.
    at(T0 + 50 * MIN);
    for (const ip of range('10.1.0', 1, 2)) await read('aRu', ip, IPHONE, { referer: 'https://t.me/xabar/1' });
    // 13:30: four desktop readers from kun.uz.
    at(T0 + 90 * MIN);
    for (const ip of range('10.5.0', 1, 4)) await read('aRu', ip, DESKTOP, { referer: 'https://kun.uz/a' });
    await n.s.c.views.flush();
  }, 120_000);
  afterAll(async () => {
    await n?.s.close();
  });

  it('shows the live desk view as sent (13:30 on the first day)', async () => {
    const live = await n.editor.req('GET', '/analytics/live');
    expect(live.status, live.body).toBe(200);
    expect(live.headers['cache-control']).toBe('no-store');
    const j = live.json;
    // Last 5 minutes: the four kun.uz readers; last hour (12:31–13:30): 2 + 4; last 24 hours: all.
    expect(j.windows.m5).toEqual({ site: 4, locales: { ru: 4, uz: 0, 'uz-Cyrl': 0, en: 0 } });
    expect(j.windows.h1).toEqual({ site: 6, locales: { ru: 6, uz: 0, 'uz-Cyrl': 0, en: 0 } });
    expect(j.windows.d1).toEqual({ site: 21, locales: { ru: 18, uz: 1, 'uz-Cyrl': 0, en: 2 } });
    expect(j.sparkline.site).toHaveLength(60);
    expect(j.sparkline.site.reduce((a: number, b: number) => a + b, 0)).toBe(6);
    expect(j.sparkline.site[59]).toBe(4); // 13:30, the minute under way
    expect(j.sparkline.site[19]).toBe(2); // 12:50
    expect(j.sparkline.locales.ru[59]).toBe(4);
    expect(j.stories).toEqual([
      { editionId: ids.aRu, storyId: ids.storyA, locale: 'ru', headline: 'Материал А', publishedAt: new Date(T0 - 10 * MIN).toISOString(), lastHour: 6, prevHour: 8, typical: 0, trend: 'steady' },
    ]);
  });

  it('shows each story as sent, per edition, per hour and day, by referrer and device', async () => {
    // The next day, 12:00 Tashkent: three readers from the Telegram app.
    at(T0 + 24 * HOUR);
    for (const ip of range('10.6.0', 1, 3)) await read('aRu', ip, IPHONE, { referer: 'android-app://org.telegram.messenger' });
    await n.s.c.views.flush();
    const r = await n.editor.req('GET', `/analytics/stories/${ids.aEn}`);
    expect(r.status, r.body).toBe(200);
    const s = r.json;
    expect(s.editions.map((e: any) => [e.id, e.locale, e.views])).toEqual([[ids.aEn, 'en', 2], [ids.aRu, 'ru', 17]]);
    expect(s.total).toBe(19);
    // Hour 0 is 11:00–12:00 Tashkent (published 11:50), hour 1 has the first readers, hour 25 is now.
    expect(s.hourly.hours).toHaveLength(26);
    expect(s.hourly.hours[0]).toBe(new Date(T0 - HOUR).toISOString());
    const hourly = (arr: number[]) => Object.fromEntries(arr.map((v, i) => [i, v]).filter(([, v]) => v));
    expect(hourly(s.hourly.total)).toEqual({ 1: 12, 2: 4, 25: 3 });
    expect(hourly(s.hourly.series[ids.aRu])).toEqual({ 1: 10, 2: 4, 25: 3 });
    expect(hourly(s.hourly.series[ids.aEn])).toEqual({ 1: 2 });
    expect(s.hourly.sectionMedian).toEqual(Array(26).fill(0)); // story C: published three days before, no views in its first hours
    expect(s.daily.days).toEqual(['2026-12-01', '2026-12-02']);
    expect(s.daily.total).toEqual([16, 3]);
    expect(s.daily.series[ids.aRu]).toEqual([14, 3]);
    expect(s.daily.series[ids.aEn]).toEqual([2, 0]);
    expect(s.daily.sectionMedian).toEqual([0, 0]);
    expect(s.sources).toEqual([
      { source: 'search', views: 3 }, { source: 'telegram', views: 10 }, { source: 'social', views: 0 }, { source: 'other', views: 4 },
      { source: 'internal', views: 0 }, { source: 'direct', views: 2 }, { source: 'withheld', views: 0 },
    ]);
    expect(s.hosts).toEqual([
      { source: 'telegram', host: 't.me', views: 7 },
      { source: 'other', host: 'kun.uz', views: 4 },
      { source: 'search', host: 'google.com', views: 3 },
      { source: 'telegram', host: 'org.telegram.messenger', views: 3 },
    ]);
    expect(s.devices).toEqual([{ device: 'mobile', views: 10 }, { device: 'tablet', views: 2 }, { device: 'desktop', views: 7 }, { device: 'withheld', views: 0 }]);

    const b = (await n.editor.req('GET', `/analytics/stories/${ids.b}`)).json;
    expect(b.sources.filter((x: any) => x.views)).toEqual([{ source: 'internal', views: 3 }, { source: 'withheld', views: 1 }]);
    expect(b.hosts).toEqual([]); // the DNT reader's kun.uz is not kept
    // Live, the next day: the last hour has the three app readers; the last 24 hours start at 13:00 yesterday.
    const live = (await n.editor.req('GET', '/analytics/live')).json;
    expect(live.windows.h1.site).toBe(3);
    expect(live.windows.d1).toEqual({ site: 7, locales: { ru: 7, uz: 0, 'uz-Cyrl': 0, en: 0 } });
    // Nothing about readers but categories and counts is stored.
    const stored = await n.s.c.db.kysely.selectFrom('edition_views_sources').selectAll().execute();
    expect(JSON.stringify(stored)).not.toMatch(/secret|utm_source|xabar\/1|Mozilla|10\.\d+\.\d+\.\d+/);
  });

  it('ranks the top stories of a day, week and month, and filters them', async () => {
    const top = async (q: string, c: ApiClient = n.editor) => {
      const r = await c.req('GET', `/analytics/top?${q}`);
      expect(r.status, r.body).toBe(200);
      return r.json.rows.map((x: any) => [x.editionId, x.views]);
    };
    expect(await top('period=day&date=2026-12-01')).toEqual([[ids.aRu, 14], [ids.b, 4], [ids.aEn, 2], [ids.c, 1]]);
    expect(await top('period=day&date=2026-12-02')).toEqual([[ids.aRu, 3]]);
    expect(await top('period=day')).toEqual([[ids.aRu, 3]]); // today in the site's zone
    expect(await top('period=week&date=2026-12-03')).toEqual([[ids.aRu, 17], [ids.b, 4], [ids.aEn, 2], [ids.c, 1]]);
    expect(await top('period=month&date=2026-12-31&limit=2')).toEqual([[ids.aRu, 17], [ids.b, 4]]);
    expect(await top('period=month&date=2026-11-30')).toEqual([]);
    expect(await top('period=week&date=2026-12-01&locale=en')).toEqual([[ids.aEn, 2]]);
    expect(await top(`period=week&date=2026-12-01&section=${n.otherSectionId}`)).toEqual([[ids.b, 4]]);
    expect(await top(`period=week&date=2026-12-01&author=${bylineId}`)).toEqual([[ids.aRu, 17], [ids.aEn, 2]]);
    const csv = await n.editor.req('GET', '/analytics/top?period=day&date=2026-12-01&format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="top-2026-12-01-2026-12-01.csv"');
    expect(csv.body.split('\r\n').slice(0, 3)).toEqual([
      '\ufeffrank,edition_id,story_id,locale,headline,published_at,views',
      `1,${ids.aRu},${ids.storyA},ru,Материал А,${new Date(T0 - 10 * MIN).toISOString()},14`,
      `2,${ids.b},${ids.storyB},ru,Материал Б,${new Date(T0 - 10 * MIN).toISOString()},4`,
    ]);
  });

  it('totals per locale, section and author over days, as JSON and CSV', async () => {
    const totals = async (q: string) => {
      const r = await n.editor.req('GET', `/analytics/totals?from=2026-12-01&to=2026-12-02&${q}`);
      expect(r.status, r.body).toBe(200);
      return r.json;
    };
    const loc = await totals('by=locale');
    expect(loc.days).toEqual(['2026-12-01', '2026-12-02']);
    expect(loc.groups.map((g: any) => [g.key, g.series, g.total])).toEqual([['ru', [18, 3], 21], ['en', [2, 0], 2], ['uz', [1, 0], 1]]);
    const sec = await totals('by=section');
    expect(sec.groups.map((g: any) => [Number(g.key), g.series, g.names.en])).toEqual([[n.sectionId, [17, 3], 'Politics'], [n.otherSectionId, [4, 0], 'Sport']]);
    const aut = await totals('by=author');
    expect(aut.groups.map((g: any) => [Number(g.key), g.series, g.names.ru])).toEqual([[bylineId, [16, 3], 'Автор Икс']]);
    const csv = await n.editor.req('GET', '/analytics/totals?from=2026-12-01&to=2026-12-02&by=section&format=csv&lang=en');
    expect(csv.body).toBe(`\ufeffday,section,name,views\r\n2026-12-01,${n.sectionId},Politics,17\r\n2026-12-02,${n.sectionId},Politics,3\r\n2026-12-01,${n.otherSectionId},Sport,4\r\n2026-12-02,${n.otherSectionId},Sport,0\r\n`);
  });

  it('refuses bad report ranges with 422 and a field, and strangers with 401', async () => {
    const back = await n.editor.req('GET', '/analytics/totals?by=section&from=2026-12-02&to=2026-12-01');
    expect(back.status).toBe(422);
    expect(back.json.error.details.fields[0]).toMatchObject({ field: 'to', key: 'analytics.range_order' });
    const long = await n.editor.req('GET', '/analytics/totals?by=section&from=2025-01-01&to=2026-12-01');
    expect(long.status).toBe(422);
    expect(long.json.error.details.fields[0]).toMatchObject({ field: 'to', key: 'analytics.range_too_long' });
    expect((await n.editor.req('GET', '/analytics/top?date=2026-02-30')).status).toBe(422);
    expect((await n.editor.req('GET', '/analytics/top?period=year')).status).toBe(422);
    expect((await n.editor.req('GET', '/analytics/top?limit=101')).status).toBe(422);
    expect((await n.editor.req('GET', '/analytics/stories/abc')).status).toBe(404);
    expect((await new ApiClient(n.s.app, '10.9.9.9').req('GET', '/analytics/live')).status).toBe(401);
  });

  it('shows authors and contributors their own stories only; editors and admins everything', async () => {
    const see = async (c: ApiClient) => ({
      live: (await c.req('GET', '/analytics/live')).json.windows.d1.site,
      top: (await c.req('GET', '/analytics/top?period=week&date=2026-12-01')).json.rows.map((x: any) => x.editionId),
      stories: await Promise.all([ids.aRu, ids.b, ids.c].map(async (id) => (await c.req('GET', `/analytics/stories/${id}`)).status)),
      sections: (await c.req('GET', '/analytics/totals?by=section&from=2026-12-01&to=2026-12-02')).json.groups.map((g: any) => g.total),
    });
    expect(await see(n.admin)).toEqual({ live: 7, top: [ids.aRu, ids.b, ids.aEn, ids.c], stories: [200, 200, 200], sections: [20, 4] });
    expect(await see(n.editor)).toEqual({ live: 7, top: [ids.aRu, ids.b, ids.aEn, ids.c], stories: [200, 200, 200], sections: [20, 4] });
    expect(await see(n.author)).toEqual({ live: 7, top: [ids.aRu, ids.aEn], stories: [200, 404, 404], sections: [19] });
    expect(await see(contributor)).toEqual({ live: 0, top: [ids.c], stories: [404, 404, 200], sections: [1] });
    const mine = (await n.author.req('GET', '/analytics/live')).json;
    expect(mine.stories.map((x: any) => x.editionId)).toEqual([ids.aRu]);
  });

  it('adds up the counts of several nodes', async () => {
    const k = n.s.c.db.kysely;
    const other = new ViewCounter({ db: k, dialect: n.s.c.dialect, timeZone: () => 'Asia/Tashkent', flushMs: 60_000, clock: () => now, siteHost: 'news.example.test' });
    const before = await k.selectFrom('edition_views_minutely').select('views').where('edition_id', '=', ids.b).where('minute', '=', Math.floor(now / MIN) * MIN).executeTakeFirst();
    expect(before).toBeUndefined();
    await other.record(ids.b, '10.7.0.1', IPHONE, { referer: 'https://t.me/x' });
    await other.record(ids.b, '10.7.0.2', IPHONE, { referer: 'https://t.me/x' });
    await read('b', '10.7.0.3', IPHONE, { referer: 'https://t.me/x' });
    await Promise.all([other.flush(), n.s.c.views.flush()]);
    const minute = await k.selectFrom('edition_views_minutely').select('views').where('edition_id', '=', ids.b).where('minute', '=', Math.floor(now / MIN) * MIN).executeTakeFirstOrThrow();
    expect(Number(minute.views)).toBe(3);
    const src = await k.selectFrom('edition_views_sources').select('views').where('edition_id', '=', ids.b).where('day', '=', '2026-12-02').where('source', '=', 'telegram').executeTakeFirstOrThrow();
    expect(Number(src.views)).toBe(3);
    // The live view is a snapshot at most 5 s old: past it, the new views show.
    at(now + 6_000);
    expect((await n.editor.req('GET', '/analytics/live')).json.windows.h1.site).toBe(6);
  });

  it('adds up four nodes flushing the same counters at once, round after round', async () => {
    const k = n.s.c.db.kysely;
    const nodes = Array.from({ length: 4 }, () => new ViewCounter({ db: k, dialect: n.s.c.dialect, timeZone: () => 'Asia/Tashkent', flushMs: 60_000, clock: () => now, siteHost: 'news.example.test' }));
    const sum = async () => {
      const [m, src, h, d, t] = await Promise.all([
        k.selectFrom('edition_views_minutely').select((eb) => eb.fn.sum<number>('views').as('v')).executeTakeFirstOrThrow(),
        k.selectFrom('edition_views_sources').select((eb) => eb.fn.sum<number>('views').as('v')).executeTakeFirstOrThrow(),
        k.selectFrom('edition_views_hourly').select((eb) => eb.fn.sum<number>('views').as('v')).executeTakeFirstOrThrow(),
        k.selectFrom('edition_views_daily').select((eb) => eb.fn.sum<number>('views').as('v')).executeTakeFirstOrThrow(),
        k.selectFrom('editions').select((eb) => eb.fn.sum<number>('views_total').as('v')).executeTakeFirstOrThrow(),
      ]);
      return [m, src, h, d, t].map((r) => Number(r.v ?? 0));
    };
    const before = await sum();
    const editions = [ids.aRu, ids.aEn, ids.b, ids.c];
    const referers = ['https://t.me/x', 'https://www.google.com/', 'https://kun.uz/', ''];
    let sent = 0;
    for (let round = 0; round < 3; round++) {
      // Every node counts views of every edition with every referrer, then all flush together:
      // the same counter rows are upserted concurrently (sorted, so no deadlock on PostgreSQL).
      await Promise.all(nodes.map(async (node, j) => {
        for (let v = 0; v < 20; v++) {
          await node.record(editions[v % 4]!, `10.8.${round * 4 + j}.${v}`, v % 2 ? IPHONE : DESKTOP, { referer: referers[v % 4] });
          sent++;
        }
      }));
      await Promise.all(nodes.map((node) => node.flush()));
      at(now + 20 * MIN);
    }
    const after = await sum();
    // The minutely counters lost nothing either: these rounds are within the 3 hours they keep.
    expect(after.map((v, j) => v - before[j]!)).toEqual([sent, sent, sent, sent, sent]);
    expect(sent).toBe(240);
  });
});
