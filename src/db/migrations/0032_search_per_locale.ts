/**
 * Issue 11, speed (docs/decisions/0011-search.md §8): on SQLite, one FTS5 table per locale instead
 * of one for all, and the candidates' head words read from a covering index.
 *
 * A search lists one locale's editions, but the shared table made FTS5 walk every locale's matches
 * (three in four thrown away by the locale test) and merge every locale's terms for a prefix. Each
 * table is contentless (`content=''`, the text stays in `editions`) with `contentless_delete=1`
 * so triggers can delete and replace rows; same `ascii` tokenizer and full detail (phrases need
 * positions). The old `editions_search` table and its triggers go. The covering index gains
 * `search_head`, so the head matches that weigh 3 in ranking are computed in memory from the
 * candidate rows (as on PostgreSQL) instead of one more FTS query per term.
 *
 * Existing databases: the tables are filled from the analyzed columns already in `editions`
 * (the analyzer did not change; `xabar reindex` recomputes those columns, and the triggers keep
 * these tables in step), then each is optimized into one segment. Re-runnable: every step skips
 * what exists. PostgreSQL needs nothing (its tsvector and GIN index are unchanged).
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
  for (const t of ['editions_search_ai', 'editions_search_ad', 'editions_search_au']) await sql`drop trigger if exists ${sql.id(t)}`.execute(db);
  await sql`drop table if exists editions_search`.execute(db);
  for (const [locale, table] of TABLES) {
    const existed = (await sql<{ n: number }>`select count(*) as n from sqlite_master where name = ${table}`.execute(db)).rows[0]?.n;
    if (existed) continue;
    await sql`create virtual table ${sql.id(table)} using fts5(search_head, search_body, content='', contentless_delete=1, tokenize='ascii')`.execute(db);
    await sql`insert into ${sql.id(table)}(rowid, search_head, search_body) select id, search_head, search_body from editions where locale = ${locale} order by id`.execute(db);
    await sql`insert into ${sql.id(table)}(${sql.id(table)}) values ('optimize')`.execute(db);
  }
  const each = (stmt: (locale: string, table: string) => string) => TABLES.map(([l, t]) => stmt(l, t)).join('\n');
  const ins = (row: 'new') => (l: string, t: string) => `insert into ${t}(rowid, search_head, search_body) select ${row}.id, ${row}.search_head, ${row}.search_body where ${row}.locale = '${l}';`;
  const del = (l: string, t: string) => `delete from ${t} where rowid = old.id and old.locale = '${l}';`;
  await sql.raw(`create trigger if not exists editions_search_locale_ai after insert on editions begin\n${each(ins('new'))}\nend`).execute(db);
  await sql.raw(`create trigger if not exists editions_search_locale_ad after delete on editions begin\n${each(del)}\nend`).execute(db);
  await sql.raw(`create trigger if not exists editions_search_locale_au after update of search_head, search_body, locale on editions begin\n${each(del)}\n${each(ins('new'))}\nend`).execute(db);
  // The candidates' visibility test and head words from the index alone: reading them from the
  // table would walk each row's overflow pages (the long body columns come before them).
  await sql`create index if not exists editions_search_cover_head on editions (id, locale, status, published_at, embargo_until, story_id, search_head)`.execute(db);
  await sql`drop index if exists editions_search_cover`.execute(db);
}
