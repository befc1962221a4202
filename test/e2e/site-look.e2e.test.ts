/**
 * How the public site looks (issue 14), in Debian's headless Chromium: every page type (home,
 * article, section, tag, author, search, news, 404) in every language at 390 and 1280 px —
 *  - no sideways scrolling;
 *  - no headline (nor article text) glyph drawn by a font other than our own Noto faces, asked of
 *    the renderer itself (CDP CSS.getPlatformFontsForNode reports each font that drew a node's
 *    text, and whether it is a web font), and all four alphabets, ғ қ ҳ ў ъ and ʻ ʼ included,
 *    rendered from them in every weight the stylesheet uses;
 *  - every image's chosen source no wider than twice its shown width (nor, when a wider one was
 *    available, much narrower: a `sizes` that says too little);
 *  - no grid ending in an orphan card, a visible footer logo (not a filtered white block), the
 *    photo credit on a line of its own and in the page's script;
 *  - the breaking strip: one item at a time, each in turn, its label ≥ 4.5:1 at every frame of
 *    its animation, and standing still for readers who ask for reduced motion.
 * With XABAR_SCREENSHOTS=<dir>, the first screen of each page goes to <dir>/site-<page>-<lang>-<width>.jpg.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.js';
import { LOCALE_INFO, LOCALES, type Locale } from '../../src/i18n/locales.js';
import { makeTestSite, type TestSite } from '../helpers/site.js';
import { HAVE_BROWSER, launchChromium } from './browser.js';

const SHOTS = process.env.XABAR_SCREENSHOTS ? path.resolve(process.env.XABAR_SCREENSHOTS) : null;
const WIDTHS = [390, 1280] as const;
const PAGE_TYPES = ['home', 'article', 'section', 'tag', 'author', 'search', 'news', 'archive', '404'] as const;
type PageType = (typeof PAGE_TYPES)[number];

/** Every letter of the four alphabets, with the punctuation the copy uses. */
const ALPHABETS = [
  'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
  'ЎҚҒҲ ўқғҳ Ъъ «Ўзбекистон» — қабул қилди, боғлиқлиги, ҳамкорлик №5',
  'ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789',
  'Oʻzbekiston gʻalla maʼlumot Oʻ Gʻ ʼ ʻ ‘’ “” , . : ; ! ? % – … ©',
].join(' ');
const OUR_FAMILIES = new Set(['Noto Serif', 'Noto Sans']);

interface FontUse {
  familyName: string;
  isCustomFont: boolean;
  glyphCount: number;
}

/** Fonts the renderer used for the text of every element matching `selector` (CDP). */
async function platformFonts(cdp: CDPSession, selector: string): Promise<{ fonts: FontUse[]; text: string }[]> {
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
  const out: { fonts: FontUse[]; text: string }[] = [];
  for (const nodeId of nodeIds) {
    const { fonts } = (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })) as { fonts: FontUse[] };
    if (!fonts.length) continue;
    const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
    out.push({ fonts, text: outerHTML.replace(/<[^>]+>/g, '').slice(0, 80) });
  }
  return out;
}

/** Waits for every font the page asked for (text added later triggers its own loads first). */
async function fontsSettled(page: Page) {
  await page.evaluate(async () => {
    void document.body.offsetHeight;
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    await document.fonts.ready;
  });
}

/** Glyphs drawn by any font that is not one of ours, per element. */
function strangers(found: { fonts: FontUse[]; text: string }[]): string[] {
  return found.flatMap((f) => f.fonts.filter((x) => !x.isCustomFont || !OUR_FAMILIES.has(x.familyName)).map((x) => `${x.familyName} (${x.glyphCount} glyphs) in «${f.text}»`));
}

let s: TestSite;
let base: string;
let browser: Browser;
const paths = {} as Record<Locale, Record<PageType, string>>;

async function html(p: string): Promise<string> {
  return (await fetch(base + p)).text();
}

