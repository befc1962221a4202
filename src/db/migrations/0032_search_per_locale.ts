/**
 * Issue 11, speed (docs/decisions/0011-search.md §8): on SQLite, one FTS5 table per locale instead
 * of one for all, and the candidates' head words read from a covering index.
 *
 * A search lists one locale's editions, but the shared table made FTS5 walk every locale's matches
 * (three in four thrown away by the locale test) and merge every locale's terms for a prefix. Each
 * table is contentless (`content=''`, the text stays in `editions`) with `contentless_delete=1`
 * so triggers can delete and replace rows; same `ascii` tokenizer and full detail (phrases need
 * positions). A new covering index adds `search_head`, so the head matches that weigh 3 in
 * ranking are computed in memory from the candidate rows (as on PostgreSQL) instead of one more FTS
 * query per term.
 *
 * Expand only (docs/decisions/0017-expand-migrate-contract.md): the old `editions_search` table,
 * its triggers and `editions_search_cover` stay, so a node of the previous release still searches
 * during a rolling upgrade or after a rollback; a later release drops them (contract). A database
 * without a single edition (a new install) has no such node to serve: there they go at once, so
 * new sites do not write every save into two indexes.
 *
 * Existing databases: the triggers come first, so no write is missed while the tables fill; each
 * table is then filled from the analyzed columns already in `editions` with the rows it lacks (the
 * analyzer did not change; `xabar reindex` recomputes those columns) and optimized into one
 * segment. Re-runnable: a run stopped anywhere (SQLite has no transactional DDL here) completes on
 * the next. PostgreSQL needs nothing (its tsvector and GIN index are unchanged).
 */
import { sql, type Kysely } from 'kysely';

/** Frozen here: a locale added later brings its own migration (and table). */
const TABLES: [locale: string, table: string][] = [
  ['ru', 'editions_search_ru'],
  ['uz', 'editions_search_uz'],
  ['uz-Cyrl', 'editions_search_uz_cyrl'],
  ['en', 'editions_search_en'],
];

export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect === 'postgres') return;
  for (const [, table] of TABLES) {
    await sql`create virtual table if not exists ${sql.id(table)} using fts5(search_head, search_body, content='', contentless_delete=1, tokenize='ascii')`.execute(db);
  }
  const each = (stmt: (locale: string, table: string) => string) => TABLES.map(([l, t]) => stmt(l, t)).join('\n');
  const ins = (row: 'new') => (l: string, t: string) => `insert into ${t}(rowid, search_head, search_body) select ${row}.id, ${row}.search_head, ${row}.search_body where ${row}.locale = '${l}';`;
  const del = (l: string, t: string) => `delete from ${t} where rowid = old.id and old.locale = '${l}';`;
  await sql.raw(`create trigger if not exists editions_search_locale_ai after insert on editions begin\n${each(ins('new'))}\nend`).execute(db);
  await sql.raw(`create trigger if not exists editions_search_locale_ad after delete on editions begin\n${each(del)}\nend`).execute(db);
  await sql.raw(`create trigger if not exists editions_search_locale_au after update of search_head, search_body, locale on editions begin\n${each(del)}\n${each(ins('new'))}\nend`).execute(db);
  for (const [locale, table] of TABLES) {
    // One statement: it fills all the rows the table lacks or none. On a first run that is every
    // edition of the locale; after an interrupted run, the rest.
    const filled = await sql`insert into ${sql.id(table)}(rowid, search_head, search_body) select id, search_head, search_body from editions where locale = ${locale} and id not in (select rowid from ${sql.id(table)}) order by id`.execute(db);
    if (Number(filled.numAffectedRows ?? 0) > 0) await sql`insert into ${sql.id(table)}(${sql.id(table)}) values ('optimize')`.execute(db);
  }
  const empty = (await sql<{ n: number }>`select count(*) as n from (select 1 from editions limit 1)`.execute(db)).rows[0]?.n === 0;
  if (empty) {
    for (const t of ['editions_search_ai', 'editions_search_ad', 'editions_search_au']) await sql`drop trigger if exists ${sql.id(t)}`.execute(db);
    await sql`drop table if exists editions_search`.execute(db);
    await sql`drop index if exists editions_search_cover`.execute(db);
  }
  // The candidates' visibility test and head words from the index alone: reading them from the
  // table would walk each row's overflow pages (the long body columns come before them).
  await sql`create index if not exists editions_search_cover_head on editions (id, locale, status, published_at, embargo_until, story_id, search_head)`.execute(db);
}
