/**
 * `npm run bench:search [-- --n 200000 --queries 1000]`: search latency over a large archive.
 *
 * Builds a corpus of N editions across the four languages (sentences of the demo corpus recombined
 * at random, Uzbek Cyrillic transliterated from the Latin; publication times spread over three
 * years in id order, as an archive grows) into a fresh SQLite database in a temporary folder — and
 * into a PostgreSQL schema too when XABAR_BENCH_PG holds a URL. Rows are analyzed with the same
 * code as a story save (indexColumns) and inserted in large transactions with a progress bar; the
 * indexing rate counts both. Then it runs `--queries` realistic queries (names, places, stems,
 * phrases, cross-script, prefixes, one-letter and very common words, OR fallbacks) through
 * SearchService + the first page's cards, as the search page does before rendering HTML, and
 * prints p50/p95/p99, the index size and the indexing rate. Not part of `npm test`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { buildContainer, type Container } from '../src/container.js';
import { openDb } from '../src/db/connect.js';
import { paragraphsToDoc } from '../src/content/document.js';
import { generateDemoStoryEditions } from '../src/demo/corpus.js';
import { toCyrillic } from '../src/i18n/translit.js';
import type { Locale } from '../src/i18n/locales.js';
import { indexColumns } from '../src/search/search-index.js';
import { progressBar } from '../src/cli/progress.js';

const { values: args } = parseArgs({ options: { n: { type: 'string', default: '200000' }, queries: { type: 'string', default: '1000' }, seed: { type: 'string', default: '7' }, keep: { type: 'boolean', default: false } } });
const N = Number(args.n);
const QUERIES = Number(args.queries);
const LOCALES: Locale[] = ['ru', 'uz', 'uz-Cyrl', 'en'];
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 20, 9, 0);

// ── a deterministic random source ──
let state = Number(args.seed) >>> 0 || 7;
const rnd = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

// ── sentence pools per locale from the demo corpus ──
function pools() {
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

function queryMix(p: ReturnType<typeof pools>): { locale: Locale; q: string; kind: string }[] {
  const fixed: Record<Locale, [string, string][]> = {
    ru: [['name', 'Тошматов'], ['name', 'Мирзиёев'], ['name', 'Toshmatov'], ['place', 'Женева'], ['place', 'Самарканд'], ['place', 'Ташкент'], ['stem', 'миграции'], ['stem', 'сотрудничества'], ['stem', 'развитию'], ['phrase', '"прав мигрантов"'], ['phrase', '"Республики Узбекистан"'], ['prefix', 'эконом*'], ['one-letter', 'в'], ['one-letter', 'и'], ['common', 'по'], ['common', 'Узбекистан'], ['exclude', 'МОМ -Женева']],
    uz: [['name', 'Mirziyoyev'], ['place', 'Toshkent'], ['place', "O'zbekiston"], ['place', 'Ozbekiston'], ['cross-script', 'Тошкент'], ['stem', 'hamkorlikni'], ['phrase', '"Oʻzbekiston Respublikasi"'], ['one-letter', 'o'], ['common', 'va'], ['common', 'bilan'], ['prefix', 'iqtisod*'], ['apostrophe', 'gʻalla']],
    'uz-Cyrl': [['place', 'Тошкент'], ['cross-script', 'Toshkent'], ['cross-script', 'BMT'], ['name', 'Мирзиёев'], ['one-letter', 'в'], ['common', 'ва'], ['stem', 'ҳамкорликни']],
    en: [['place', 'Geneva'], ['place', 'Tashkent'], ['name', 'Toshmatov'], ['stem', 'cooperation'], ['phrase', '"rights of migrants"'], ['one-letter', 'a'], ['common', 'the'], ['common', 'Uzbekistan'], ['prefix', 'econom*']],
  };
  const out: { locale: Locale; q: string; kind: string }[] = [];
  for (let i = 0; i < QUERIES; i++) {
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

async function build(c: Container, p: ReturnType<typeof pools>): Promise<{ seconds: number }> {
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

async function indexBytes(c: Container): Promise<number> {
  if (c.db.dialect === 'postgres') {
    const r = await sql<{ b: string }>`select (pg_relation_size('editions_search_vec_idx') + coalesce((select sum(pg_column_size(search_vec)) from editions), 0))::text as b`.execute(c.db.kysely);
    return Number(r.rows[0]?.b ?? 0);
  }
  const r = await sql<{ b: number }>`select sum(pgsize) as b from dbstat where name like 'editions_search%'`.execute(c.db.kysely);
  return Number(r.rows[0]?.b ?? 0);
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function runOn(label: string, c: Container, p: ReturnType<typeof pools>) {
  const built = await build(c, p);
  if (c.db.dialect === 'postgres') await sql`analyze editions`.execute(c.db.kysely);
  const queries = queryMix(p);
  // Warm-up: the first queries pay for cold caches and JIT; they are not counted.
  for (const q of queries.slice(0, 50)) await c.search.search({ locale: q.locale, q: q.q, page: 1, now: NOW });
  const times: number[] = [];
  const byKind = new Map<string, number[]>();
  let found = 0;
  for (const q of queries) {
    const t0 = process.hrtime.bigint();
    const r = await c.search.search({ locale: q.locale, q: q.q, page: 1, now: NOW });
    await c.site.cardsByIds(q.locale, r.hits.map((h) => h.id));
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    times.push(ms);
    if (r.total > 0) found++;
    const kind = q.kind.startsWith('words') ? 'words' : q.kind;
    byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
  }
  times.sort((a, b) => a - b);
  const bytes = await indexBytes(c);
  console.log(`\n## ${label}: ${N} editions, ${QUERIES} queries (${found} with results)`);
  console.log(`first page: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, p99 ${pct(times, 99).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`);
  console.log(`index: ${(bytes / 1024 / 1024).toFixed(1)} MB; indexing (analysis + insert + index): ${Math.round(N / built.seconds)} editions/s (${built.seconds.toFixed(0)} s)`);
  console.log('| kind | n | p50 ms | p95 ms | p99 ms |\n| --- | ---: | ---: | ---: | ---: |');
  for (const [kind, xs] of [...byKind.entries()].sort()) {
    xs.sort((a, b) => a - b);
    console.log(`| ${kind} | ${xs.length} | ${pct(xs, 50).toFixed(1)} | ${pct(xs, 95).toFixed(1)} | ${pct(xs, 99).toFixed(1)} |`);
  }
}

async function main() {
  const p = pools();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-bench-search-'));
  const config = loadConfig({ DATA_DIR: dir, XABAR_DEMO: 'false', LOG_LEVEL: 'silent', SITE_URL: 'https://bench.example', XABAR_PAGE_CACHE: 'false' }, process.cwd());
  const quiet = pino({ level: 'silent' });
  try {
    const c = await buildContainer(config, { clock: () => NOW, logger: quiet });
    try {
      await runOn('SQLite (FTS5)', c, p);
    } finally {
      await c.close();
    }
    const pg = process.env.XABAR_BENCH_PG;
    if (pg) {
      const schema = `bench_${crypto.randomBytes(4).toString('hex')}`;
      const admin = await openDb({ dialect: 'postgres', url: pg });
      await sql.raw(`create schema ${schema}`).execute(admin.kysely);
      try {
        const c2 = await buildContainer(config, { clock: () => NOW, logger: quiet, dbTarget: { dialect: 'postgres', url: pg, schema } });
        try {
          await runOn('PostgreSQL (tsvector + GIN)', c2, p);
        } finally {
          await c2.close();
        }
      } finally {
        await sql.raw(`drop schema if exists ${schema} cascade`).execute(admin.kysely);
        await admin.close();
      }
    }
  } finally {
    if (!args.keep) fs.rmSync(dir, { recursive: true, force: true });
    else console.error(`kept ${dir}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
