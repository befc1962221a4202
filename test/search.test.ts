/**
 * Search through the real site on SQLite and PostgreSQL: the failing examples (Uzbek
 * apostrophes and scripts, Russian stems), the reference story, query syntax, filters, the
 * torture list, invisibility of unpublished and embargoed stories, migration of an existing
 * database, and the same ranked order on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { paragraphsToDoc } from '../src/content/document.js';
import { seedDemo } from '../src/demo/seed.js';
import { migrate } from '../src/db/migrate.js';
import { reindexAll } from '../src/search/search-index.js';
import { parseQuery, termKey } from '../src/search/query.js';
import { StoriesListRepository } from '../src/newsroom/stories-list.repository.js';
import { toCyrillic } from '../src/i18n/translit.js';
import { BROWSER_UA, DIALECTS, makeTestSite, type DialectName, type TestSite } from './helpers/site.js';

const NOW = Date.UTC(2026, 10, 20, 9, 0);
const DAY = 86_400_000;
const REF_HEADLINE = 'В МОМ высоко оценивают активную и конструктивную роль Узбекистана в региональных и глобальных миграционных процессах';
const UZ_HEADLINE = 'Oʻzbekistonda gʻalla hosili yigʻib olindi';
const UZ_BODY = 'Toshkent viloyatida fermerlar va BMT vakillari suv bilan bogʻliqlik masalasini muhokama qildi.';
const CYRL_ONLY = 'Тошкентда БМТ кўмагида янги мактаб очилди';

/** Ranked headlines per dialect and query, compared at the end. */
const orders: Record<string, Record<string, string[]>> = {};
const ORDER_QUERIES: [string, string][] = [
  ['ru', 'Узбекистан'], ['ru', 'министр'], ['ru', 'развитие сотрудничества'], ['ru', 'Женева'], ['ru', 'эконом*'],
  ['uz', 'Oʻzbekiston'], ['uz', 'hamkorlik'], ['uz-Cyrl', 'Ўзбекистон'], ['en', 'Uzbekistan'], ['en', 'cooperation development'],
  // OR fallbacks (no story has all the words): ranked by how many words each story has.
  ['ru', 'министр развитие квазизвездолёт'], ['en', 'cooperation Geneva quasistarship'],
];

let addr = 0;

