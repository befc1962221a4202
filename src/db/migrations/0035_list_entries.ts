/**
 * Issue 12: section, tag and author lists that cost O(page) at any archive size
 * (docs/decisions/0022-list-index.md, docs/query-plans.md "List entries").
 *
 * `list_entries` holds one row per (list, edition) for every edition that may be visible to
 * readers — status published or scheduled, with a publication time — of a story in a section (kind
 * 1), with a tag (kind 2) or by an author (kind 3). Its primary key (kind, key_id, locale,
 * published_at, edition_id) is the order a list wants, so "the newest visible editions of tag T
 * in locale L before cursor C" is one range scan read backwards, stopped by the page's LIMIT.
 * Visibility depends on the reader's clock (published_at ≤ now, embargo passed), so it is not
 * stored: the range ends at `now`, and `embargo_until` sits in the entry to be tested there.
 *
 * Kept by triggers on both dialects (SQLite triggers, PostgreSQL plpgsql row triggers) on
 * editions, stories (section_id), story_tags and story_authors, so no write path can miss it: the
 * newsroom, imports, the demo generator's bulk inserts, tag merges, foreign-key cascades and SET
 * NULLs, and a node of the previous release still writing during a rolling upgrade.
 *
 * Expand only (docs/decisions/0017-expand-migrate-contract.md): a new table, its triggers and its
 * index. Re-runnable: every statement is `if not exists` (SQLite; on PostgreSQL functions are
 * replaced and triggers created when missing), and the table is emptied and filled again. The
 * triggers come first, so a write during the backfill is never lost; the backfill walks editions
 * in id batches.
 */
import { sql, type Kysely } from 'kysely';

/** Frozen here (src/content/visibility.ts VISIBLE_STATUSES when this was written). */
const LISTED = `('published', 'scheduled')`;
/** Editions per backfill batch. */
const BATCH = 20_000;
const COLS = 'kind, key_id, locale, published_at, edition_id, story_id, embargo_until';

export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect === 'sqlite') await sqliteObjects(db);
  else await postgresObjects(db);
  // A table found here may hold rows no trigger kept (a restore of an older backup over a newer
  // schema drops the triggers and keeps the table): start from empty, then fill. The triggers are
  // already in place, so a write meanwhile is either in the fill or written by its trigger.
  await sql`delete from list_entries`.execute(db);
  await backfill(db);
}

async function sqliteObjects(db: Kysely<any>): Promise<void> {
  // WITHOUT ROWID: the table is its primary key, so a range of it is read without a second lookup.
  await sql.raw(`create table if not exists list_entries (
    kind integer not null, key_id integer not null, locale text not null, published_at bigint not null,
    edition_id integer not null, story_id integer not null, embargo_until bigint,
    primary key (kind, key_id, locale, published_at, edition_id)) without rowid`).execute(db);
  // Every trigger finds a story's entries by this (at most locales × (1 + tags + authors) rows).
  await sql`create index if not exists list_entries_story_idx on list_entries (story_id, kind, key_id)`.execute(db);

  const ofEdition = (e: string) => `select 1, s.section_id, ${e}.locale, ${e}.published_at, ${e}.id, ${e}.story_id, ${e}.embargo_until from stories s where s.id = ${e}.story_id and s.section_id is not null
      union all select 2, t.tag_id, ${e}.locale, ${e}.published_at, ${e}.id, ${e}.story_id, ${e}.embargo_until from story_tags t where t.story_id = ${e}.story_id
      union all select 3, a.author_id, ${e}.locale, ${e}.published_at, ${e}.id, ${e}.story_id, ${e}.embargo_until from story_authors a where a.story_id = ${e}.story_id`;
  // `where true` before ON CONFLICT: SQLite's parser needs a WHERE to tell an upsert from a join.
  const addEdition = `insert into list_entries (${COLS}) select * from (${ofEdition('new')}) where new.status in ${LISTED} and new.published_at is not null on conflict do nothing;`;
  const dropEdition = `delete from list_entries where story_id = old.story_id and edition_id = old.id;`;
  const addStoryKey = (kind: number, key: string, story: string) =>
    `insert into list_entries (${COLS}) select ${kind}, ${key}, e.locale, e.published_at, e.id, e.story_id, e.embargo_until from editions e
      where e.story_id = ${story} and ${key} is not null and e.status in ${LISTED} and e.published_at is not null on conflict do nothing;`;
  const dropStoryKey = (kind: number, key: string, story: string) => `delete from list_entries where story_id = ${story} and kind = ${kind} and key_id = ${key};`;

  const triggers: [string, string][] = [
    ['list_entries_editions_ai', `after insert on editions begin ${addEdition} end`],
    ['list_entries_editions_ad', `after delete on editions begin ${dropEdition} end`],
    ['list_entries_editions_au', `after update of status, published_at, embargo_until, locale, story_id on editions
      when old.status is not new.status or old.published_at is not new.published_at or old.embargo_until is not new.embargo_until or old.locale is not new.locale or old.story_id is not new.story_id
      begin ${dropEdition} ${addEdition} end`],
    ['list_entries_stories_au', `after update of section_id on stories when old.section_id is not new.section_id
      begin delete from list_entries where story_id = old.id and kind = 1; ${addStoryKey(1, 'new.section_id', 'new.id')} end`],
    ['list_entries_stories_ad', `after delete on stories begin delete from list_entries where story_id = old.id; end`],
    ['list_entries_story_tags_ai', `after insert on story_tags begin ${addStoryKey(2, 'new.tag_id', 'new.story_id')} end`],
    ['list_entries_story_tags_ad', `after delete on story_tags begin ${dropStoryKey(2, 'old.tag_id', 'old.story_id')} end`],
    ['list_entries_story_tags_au', `after update of story_id, tag_id on story_tags when old.story_id is not new.story_id or old.tag_id is not new.tag_id
      begin ${dropStoryKey(2, 'old.tag_id', 'old.story_id')} ${addStoryKey(2, 'new.tag_id', 'new.story_id')} end`],
    ['list_entries_story_authors_ai', `after insert on story_authors begin ${addStoryKey(3, 'new.author_id', 'new.story_id')} end`],
    ['list_entries_story_authors_ad', `after delete on story_authors begin ${dropStoryKey(3, 'old.author_id', 'old.story_id')} end`],
    ['list_entries_story_authors_au', `after update of story_id, author_id on story_authors when old.story_id is not new.story_id or old.author_id is not new.author_id
      begin ${dropStoryKey(3, 'old.author_id', 'old.story_id')} ${addStoryKey(3, 'new.author_id', 'new.story_id')} end`],
  ];
  for (const [name, body] of triggers) await sql.raw(`create trigger if not exists ${name} ${body}`).execute(db);
}

