/**
 * View counting through the real HTTP layer: a script rotating user agents from one address
 * counts as at most 10 readers of a story per 30 minutes; ten readers on ten addresses count ten.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphsToDoc } from '../src/content/document.js';
import { BROWSER_UA, makeTestSite, type TestSite } from './helpers/site.js';

describe('view counting abuse limits', () => {
  let s: TestSite;
  let path: string;
  let editionId: number;
  beforeAll(async () => {
    s = await makeTestSite('sqlite');
    await s.c.stories.create({ editions: [{ locale: 'ru', headline: 'Новость для счётчика просмотров', doc: paragraphsToDoc(['Текст.']), status: 'published', publishedAt: new Date(Date.now() - 60_000) }] });
    const row = await s.c.db.kysely.selectFrom('editions').select(['id', 'slug']).executeTakeFirstOrThrow();
    path = `/ru/news/${row.slug}`;
    editionId = row.id;
  });
  afterAll(async () => {
    await s?.close();
  });

  const views = async () => {
    await s.c.views.flush();
    const r = await s.c.db.kysely.selectFrom('editions').select('views_total').where('id', '=', editionId).executeTakeFirstOrThrow();
    return Number(r.views_total);
  };

  it('counts 200 requests with random user agents from one address as 10 views', async () => {
    for (let i = 0; i < 200; i++) {
      const ua = `${BROWSER_UA} ${crypto.randomBytes(6).toString('hex')}`;
      expect((await s.app.inject({ url: path, headers: { 'user-agent': ua }, remoteAddress: '203.0.113.9' })).statusCode).toBe(200);
    }
    expect(await views()).toBe(10);
  });

  it('counts 10 readers on 10 addresses as 10 views', async () => {
    for (let i = 0; i < 10; i++) await s.app.inject({ url: path, headers: { 'user-agent': BROWSER_UA }, remoteAddress: `198.51.100.${i + 1}` });
    expect(await views()).toBe(20);
  });
});
