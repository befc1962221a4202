/**
 * What Lighthouse judges, checked in CI without Lighthouse (too slow for every run; the full
 * audit is `npm run audit:site`, scripts/audit-site.ts): every public page type — home, article,
 * section, tag, author, search, date archive and 404 — in all four languages, in headless
 * Chromium at 390 and 1280 px. axe-core with the WCAG 2.0/2.1 A and AA rules and best practices
 * finds nothing (of any impact: Lighthouse fails an audit on any violation); the page has a title
 * and a meta description (search pages and 404s excepted: noindex), a canonical link where it is
 * indexable, no sideways scrolling, and the home page shows no story twice in its main column.
 */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.js';
import { makeTestSite, type TestSite } from '../helpers/site.js';
import { AXE_SOURCE, CHROMIUM, TEST_TIMEOUT } from './browser.js';

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

const LOCALES = [
  { prefix: 'ru', id: 'ru', q: 'Узбекистан' },
  { prefix: 'uz', id: 'uz', q: 'Oʻzbekiston' },
  { prefix: 'uz-cyrl', id: 'uz-Cyrl', q: 'Ўзбекистон' },
  { prefix: 'en', id: 'en', q: 'Uzbekistan' },
] as const;

describe.skipIf(!fs.existsSync(CHROMIUM))('public page types in the browser, every language (Lighthouse-equivalent checks)', () => {
  let s: TestSite;
  let base: string;
  let browser: Browser;
  const pages: { locale: string; path: string; kind: string; indexable: boolean }[] = [];

  beforeAll(async () => {
    s = await makeTestSite('sqlite');
    await seedDemo(s.c, { stories: 16, images: 4 });
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(s.app.server.address() as { port: number }).port}`;
    const k = s.c.db.kysely;
    const today = new Date();
    for (const l of LOCALES) {
      // Each page type by a link the site itself gives, so per-locale addresses are followed.
      const article = await k.selectFrom('editions').select(['slug', 'published_at', 'story_id']).where('locale', '=', l.id).where('status', '=', 'published').orderBy('published_at', 'desc').executeTakeFirstOrThrow();
      const res = await fetch(`${base}/${l.prefix}/news/${article.slug}`);
      const html = await res.text();
      const section = /href="(\/[a-z-]+\/section\/[^"]+)"/.exec(html.slice(html.indexOf('<main')))?.[1];
      const tag = /href="(\/[a-z-]+\/tag\/[^"]+)"/.exec(html)?.[1];
      const author = /href="(\/[a-z-]+\/author\/[^"]+)"/.exec(html)?.[1];
      const day = `${today.getUTCFullYear()}/${String(today.getUTCMonth() + 1).padStart(2, '0')}/${String(today.getUTCDate()).padStart(2, '0')}`;
      for (const [kind, path, indexable] of [
        ['home', `/${l.prefix}/`, true],
        ['article', `/${l.prefix}/news/${article.slug}`, true],
        ['section', section, true],
        ['tag', tag, true],
        ['author', author, true],
        ['search', `/${l.prefix}/search?q=${encodeURIComponent(l.q)}`, false],
        ['archive', (await fetch(`${base}/${l.prefix}/archive`, { redirect: 'manual' })).headers.get('location') ?? `/${l.prefix}/archive/${day}`, true],
        ['404', `/${l.prefix}/news/no-such-story`, false],
      ] as const) {
        expect(path, `${l.prefix} ${kind}`).toBeTruthy();
        pages.push({ locale: l.prefix, path: path!, kind, indexable });
      }
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  for (const width of [390, 1280]) for (const { prefix } of LOCALES) {
    it(`/${prefix}/: passes axe, has its head tags and fits a ${width} px screen on every page type`, async () => {
      const ctx = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const problems: string[] = [];
      try {
        for (const { path, kind, indexable } of pages.filter((p) => p.locale === prefix)) {
          const page = await ctx.newPage();
          const res = await page.goto(base + path, { waitUntil: 'load' });
          expect(res?.status(), path).toBe(kind === '404' ? 404 : 200);
          const head = await page.evaluate(() => ({
            title: document.title,
            description: document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '',
            canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '',
            lang: document.documentElement.lang,
            overflow: document.documentElement.scrollWidth - window.innerWidth,
          }));
          if (!head.title) problems.push(`${path}: no title`);
          if (!head.lang) problems.push(`${path}: no lang`);
          if ((indexable || kind === 'search') && head.description.length < 30) problems.push(`${path}: meta description «${head.description}»`);
          if (indexable && !head.canonical) problems.push(`${path}: no canonical`);
          if (head.overflow > 0) problems.push(`${path}: sideways scrolling by ${head.overflow} px`);
          if (kind === 'home') {
            const links = await page.evaluate(() => [...document.querySelectorAll('main .col-main a[href*="/news/"]')].map((a) => a.getAttribute('href')).filter((h) => h && !h.endsWith('/news')));
            const cards = await page.evaluate(() => [...document.querySelectorAll('main .col-main article.card')].map((a) => a.querySelector('.card-title a')?.getAttribute('href')));
            if (new Set(cards).size !== cards.length) problems.push(`${path}: a story repeated in the main column (${cards.join(' ')})`);
            if (links.length === 0) problems.push(`${path}: no stories`);
          }
          await page.addScriptTag({ content: AXE_SOURCE });
          const result = (await page.evaluate(() => (window as unknown as { axe: { run(o: object): Promise<unknown> } }).axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'], resultTypes: ['violations'] }))) as AxeResult;
          for (const v of result.violations) problems.push(`${path} ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
          await page.close();
        }
      } finally {
        await ctx.close();
      }
      expect(problems, `at ${width} px`).toEqual([]);
    }, TEST_TIMEOUT);
  }
});
