import { describe, expect, it } from 'vitest';
import { toCyrillic } from '../i18n/translit.js';
import {
  DEMO_TEMPLATES,
  DEMO_TRANSLIT_KEEP,
  TRANSLATION_LIMITS,
  buildDemoStoryEditions,
  generateDemoStories,
  generateDemoStoryEditions,
  type DemoStoryEditions,
  type DemoTranslation,
} from './corpus.js';
import { Gen, mulberry32 } from './corpus.gen.js';
import { DEMO_MIRRORS, translateDraft } from './corpus.tr.js';
import { MirrorMismatch, TapeGen, en, fmtDecEn, fmtIntEn, joinEn, joinUz, millionsUsd, usdBi, uzForms } from './corpus.tr.gen.js';

const SEEDS = [7, 2025, 123456789];
const big = new Map(SEEDS.map((s) => [s, generateDemoStoryEditions(300, s)]));
const site = generateDemoStoryEditions(90, 2025);
const all: DemoStoryEditions[] = [...big.values()].flat();

function texts(t: DemoTranslation): string[] {
  return [t.headline, t.lead, ...t.paragraphs, ...(t.imageCaption ? [t.imageCaption] : [])];
}

function editions(lang: 'uz' | 'en'): DemoTranslation[] {
  return all.map((e) => e[lang]).filter((t): t is DemoTranslation => t !== null);
}