async function postgresObjects(db: Kysely<any>): Promise<void> {
  // embargo_until in the index too: the embargo test is answered from the entry (Index Only Scan).
  await sql.raw(`create table if not exists list_entries (
    kind smallint not null, key_id integer not null, locale text not null, published_at bigint not null,
    edition_id integer not null, story_id integer not null, embargo_until bigint,
    constraint list_entries_pk primary key (kind, key_id, locale, published_at, edition_id) include (embargo_until))`).execute(db);
  await sql`create index if not exists list_entries_story_idx on list_entries (story_id, kind, key_id)`.execute(db);

  const ofEdition = `select 1, s.section_id, new.locale, new.published_at, new.id, new.story_id, new.embargo_until from stories s where s.id = new.story_id and s.section_id is not null
      union all select 2, t.tag_id, new.locale, new.published_at, new.id, new.story_id, new.embargo_until from story_tags t where t.story_id = new.story_id
      union all select 3, a.author_id, new.locale, new.published_at, new.id, new.story_id, new.embargo_until from story_authors a where a.story_id = new.story_id`;
  const addStoryKey = (kind: number, key: string, story: string) =>
    `insert into list_entries (${COLS}) select ${kind}, ${key}, e.locale, e.published_at, e.id, e.story_id, e.embargo_until from editions e
      where e.story_id = ${story} and ${key} is not null and e.status in ${LISTED} and e.published_at is not null on conflict do nothing;`;
  const dropStoryKey = (kind: number, key: string, story: string) => `delete from list_entries where story_id = ${story} and kind = ${kind} and key_id = ${key};`;

  // Under READ COMMITTED two transactions could each miss the other's uncommitted half of an entry
  // (one links a tag to a story while the other publishes one of its editions: neither trigger
  // sees the other's row). Every trigger therefore first locks the story's row (FOR NO KEY
  // UPDATE: not the KEY SHARE of foreign-key checks, so inserts of links do not wait on it) and
  // only then reads, each statement with a fresh snapshot: the second of two writers of one
  // story waits for the first to commit and sees its rows. SQLite has one writer at a time.
  const lockStory = (story: string) => `perform 1 from stories where id = ${story} for no key update;`;
  const fns: [name: string, body: string][] = [
    ['list_entries_of_edition', `
      if tg_op = 'UPDATE' and (old.status, old.published_at, old.embargo_until, old.locale, old.story_id)
          is not distinct from (new.status, new.published_at, new.embargo_until, new.locale, new.story_id) then return null; end if;
      if tg_op = 'INSERT' and not (new.status in ${LISTED} and new.published_at is not null) then return null; end if;
      if tg_op <> 'INSERT' then ${lockStory('old.story_id')} delete from list_entries where story_id = old.story_id and edition_id = old.id; end if;
      if tg_op <> 'DELETE' and new.status in ${LISTED} and new.published_at is not null then
        ${lockStory('new.story_id')}
        insert into list_entries (${COLS}) ${ofEdition} on conflict do nothing;
      end if;
      return null;`],
    ['list_entries_of_story', `
      if tg_op = 'DELETE' then delete from list_entries where story_id = old.id; return null; end if;
      if old.section_id is not distinct from new.section_id then return null; end if;
      delete from list_entries where story_id = old.id and kind = 1;
      ${addStoryKey(1, 'new.section_id', 'new.id')}
      return null;`],
    ['list_entries_of_story_tag', `
      if tg_op = 'UPDATE' and old.story_id = new.story_id and old.tag_id = new.tag_id then return null; end if;
      if tg_op <> 'INSERT' then ${lockStory('old.story_id')} ${dropStoryKey(2, 'old.tag_id', 'old.story_id')} end if;
      if tg_op <> 'DELETE' then ${lockStory('new.story_id')} ${addStoryKey(2, 'new.tag_id', 'new.story_id')} end if;
      return null;`],
    ['list_entries_of_story_author', `
      if tg_op = 'UPDATE' and old.story_id = new.story_id and old.author_id = new.author_id then return null; end if;
      if tg_op <> 'INSERT' then ${lockStory('old.story_id')} ${dropStoryKey(3, 'old.author_id', 'old.story_id')} end if;
      if tg_op <> 'DELETE' then ${lockStory('new.story_id')} ${addStoryKey(3, 'new.author_id', 'new.story_id')} end if;
      return null;`],
  ];
  for (const [name, body] of fns) {
    await sql.raw(`create or replace function ${name}() returns trigger language plpgsql as $fn$ begin ${body} end $fn$`).execute(db);
  }
  const triggers: [name: string, table: string, events: string, fn: string][] = [
    ['list_entries_editions', 'editions', 'insert or delete or update of status, published_at, embargo_until, locale, story_id', 'list_entries_of_edition'],
    ['list_entries_stories', 'stories', 'delete or update of section_id', 'list_entries_of_story'],
    ['list_entries_story_tags', 'story_tags', 'insert or delete or update of story_id, tag_id', 'list_entries_of_story_tag'],
    ['list_entries_story_authors', 'story_authors', 'insert or delete or update of story_id, author_id', 'list_entries_of_story_author'],
  ];
  for (const [name, table, events, fn] of triggers) {
    // Created only when missing: DROP TRIGGER would take an ACCESS EXCLUSIVE lock on the table (no
    // reader either) until the migration commits. CREATE TRIGGER takes SHARE ROW EXCLUSIVE:
    // pages are still read while the migration fills the table; writes to these tables wait for
    // it (docs/decisions/0022-list-index.md, "Upgrading").
    const exists = await sql`select 1 from pg_trigger where tgname = ${name} and tgrelid = ${table}::regclass`.execute(db);
    if (!exists.rows.length) await sql.raw(`create trigger ${name} after ${events} on ${table} for each row execute function ${fn}()`).execute(db);
  }
}

