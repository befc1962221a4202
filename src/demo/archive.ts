/**
 * A big archive for load tests and benchmarks (`xabar demo --stories N`, N up to 1,000,000): the
 * demo site first (seed.ts), then older stories written straight to the tables in batches, one
 * transaction per batch. Their texts are drawn from a pool of generated demo stories and their
 * derived fields (HTML, word count, search text) computed once per pool story and language with
 * the same function the newsroom's saves use, so search stays consistent; images, sections, tags
 * and authors are the demo's own, reused. Archive stories are history, not news: no outbox events,
 * no revisions (they were never edited here) and no hourly view rows, just their view totals.
 */
import { indexColumns } from '../search/search-index.js';
import { nameIn, twinLocale } from '../content/derived-names.js';
import { sql, type Kysely } from 'kysely';
import type { Container } from '../container.js';
import type { Database } from '../db/schema.js';
import { paragraphsToDoc } from '../content/document.js';
import { deriveEditionFields } from '../content/stories.service.js';
import { slugify } from '../content/slug.js';
import { transliterateText } from '../i18n/translit.js';
import type { Locale } from '../i18n/locales.js';
import { generateDemoStoryEditions, DEMO_TRANSLIT_KEEP, type DemoStoryEditions } from './corpus.js';
import { DEMO_AGENCY, seedDemo } from './seed.js';

export const ARCHIVE_MAX_STORIES = 1_000_000;
export const ARCHIVE_LOCALES: readonly Locale[] = ['ru', 'uz', 'uz-Cyrl', 'en'];
/** Up to this many stories come from the full demo seeding (images drawn, view histories). */
const DEMO_PART = 90;
/** Distinct texts the archive cycles through (generating 1,000 takes about a second). */
const POOL = 1000;
/** Stories per transaction: large enough to amortise commits, small enough to keep memory flat. */
const BATCH = 500;
/** The archive spreads over this many years before the demo's newest three weeks. */
const YEARS = 20;
const AGENCY: Record<Locale, string> = { ru: DEMO_AGENCY, uz: 'Xabar AA', 'uz-Cyrl': 'Хабар АА', en: 'Xabar' };

export interface ArchiveOptions {
  stories: number;
  locales?: readonly Locale[];
  seed?: number;
  /** Hero images drawn for the demo part (seed.ts); archive stories reuse them. */
  images?: number;
  /** Demo seeding messages (images drawn, …). */
  progress?: (message: string) => void;
  /** Called after every batch with the archive stories written so far and the total to write. */
  onBatch?: (done: number, total: number) => void;
}

export interface ArchiveResult {
  created: boolean;
  referencePath: string | null;
  /** Stories written, the reference story included. */
  stories: number;
  editions: number;
}

/** Rows per INSERT so that rows × columns stays under SQLite's 32,766 bound parameters (PostgreSQL allows 65,535). */
function chunkFor(columns: number): number {
  return Math.max(1, Math.floor(30_000 / columns));
}

async function insertChunked<T extends keyof Database>(trx: Kysely<Database>, table: T, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const size = chunkFor(Object.keys(rows[0]!).length);
  for (let i = 0; i < rows.length; i += size) await trx.insertInto(table).values(rows.slice(i, i + size) as never).execute();
}

async function maxId(db: Kysely<Database>, table: 'stories' | 'editions'): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
  return Number(row?.m ?? 0);
}

/** Creates the demo site plus `stories − 90` archive stories on an empty database. */
export async function generateArchive(c: Container, opts: ArchiveOptions): Promise<ArchiveResult> {
  const total = opts.stories;
  if (!Number.isInteger(total) || total < 1 || total > ARCHIVE_MAX_STORIES) throw new RangeError(`stories must be a whole number from 1 to ${ARCHIVE_MAX_STORIES}`);
  const locales = opts.locales ?? ARCHIVE_LOCALES;
  const demoPart = total <= 300 ? total : DEMO_PART;
  const demo = await seedDemo(c, { stories: demoPart, seed: opts.seed, images: opts.images, progress: opts.progress });
  if (!demo.created) return { created: false, referencePath: null, stories: 0, editions: 0 };
  const rest = total - demoPart;
  const written = rest > 0 ? await writeArchive(c, rest, locales, opts) : 0;
  c.pageCache?.clear();
  return { created: true, referencePath: demo.referencePath, stories: demo.stories + rest, editions: written };
}

