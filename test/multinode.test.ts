/**
 * Several nodes: a purge on one node reaches the page cache of the others through real Redis
 * pub/sub (REDIS_URL; the suite uses XABAR_TEST_REDIS, set by .ci/run, or the local default).
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphsToDoc } from '../src/content/document.js';
import { makeTestSite, type TestSite } from './helpers/site.js';

const REDIS = process.env.XABAR_TEST_REDIS ?? 'redis://127.0.0.1:6379';

describe('two nodes sharing Redis', () => {
  let a: TestSite;
  let b: TestSite;
  beforeAll(async () => {
    const purgeChannel = `xabar:test:${crypto.randomBytes(4).toString('hex')}`;
    a = await makeTestSite('sqlite', { env: { REDIS_URL: REDIS }, purgeChannel });
    b = await makeTestSite('sqlite', { env: { REDIS_URL: REDIS }, purgeChannel });
    for (const s of [a, b]) {
      await s.c.stories.create({ editions: [{ locale: 'ru', headline: 'Новость для проверки кэша', doc: paragraphsToDoc(['Текст.']), status: 'published', publishedAt: new Date(Date.now() - 60_000) }] });
    }
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('drops the other node’s cached page when one node purges', async () => {
    expect((await b.app.inject('/ru/')).statusCode).toBe(200);
    expect(b.c.pageCache!.get('/ru/')).toBeDefined();
    a.c.purge('ru', 1);
    const deadline = Date.now() + 5000;
    while (b.c.pageCache!.get('/ru/') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(b.c.pageCache!.get('/ru/')).toBeUndefined();
  });

  it('clears every page on every node when settings change', async () => {
    await b.app.inject('/ru/news');
    expect(b.c.pageCache!.size).toBeGreaterThan(0);
    a.c.purgeAll();
    const deadline = Date.now() + 5000;
    while (b.c.pageCache!.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(b.c.pageCache!.size).toBe(0);
  });

  it('refuses to start with an unreachable Redis, saying which', async () => {
    await expect(makeTestSite('sqlite', { env: { REDIS_URL: 'redis://127.0.0.1:1' } })).rejects.toThrow(/Cannot connect to Redis at redis:\/\/127\.0\.0\.1:1/);
  });
});