/**
 * Fills the entries of existing editions, BATCH edition ids at a time, each batch in key order
 * (the table's B-tree is written in runs, not at random). Rows already there (written by the
 * triggers meanwhile) are left as they are.
 */
async function backfill(db: Kysely<any>): Promise<void> {
  const bounds = (await sql<{ lo: number | null; hi: number | null }>`select min(id) as lo, max(id) as hi from editions`.execute(db)).rows[0];
  if (bounds?.lo == null || bounds.hi == null) return;
  const lo = Number(bounds.lo);
  const hi = Number(bounds.hi);
  for (let from = lo; from <= hi; from += BATCH) {
    const to = from + BATCH;
    const where = sql`e.id >= ${from} and e.id < ${to} and e.status in (${sql.raw(LISTED.slice(1, -1))}) and e.published_at is not null`;
    await sql`insert into list_entries (${sql.raw(COLS)})
      select * from (
        select 1 as kind, s.section_id as key_id, e.locale, e.published_at, e.id as edition_id, e.story_id, e.embargo_until
          from editions e join stories s on s.id = e.story_id where ${where} and s.section_id is not null
        union all select 2, t.tag_id, e.locale, e.published_at, e.id, e.story_id, e.embargo_until
          from editions e join story_tags t on t.story_id = e.story_id where ${where}
        union all select 3, a.author_id, e.locale, e.published_at, e.id, e.story_id, e.embargo_until
          from editions e join story_authors a on a.story_id = e.story_id where ${where}
      ) x where true order by 1, 2, 3, 4, 5
      on conflict do nothing`.execute(db);
  }
}
