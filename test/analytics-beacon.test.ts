/**
 * Behind a CDN the beacon counts views (src/site/beacon.routes.ts): the page's own referrer comes
 * as `r` (the beacon request's Referer is the article itself) and is reduced like a Referer; the
 * <noscript> pixel without `r` is direct, never "internal"; Sec-GPC withholds it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphsToDoc } from '../src/content/document.js';
import { BROWSER_UA, makeTestSite, type TestSite } from './helpers/site.js';

describe('the CDN beacon records referrer categories', () => {
  let s: TestSite;
  let id: number;
  beforeAll(async () => {
    s = await makeTestSite('sqlite', { env: { XABAR_CDN: 'on' } });
    const created = await s.c.stories.create({ editions: [{ locale: 'ru', headline: 'Новость для маячка', doc: paragraphsToDoc(['Текст.']), status: 'published', publishedAt: new Date(Date.now() - 60_000) }] });
    id = created.editions[0]!.id;
  });
  afterAll(async () => {
    await s?.close();
  });

  it('counts each beacon by the referrer it carries', async () => {
    const page = `https://news.example.test/ru/news/x`;
    const beacon = (ip: string, r: string | null, headers: Record<string, string> = {}) =>
      s.app.inject({ method: 'POST', url: `/v/${id}.gif${r === null ? '' : `?r=${encodeURIComponent(r)}`}`, remoteAddress: ip, headers: { 'user-agent': BROWSER_UA, referer: page, ...headers } });
    expect((await beacon('192.0.2.1', 'https://t.me/channel/5?single')).statusCode).toBe(200);
    expect((await beacon('192.0.2.2', 'https://www.google.ru/')).statusCode).toBe(200);
    expect((await beacon('192.0.2.3', null)).statusCode).toBe(200); // the <noscript> pixel
    expect((await beacon('192.0.2.4', '')).statusCode).toBe(200); // typed in: no referrer
    expect((await beacon('192.0.2.5', 'https://news.example.test/ru/')).statusCode).toBe(200);
    expect((await beacon('192.0.2.6', 'https://t.me/channel/5', { 'sec-gpc': '1' })).statusCode).toBe(200);
    await s.c.views.flush();
    const rows = await s.c.db.kysely.selectFrom('edition_views_sources').select(['source', 'host', 'device', 'views']).where('edition_id', '=', id).orderBy('source').orderBy('host').execute();
    expect(rows.map((r) => [r.source, r.host, r.device, Number(r.views)])).toEqual([
      ['direct', '', 'desktop', 2],
      ['internal', '', 'desktop', 1],
      ['search', 'google.ru', 'desktop', 1],
      ['telegram', 't.me', 'desktop', 1],
      ['withheld', '', 'withheld', 1],
    ]);
  });
});
