/**
 * Writes the analyzed search columns of editions: `search_head` (headline, section, tags,
 * authors, dateline place — the words that weigh 3 in ranking) and `search_body` (lead and body
 * text), both space-separated tokens in text order. The engines index these columns (FTS5 table
 * kept by triggers; PostgreSQL generated tsvector), so writing them is indexing.
 *
 * Called inside the transaction that changes a story (stories.service, editorial.service): the
 * index is never behind the story, and a rolled-back save leaves no trace in it. `reindexAll`
 * (migration 0024, `xabar reindex`) recomputes every edition in id batches.
 */
import type { Kysely } from 'kysely';
import { docText, type StoryDoc } from '../content/document.js';
import { nameIn, twinLocale } from '../content/derived-names.js';
import { isLocale, type Locale } from '../i18n/locales.js';
import { analyze } from './analyze.js';

export interface IndexSource {
  locale: string;
  headline: string;
  lead: string;
  body_json: string;
  dateline_city: string;
}

function bodyText(json: string): string {
  try {
    return docText(JSON.parse(json) as StoryDoc);
  } catch {
    return '';
  }
}

/** The two analyzed columns of one edition; `names` are its section, tag and author names. */
export function indexColumns(e: IndexSource, names: string[]): { search_head: string; search_body: string } {
  const locale: Locale = isLocale(e.locale) ? e.locale : 'en';
  return {
    search_head: analyze([e.headline, e.dateline_city, ...names].join('\n'), locale).join(' '),
    search_body: analyze(`${e.lead}\n${bodyText(e.body_json)}`, locale).join(' '),
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- also run by migration 0024 on its own untyped handle
type AnyDb = Kysely<any>;

/** Section, tag and author names of stories, per story and locale (twin-script names stand in). */
async function storyNames(db: AnyDb, storyIds: number[]): Promise<(storyId: number, locale: string) => string[]> {
  if (storyIds.length === 0) return () => [];
  const [sections, tags, authors] = await Promise.all([
    db.selectFrom('stories as s').innerJoin('section_names as n', 'n.section_id', 's.section_id').select(['s.id as story_id', 'n.locale', 'n.name', 's.section_id as ref']).where('s.id', 'in', storyIds).execute(),
    db.selectFrom('story_tags as st').innerJoin('tag_names as n', 'n.tag_id', 'st.tag_id').select(['st.story_id', 'n.locale', 'n.name', 'st.tag_id as ref']).where('st.story_id', 'in', storyIds).execute(),
    db.selectFrom('story_authors as sa').innerJoin('author_names as n', 'n.author_id', 'sa.author_id').select(['sa.story_id', 'n.locale', 'n.name', 'sa.author_id as ref']).where('sa.story_id', 'in', storyIds).execute(),
  ]);
  type Row = { story_id: number; locale: string; name: string; ref: number };
  const byStory = new Map<number, Map<string, Map<string, string>>>(); // story → "kind:ref" → locale → name
  const add = (kind: string, rows: Row[]) => {
    for (const r of rows) {
      let refs = byStory.get(Number(r.story_id));
      if (!refs) byStory.set(Number(r.story_id), (refs = new Map()));
      const key = `${kind}:${r.ref}`;
      let names = refs.get(key);
      if (!names) refs.set(key, (names = new Map()));
      names.set(r.locale, r.name);
    }
  };
  add('s', sections as Row[]);
  add('t', tags as Row[]);
  add('a', authors as Row[]);
  return (storyId, locale) => [...(byStory.get(storyId)?.values() ?? [])].map((n) => nameIn(locale, n.get(locale), n.get(twinLocale(locale)))).filter((n) => n);
}

/** Recomputes the search columns of every edition of these stories (in the caller's transaction). */
export async function reindexStories(db: AnyDb, storyIds: number[]): Promise<void> {
  const ids = [...new Set(storyIds)];
  // In chunks: a renamed section may name many stories, and SQL parameter lists are bounded.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await db.selectFrom('editions').select(['id', 'story_id', 'locale', 'headline', 'lead', 'body_json', 'dateline_city']).where('story_id', 'in', chunk).execute();
    await write(db, rows as (IndexSource & { id: number; story_id: number })[]);
  }
}

async function write(db: AnyDb, rows: (IndexSource & { id: number; story_id: number })[]): Promise<void> {
  const names = await storyNames(db, [...new Set(rows.map((r) => Number(r.story_id)))]);
  for (const r of rows) {
    await db.updateTable('editions').set(indexColumns(r, names(Number(r.story_id), r.locale))).where('id', '=', r.id).execute();
  }
}

/**
 * Recomputes every edition, `batch` at a time in id order, each batch its own transaction when
 * `transaction` is given (the CLI), or on the handle as is (a migration's own transaction).
 * `progress(done, total)` is called after each batch. Memory stays O(batch).
 */
export async function reindexAll(
  db: AnyDb,
  opts: { batch?: number; progress?: (done: number, total: number) => void; transaction?: boolean } = {},
): Promise<number> {
  const batch = opts.batch ?? 500;
  const total = Number((await db.selectFrom('editions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  let done = 0;
  let after = 0;
  for (;;) {
    const step = async (h: AnyDb) => {
      const rows = await h.selectFrom('editions').select(['id', 'story_id', 'locale', 'headline', 'lead', 'body_json', 'dateline_city']).where('id', '>', after).orderBy('id').limit(batch).execute();
      await write(h, rows as (IndexSource & { id: number; story_id: number })[]);
      return { n: rows.length, last: rows.length ? Number(rows[rows.length - 1]!.id) : after };
    };
    const { n, last } = opts.transaction ? await db.transaction().execute(step) : await step(db);
    if (n === 0) break;
    done += n;
    after = last;
    opts.progress?.(done, Math.max(total, done));
  }
  return done;
}

/** Stories that carry a section, tag or author: their head words change when its name does. */
export async function storiesNaming(db: AnyDb, kind: 'section' | 'tag' | 'author', id: number): Promise<number[]> {
  const rows =
    kind === 'section'
      ? await db.selectFrom('stories').select('id as story_id').where('section_id', '=', id).execute()
      : kind === 'tag'
        ? await db.selectFrom('story_tags').select('story_id').where('tag_id', '=', id).execute()
        : await db.selectFrom('story_authors').select('story_id').where('author_id', '=', id).execute();
  return rows.map((r) => Number(r.story_id));
}
