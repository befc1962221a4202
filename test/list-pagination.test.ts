/**
 * Uncounted list pagination (docs/decisions/0012-uncounted-list-pagination.md): numbered pages up to
 * MAX_NUMBERED_PAGE, keyset cursors past them, old deep `?page=N` addresses moved to their
 * cursor; every story reachable exactly once by following "older", and "newer" leading back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';
import { generateArchive } from './helpers/archive.js';
import { MAX_NUMBERED_PAGE, PAGE_SIZE } from '../src/site/site.service.js';

const NOW = Date.UTC(2026, 11, 1, 12);
const STORIES = 200;
const SITE = 'https://news.example.test';

describe.each(DIALECTS)('list pagination (%s)', (dialect) => {
  let s: TestSite;
  beforeAll(async () => {
    s = await makeTestSite(dialect, { now: NOW });
    await generateArchive(s.c.db.kysely, NOW, STORIES);
  }, 60_000);
  afterAll(async () => s?.close());

  const get = (url: string) => s.app.inject({ url });
  const link = (body: string, rel: string) => new RegExp(`<link rel="${rel}" href="([^"]+)"`).exec(body)?.[1]?.replace(/&amp;/g, '&');
  const slugs = (body: string) => [...body.matchAll(/<h2 class="card-title">(?:<[^>]+>)*?<a href="\/ru\/news\/(story-\d+)"/g)].map((m) => m[1]!);

  it('reaches every story once by following "older", with canonical, prev and next on every page', async () => {
    let url: string | undefined = '/ru/news';
    const seen: string[] = [];
    let pages = 0;
    while (url) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(link(res.body, 'canonical')).toBe(SITE + url);
      pages++;
      const items = slugs(res.body);
      expect(items.length, url).toBeGreaterThan(0);
      seen.push(...items);
      const prev = link(res.body, 'prev');
      const next = link(res.body, 'next');
      if (pages === 1) expect(prev).toBeUndefined();
      else if (pages <= MAX_NUMBERED_PAGE) expect(prev).toBe(pages === 2 ? `${SITE}/ru/news` : `${SITE}/ru/news?page=${pages - 1}`);
      else expect(prev).toMatch(/\/ru\/news\?after=\d+-\d+$/);
      if (next && pages < MAX_NUMBERED_PAGE) expect(next).toBe(`${SITE}/ru/news?page=${pages + 1}`);
      else if (next) expect(next).toMatch(/\/ru\/news\?before=\d+-\d+$/);
      url = next?.slice(SITE.length);
    }
    expect(seen).toEqual(Array.from({ length: STORIES }, (_, k) => `story-${k}`));
    expect(pages).toBe(Math.ceil(STORIES / PAGE_SIZE));
  });

  it('goes back with "newer": from the first cursor page to page 10, and from near the top to page 1', async () => {
    const ten = await get(`/ru/news?page=${MAX_NUMBERED_PAGE}`);
    const firstCursor = link(ten.body, 'next')!.slice(SITE.length);
    const cursorPage = await get(firstCursor);
    const newer = link(cursorPage.body, 'prev')!.slice(SITE.length);
    const back = await get(newer);
    expect(back.statusCode).toBe(200);
    expect(slugs(back.body)).toEqual(slugs(ten.body));
    expect(link(back.body, 'canonical')).toBe(SITE + newer);
    // Newer than the second story (published 11 minutes before now): one story, so page 1.
    const top = await get(`/ru/news?after=${NOW - 60_000 - 600_000}-999999`);
    expect(top.statusCode).toBe(302);
    expect(top.headers.location).toBe('/ru/news');
  });

  it('moves an old deep ?page=N to the cursor that shows the same stories, and refuses bad positions', async () => {
    const res = await get('/ru/news?page=12');
    expect(res.statusCode).toBe(301);
    const page = await get(res.headers.location as string);
    expect(slugs(page.body)[0]).toBe(`story-${11 * PAGE_SIZE}`);
    expect((await get('/ru/news?page=9999')).statusCode).toBe(404);
    expect((await get('/ru/news?before=1-1')).statusCode).toBe(404);
    for (const q of ['before=abc', 'before=123', 'after=1-0', 'before=1-1&after=1-1', 'before=1-1&page=2', 'before=1-1&before=2-2']) {
      const bad = await get(`/ru/news?${q}`);
      expect(bad.statusCode, q).toBe(400);
    }
    // Section and author lists (33 and 17 stories here) page the same way.
    for (const base of ['/ru/section/sec1', '/ru/author/author2']) {
      const first = await get(base);
      expect(first.statusCode, base).toBe(200);
      expect(link(first.body, 'next'), base).toBe(`${SITE}${base}?page=2`);
    }
    // An author's list (read from the author's own rows) in the feed's order, split at 15.
    const mine = Array.from({ length: STORIES }, (_, k) => k).filter((k) => k % 12 === 2).map((k) => `story-${k}`);
    const one = await get('/ru/author/author2');
    const two = await get('/ru/author/author2?page=2');
    expect([...slugs(one.body), ...slugs(two.body)]).toEqual(mine);
    expect(slugs(one.body)).toHaveLength(PAGE_SIZE);
    expect(link(two.body, 'next')).toBeUndefined();
    // A tag's third page, by offset within its own rows.
    const wide = Array.from({ length: STORIES }, (_, k) => k).filter((k) => k % 2 === 0).map((k) => `story-${k}`);
    expect(slugs((await get('/ru/tag/wide?page=3')).body)).toEqual(wide.slice(30, 45));
  });
});
