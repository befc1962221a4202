/**
 * The dashboard of a site served by two nodes (one PostgreSQL schema, one Redis): readers on both
 * nodes, with their referrers and devices, add up in every number the API shows; a reader who
 * repeats on the other node within 30 minutes adds nothing, to the counts or to the breakdowns.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphsToDoc } from '../src/content/document.js';
import { openDb } from '../src/db/connect.js';
import { ApiClient } from './helpers/client.js';
import { BROWSER_UA, makeTestSite, type TestSite } from './helpers/site.js';

const PG = process.env.XABAR_TEST_PG;
const REDIS = process.env.XABAR_TEST_REDIS ?? 'redis://127.0.0.1:6379';
const PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

describe.skipIf(!PG)('analytics on two nodes with one PostgreSQL and one Redis', () => {
  const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
  let a: TestSite;
  let b: TestSite;
  let id: number;
  let slug: string;
  beforeAll(async () => {
    const admin = await openDb({ dialect: 'postgres', url: PG! });
    await sql.raw(`create schema ${schema}`).execute(admin.kysely);
    await admin.close();
    const env = { REDIS_URL: REDIS, REDIS_PREFIX: `xabar:analytics:${crypto.randomBytes(4).toString('hex')}:` };
    const now = Date.now();
    a = await makeTestSite('postgres', { env, pgSchema: schema, now });
    b = await makeTestSite('postgres', { env, pgSchema: schema, now });
    const story = await a.c.stories.create({ editions: [{ locale: 'ru', headline: 'Читают на двух узлах', doc: paragraphsToDoc(['Текст.']), status: 'published', publishedAt: new Date(now - 60_000) }] });
    id = story.editions[0]!.id;
    slug = story.editions[0]!.slug;
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    const admin = await openDb({ dialect: 'postgres', url: PG! });
    await sql.raw(`drop schema if exists ${schema} cascade`).execute(admin.kysely);
    await admin.close();
  });

  it('adds both nodes up in the live view and the breakdowns, and counts a cross-node repeat nowhere', async () => {
    const read = (node: TestSite, ip: string, ua: string, referer: string) => node.app.inject({ url: `/ru/news/${slug}`, headers: { 'user-agent': ua, referer }, remoteAddress: ip });
    for (let i = 1; i <= 4; i++) expect((await read(a, `198.51.100.${i}`, PHONE, 'https://t.me/c/1')).statusCode).toBe(200);
    for (let i = 1; i <= 3; i++) expect((await read(b, `203.0.113.${i}`, BROWSER_UA, 'https://www.google.com/')).statusCode).toBe(200);
    // The same readers on the other node: repeats.
    for (let i = 1; i <= 4; i++) await read(b, `198.51.100.${i}`, PHONE, 'https://t.me/c/1');
    for (let i = 1; i <= 3; i++) await read(a, `203.0.113.${i}`, BROWSER_UA, 'https://www.google.com/');
    await Promise.all([a.c.views.flush(), b.c.views.flush()]);
    const editor = new ApiClient(a.app);
    await editor.session();
    expect((await editor.req('POST', '/setup', { email: 'admin@example.uz', name: 'Admin', password: 'correct horse battery' })).status).toBe(201);
    const live = (await editor.req('GET', '/analytics/live')).json;
    expect(live.windows.m5).toEqual({ site: 7, locales: { ru: 7, uz: 0, 'uz-Cyrl': 0, en: 0 } });
    expect(live.stories.map((s: any) => [s.editionId, s.lastHour])).toEqual([[id, 7]]);
    const story = (await editor.req('GET', `/analytics/stories/${id}`)).json;
    expect(story.total).toBe(7);
    expect(story.sources.filter((x: any) => x.views)).toEqual([{ source: 'search', views: 3 }, { source: 'telegram', views: 4 }]);
    expect(story.devices.filter((x: any) => x.views)).toEqual([{ device: 'mobile', views: 4 }, { device: 'desktop', views: 3 }]);
  });
});