describe.skipIf(!HAVE_BROWSER)('how the public site looks', () => {
  beforeAll(async () => {
    s = await makeTestSite('sqlite');
    await seedDemo(s.c, { stories: 24, images: 6 });
    const db = s.c.db.kysely;
    // Two breaking stories in every language, so the strip has items to take turns.
    for (const l of LOCALES) {
      const newest = await db.selectFrom('editions').select('id').where('locale', '=', l).where('status', '=', 'published').orderBy('published_at', 'desc').limit(2).execute();
      await db.updateTable('editions').set({ is_breaking: 1 }).where('id', 'in', newest.map((r) => r.id)).execute();
    }
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(s.app.server.address() as { port: number }).port}`;
    for (const l of LOCALES) {
      const prefix = `/${LOCALE_INFO[l].prefix}`;
      // An article with a photo, tags and an author: its page leads to the tag, author and section pages.
      const rows = await db
        .selectFrom('editions as e')
        .innerJoin('stories as st', 'st.id', 'e.story_id')
        .select(['e.slug', 'e.headline'])
        .where('e.locale', '=', l)
        .where('e.status', '=', 'published')
        .where('st.hero_media_id', 'is not', null)
        .where((eb) => eb.exists(eb.selectFrom('story_tags').select('story_id').whereRef('story_tags.story_id', '=', 'e.story_id')))
        .where((eb) => eb.exists(eb.selectFrom('story_authors').select('story_id').whereRef('story_authors.story_id', '=', 'e.story_id')))
        .orderBy('e.published_at', 'desc')
        .limit(1)
        .execute();
      expect(rows.length, `${l}: an article with a photo, tags and an author`).toBe(1);
      const article = `${prefix}/news/${rows[0]!.slug}`;
      const page = await html(article);
      const href = (re: RegExp) => {
        const m = re.exec(page);
        expect(m, `${article}: ${re}`).not.toBeNull();
        return m![1]!.replace(/&amp;/g, '&');
      };
      const word = rows[0]!.headline.split(/\s+/).find((w) => w.length >= 5) ?? rows[0]!.headline.split(/\s+/)[0]!;
      paths[l] = {
        home: `${prefix}/`,
        article,
        section: href(/<a class="kicker" href="([^"]+)"/),
        tag: href(/<a href="([^"]+)" rel="tag">/),
        author: href(/<a href="([^"]+)" rel="author">/),
        search: `${prefix}/search?q=${encodeURIComponent(word.replace(/[«»",.:]/g, ''))}`,
        news: `${prefix}/news`,
        // Today's day in the date archive (where /<lang>/archive leads).
        archive: new URL((await fetch(`${base}${prefix}/archive`, { redirect: 'manual' })).headers.get('location') ?? `${prefix}/archive`, base).pathname,
        '404': `${prefix}/news/no-such-story-here`,
      };
    }
    browser = await launchChromium();
    if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  for (const l of LOCALES) {
    for (const width of WIDTHS) {
      it(`${l} at ${width} px: every page type fits, uses our fonts, sizes its images and leaves no orphan`, async () => {
        for (const type of PAGE_TYPES) {
          // A fresh context per page: Chromium would otherwise reuse a wider image it already holds.
          const ctx = await browser.newContext({ viewport: { width, height: width < 640 ? 844 : 900 }, deviceScaleFactor: 1 });
          try {
            await checkPage(ctx, l, type, width);
          } finally {
            await ctx.close();
          }
        }
      }, 300_000);
    }
  }

  it('renders all four alphabets from our fonts in every weight the stylesheet uses', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await ctx.newPage();
      await page.goto(base + paths.ru.article, { waitUntil: 'networkidle' });
      await page.evaluate((text) => {
        const box = document.createElement('div');
        box.id = 'alphabets';
        for (const [tag, cls] of [['h1', 'article-title'], ['p', 'standfirst'], ['h3', 'card-title'], ['p', ''], ['strong', ''], ['em', '']] as const) {
          const el = document.createElement(tag);
          if (cls) el.className = cls;
          el.textContent = text;
          box.append(el);
        }
        document.querySelector('.article-body')!.prepend(box);
      }, ALPHABETS);
      await fontsSettled(page);
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const found = await platformFonts(cdp, '#alphabets > *');
      expect(found.length).toBe(6);
      expect(strangers(found)).toEqual([]);
      // Both families drew text: the headline serif and the text sans.
      expect(new Set(found.flatMap((f) => f.fonts.map((x) => x.familyName)))).toEqual(OUR_FAMILIES);
    } finally {
      await ctx.close();
    }
  }, 120_000);

  it('takes breaking items one at a time, keeps the label at ≥ 4.5:1 all through its pulse, and stands still for reduced motion', async () => {
    for (const l of ['ru', 'uz-Cyrl'] as const) {
      const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await ctx.newPage();
      await page.goto(base + paths[l].home, { waitUntil: 'networkidle' });
      const frames = await page.evaluate(() => {
        const anims = document.getAnimations();
        anims.forEach((a) => a.pause());
        // Past the longest delay, one more full cycle of the longest animation: every state is seen.
        const timing = anims.map((a) => a.effect!.getComputedTiming());
        const longest = Math.max(...timing.map((x) => Number(x.delay))) + Math.max(...timing.map((x) => Number(x.duration)));
        const rgba = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number).concat([1]).slice(0, 4) as [number, number, number, number];
        const over = (top: number[], bottom: number[], alpha: number) => top.slice(0, 3).map((v, i) => v * alpha + bottom[i]! * (1 - alpha));
        const lum = (c: number[]) => {
          const [r, g, b] = c.map((v) => {
            const x = v / 255;
            return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const ratio = (a: number[], b: number[]) => {
          const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
          return (hi! + 0.05) / (lo! + 0.05);
        };
        const opacity = (el: Element | null): number => (el ? Number(getComputedStyle(el).opacity) * opacity(el.parentElement) : 1);
        const label = document.querySelector('.breaking-label')!;
        const strip = document.querySelector('.breaking')!;
        const items = [...document.querySelectorAll('.breaking-items li')];
        // Shown: inside the list's clipped box (the others are moved out of it).
        const list = document.querySelector('.breaking-items')!.getBoundingClientRect();
        const inView = (el: Element) => {
          const r = el.getBoundingClientRect();
          return getComputedStyle(el).visibility === 'visible' && r.width > 0 && r.left < list.right - 1 && r.right > list.left + 1 && r.top < list.bottom - 1 && r.bottom > list.top + 1;
        };
        const out: { t: number; contrast: number; shown: number[] }[] = [];
        for (let t = 0; t <= longest; t += 100) {
          anims.forEach((a) => (a.currentTime = t));
          const stripBg = rgba(getComputedStyle(strip).backgroundColor);
          const cs = getComputedStyle(label);
          const o = opacity(label);
          const bg = rgba(cs.backgroundColor);
          const labelBg = over(bg, stripBg, bg[3]);
          const text = rgba(cs.color);
          const textOnLabel = over(text, labelBg, text[3]);
          // The label (its ground and its word) is composited over the red strip at its opacity.
          const contrast = ratio(over(textOnLabel, stripBg, o), over(labelBg, stripBg, o));
          const shown = items.map((li, i) => [li, i] as const).filter(([li]) => inView(li)).map(([, i]) => i);
          out.push({ t, contrast, shown });
        }
        return { frames: out, items: items.length, animated: anims.length };
      });
      expect(frames.items, `${l}: breaking items`).toBeGreaterThanOrEqual(2);
      expect(frames.animated).toBeGreaterThan(0);
      for (const f of frames.frames) {
        expect(f.contrast, `${l}: label contrast at ${f.t} ms`).toBeGreaterThanOrEqual(4.5);
        expect(f.shown.length, `${l}: items shown at ${f.t} ms`).toBe(1);
      }
      // Every item gets its turn.
      expect(new Set(frames.frames.map((f) => f.shown[0])).size).toBe(frames.items);
      // The shown item is readable: not cut to a few letters on a phone.
      const visibleText = await page.evaluate(() => {
        const list = document.querySelector('.breaking-items')!.getBoundingClientRect();
        const li = [...document.querySelectorAll('.breaking-items li')].find((x) => Math.abs(x.getBoundingClientRect().left - list.left) < 1)!;
        const a = li.querySelector('a')!;
        return { width: a.getBoundingClientRect().width, href: a.getAttribute('href') };
      });
      expect(visibleText.width).toBeGreaterThan(200);
      expect(visibleText.href).toMatch(/\/news\//);
      // No link reaches below the strip: the clamped-away lines of a long headline must not lie
      // over the breadcrumbs as a tap target (Lighthouse target-size failed on it).
      const overhang = await page.evaluate(() => {
        const strip = document.querySelector('.breaking')!.getBoundingClientRect();
        return [...document.querySelectorAll('.breaking-items a')].flatMap((a) => [...a.getClientRects()].map((r) => Math.max(strip.top - r.top, r.bottom - strip.bottom)));
      });
      expect(Math.max(...overhang), `${l}: breaking links stay inside the strip`).toBeLessThanOrEqual(0.5);
      // A keyboard reader who tabs to an item sees that item, whichever was showing.
      await page.evaluate(() => document.getAnimations().forEach((a) => a.play()));
      const focusedShown = await page.evaluate(() => {
        const links = [...document.querySelectorAll<HTMLAnchorElement>('.breaking-items a')];
        const list = document.querySelector('.breaking-items')!.getBoundingClientRect();
        return links.map((a) => {
          a.focus();
          const r = a.closest('li')!.getBoundingClientRect();
          return Math.abs(r.left - list.left) < 1;
        });
      });
      expect(focusedShown.every(Boolean), `${l}: the focused item is the one shown`).toBe(true);
      await ctx.close();

      const still = await browser.newContext({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
      const quiet = await still.newPage();
      await quiet.goto(base + paths[l].home, { waitUntil: 'networkidle' });
      const state = await quiet.evaluate(() => {
        const list = document.querySelector('.breaking-items')!.getBoundingClientRect();
        return {
          running: document.getAnimations().length,
          shown: [...document.querySelectorAll('.breaking-items li')].filter((li) => li.getBoundingClientRect().left < list.right - 1).length,
        };
      });
      expect(state).toEqual({ running: 0, shown: 1 });
      await still.close();
    }
  }, 120_000);

  it('shows the footer logo in light colours, not as a filtered block', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      for (const l of ['ru', 'uz-Cyrl'] as const) {
        const page = await ctx.newPage();
        await page.goto(base + paths[l].home, { waitUntil: 'networkidle' });
        const logo = page.locator('.footer-logo');
        await logo.scrollIntoViewIfNeeded();
        await page.waitForFunction(() => (document.querySelector('.footer-logo') as HTMLImageElement).naturalWidth > 0);
        expect(await logo.evaluate((el) => getComputedStyle(el).filter)).toBe('none');
        const { data, info } = await sharp(await logo.screenshot()).removeAlpha().raw().toBuffer({ resolveWithObject: true });
        let light = 0;
        let blue = 0;
        const n = info.width * info.height;
        for (let i = 0; i < data.length; i += 3) {
          const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
          if (r > 220 && g > 220 && b > 220) light++;
          if (b > 90 && r < 40 && g < 90) blue++; // the mark, in the brand blue on its white tile
        }
        // A white tile and white letters on the dark footer: much light, not all of it; the mark shows.
        expect(light / n, `${l}: share of light pixels`).toBeGreaterThan(0.1);
        expect(light / n, `${l}: share of light pixels`).toBeLessThan(0.6);
        expect(blue, `${l}: pixels of the mark`).toBeGreaterThan(20);
        await page.close();
      }
    } finally {
      await ctx.close();
    }
  }, 120_000);
});

async function checkPage(ctx: BrowserContext, l: Locale, type: PageType, width: number) {
  const where = `${paths[l][type]} (${type}, ${l}) at ${width} px`;
  const page = await ctx.newPage();
  const res = await page.goto(base + paths[l][type], { waitUntil: 'networkidle' });
  expect(res?.status(), where).toBe(type === '404' ? 404 : 200);
  // The first screen, as JPEG: 64 of them would weigh too much in the repository as PNG.
  if (SHOTS) {
    await fontsSettled(page);
    await page.screenshot({ path: path.join(SHOTS, `site-${type}-${l.toLowerCase()}-${width}.jpg`), type: 'jpeg', quality: 80 });
  }
  // Scroll so lazy images load too.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  await page.waitForLoadState('networkidle');
  await fontsSettled(page);

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${where}: sideways scrolling`).toBeLessThanOrEqual(0);

  const cdp = await ctx.newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const found = await platformFonts(cdp, 'h1, h1 *, h2, h2 *, h3, h3 *, .article-body p, .article-body p *, .standfirst, .card-lead, .breaking a, .hero figcaption, .hero figcaption *');
  expect(found.length, `${where}: headlines measured`).toBeGreaterThan(0);
  expect(strangers(found), `${where}: glyphs from another font`).toEqual([]);

  const images = await page.evaluate(() =>
    [...document.images]
      .filter((img) => img.complete && img.naturalWidth > 0 && img.getClientRects().length > 0 && !/\.svg(\?|$)/.test(img.currentSrc))
      .map((img) => {
        const candidates = img.srcset
          ? img.srcset.split(',').map((c) => {
              const [u, w] = c.trim().split(/\s+/);
              return { url: new URL(u!, location.href).href, width: parseInt(w ?? '', 10) };
            })
          : [];
        const chosen = candidates.find((c) => c.url === img.currentSrc);
        return {
          src: img.currentSrc,
          shown: img.getBoundingClientRect().width * devicePixelRatio,
          chosen: chosen?.width ?? img.naturalWidth,
          widest: Math.max(0, ...candidates.map((c) => c.width)),
        };
      }),
  );
  // One file shown in two slots (the hero again among related stories, in the demo's few photos)
  // is fetched once, for the wider slot: Chromium reuses it for the narrower one.
  const widestSlot = new Map<string, number>();
  for (const img of images) widestSlot.set(img.src, Math.max(widestSlot.get(img.src) ?? 0, img.shown));
  for (const img of images) {
    expect(img.chosen, `${where}: ${img.src} is ${img.chosen} px wide, shown at ${img.shown.toFixed(0)} px`).toBeLessThanOrEqual(2 * widestSlot.get(img.src)! + 1);
    // Chromium may take the narrower of two candidates down to 1/√2 of the need (its density rule);
    // narrower than that, with a wider one on offer, means `sizes` promised too small a slot.
    if (img.chosen < img.widest) expect(img.chosen, `${where}: ${img.src} too narrow for ${img.shown.toFixed(0)} px`).toBeGreaterThanOrEqual(0.7 * img.shown);
  }

  // No grid ends in a short row.
  const grids = await page.evaluate(() =>
    [...document.querySelectorAll('.grid')].map((g) => {
      const rows = new Map<number, number>();
      for (const c of g.children) {
        if (c.getClientRects().length === 0) continue;
        const top = Math.round(c.getBoundingClientRect().top);
        rows.set(top, (rows.get(top) ?? 0) + 1);
      }
      return [...rows.values()];
    }),
  );
  for (const rows of grids) expect(rows.every((n) => n === rows[0]), `${where}: a grid's rows ${rows.join(', ')}`).toBe(true);

  if (type === 'article') {
    const caption = await page.evaluate(() => {
      const fig = document.querySelector('.hero figcaption');
      const credit = fig?.querySelector('.credit');
      if (!fig || !credit) return null;
      const range = document.createRange();
      range.setStart(fig, 0);
      range.setEndBefore(credit);
      const captionRects = [...range.getClientRects()].filter((r) => r.width > 0);
      return { credit: credit.textContent ?? '', creditTop: credit.getBoundingClientRect().top, captionBottom: Math.max(...captionRects.map((r) => r.bottom)), text: (fig as HTMLElement).innerText };
    });
    expect(caption, `${where}: a captioned, credited photo`).not.toBeNull();
    expect(caption!.creditTop, `${where}: the credit on its own line`).toBeGreaterThanOrEqual(caption!.captionBottom - 1);
    expect(caption!.text).toContain('\n');
    if (l === 'uz-Cyrl') {
      expect(caption!.credit, `${where}: the credit in the page's script`).not.toMatch(/[A-Za-z]/);
      const body = await page.evaluate(() => document.querySelector('.article-body')!.textContent ?? '');
      expect(body, `${where}: units in the page's script`).not.toMatch(/\d\s?(km|kg|sm|mm|ga)\b/);
    }
  }
  await page.close();
}
