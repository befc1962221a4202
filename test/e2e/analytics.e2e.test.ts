/**
 * The analytics dashboard in Debian's headless Chromium: readers (phone, tablet and desktop agents,
 * Telegram/Google/other referrers, a bot, a repeat) go through the view counter and are flushed;
 * earlier hours are written as the flush writes them (test/analytics.test.ts proves the counting
 * itself over HTTP on both databases). The
 * the live view shows the API's numbers in the interface's language; the chart's table view and
 * keyboard cursor work; a story's page shows its referrers and devices; reports show top stories
 * and totals with a CSV export. axe-core finds no serious or critical problem. With
 * XABAR_SCREENSHOTS=<dir>, screenshots at 1280 and 390 px.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphsToDoc } from '../../src/content/document.js';
import { dayKey } from '../../src/i18n/dates.js';
import { Api, AXE_SOURCE, HAVE_BROWSER, PW, TEST_TIMEOUT, buildAdminAndLaunch, runCleanups, startSite, type Site } from './browser.js';

const SHOTS = process.env.XABAR_SCREENSHOTS;
const HOUR = 3_600_000;
const UA = {
  phone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  desktop: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  tablet: 'Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  bot: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
};
let browser: Browser;
const cleanups: (() => Promise<unknown>)[] = [];

async function axeProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: Document, o: object): Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, resultTypes: ['violations'] }),
  )) as { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

describe.skipIf(!HAVE_BROWSER)('the analytics dashboard in the browser', () => {
  let site: Site;
  let admin: Api;
  const ed: Record<'water' | 'waterEn' | 'metro', number> = { water: 0, waterEn: 0, metro: 0 };

  async function context(lang: string, width = 1280): Promise<BrowserContext> {
    const ctx = await browser.newContext({ locale: 'en-US', viewport: { width, height: 900 }, storageState: await admin.ctx.storageState(), bypassCSP: true, reducedMotion: 'reduce' });
    await ctx.addInitScript((l) => localStorage.setItem('xabar.admin.lang', l), lang);
    cleanups.push(() => ctx.close());
    return ctx;
  }

  beforeAll(async () => {
    browser = await buildAdminAndLaunch();
    site = await startSite({ XABAR_TIME_ZONE: 'Asia/Tashkent' });
    admin = await Api.open(site.url);
    expect((await admin.call('POST', '/setup', { email: 'admin@example.uz', name: 'Бош муҳаррир', password: PW })).status).toBe(201);
    const section = (await admin.call('POST', '/sections', { slug: 'jamiyat', color: '#1D4E89', position: 1, names: { uz: 'Jamiyat', 'uz-Cyrl': 'Жамият', ru: 'Общество', en: 'Society' } })).json.id;
    const now = Date.now();
    const c = site.s.c;
    const water = await c.stories.create({ sectionId: section, editions: [
      { locale: 'ru', headline: 'В Ташкенте отключат воду в трёх районах', doc: paragraphsToDoc(['Текст.']), status: 'published', publishedAt: new Date(now - 5 * HOUR) },
      { locale: 'en', headline: 'Water to be cut off in three Tashkent districts', doc: paragraphsToDoc(['Text.']), status: 'published', publishedAt: new Date(now - 5 * HOUR) },
    ] });
    const metro = await c.stories.create({ sectionId: section, editions: [{ locale: 'uz', headline: 'Metro yangi bekatlari ochildi', doc: paragraphsToDoc(['Matn.']), status: 'published', publishedAt: new Date(now - 50 * HOUR) }] });
    ed.water = water.editions[0]!.id;
    ed.waterEn = water.editions[1]!.id;
    ed.metro = metro.editions[0]!.id;
    // Earlier hours and days, as the flush would have written them (the counts the charts draw).
    const hour0 = Math.floor((now - 5 * HOUR) / HOUR) * HOUR;
    const k = c.db.kysely;
    await k.insertInto('edition_views_hourly').values([0, 1, 2, 3, 4].flatMap((h) => [
      { edition_id: ed.water, hour: hour0 + h * HOUR, views: [420, 1310, 980, 610, 330][h]! },
      { edition_id: ed.waterEn, hour: hour0 + h * HOUR, views: [40, 95, 70, 52, 20][h]! },
    ])).execute();
    // All on today's site day, so the reports' default (today) has them whatever the hour.
    const day = dayKey(new Date(now), 'Asia/Tashkent');
    await k.insertInto('edition_views_daily').values({ edition_id: ed.water, day, views: 3650 }).execute();
    await k.insertInto('edition_views_daily').values({ edition_id: ed.waterEn, day, views: 277 }).execute();
    await k.insertInto('edition_views_sources').values([
      { edition_id: ed.water, day, source: 'telegram', host: 't.me', device: 'mobile', views: 1800 },
      { edition_id: ed.water, day, source: 'search', host: 'google.com', device: 'desktop', views: 900 },
      { edition_id: ed.water, day, source: 'social', host: 'facebook.com', device: 'mobile', views: 350 },
      { edition_id: ed.water, day, source: 'direct', host: '', device: 'tablet', views: 600 },
      { edition_id: ed.waterEn, day, source: 'direct', host: '', device: 'desktop', views: 277 },
    ]).execute();
    await k.updateTable('editions').set({ views_total: 3650 }).where('id', '=', ed.water).execute();
    await k.updateTable('editions').set({ views_total: 277 }).where('id', '=', ed.waterEn).execute();
    // Readers now: the bot and the repeat are not counted.
    for (let n = 0; n < 6; n++) await c.views.record(ed.water, `10.0.1.${n}`, UA.phone, { referer: 'https://t.me/xabar_ru/77' });
    for (let n = 0; n < 3; n++) await c.views.record(ed.water, `10.0.2.${n}`, UA.desktop, { referer: 'https://www.google.com/search?q=suv' });
    await c.views.record(ed.water, '10.0.1.0', UA.phone, { referer: 'https://t.me/xabar_ru/77' }); // a repeat
    await c.views.record(ed.water, '10.0.9.1', UA.bot, {});
    for (let n = 0; n < 2; n++) await c.views.record(ed.waterEn, `10.0.3.${n}`, UA.tablet, {});
    for (let n = 0; n < 4; n++) await c.views.record(ed.metro, `10.0.4.${n}`, UA.phone, { referer: 'https://kun.uz/' });
    await c.views.flush();
  }, TEST_TIMEOUT);

  afterAll(async () => {
    await runCleanups(cleanups);
    await site?.close();
    await browser?.close();
  });

  it('shows the live desk view with the API numbers, a chart with a table view and a keyboard cursor', async () => {
    const api = (await admin.call('GET', '/analytics/live')).json;
    expect(api.windows.m5.site).toBe(15); // 6 + 3 + 2 + 4: the bot and the repeat are not counted
    const page = await (await context('ru')).newPage();
    await page.goto(`${site.url}/admin/analytics`);
    const m5 = page.locator('[data-window="an.m5"]');
    await m5.waitFor();
    expect(await m5.textContent()).toBe('15');
    expect(await page.locator('h1').first().textContent()).toBe('Аналитика');
    const rows = page.locator('.an-live-table tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.first().getAttribute('data-edition')).toBe(String(ed.water));
    await expect.poll(() => rows.first().locator('td').nth(2).textContent()).toBe('9');
    // The chart takes focus; the arrows read values into a live region.
    const plot = page.locator('[data-chart="live-minutes"] .an-plot');
    await plot.focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.locator('[data-chart="live-minutes"] [aria-live]').textContent()).toMatch(/Весь сайт 15/);
    expect(await axeProblems(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'analytics-live-1280.png'), fullPage: true });
    await page.locator('[data-chart="live-minutes"] button[aria-pressed]').click();
    expect(await page.locator('[data-chart="live-minutes"] table tbody tr').count()).toBe(60);
  }, TEST_TIMEOUT);

  it("shows a story's hours, days, referrers and devices in Uzbek, on a phone too", async () => {
    for (const width of [1280, 390]) {
      const page = await (await context('uz', width)).newPage();
      await page.goto(`${site.url}/admin/analytics/stories/${ed.water}`);
      await page.locator('[data-chart="story-hours"] .an-plot canvas').waitFor();
      // 3,650 + 277 written earlier, 9 + 2 counted now.
      expect(await page.locator('[data-total]').textContent()).toMatch(/^3[\s\u00a0\u202f]?938$/);
      expect(await page.locator('.an-shares tr[data-key="telegram"] th').first().textContent()).toBe('Telegram');
      expect(await page.locator('.an-shares tr[data-key="telegram"] td.num').first().textContent()).toMatch(/^1[\s\u00a0\u202f]?806$/);
      expect(await page.locator('.an-shares tr[data-key="mobile"] th').textContent()).toBe('Telefonlar');
      expect(await axeProblems(page)).toEqual([]);
      if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `analytics-story-${width}.png`), fullPage: true });
    }
  }, TEST_TIMEOUT);

  it('reports top stories and totals, with CSV, in English number formats', async () => {
    const page = await (await context('en')).newPage();
    await page.goto(`${site.url}/admin/analytics?tab=reports`);
    const rows = page.locator('.an-top-table tbody tr');
    await rows.first().waitFor();
    const apiTop = (await admin.call('GET', '/analytics/top?period=day&limit=50')).json.rows;
    expect(await rows.count()).toBe(apiTop.length);
    expect(await rows.first().locator('td.num').last().textContent()).toBe(new Intl.NumberFormat('en-GB').format(apiTop[0].views));
    expect(apiTop[0].views).toBeGreaterThan(999); // so the English thousands separator shows
    const href = await page.locator('a.an-csv').getAttribute('href');
    expect(href).toContain('format=csv');
    const csv = await admin.ctx.get(href!);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect((await csv.text()).split('\r\n')[0]).toBe('\ufeffrank,edition_id,story_id,locale,headline,published_at,views');
    await page.locator('.an-filters select').first().selectOption('totals');
    await page.locator('[data-chart="totals"] .an-plot canvas').waitFor();
    expect(await axeProblems(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'analytics-reports-1280.png'), fullPage: true });
  }, TEST_TIMEOUT);

  it("leads from a published story's editor to its numbers", async () => {
    const page = await (await context('en')).newPage();
    await page.goto(`${site.url}/admin/stories/${ed.waterEn}`);
    await page.locator('a.editor-analytics-link').click();
    await page.waitForURL(`**/admin/analytics/stories/${ed.waterEn}`);
    expect(await page.locator('[data-total]').textContent()).toBe('3,938');
  }, TEST_TIMEOUT);

  it('fits a phone: the live view at 390 px in Uzbek Cyrillic', async () => {
    const page = await (await context('uz-Cyrl', 390)).newPage();
    await page.goto(`${site.url}/admin/analytics`);
    await page.locator('[data-window="an.m5"]').waitFor();
    expect(await page.locator('h1').first().textContent()).toBe('Аналитика');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'analytics-live-390.png'), fullPage: true });
  }, TEST_TIMEOUT);
});
