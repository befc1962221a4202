import { describe, expect, it } from 'vitest';
import {
  DATELINE_START,
  DEMO_AUTHORS,
  DEMO_LIMITS,
  DEMO_SECTIONS,
  DEMO_TAGS,
  DEMO_TEMPLATES,
  generateDemoStories,
  type DemoLocale,
  type DemoStorySeed,
  type LocalizedNames,
} from './corpus.js';
import { counted, fixPrepositions, fmtDec, fmtInt, mulberry32, plural } from './corpus.gen.js';

const LOCALES: DemoLocale[] = ['ru', 'uz', 'uz-Cyrl', 'en'];
const SECTION_SLUGS = new Set(DEMO_SECTIONS.map((s) => s.slug));
const TAG_SLUGS = new Set(DEMO_TAGS.map((t) => t.slug));
const AUTHOR_SLUGS = new Set(DEMO_AUTHORS.map((a) => a.slug));

function expectAllLocales(names: LocalizedNames, what: string) {
  expect(Object.keys(names).sort(), what).toEqual([...LOCALES].sort());
  for (const l of LOCALES) expect(names[l].trim().length, `${what} ${l}`).toBeGreaterThan(0);
  // Uzbek Latin: no Cyrillic, and oʻ/gʻ/tutuq written with U+02BB/U+02BC, never ASCII or curly quotes.
  expect(names.uz, `${what} uz`).not.toMatch(/[\u0400-\u04FF]/);
  expect(names.uz, `${what} uz`).not.toMatch(/['`‘’]/);
  // Uzbek Cyrillic and Russian: no Latin letters except acronyms such as "IT".
  expect(names['uz-Cyrl'], `${what} uz-Cyrl`).not.toMatch(/[a-z]/);
  expect(names.ru, `${what} ru`).not.toMatch(/[a-z]/);
  expect(names.en, `${what} en`).not.toMatch(/[\u0400-\u04FF]/);
}

function allText(s: DemoStorySeed): string[] {
  return [s.headline, s.lead, ...s.paragraphs, ...(s.imageCaption ? [s.imageCaption] : [])];
}

describe('demo taxonomy', () => {
  it('has the four sections with their names and accent colours', () => {
    expect(DEMO_SECTIONS.map((s) => s.slug)).toEqual(['politics', 'economy', 'society', 'world']);
    expect(DEMO_SECTIONS.map((s) => s.names.ru)).toEqual(['Политика', 'Экономика', 'Общество', 'В мире']);
    expect(DEMO_SECTIONS.map((s) => s.names.uz)).toEqual(['Siyosat', 'Iqtisodiyot', 'Jamiyat', 'Dunyo']);
    expect(DEMO_SECTIONS.map((s) => s.names['uz-Cyrl'])).toEqual(['Сиёсат', 'Иқтисодиёт', 'Жамият', 'Дунё']);
    expect(DEMO_SECTIONS.map((s) => s.names.en)).toEqual(['Politics', 'Economy', 'Society', 'World']);
    for (const s of DEMO_SECTIONS) {
      expect(s.color).toMatch(/^#[0-9A-Fa-f]{6}$/);
      expectAllLocales(s.names, `section ${s.slug}`);
    }
    expect(new Set(DEMO_SECTIONS.map((s) => s.color)).size).toBe(4);
  });

  it('has 20–30 tags with kebab-case latin slugs and names in every locale', () => {
    expect(DEMO_TAGS.length).toBeGreaterThanOrEqual(20);
    expect(DEMO_TAGS.length).toBeLessThanOrEqual(30);
    expect(TAG_SLUGS.size).toBe(DEMO_TAGS.length);
    for (const t of DEMO_TAGS) {
      expect(t.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expectAllLocales(t.names, `tag ${t.slug}`);
    }
    expect(new Set(DEMO_TAGS.map((t) => t.names.ru)).size).toBe(DEMO_TAGS.length);
    // Uzbek Latin spellings with the modifier letter turned comma.
    expect(DEMO_TAGS.find((t) => t.slug === 'selskoe-hozyaystvo')?.names.uz).toBe('Qishloq xoʻjaligi');
    expect(DEMO_TAGS.find((t) => t.slug === 'zdravoohranenie')?.names.uz).toBe('Sogʻliqni saqlash');
  });

  it('has 6–8 correspondents with names and bios in every locale', () => {
    expect(DEMO_AUTHORS.length).toBeGreaterThanOrEqual(6);
    expect(DEMO_AUTHORS.length).toBeLessThanOrEqual(8);
    expect(AUTHOR_SLUGS.size).toBe(DEMO_AUTHORS.length);
    for (const a of DEMO_AUTHORS) {
      expect(a.slug).toMatch(/^[a-z]+(?:-[a-z]+)+$/);
      expectAllLocales(a.names, `author ${a.slug}`);
      for (const l of LOCALES) expect(a.bio[l].length, `bio ${a.slug} ${l}`).toBeGreaterThan(30);
      expect(a.bio.en, `bio ${a.slug} en`).not.toMatch(/[\u0400-\u04FF]/);
      expect(a.bio['uz-Cyrl'], `bio ${a.slug} uz-Cyrl`).not.toMatch(/[a-z]/i);
      expect(a.bio.uz, `bio ${a.slug} uz`).not.toMatch(/[\u0400-\u04FF'`‘’]/);
    }
  });

  it('has at least 12 story templates per section', () => {
    expect(Object.keys(DEMO_TEMPLATES).sort()).toEqual([...SECTION_SLUGS].sort());
    for (const list of Object.values(DEMO_TEMPLATES)) expect(list.length).toBeGreaterThanOrEqual(12);
  });
});

describe('Russian number helpers', () => {
  it('agrees nouns with numbers', () => {
    expect(counted(1, 'проект', 'проекта', 'проектов')).toBe('1 проект');
    expect(counted(3, 'проект', 'проекта', 'проектов')).toBe('3 проекта');
    expect(counted(11, 'проект', 'проекта', 'проектов')).toBe('11 проектов');
    expect(counted(22, 'проект', 'проекта', 'проектов')).toBe('22 проекта');
    expect(plural(114, 'a', 'b', 'c')).toBe('c');
    expect(plural(101, 'a', 'b', 'c')).toBe('a');
  });

  it('formats numbers the Russian way', () => {
    expect(fmtInt(1234)).toBe('1234');
    expect(fmtInt(12345)).toBe('12\u00A0345');
    expect(fmtDec(12.4)).toBe('12,4');
    expect(fmtDec(7)).toBe('7');
  });

  it('fixes euphonic prepositions', () => {
    expect(fixPrepositions('участие в встрече, в Вьетнаме и в Ташкенте')).toBe('участие во встрече, во Вьетнаме и в Ташкенте');
    expect(fixPrepositions('поезд с строительными материалами и с хлопком')).toBe('поезд со строительными материалами и с хлопком');
    expect(fixPrepositions('резолюцию о объявлении и о развитии')).toBe('резолюцию об объявлении и о развитии');
  });

  it('mulberry32 is deterministic', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('generateDemoStories', () => {
  const site = generateDemoStories(90, 2025);
  const big = generateDemoStories(300, 7);

  it('is deterministic for a seed and varies between seeds', () => {
    expect(generateDemoStories(90, 2025)).toEqual(site);
    const other = generateDemoStories(90, 2026);
    expect(other.map((s) => s.headline)).not.toEqual(site.map((s) => s.headline));
  });

  it('returns exactly count stories, from 0 to 300', () => {
    expect(generateDemoStories(0, 1)).toEqual([]);
    for (const n of [1, 2, 5, 37, 90, 300]) expect(generateDemoStories(n, n * 31 + 1)).toHaveLength(n);
    expect(() => generateDemoStories(-1, 1)).toThrow(RangeError);
    expect(() => generateDemoStories(2.5, 1)).toThrow(RangeError);
  });

  it('gives distinct headlines, even for 300 stories and several seeds', () => {
    for (const seed of [7, 2025, 123456789]) {
      const stories = seed === 7 ? big : generateDemoStories(300, seed);
      expect(new Set(stories.map((s) => s.headline)).size).toBe(300);
    }
  });

  it('spreads stories evenly over the four sections', () => {
    for (const [stories, n] of [[site, 90], [big, 300]] as const) {
      const per = new Map<string, number>();
      for (const s of stories) per.set(s.section, (per.get(s.section) ?? 0) + 1);
      expect([...per.keys()].sort()).toEqual([...SECTION_SLUGS].sort());
      for (const k of per.values()) {
        expect(k).toBeGreaterThanOrEqual(Math.floor(n / 4) - 3);
        expect(k).toBeLessThanOrEqual(Math.ceil(n / 4) + 3);
      }
    }
  });

  it('uses many different templates (no section dominated by a few stories)', () => {
    const openings = new Set(site.map((s) => s.paragraphs[0]!.split(' ').slice(0, 3).join(' ')));
    expect(openings.size).toBeGreaterThan(35);
  });

  it('references only existing sections, tags and authors', () => {
    for (const s of [...site, ...big]) {
      expect(SECTION_SLUGS.has(s.section), s.section).toBe(true);
      expect(s.tags.length).toBeGreaterThanOrEqual(DEMO_LIMITS.tags[0]);
      expect(s.tags.length).toBeLessThanOrEqual(DEMO_LIMITS.tags[1]);
      expect(new Set(s.tags).size).toBe(s.tags.length);
      for (const t of s.tags) expect(TAG_SLUGS.has(t), t).toBe(true);
      expect(s.authors.length).toBeGreaterThanOrEqual(1);
      expect(s.authors.length).toBeLessThanOrEqual(2);
      expect(new Set(s.authors).size).toBe(s.authors.length);
      for (const a of s.authors) expect(AUTHOR_SLUGS.has(a), a).toBe(true);
    }
  });

  it('keeps every field within its bounds', () => {
    for (const s of [...site, ...big]) {
      expect(s.headline.length, s.headline).toBeGreaterThanOrEqual(50);
      expect(s.headline.length, s.headline).toBeLessThanOrEqual(140);
      expect(s.headline[0], s.headline).toMatch(/\p{Lu}/u);
      expect(s.headline.endsWith('.'), s.headline).toBe(false);
      expect(s.lead.length, s.lead).toBeGreaterThanOrEqual(100);
      expect(s.lead.length, s.lead).toBeLessThanOrEqual(250);
      expect(s.lead, s.lead).toMatch(/[.»]$/);
      expect(s.paragraphs.length).toBeGreaterThanOrEqual(3);
      expect(s.paragraphs.length).toBeLessThanOrEqual(7);
      for (const p of s.paragraphs) {
        expect(p.length, p).toBeGreaterThan(30);
        expect(p, p).toMatch(/^[\p{Lu}«]/u);
        expect(p, p).toMatch(/[.»]$/);
      }
      expect(s.city, s.headline).toMatch(/^\p{Lu}[\p{L} -]+$/u);
      expect(Number.isInteger(s.imageSeed) && s.imageSeed >= 0).toBe(true);
      if (s.imageCaption !== undefined) {
        expect(s.imageCaption.length).toBeGreaterThan(10);
        expect(s.imageCaption).not.toBe(s.headline);
      }
    }
  });

  it('never starts the first paragraph with a dateline', () => {
    for (const s of [...site, ...big]) {
      const first = s.paragraphs[0]!;
      expect(first.startsWith(`${s.city},`), first).toBe(false);
      expect(first, first).not.toMatch(/^\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)?\s*,/u);
      expect(first, first).not.toMatch(DATELINE_START);
    }
  });

  it('flags at most ~3% of stories as breaking, on the freshest slots', () => {
    for (const stories of [site, big]) {
      const breaking = stories.filter((s) => s.breaking);
      expect(breaking.length).toBeLessThanOrEqual(Math.floor(stories.length * 0.03));
      expect(breaking.length).toBeGreaterThanOrEqual(1);
    }
    expect(site[0]!.breaking).toBe(true);
    expect(generateDemoStories(20, 1).some((s) => s.breaking)).toBe(false);
  });

  it('writes clean Russian text without placeholders or typographic slips', () => {
    for (const s of [...site, ...big]) {
      for (const text of allText(s)) {
        expect(text, text).not.toMatch(/lorem|ipsum|\$\{|undefined|NaN|\[object|null/i);
        expect(text, text).not.toMatch(/\s{2,}|\s[,.;:]|,,|\.\./);
        // Prepositions: "об" before vowels, "со" before consonant clusters with с/з.
        expect(text, text).not.toMatch(/(?:^|\s)о [аеиоуэ]/i);
        expect(text, text).not.toMatch(/(?:^|\s)с [сз][бвгджзклмнпрстфхцчшщ]/i);
        expect(text, text).not.toMatch(/(?:^|\s)в [вф][бвгджзклмнпрстфхцчшщь]/i);
        // No accidental doubled words ("и и", "в в").
        expect(text, text).not.toMatch(/(?:^|\s)(\p{L}+) \1(?=[\s,.]|$)/iu);
        // Balanced guillemets.
        expect((text.match(/«/g) ?? []).length, text).toBe((text.match(/»/g) ?? []).length);
        // Mostly Cyrillic.
        const letters = text.match(/\p{L}/gu) ?? [];
        const cyr = text.match(/[\u0400-\u04FF]/g) ?? [];
        expect(cyr.length / letters.length, text).toBeGreaterThan(0.7);
      }
    }
  });

  it('writes dates-free text', () => {
    for (const s of [...site, ...big]) {
      for (const text of allText(s)) {
        expect(text, text).not.toMatch(/\b(?:19|20)\d\d\s+год/);
        expect(text, text).not.toMatch(/(?:январ|феврал|апрел|июн|июл|август|сентябр|октябр|ноябр|декабр)[яеь]\b/i);
      }
    }
  });
});
