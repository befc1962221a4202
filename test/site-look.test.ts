/**
 * What the public site ships for its look (issue 14), through inject on both databases: its own
 * fonts (subsets covering the four alphabets, swap, the headline face preloaded), favicon.ico,
 * apple-touch-icon and a web manifest per language named in that language's script, the light
 * footer logo, the Cyrillic logo and photo credit on Uzbek Cyrillic pages. How it all renders is
 * test/e2e/site-look.e2e.test.ts.
 */
import fs from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.js';
import { fontFaces, subtractRange } from '../src/site/fonts.js';
import { woff2Cmap } from './helpers/woff2-cmap.js';
import { BROWSER_UA, DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';

/** Letters that must come from our serif: Uzbek Cyrillic's own, Uzbek Latin's apostrophes, Russian. */
const MUST_COVER: [string, number][] = [
  ['ғ', 0x0493], ['қ', 0x049b], ['ҳ', 0x04b3], ['ў', 0x045e], ['ъ', 0x044a], ['Ғ', 0x0492], ['Қ', 0x049a], ['Ҳ', 0x04b2], ['Ў', 0x040e],
  ['ʻ', 0x02bb], ['ʼ', 0x02bc], ['ё', 0x0451], ['я', 0x044f], ['«', 0x00ab], ['—', 0x2014], ['№', 0x2116],
];

function inRange(cp: number, range: string): boolean {
  return range.split(',').some((part) => {
    const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
    const lo = parseInt(a!, 16);
    const hi = b ? parseInt(b, 16) : lo;
    return cp >= lo && cp <= hi;
  });
}

/** Every letter of the four alphabets and the punctuation the copy uses. */
const ALPHABETS = 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяЎўҚқҒғҲҳABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzʻʼ‘’0123456789«»“”„—–…№%.,:;!?()';

describe('the font files', () => {
  it('hold a glyph for every letter of the four alphabets in the subset whose unicode-range claims it, in every face', () => {
    const faces = fontFaces();
    const maps = new Map(faces.map((f) => [f.name, woff2Cmap(fs.readFileSync(f.file))]));
    const missing: string[] = [];
    for (const f of faces) {
      for (const ch of ALPHABETS) {
        const cp = ch.codePointAt(0)!;
        if (inRange(cp, f.unicodeRange) && !maps.get(f.name)!.has(cp)) missing.push(`${ch} in ${f.name}`);
      }
    }
    expect(missing).toEqual([]);
    // And every character is claimed by some subset of each face (else the browser falls back).
    for (const key of new Set(faces.map((f) => `${f.family} ${f.weight} ${f.style}`))) {
      const mine = faces.filter((f) => `${f.family} ${f.weight} ${f.style}` === key);
      const unclaimed = [...ALPHABETS].filter((ch) => !mine.some((f) => inRange(ch.codePointAt(0)!, f.unicodeRange) && maps.get(f.name)!.has(ch.codePointAt(0)!)));
      expect(unclaimed, key).toEqual([]);
    }
  });

  it('put every Cyrillic letter of Russian and Uzbek in one file per face (cyrillic-uz), claimed by no other subset', () => {
    const faces = fontFaces();
    const cyrillic = [...ALPHABETS].filter((ch) => /\p{Script=Cyrillic}/u.test(ch));
    expect(cyrillic).toContain('ғ');
    for (const key of new Set(faces.map((f) => `${f.family} ${f.weight} ${f.style}`))) {
      const mine = faces.filter((f) => `${f.family} ${f.weight} ${f.style}` === key);
      for (const ch of cyrillic) {
        const claimants = mine.filter((f) => inRange(ch.codePointAt(0)!, f.unicodeRange)).map((f) => f.subset);
        expect(claimants, `${key} ${ch}`).toEqual(['cyrillic-uz']);
      }
      // The rest of the package's cyrillic-ext range stays claimed by cyrillic-ext (e.g. Kazakh ң, Tatar ә).
      const ext = mine.find((f) => f.subset === 'cyrillic-ext')!;
      expect(inRange(0x04a3, ext.unicodeRange) && inRange(0x04d9, ext.unicodeRange) && !inRange(0x0493, ext.unicodeRange)).toBe(true);
    }
  });

  it('subtracts unicode ranges exactly', () => {
    expect(subtractRange('U+0460-052F,U+20B4', 'U+0492-0493,U+049A-049B,U+04B2-04B3')).toBe('U+0460-0491,U+0494-0499,U+049C-04B1,U+04B4-052F,U+20B4');
    expect(subtractRange('U+0400-045F', 'U+0400,U+045F')).toBe('U+0401-045E');
    expect(subtractRange('U+0041', 'U+0041')).toBe('');
  });
});

describe.each(DIALECTS)('the site’s look on %s', (dialect) => {
  let s: TestSite;
  let cyrlArticle: string;
  const get = (url: string, headers: Record<string, string> = {}) => s.app.inject({ method: 'GET', url, headers: { 'user-agent': BROWSER_UA, ...headers } });

  beforeAll(async () => {
    s = await makeTestSite(dialect);
    await seedDemo(s.c, { stories: 12, images: 2 });
    const row = await s.c.db.kysely
      .selectFrom('editions as e')
      .innerJoin('stories as st', 'st.id', 'e.story_id')
      .select('e.slug')
      .where('e.locale', '=', 'uz-Cyrl')
      .where('e.status', '=', 'published')
      .where('st.hero_media_id', 'is not', null)
      .orderBy('e.id')
      .executeTakeFirstOrThrow();
    cyrlArticle = `/uz-cyrl/news/${row.slug}`;
  });
  afterAll(async () => {
    await s?.close();
  });

  it('serves its fonts as woff2 subsets with font-display: swap, covering every letter of the four alphabets', async () => {
    const page = (await get('/ru/')).body;
    const css = (await get(/href="(\/assets\/site\.[0-9a-f]+\.css)"/.exec(page)![1]!)).body;
    const faces = [...css.matchAll(/@font-face\{([^}]*)\}/g)].map((m) => ({
      family: /font-family:'([^']+)'/.exec(m[1]!)![1]!,
      weight: Number(/font-weight:(\d+)/.exec(m[1]!)![1]),
      style: /font-style:(\w+)/.exec(m[1]!)![1]!,
      url: /src:url\(([^)]+)\) format\('woff2'\)/.exec(m[1]!)![1]!,
      range: /unicode-range:([^;]+)/.exec(m[1]!)![1]!,
      swap: m[1]!.includes('font-display:swap'),
    }));
    expect(faces.length).toBe(20); // 5 faces × latin, latin-ext, cyrillic-uz, cyrillic-ext
    expect(faces.every((f) => f.swap)).toBe(true);
    for (const [family, weight, style] of [['Noto Serif', 700, 'normal'], ['Noto Serif', 400, 'normal'], ['Noto Sans', 400, 'normal'], ['Noto Sans', 700, 'normal'], ['Noto Sans', 400, 'italic']] as const) {
      const mine = faces.filter((f) => f.family === family && f.weight === weight && f.style === style);
      for (const [ch, cp] of MUST_COVER) expect(mine.some((f) => inRange(cp, f.range)), `${family} ${weight} ${style} covers ${ch}`).toBe(true);
    }
    expect(css).toMatch(/--serif: 'Noto Serif'/);
    expect(css).toMatch(/--sans: 'Noto Sans'/);
    for (const f of faces.slice(0, 4)) {
      const res = await get(f.url);
      expect(res.statusCode, f.url).toBe(200);
      expect(res.headers['content-type']).toBe('font/woff2');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.rawPayload.subarray(0, 4).toString('latin1')).toBe('wOF2');
      expect(res.headers['content-encoding']).toBeUndefined(); // already compressed
      expect((await get(f.url, { 'if-none-match': String(res.headers.etag) })).statusCode).toBe(304);
    }
  });

  it('preloads the headline font of each language’s script, files the stylesheet names', async () => {
    const css = (await get(/href="(\/assets\/site\.[0-9a-f]+\.css)"/.exec((await get('/ru/')).body)![1]!)).body;
    // One file per script (the Uzbek letters Ғ Қ Ҳ are in our cyrillic-uz subset, not in a second
    // Cyrillic file), and latin for the spaces, digits and punctuation of Cyrillic headlines.
    const expected = { ru: ['cyrillic-uz', 'latin'], uz: ['latin'], 'uz-cyrl': ['cyrillic-uz', 'latin'], en: ['latin'] };
    for (const [prefix, subsets] of Object.entries(expected)) {
      const page = (await get(`/${prefix}/`)).body;
      const preloads = [...page.matchAll(/<link rel="preload" href="([^"]+)" as="font" type="font\/woff2" crossorigin="anonymous"\/>/g)].map((m) => m[1]!);
      expect(preloads.map((p) => /noto-serif-(.+)-700-normal\./.exec(p)?.[1])).toEqual(subsets);
      for (const p of preloads) expect(css).toContain(`url(${p})`);
    }
  });

  it('serves favicon.ico, an apple-touch-icon and a web manifest per language', async () => {
    const ico = await get('/favicon.ico');
    expect(ico.statusCode).toBe(200);
    expect(ico.headers['content-type']).toBe('image/x-icon');
    const b = ico.rawPayload;
    expect([b.readUInt16LE(0), b.readUInt16LE(2)]).toEqual([0, 1]);
    const count = b.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const e = 6 + 16 * i;
      const png = b.subarray(b.readUInt32LE(e + 12), b.readUInt32LE(e + 12) + b.readUInt32LE(e + 8));
      const meta = await sharp(png).metadata();
      expect(meta.width).toBe(b.readUInt8(e));
      sizes.push(meta.width!);
    }
    expect(sizes).toEqual([16, 32, 48]);

    const touch = await get('/apple-touch-icon.png');
    expect(touch.statusCode).toBe(200);
    const touchMeta = await sharp(touch.rawPayload).stats();
    expect((await sharp(touch.rawPayload).metadata()).width).toBe(180);
    expect(touchMeta.isOpaque).toBe(true); // iOS shows transparency as black

    for (const [prefix, name, lang] of [['ru', 'Xabar', 'ru'], ['uz', 'Xabar', 'uz-Latn'], ['uz-cyrl', 'Хабар', 'uz-Cyrl'], ['en', 'Xabar', 'en']]) {
      const page = (await get(`/${prefix}/`)).body;
      expect(page).toContain(`<link rel="manifest" href="/${prefix}/manifest.webmanifest"/>`);
      expect(page).toContain('<link rel="icon" href="/favicon.ico" sizes="48x48"/>');
      const touchHref = /<link rel="apple-touch-icon" href="([^"]+)"\/>/.exec(page)![1]!;
      expect((await get(touchHref)).statusCode).toBe(200);
      const res = await get(`/${prefix}/manifest.webmanifest`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/manifest+json');
      const m = res.json();
      expect(m).toMatchObject({ short_name: name, lang, start_url: `/${prefix}/`, display: 'minimal-ui' });
      expect(m.name).toContain(name);
      expect((await get(`/${prefix}/manifest.webmanifest`, { 'if-none-match': String(res.headers.etag) })).statusCode).toBe(304);
      for (const icon of m.icons as { src: string; sizes: string; type: string; purpose?: string }[]) {
        const file = await get(icon.src);
        expect(file.statusCode, icon.src).toBe(200);
        expect(file.headers['content-type']).toBe(icon.type);
        if (icon.type === 'image/png') expect(`${(await sharp(file.rawPayload).metadata()).width}x${(await sharp(file.rawPayload).metadata()).height}`).toBe(icon.sizes);
      }
      expect(m.icons.some((i: { purpose?: string }) => i.purpose === 'maskable')).toBe(true);
    }
    expect((await get('/xx/manifest.webmanifest')).statusCode).toBe(404);
  });

  it('shows the footer logo in its light variant and the Cyrillic logo on Uzbek Cyrillic pages', async () => {
    const logos = (page: string) => [...page.matchAll(/<img src="(\/assets\/logo[^"]*\.svg)"[^>]*>/g)].map((m) => m[0]);
    const [ru, cyrl] = [(await get('/ru/')).body, (await get('/uz-cyrl/')).body];
    expect(logos(ru)[0]).toMatch(/\/assets\/logo\.[0-9a-f]+\.svg" alt="Xabar"/);
    expect(logos(ru)[1]).toMatch(/\/assets\/logo-light\.[0-9a-f]+\.svg" alt="" width="138" height="33" class="footer-logo"/);
    expect(logos(cyrl)[0]).toMatch(/\/assets\/logo-cyrl\.[0-9a-f]+\.svg" alt="Хабар"/);
    expect(logos(cyrl)[1]).toMatch(/\/assets\/logo-light-cyrl\.[0-9a-f]+\.svg"/);
    const light = (await get(/src="(\/assets\/logo-light\.[0-9a-f]+\.svg)"/.exec(ru)![1]!)).body;
    expect(light).toContain('fill="#ffffff">XABAR</text>');
    const css = (await get(/href="(\/assets\/site\.[0-9a-f]+\.css)"/.exec(ru)![1]!)).body;
    expect(css).not.toMatch(/\.footer-logo[^}]*filter/);
  });

  it('puts the photo credit on a line of its own, naming the agency in the page’s script', async () => {
    const cyrl = (await get(cyrlArticle)).body;
    const caption = /<figcaption>(.*?)<\/figcaption>/s.exec(cyrl)![1]!;
    expect(caption).toMatch(/.+<br\/><span class="credit">Сурат: Хабар<\/span>$/);
    const ref = (await get('/ru/')).body; // the Russian pages keep the Latin name of the setting
    expect(ref).toContain('alt="Xabar"');
  });
});
