/**
 * The public site in Debian's headless Chromium, at phone (390 px) and desktop (1280 px) widths:
 * no accessibility violations of serious or critical impact (axe-core, WCAG 2 A/AA rules), no
 * sideways scrolling on a phone, every image loads, no script runs and no console errors.
 */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { AXE_SOURCE, CHROMIUM } from './browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.js';
import { makeTestSite, type TestSite } from '../helpers/site.js';


interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

describe.skipIf(!fs.existsSync(CHROMIUM))('public site in the browser', () => {
  let s: TestSite;
  let base: string;
  let browser: Browser;
  let pages: string[];

  beforeAll(async () => {
    s = await makeTestSite('sqlite');
    const demo = await seedDemo(s.c, { stories: 16, images: 4 });
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = s.app.server.address() as { port: number };
    base = `http://127.0.0.1:${addr.port}`;
    const uzArticle = (await s.c.db.kysely.selectFrom('editions').select('slug').where('locale', '=', 'uz').orderBy('id').executeTakeFirstOrThrow()).slug;
    pages = ['/ru/', demo.referencePath!, '/ru/section/economy', '/ru/news?page=2', '/ru/search?q=' + encodeURIComponent('Узбекистан'), '/ru/news/no-such-story', '/uz-cyrl/', `/uz/news/${uzArticle}`, '/en/', '/api/docs'];
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  for (const width of [390, 1280]) {
    it(`has no serious accessibility problems and fits a ${width} px screen`, async () => {
      // bypassCSP only so the test can inject axe-core: the site's own CSP forbids every script.
      const ctx = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      try {
        for (const path of pages) {
          const page = await ctx.newPage();
          const errors: string[] = [];
          const failed: string[] = [];
          page.on('console', (m) => m.type() === 'error' && !/404 \(Not Found\)/.test(m.text()) && errors.push(m.text()));
          page.on('requestfailed', (r) => failed.push(r.url()));
          page.on('response', (r) => r.status() >= 400 && r.url() !== base + path && failed.push(`${r.status()} ${r.url()}`));
          await page.goto(base + path, { waitUntil: 'networkidle' });
          // Scroll so lazy images load too, then check every image decoded.
          await page.evaluate(async () => {
            for (let y = 0; y < document.body.scrollHeight; y += 500) {
              window.scrollTo(0, y);
              await new Promise((r) => setTimeout(r, 30));
            }
          });
          await page.waitForLoadState('networkidle');
          // Images not rendered (a card left out to avoid an orphan row) are lazy and never load.
          const broken = await page.evaluate(() => [...document.images].filter((i) => i.getClientRects().length > 0 && (!i.complete || i.naturalWidth === 0)).map((i) => i.currentSrc || i.src));
          expect(broken, `${path}: images that did not load`).toEqual([]);
          expect(failed, `${path}: failed requests`).toEqual([]);
          expect(errors, `${path}: console errors`).toEqual([]);
          expect(await page.evaluate(() => document.scripts.length), `${path}: public pages ship no script`).toBe(
            await page.evaluate(() => document.querySelectorAll('script[type="application/ld+json"]').length),
          );
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${path}: sideways scrolling at ${width} px`).toBeLessThanOrEqual(0);
          await page.addScriptTag({ content: AXE_SOURCE });
          const result = (await page.evaluate(() => (window as unknown as { axe: { run(o: object): Promise<unknown> } }).axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] }))) as AxeResult;
          const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
          expect(serious, `${path} at ${width} px`).toEqual([]);
          await page.close();
        }
      } finally {
        await ctx.close();
      }
    });
  }
});