describe('generateDemoStoryEditions', () => {
  it('is deterministic and leaves the Russian stories exactly as generateDemoStories makes them', () => {
    expect(generateDemoStoryEditions(90, 2025)).toEqual(site);
    for (const [n, seed] of [[0, 1], [1, 3], [37, 1], [90, 2025], [300, 7], [300, 123456789]] as const) {
      const eds = n === 300 ? big.get(seed)! : generateDemoStoryEditions(n, seed);
      expect(eds).toHaveLength(n);
      expect(eds.map((e) => e.ru)).toEqual(generateDemoStories(n, seed));
    }
    expect(() => generateDemoStoryEditions(-1, 1)).toThrow(RangeError);
  });

  it('translates at least 80% of the stories into Uzbek and English, without problems', () => {
    for (const seed of [...SEEDS, 1, 42]) {
      const { editions: eds, problems } = buildDemoStoryEditions(300, seed);
      expect(problems, problems.join('\n')).toEqual([]);
      const uz = eds.filter((e) => e.uz).length / eds.length;
      const enShare = eds.filter((e) => e.en).length / eds.length;
      expect(uz, `seed ${seed}`).toBeGreaterThanOrEqual(0.8);
      expect(enShare, `seed ${seed}`).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('has mirrors only for real templates, and for most of them', () => {
    const templates = new Set(Object.values(DEMO_TEMPLATES).flat());
    for (const t of DEMO_MIRRORS.keys()) expect(templates.has(t), t.name).toBe(true);
    expect(DEMO_MIRRORS.size / templates.size).toBeGreaterThanOrEqual(0.8);
  });

  it('gives distinct headlines within each language for 300 stories', () => {
    for (const eds of big.values()) {
      for (const lang of ['uz', 'en'] as const) {
        const hs = eds.map((e) => e[lang]?.headline).filter((h): h is string => !!h);
        expect(new Set(hs).size, lang).toBe(hs.length);
      }
    }
  });

  it('keeps the translated fields within their bounds and shaped like news copy', () => {
    const L = TRANSLATION_LIMITS;
    for (const t of [...editions('uz'), ...editions('en')]) {
      expect(t.headline.length, t.headline).toBeGreaterThanOrEqual(L.headline[0]);
      expect(t.headline.length, t.headline).toBeLessThanOrEqual(L.headline[1]);
      expect(t.headline, t.headline).toMatch(/^[\p{Lu}\d$“«]/u);
      expect(t.headline.endsWith('.'), t.headline).toBe(false);
      expect(t.lead.length, t.lead).toBeGreaterThanOrEqual(L.lead[0]);
      expect(t.lead.length, t.lead).toBeLessThanOrEqual(L.lead[1]);
      expect(t.paragraphs.length).toBeGreaterThanOrEqual(L.paragraphs[0]);
      expect(t.paragraphs.length).toBeLessThanOrEqual(L.paragraphs[1]);
      for (const p of [t.lead, ...t.paragraphs]) {
        expect(p.length, p).toBeGreaterThan(L.paragraph);
        expect(p, p).toMatch(/^[\p{Lu}«“]/u);
        expect(p, p).toMatch(/[.»”]$/);
      }
      expect(t.city, t.headline).toMatch(/^\p{Lu}[\p{L}’ -]+$/u);
      if (t.imageCaption !== undefined) expect(t.imageCaption.length).toBeGreaterThan(10);
    }
  });

  it('writes the same number of paragraphs as the Russian story, with the dateline city in each language', () => {
    for (const e of all) {
      for (const t of [e.uz, e.en]) if (t) expect(t.paragraphs.length, e.ru.headline).toBe(e.ru.paragraphs.length);
      if (e.ru.city === 'Ташкент') {
        expect(e.uz?.city).toBe('Toshkent');
        expect(e.en?.city).toBe('Tashkent');
      }
      if (e.ru.city === 'Самарканд') expect([e.uz?.city, e.en?.city]).toEqual(['Samarqand', 'Samarkand']);
      if (e.ru.city === 'Женева') expect([e.uz?.city, e.en?.city]).toEqual(['Jeneva', 'Geneva']);
      if (e.ru.city === 'Нью-Йорк') expect([e.uz?.city, e.en?.city]).toEqual(['Nyu-York', 'New York']);
      expect(!!e.ru.imageCaption, e.ru.headline).toBe(!!(e.uz ?? e.en)?.imageCaption);
    }
  });

  it('leaves no placeholders, Cyrillic letters or typographic slips in Uzbek and English', () => {
    for (const lang of ['uz', 'en'] as const) {
      for (const t of editions(lang)) {
        for (const s of texts(t)) {
          expect(s, s).not.toMatch(/\$\{|\bundefined\b|\bNaN\b|\[object|\bnull\b|\blorem\b/);
          expect(s, s).not.toMatch(/[\u0400-\u04FF]/);
          expect(s, s).not.toMatch(/\s{2,}|\s[,.;:]|,,|\.\.|^\s|\s$/);
          expect(s, s).not.toMatch(/(?:^|\s)(\p{L}+) \1(?=[\s,.]|$)/iu);
          expect((s.match(/«/g) ?? []).length, s).toBe((s.match(/»/g) ?? []).length);
          expect((s.match(/“/g) ?? []).length, s).toBe((s.match(/”/g) ?? []).length);
        }
      }
    }
  });

  it('writes Uzbek with the official apostrophes: ʻ (U+02BB) in oʻ/gʻ, ʼ (U+02BC) for the tutuq', () => {
    for (const t of editions('uz')) {
      for (const s of texts(t)) {
        expect(s, s).not.toMatch(/['`‘’]/);
        expect(s, s).not.toMatch(/(?<![oOgG])ʻ/u);
        expect(s, s).not.toMatch(/[oOgG]ʼ/u);
        expect(s, s).not.toMatch(/\b[Oo]zbek|\bOʼ/u);
      }
    }
    const sample = editions('uz').flatMap(texts).join(' ');
    for (const word of ['Oʻzbekiston', 'vazirligi', 'hamkorlik', 'maʼlumotlariga koʻra']) expect(sample).toContain(word);
  });

  it('uses comma decimals in Uzbek and dot decimals with comma thousands in English', () => {
    for (const s of editions('uz').flatMap(texts)) {
      expect(s, s).not.toMatch(/\d\.\d/);
      expect(s, s).not.toMatch(/\d,\d{3}\b/);
    }
    for (const s of editions('en').flatMap(texts)) {
      expect(s, s).not.toMatch(/\d,\d{1,2}(?!\d)/);
      expect(s, s).not.toMatch(/\d\u00A0\d/);
      expect(s, s).not.toMatch(/[ʻʼ]/);
    }
  });

  it('transliterates Uzbek headlines to Cyrillic without stray Latin words', () => {
    // Kept in Latin by the transliterator on purpose: IT, units after numbers, Roman numerals, words with w.
    const allowed = /^(?:IT-?|km|[IVXLC]+|World)$/;
    for (const t of editions('uz')) {
      const cyr = toCyrillic(t.headline);
      for (const w of cyr.match(/[A-Za-z][A-Za-z0-9-]*/g) ?? []) expect(w, `${t.headline} → ${cyr}`).toMatch(allowed);
    }
    // Full texts with the demo keep-list (brands and trade-fair names stay Latin).
    const keep = new Set(DEMO_TRANSLIT_KEEP);
    for (const t of editions('uz').slice(0, 400)) {
      for (const s of texts(t)) {
        const cyr = toCyrillic(s, { keep: DEMO_TRANSLIT_KEEP });
        for (const w of cyr.match(/[A-Za-z][A-Za-z0-9-]*/g) ?? []) {
          expect(keep.has(w) || allowed.test(w) || /^(?:Uzbekistan|A32[01]neo|FITUR|EMITT|ITB)$/.test(w), `${s} → ${cyr}`).toBe(true);
        }
      }
    }
    expect(toCyrillic('Oʻzbekiston Respublikasi Prezidenti')).toBe('Ўзбекистон Республикаси Президенти');
  });
});

describe('Uzbek and English helpers', () => {
  it('formats numbers and money for each language', () => {
    expect(fmtIntEn(1234)).toBe('1,234');
    expect(fmtIntEn(12345)).toBe('12,345');
    expect(fmtDecEn(12.4)).toBe('12.4');
    expect(en('12,4')).toBe('12.4');
    expect(en('12\u00A0345')).toBe('12,345');
    expect(en('1234')).toBe('1,234');
    expect(usdBi(0.64)).toEqual({ uz: '640 mln dollar', en: '$640 million' });
    expect(usdBi(2.34)).toEqual({ uz: '2,3 mlrd dollar', en: '$2.3 billion' });
    expect(millionsUsd(2600)).toEqual({ uz: '2,6 mlrd dollar', en: '$2.6 billion' });
  });

  it('builds Uzbek case forms and lists', () => {
    expect(uzForms('Toshkent')).toEqual({
      nom: 'Toshkent',
      gen: 'Toshkentning',
      dat: 'Toshkentga',
      acc: 'Toshkentni',
      loc: 'Toshkentda',
      abl: 'Toshkentdan',
    });
    expect(uzForms('Bishkek').dat).toBe('Bishkekka');
    expect(uzForms('Boʻstonliq').dat).toBe('Boʻstonliqqa');
    expect(joinUz(['savdo', 'energetika', 'turizm'])).toBe('savdo, energetika va turizm');
    expect(joinUz(['savdo', 'taʼlim va fan', 'turizm'])).toBe('savdo, taʼlim va fan hamda turizm');
    expect(joinEn(['trade', 'energy', 'tourism'])).toBe('trade, energy and tourism');
  });

  it('replays a template’s draws and catches a mirror that draws differently', () => {
    const rnd = mulberry32(99);
    const tape: number[] = [];
    const g = new Gen(() => {
      const x = rnd();
      tape.push(x);
      return x;
    });
    const a = g.int(1, 10);
    const b = g.pick(['x', 'y', 'z']);
    const ref = new TapeGen(tape);
    expect([ref.int(1, 10), ref.pick(['x', 'y', 'z'])]).toEqual([a, b]);
    ref.finish();
    const wrong = new TapeGen(tape, ref.trace);
    wrong.int(1, 10);
    expect(() => wrong.pick(['x', 'y'])).toThrow(MirrorMismatch);
    const short = new TapeGen(tape, ref.trace);
    short.int(1, 10);
    expect(() => short.finish()).toThrow(MirrorMismatch);
  });

  it('translates every mirrored template for many random draws', () => {
    let n = 0;
    for (const [t] of DEMO_MIRRORS) {
      for (let k = 0; k < 25; k++) {
        const rnd = mulberry32(1000 * k + n);
        const tape: number[] = [];
        t(new Gen(() => {
          const x = rnd();
          tape.push(x);
          return x;
        }));
        const r = translateDraft(t, tape);
        expect(r.kind, `${t.name}: ${r.kind === 'error' ? r.error : ''}`).toBe('ok');
        if (r.kind === 'ok') expect(r.problems, t.name).toEqual([]);
      }
      n++;
    }
  });
});
