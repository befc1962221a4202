/**
 * The search benchmarks' corpus and query mix (bench/search.ts, bench/search-ab.ts): N editions
 * across the four languages from the demo corpus's sentences, and realistic reader queries.
 */
import type { Container } from '../src/container.js';
import { paragraphsToDoc } from '../src/content/document.js';
import { generateDemoStoryEditions } from '../src/demo/corpus.js';
import { toCyrillic } from '../src/i18n/translit.js';
import type { Locale } from '../src/i18n/locales.js';
import { indexColumns } from '../src/search/search-index.js';
import { progressBar } from '../src/cli/progress.js';

export const LOCALES: Locale[] = ['ru', 'uz', 'uz-Cyrl', 'en'];
export const DAY = 86_400_000;
export const NOW = Date.UTC(2026, 10, 20, 9, 0);

// ── a deterministic random source (one for the corpus, one for the queries, so the query set
// depends only on the seed and not on the corpus size) ──
export function random(seed: number) {
  let state = seed >>> 0 || 7;
  const rnd = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  return { rnd, pick };
}
type Random = ReturnType<typeof random>;

// ── sentence pools per locale from the demo corpus ──
export function pools() {
  const demo = generateDemoStoryEditions(300, 2025);
  const p: Record<Locale, { heads: string[]; sentences: string[]; cities: string[] }> = {
    ru: { heads: [], sentences: [], cities: [] }, uz: { heads: [], sentences: [], cities: [] }, 'uz-Cyrl': { heads: [], sentences: [], cities: [] }, en: { heads: [], sentences: [], cities: [] },
  };
  const split = (t: string) => t.split(/(?<=[.!?])\s+/).filter((s) => s.length > 20);
  for (const d of demo) {
    p.ru.heads.push(d.ru.headline);
    p.ru.cities.push(d.ru.city);
    p.ru.sentences.push(...split(d.ru.lead), ...d.ru.paragraphs.flatMap(split));
    for (const lang of ['uz', 'en'] as const) {
      const t = d[lang];
      if (!t) continue;
      p[lang].heads.push(t.headline);
      p[lang].cities.push(t.city);
      p[lang].sentences.push(...split(t.lead), ...t.paragraphs.flatMap(split));
    }
  }
  p['uz-Cyrl'] = { heads: p.uz.heads.map((x) => toCyrillic(x)), sentences: p.uz.sentences.map((x) => toCyrillic(x)), cities: p.uz.cities.map((x) => toCyrillic(x)) };
  // Names and places the queries look for, sprinkled into the texts.
  p.ru.sentences.push('Элдиёр Тошматов встретился в Женеве с представителями МОМ по вопросам защиты прав мигрантов.', 'Шавкат Мирзиёев провёл переговоры в Самарканде.');
  p.uz.sentences.push('Oʻzbekiston Respublikasi Prezidenti Shavkat Mirziyoyev Toshkentda BMT vakillarini qabul qildi.', "O'zbekistonda g'alla hosili yig'ib olindi, suv bilan bog'liqlik muhokama qilindi.");
  p['uz-Cyrl'].sentences.push(toCyrillic('Oʻzbekiston Respublikasi Prezidenti Shavkat Mirziyoyev Toshkentda BMT vakillarini qabul qildi.'));
  p.en.sentences.push('Eldiyor Toshmatov met IOM officials in Geneva to discuss the rights of migrants.');
  return p;
}

export type Pools = ReturnType<typeof pools>;
export interface BenchQuery {
  locale: Locale;
  q: string;
  kind: string;
}