describe.each(DIALECTS)('search on %s', (dialect: DialectName) => {
  let s: TestSite;
  const get = (url: string) => s.app.inject({ method: 'GET', url, headers: { 'user-agent': BROWSER_UA }, remoteAddress: `198.51.100.${(addr++ % 250) + 1}` });
  const search = (locale: string, q: string, extra = '') => get(`/${locale}/search?q=${encodeURIComponent(q)}${extra}`);
  /** The results list alone (the most-read sidebar names stories too). */
  const results = async (locale: string, q: string, extra = '') => /<ol class="story-list">[\s\S]*?<\/ol>/.exec((await search(locale, q, extra)).body)?.[0] ?? '';

  beforeAll(async () => {
    s = await makeTestSite(dialect, { now: NOW });
    await seedDemo(s.c, { stories: 24, images: 1 });
    await s.c.stories.create({
      editions: [
        { locale: 'uz', headline: UZ_HEADLINE, doc: paragraphsToDoc([UZ_BODY]), status: 'published', publishedAt: new Date(NOW - DAY) },
        { locale: 'uz-Cyrl', headline: toCyrillic(UZ_HEADLINE), doc: paragraphsToDoc([toCyrillic(UZ_BODY)]), status: 'published', publishedAt: new Date(NOW - DAY), derivedFrom: 'uz' },
      ],
    });
    await s.c.stories.create({ editions: [{ locale: 'uz-Cyrl', headline: CYRL_ONLY, doc: paragraphsToDoc(['Мактаб Тошкент шаҳрида.']), status: 'published', publishedAt: new Date(NOW - 2 * DAY) }] });
    // Never found: a draft, a story scheduled for later, a published one under embargo.
    await s.c.stories.create({ editions: [{ locale: 'ru', headline: 'Черновик про квазарнейтрино', doc: paragraphsToDoc(['квазарнейтрино']), status: 'draft' }] });
    await s.c.stories.create({ editions: [{ locale: 'ru', headline: 'Будущее квазарнейтрино', doc: paragraphsToDoc(['квазарнейтрино']), status: 'scheduled', publishedAt: new Date(NOW + DAY) }] });
    const embargoed = await s.c.stories.create({ editions: [{ locale: 'ru', headline: 'Эмбарго квазарнейтрино', doc: paragraphsToDoc(['квазарнейтрино']), status: 'published', publishedAt: new Date(NOW - DAY) }] });
    await s.c.db.kysely.updateTable('editions').set({ embargo_until: NOW + DAY }).where('id', '=', embargoed.editions[0]!.id).execute();
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it('finds an Uzbek story with every apostrophe form and none, from either script', async () => {
    for (const q of ['Oʻzbekiston', "O'zbekiston", 'O‘zbekiston', 'O’zbekiston', 'Oʼzbekiston', 'O`zbekiston', 'Ozbekiston', 'Ўзбекистон', 'gʻalla', "g'alla", 'galla', 'ғалла', 'bogʻliqlik', 'bogliqlik']) {
      const res = await search('uz', q);
      expect(res.statusCode, q).toBe(200);
      expect(res.body, q).toContain(UZ_HEADLINE);
      expect((await search('uz-cyrl', q)).body, q).toContain(toCyrillic(UZ_HEADLINE));
    }
    expect((await search('uz-cyrl', 'Toshkent')).body).toContain(CYRL_ONLY);
    expect((await search('uz', 'Тошкент')).body).toContain(UZ_HEADLINE);
    expect((await search('uz-cyrl', 'BMT')).body).toContain(CYRL_ONLY);
    expect((await search('uz', 'Oʻzbekistonning')).body).toContain(UZ_HEADLINE); // a case ending of the same word
  });

  it('finds the reference story by Russian stems, the agency, the place and the person', async () => {
    for (const q of ['миграция', 'МОМ', 'Женева', 'права мигрантов', 'Тошматов', 'Toshmatov', 'миграции Женеве']) {
      const res = await search('ru', q);
      expect(res.statusCode, q).toBe(200);
      expect(res.body, q).toContain(REF_HEADLINE);
    }
    // Matched words are marked in the snippet, found by stem.
    expect((await search('ru', 'Женева')).body).toMatch(/<mark>Женеве<\/mark>/);
  });

  it('knows phrases, exclusions, prefixes and falls back to any word', async () => {
    expect((await search('ru', '"прав мигрантов"')).body).toContain(REF_HEADLINE);
    expect(await results('ru', '"мигрантов прав"')).not.toContain(REF_HEADLINE);
    expect(await results('ru', 'МОМ -Женева')).not.toContain(REF_HEADLINE);
    expect((await search('ru', 'МОМ -"Бразилия"')).body).toContain(REF_HEADLINE);
    expect(await results('ru', 'женев -МОМ')).not.toContain(REF_HEADLINE); // the prefix fallback keeps exclusions
    expect((await search('ru', 'миграц*')).body).toContain(REF_HEADLINE);
    const or = await search('ru', 'Женева квазизвездолёт');
    expect(or.body).toContain(REF_HEADLINE);
    expect(or.body).toContain('Новостей со всеми словами сразу нет');
  });

  it('never shows drafts, scheduled or embargoed stories', async () => {
    const res = await search('ru', 'квазарнейтрино');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Ничего не найдено');
    expect(res.body).not.toContain('квазарнейтрино</a>');
  });

  it('filters by section and dates, and says so when a filter is wrong', async () => {
    expect((await search('ru', 'МОМ', '&section=world')).body).toContain(REF_HEADLINE);
    expect(await results('ru', 'МОМ', '&section=economy')).not.toContain(REF_HEADLINE);
    expect((await search('ru', 'МОМ', '&from=2025-04-24&to=2025-04-24')).body).toContain(REF_HEADLINE);
    expect(await results('ru', 'МОМ', '&from=2025-04-25')).not.toContain(REF_HEADLINE);
    expect(await results('ru', 'МОМ', '&to=2025-04-23')).not.toContain(REF_HEADLINE);
    for (const bad of ['&from=2025-02-30', '&to=yesterday', '&from=99999-01-01', '&section=nope']) {
      const res = await search('ru', 'МОМ', bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.body, bad).toMatch(/Дата указана неверно|Такой рубрики нет/);
    }
  });

  it('answers every query of the torture list with a page, never an error', async () => {
    const torture = [
      '', ' ', 'а', 'x'.repeat(2000), '!!!', '"""', '"unbalanced', '*', '**', 'a*', 'NEAR', 'NEAR(a b)', 'OR', 'AND', 'NOT', 'a OR b', 'NOT a',
      '((a)', ')', 'search_text:a', 'search_head:мом', "'; drop table editions; --", '1=1 -- ', '%', '_', '\\', 'мом*', '-мом', '-', '"-"',
      '🙂', '🇺🇿 Oʻzbekiston', 'שלום עולם', 'مرحبا', 'mixед Sкрипт', 'ʻ', "'", '{}', '[]', '$1', ':*', '!мом', 'мом & женева', 'мом | женева', '<script>alert(1)</script>',
    ];
    for (const locale of ['ru', 'uz', 'uz-cyrl', 'en']) {
      for (const q of torture) {
        const res = await search(locale, q);
        expect(res.statusCode, `${locale} ${q.slice(0, 40)}`).toBe(200);
        expect(res.body).toContain('<form class="search-big search-filters"');
        expect(res.body).not.toContain('<script>alert(1)</script>');
      }
    }
    for (const raw of ['%E0%A4%A', '%', '%ZZ', '%00', 'a%00b', '%C0%AF', '%ED%A0%80']) {
      const res = await get(`/ru/search?q=${raw}`);
      expect(res.statusCode, raw).toBeLessThan(500);
    }
    // A query with nothing to look for says so in the reader's language.
    expect((await search('uz', '!!!')).body).toContain('Soʻrovda qidirish mumkin boʻlgan soʻz yoʻq');
    expect((await search('en', '*')).body).toContain('The query has no words to search for');
  });

  it('searches the newsroom list with the same analyzer: drafts too, any script, half-typed words', async () => {
    const repo = new StoriesListRepository(s.c.db.kysely, s.c.dialect.searchMatch);
    const stories = async (q: string, extra: Record<string, unknown> = {}) => {
      const rows = await repo.page({ q, ...extra } as never, 'updated', 'desc', 20, null);
      return rows.map((r: { story_id: number }) => Number(r.story_id));
    };
    const [uzStory] = await s.c.db.kysely.selectFrom('editions').select('story_id').where('headline', '=', UZ_HEADLINE).execute();
    const [draftStory] = await s.c.db.kysely.selectFrom('editions').select('story_id').where('headline', '=', 'Черновик про квазарнейтрино').execute();
    for (const q of ['Ozbekiston', 'Ўзбекистон', "g'alla", 'bogʻliq', 'Тошкент']) expect(await stories(q), q).toContain(uzStory!.story_id);
    expect(await stories('квазарнейтр')).toContain(draftStory!.story_id);
    expect(await stories('квазарнейтрино', { status: 'draft' })).toEqual([draftStory!.story_id]);
    expect(await stories('Ozbekiston', { locale: 'en' })).toEqual([]);
    expect(await stories('"; drop table editions --')).toEqual([]);
  });

  it('records its ranked order for the cross-database comparison', async () => {
    const byDialect: Record<string, string[]> = {};
    for (const [locale, q] of ORDER_QUERIES) {
      const r = await s.c.search.search({ locale: locale as 'ru', q, page: 1, now: NOW });
      const rows = r.hits.length ? await s.c.db.kysely.selectFrom('editions').select(['id', 'headline']).where('id', 'in', r.hits.map((h) => h.id)).execute() : [];
      const head = new Map(rows.map((x) => [x.id, x.headline]));
      byDialect[`${locale}:${q}`] = r.hits.slice(0, 10).map((h) => head.get(h.id) ?? '?');
    }
    expect(Object.values(byDialect).filter((v) => v.length > 1).length).toBeGreaterThan(5);
    orders[dialect] = byDialect;
  });

  it('keeps the index in step when an edition is updated, changes locale or is deleted', async () => {
    const k = s.c.db.kysely;
    const found = async (locale: 'ru' | 'en', q: string) => (await s.c.search.search({ locale, q, page: 1, now: NOW })).hits.map((h) => h.id);
    const story = await s.c.stories.create({ editions: [{ locale: 'ru', headline: 'Первый гиперзвуколёт', doc: paragraphsToDoc(['текст']), status: 'published', publishedAt: new Date(NOW - DAY) }] });
    const id = story.editions[0]!.id;
    expect(await found('ru', 'гиперзвуколёт')).toEqual([id]);
    // The analyzed columns are what the engines index (a save rewrites them in its transaction).
    await k.updateTable('editions').set({ search_head: 'втор ультразвуколет' }).where('id', '=', id).execute();
    expect(await found('ru', 'гиперзвуколёт')).toEqual([]);
    expect(await found('ru', 'ультразвуколёт')).toEqual([id]);
    await k.updateTable('editions').set({ locale: 'en' }).where('id', '=', id).execute();
    expect(await found('ru', 'ультразвуколёт')).toEqual([]);
    expect(await found('en', 'ультразвуколет')).toEqual([id]);
    await k.deleteFrom('editions').where('id', '=', id).execute();
    expect(await found('en', 'ультразвуколет')).toEqual([]);
  });

  it('finds with the OR fallback in one query exactly what each word alone would, cut to the newest', async () => {
    const k = s.c.db.kysely;
    for (const [locale, q] of [['ru', 'министр развитие Женева квазизвездолёт'], ['en', 'cooperation development Geneva'], ['uz', 'hamkorlik Oʻzbekiston Toshkent']] as const) {
      const { must, not } = parseQuery(q, locale);
      for (const limit of [3, 8, 500]) {
        const f = { locales: [locale], now: NOW, limit };
        const any = await s.c.dialect.searchCandidates(k, must, not, f, true);
        // The old way: each word alone (newest `limit` each), the union cut to the newest `limit`.
        const byId = new Map<number, { terms: Set<string>; head: Set<string> }>();
        for (const t of must) {
          for (const c of await s.c.dialect.searchCandidates(k, [t], not, f)) {
            const e = byId.get(c.id) ?? { terms: new Set<string>(), head: new Set<string>() };
            e.terms.add(termKey(t));
            c.head.forEach((h) => e.head.add(h));
            byId.set(c.id, e);
          }
        }
        const union = [...byId.keys()].sort((a, b) => b - a).slice(0, limit);
        expect(any.map((c) => c.id), `${q} ${limit}`).toEqual(union);
        for (const c of any) {
          expect([...c.matched!].sort()).toEqual([...byId.get(c.id)!.terms].sort());
          expect([...c.head].sort()).toEqual([...byId.get(c.id)!.head].sort());
        }
        if (limit === 500) expect(any.some((c) => c.matched!.size > 1) && any.some((c) => c.matched!.size < must.length), q).toBe(true);
      }
    }
  });

  it('gives the same results after a full reindex and optimize (the xabar reindex path)', async () => {
    const q = async () => JSON.stringify(await Promise.all([['ru', 'Узбекистан'], ['uz', 'Oʻzbekiston'], ['en', 'cooperation development']].map(async ([l, x]) => (await s.c.search.search({ locale: l as 'ru', q: x!, page: 1, now: NOW })).hits.map((h) => h.id))));
    const before = await q();
    expect(await reindexAll(s.c.db.kysely, { batch: 7, transaction: true })).toBeGreaterThan(20);
    await s.c.dialect.optimizeSearch(s.c.db.kysely);
    expect(await q()).toBe(before);
    if (dialect === 'sqlite') {
      const segments = (await sql<{ n: number }>`select count(distinct segid) as n from editions_search_ru_idx`.execute(s.c.db.kysely)).rows[0]?.n;
      expect(segments).toBe(1);
    }
  });

  it('migrates an existing database: the search columns and index are built from what is there', async () => {
    const k = s.c.db.kysely;
    // Back to the state before migration 0024 (the old index is not needed to show the fill).
    if (dialect === 'postgres') {
      await sql`alter table editions drop column search_vec`.execute(k);
    } else {
      // This site was migrated while empty (a new install): 0024's shared table went at once.
      const fresh = (await sql<{ name: string }>`select name from sqlite_master where sql like 'CREATE VIRTUAL TABLE%'`.execute(k)).rows.map((r) => r.name).sort();
      expect(fresh).toEqual(['editions_search_en', 'editions_search_ru', 'editions_search_uz', 'editions_search_uz_cyrl']);
      for (const t of ['editions_search_locale_ai', 'editions_search_locale_ad', 'editions_search_locale_au']) await sql`drop trigger ${sql.id(t)}`.execute(k);
      for (const t of ['editions_search_ru', 'editions_search_uz', 'editions_search_uz_cyrl', 'editions_search_en']) await sql`drop table ${sql.id(t)}`.execute(k);
      await sql`drop index editions_search_cover_head`.execute(k);
      // 0024's shared table, kept by 0032 for the previous release.
      for (const t of ['editions_search_ai', 'editions_search_ad', 'editions_search_au']) await sql`drop trigger if exists ${sql.id(t)}`.execute(k);
      await sql`drop table if exists editions_search`.execute(k);
      await sql`drop index if exists editions_search_cover`.execute(k);
    }
    await sql`alter table editions drop column search_head`.execute(k);
    await sql`alter table editions drop column search_body`.execute(k);
    await k.deleteFrom('xabar_migrations' as never).where('name' as never, 'in', ['0024_search', '0032_search_per_locale'] as never).execute();
    expect(await migrate(s.c.db)).toEqual(['0024_search', '0032_search_per_locale']);
    expect((await search('ru', 'права мигрантов')).body).toContain(REF_HEADLINE);
    expect((await search('uz', 'Ozbekiston')).body).toContain(UZ_HEADLINE);
    expect((await search('uz-cyrl', 'Toshkent')).body).toContain(CYRL_ONLY);
    if (dialect === 'sqlite') {
      // One FTS5 table per locale; the shared one of 0024 stays for a node of the previous release
      // (expand, then contract in a later release: docs/decisions/0017-expand-migrate-contract.md).
      const fts = (await sql<{ name: string }>`select name from sqlite_master where sql like 'CREATE VIRTUAL TABLE%'`.execute(k)).rows.map((r) => r.name).sort();
      expect(fts).toEqual(['editions_search', 'editions_search_en', 'editions_search_ru', 'editions_search_uz', 'editions_search_uz_cyrl']);
      // A run stopped after creating a table and before filling it completes on the next start.
      await sql`delete from editions_search_uz`.execute(k);
      expect((await search('uz', 'Ozbekiston')).body).not.toContain(UZ_HEADLINE);
      await k.deleteFrom('xabar_migrations' as never).where('name' as never, '=', '0032_search_per_locale' as never).execute();
      expect(await migrate(s.c.db)).toEqual(['0032_search_per_locale']);
      expect((await search('uz', 'Ozbekiston')).body).toContain(UZ_HEADLINE);
    }
  });
});

describe.runIf(DIALECTS.length === 2)('search order', () => {
  it('is the same top 10 on SQLite and PostgreSQL for the same data and query', () => {
    expect(orders.sqlite).toBeDefined();
    expect(orders.postgres).toEqual(orders.sqlite);
  });
});