async function writeArchive(c: Container, count: number, locales: readonly Locale[], opts: ArchiveOptions): Promise<number> {
  const db = c.db.kysely;
  const pool = generateDemoStoryEditions(Math.min(POOL, count), (opts.seed ?? 2025) + 1);
  const ids = async (table: 'sections' | 'tags' | 'authors') => new Map((await db.selectFrom(table).select(['id', 'slug']).execute()).map((r) => [r.slug, r.id]));
  const [sections, tags, authors] = await Promise.all([ids('sections'), ids('tags'), ids('authors')]);
  // Names by slug and locale, for the search columns (section, tag and author names are searched).
  const namesOf = async (kind: 'section' | 'tag' | 'author') => {
    const table = `${kind}s` as 'sections' | 'tags' | 'authors';
    const rows = await db.selectFrom(`${kind}_names as n` as 'section_names as n').innerJoin(`${table} as x` as 'sections as x', 'x.id', `n.${kind}_id` as 'n.section_id').select(['x.slug', 'n.locale', 'n.name']).execute();
    const out = new Map<string, Map<string, string>>();
    for (const r of rows) (out.get(r.slug) ?? out.set(r.slug, new Map()).get(r.slug)!).set(r.locale, r.name);
    return out;
  };
  const [sectionNames, tagNames, authorNames] = await Promise.all([namesOf('section'), namesOf('tag'), namesOf('author')]);
  const nameFor = (m: Map<string, Map<string, string>>, slug: string, locale: Locale) => {
    const n = m.get(slug);
    return n ? nameIn(locale, n.get(locale), n.get(twinLocale(locale))) : '';
  };
  const media = (await db.selectFrom('media').select('id').orderBy('id').limit(64).execute()).map((r) => r.id);
  const oldest = await db.selectFrom('editions').select((eb) => eb.fn.min('published_at').as('t')).executeTakeFirst();
  const start = Number(oldest?.t ?? c.clock()) - 3600_000;
  const step = Math.max(60_000, Math.floor((YEARS * 365.25 * 86400_000) / count));

  // Per pool story and language: the edition's texts and derived fields, computed once.
  type Text = { headline: string; slug: string; lead: string; city: string; caption: string; derived: ReturnType<typeof deriveEditionFields>; search: ReturnType<typeof indexColumns> };
  const texts = new Map<string, Text | null>();
  const cyrl = (t: string) => transliterateText(t, 'cyrl', { keep: DEMO_TRANSLIT_KEEP });
  const textOf = (i: number, s: DemoStoryEditions, locale: Locale): Text | null => {
    const key = `${i}:${locale}`;
    let t = texts.get(key);
    if (t !== undefined) return t;
    const src = locale === 'ru' ? { headline: s.ru.headline, lead: s.ru.lead, paragraphs: s.ru.paragraphs, city: s.ru.city, imageCaption: s.ru.imageCaption } : locale === 'en' ? s.en : s.uz;
    if (!src) t = null;
    else {
      const conv = locale === 'uz-Cyrl' ? cyrl : (x: string) => x;
      const headline = conv(src.headline);
      const lead = conv(src.lead);
      const doc = paragraphsToDoc(src.paragraphs.map(conv));
      const derived = deriveEditionFields(doc, locale, headline, lead);
      const city = conv(src.city);
      // The same analyzed columns a newsroom save writes (src/search/search-index.ts), so archive stories are found.
      const names = [nameFor(sectionNames, s.ru.section, locale), ...s.ru.tags.map((x) => nameFor(tagNames, x, locale)), ...s.ru.authors.map((x) => nameFor(authorNames, x, locale))].filter((x) => x);
      const search = indexColumns({ locale, headline, lead, body_json: derived.body_json, dateline_city: city }, names);
      t = { headline, lead, slug: slugify(headline, 70, locale) || 'story', city, caption: src.imageCaption ? conv(src.imageCaption) : '', derived, search };
    }
    texts.set(key, t);
    return t;
  };

  let storyId = await maxId(db, 'stories');
  let editionId = await maxId(db, 'editions');
  const pg = c.db.dialect === 'postgres';
  let at = start;
  let done = 0;
  let editionCount = 0;
  opts.onBatch?.(0, count);
  while (done < count) {
    const n = Math.min(BATCH, count - done);
    const stories: Record<string, unknown>[] = [];
    const storyTags: Record<string, unknown>[] = [];
    const storyAuthors: Record<string, unknown>[] = [];
    const editions: Record<string, unknown>[] = [];
    for (let k = 0; k < n; k++) {
      const index = done + k;
      const p = index % pool.length;
      const s = pool[p]!;
      storyId++;
      at -= step - Math.floor(step * 0.3 * (((index * 2654435761) >>> 0) / 2 ** 32)); // a little jitter
      const created = at - 15 * 60_000;
      stories.push({ id: storyId, section_id: sections.get(s.ru.section) ?? null, hero_media_id: media.length ? media[index % media.length]! : null, created_at: created, updated_at: at });
      s.ru.tags.forEach((t, position) => tags.has(t) && storyTags.push({ story_id: storyId, tag_id: tags.get(t)!, position }));
      s.ru.authors.forEach((a, position) => authors.has(a) && storyAuthors.push({ story_id: storyId, author_id: authors.get(a)!, position }));
      const views = 50 + ((index * 7919) % 3000);
      let uzId: number | null = null;
      for (const locale of locales) {
        const t = textOf(p, s, locale);
        if (!t) continue;
        editionId++;
        const derivedFrom = locale === 'uz-Cyrl' && uzId !== null ? { derived_from: uzId, sync: 'synced', source_version: 1 } : { derived_from: null, sync: '', source_version: null };
        // Every row names the same columns: SQLite has no DEFAULT in a multi-row VALUES list.
        if (locale === 'uz') uzId = editionId;
        editions.push({
          id: editionId, story_id: storyId, locale, status: 'published', headline: t.headline, slug: `${t.slug}-${storyId}`, lead: t.lead, ...t.derived, ...t.search,
          dateline_city: t.city, dateline_agency: AGENCY[locale], hero_caption: t.caption, seo_title: '', seo_description: '', is_main: 0, is_breaking: 0,
          views_total: Math.round(views * (locale === 'ru' ? 1 : 0.3)), version: 1, published_at: at, scheduled_at: null, created_at: created, updated_at: at, ...derivedFrom,
        });
      }
    }
    await db.transaction().execute(async (trx) => {
      await insertChunked(trx, 'stories', stories);
      await insertChunked(trx, 'story_tags', storyTags);
      await insertChunked(trx, 'story_authors', storyAuthors);
      await insertChunked(trx, 'editions', editions);
      // Explicit ids skip PostgreSQL's sequences: move them past the rows written.
      if (pg) {
        await sql`select setval(pg_get_serial_sequence('stories', 'id'), ${storyId})`.execute(trx);
        await sql`select setval(pg_get_serial_sequence('editions', 'id'), ${editionId})`.execute(trx);
      }
    });
    done += n;
    editionCount += editions.length;
    opts.onBatch?.(done, count);
  }
  // Fresh statistics, so the query planners see the archive's real size.
  await sql`analyze`.execute(db);
  return editionCount;
}