export function queryMix(p: Pools, count: number, { rnd, pick }: Random): BenchQuery[] {
  const fixed: Record<Locale, [string, string][]> = {
    ru: [['name', 'Тошматов'], ['name', 'Мирзиёев'], ['name', 'Toshmatov'], ['place', 'Женева'], ['place', 'Самарканд'], ['place', 'Ташкент'], ['stem', 'миграции'], ['stem', 'сотрудничества'], ['stem', 'развитию'], ['phrase', '"прав мигрантов"'], ['phrase', '"Республики Узбекистан"'], ['prefix', 'эконом*'], ['one-letter', 'в'], ['one-letter', 'и'], ['common', 'по'], ['common', 'Узбекистан'], ['exclude', 'МОМ -Женева']],
    uz: [['name', 'Mirziyoyev'], ['place', 'Toshkent'], ['place', "O'zbekiston"], ['place', 'Ozbekiston'], ['cross-script', 'Тошкент'], ['stem', 'hamkorlikni'], ['phrase', '"Oʻzbekiston Respublikasi"'], ['one-letter', 'o'], ['common', 'va'], ['common', 'bilan'], ['prefix', 'iqtisod*'], ['apostrophe', 'gʻalla']],
    'uz-Cyrl': [['place', 'Тошкент'], ['cross-script', 'Toshkent'], ['cross-script', 'BMT'], ['name', 'Мирзиёев'], ['one-letter', 'в'], ['common', 'ва'], ['stem', 'ҳамкорликни']],
    en: [['place', 'Geneva'], ['place', 'Tashkent'], ['name', 'Toshmatov'], ['stem', 'cooperation'], ['phrase', '"rights of migrants"'], ['one-letter', 'a'], ['common', 'the'], ['common', 'Uzbekistan'], ['prefix', 'econom*']],
  };
  const out: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const locale = LOCALES[i % 4]!;
    if (rnd() < 0.6) {
      const [kind, q] = pick(fixed[locale]);
      out.push({ locale, q, kind });
    } else {
      // Words a reader would take from a story: one to three of a random sentence (OR fallback when they don't co-occur).
      const ws = pick(p[locale].sentences).split(/[^\p{L}\p{N}ʻʼ'’]+/u).filter((w) => w.length > 3);
      const k = 1 + Math.floor(rnd() * 3);
      const start = Math.floor(rnd() * Math.max(1, ws.length - k));
      const q = ws.slice(start, start + k).join(' ') + (rnd() < 0.2 ? ` ${pick(pick(p[locale].sentences).split(' '))}` : '');
      out.push({ locale, q: q || 'news', kind: `words(${k})` });
    }
  }
  return out;
}

export async function build(c: Container, p: Pools, N: number, { rnd, pick }: Random): Promise<{ seconds: number }> {
  const k = c.db.kysely;
  const sectionIds: number[] = [];
  for (const [i, slug] of ['politics', 'economy', 'society', 'world'].entries()) {
    const { id } = await k.insertInto('sections').values({ slug, position: i, color: '#0b5cad' } as never).returning('id').executeTakeFirstOrThrow();
    sectionIds.push(Number(id));
    for (const l of LOCALES) await k.insertInto('section_names').values({ section_id: Number(id), locale: l, name: `${slug}-${l}`, description: '' }).execute();
  }
  const bar = progressBar(`Building ${N} editions (${c.db.dialect})`, N);
  const start = Date.now();
  const span = 3 * 365 * DAY;
  const BATCH = 2000;
  for (let done = 0; done < N; ) {
    const n = Math.min(BATCH, N - done);
    await k.transaction().execute(async (trx) => {
      // One story per edition: stories' ids stay aligned, and the archive has N stories to rank.
      const stories = await trx.insertInto('stories').values(Array.from({ length: n }, () => ({ section_id: pick(sectionIds), hero_media_id: null, created_at: NOW, updated_at: NOW }))).returning('id').execute();
      const rows = stories.map((s, j) => {
        const i = done + j;
        const locale = LOCALES[i % 4]!;
        const pool = p[locale];
        const headline = pick(pool.heads);
        const paragraphs = Array.from({ length: 3 + Math.floor(rnd() * 4) }, () => Array.from({ length: 2 }, () => pick(pool.sentences)).join(' '));
        const lead = pick(pool.sentences);
        const body_json = JSON.stringify(paragraphsToDoc(paragraphs));
        const published = NOW - span + Math.floor((i / N) * span) + Math.floor(rnd() * 3_600_000);
        const cols = indexColumns({ locale, headline, lead, body_json, dateline_city: pick(pool.cities) }, [`${pick(['politics', 'economy', 'society', 'world'])}-${locale}`]);
        return {
          story_id: Number(s.id), locale, status: 'published' as const, headline, slug: `s-${i}`, lead, body_json, body_html: '', is_main: 0 as const, is_breaking: 0 as const,
          word_count: 100, reading_minutes: 1, views_total: 0, version: 1, search_text: '', dateline_city: '', dateline_agency: '', hero_caption: '', seo_title: '', seo_description: '',
          published_at: published, scheduled_at: null, created_at: published, updated_at: published, ...cols,
        };
      });
      for (let j = 0; j < rows.length; j += 500) await trx.insertInto('editions').values(rows.slice(j, j + 500)).execute();
    });
    done += n;
    bar.update(done);
  }
  const seconds = (Date.now() - start) / 1000;
  bar.finish(`${N} editions`);
  return { seconds };
}

