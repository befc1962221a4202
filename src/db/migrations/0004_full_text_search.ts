/**
 * Full-text search over editions' `search_text` (headline, lead and body, case-folded by the app).
 * SQLite: an external-content FTS5 index kept current by triggers. PostgreSQL: a generated
 * tsvector column with a GIN index. Both use language-neutral tokenisation ('unicode61' /
 * 'simple'): the site searches Russian, Uzbek in two scripts and English with one index.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect === 'postgres') {
    await sql`alter table editions add column if not exists search_tsv tsvector generated always as (to_tsvector('simple', search_text)) stored`.execute(db);
    await sql`create index if not exists editions_search_tsv_idx on editions using gin (search_tsv)`.execute(db);
    return;
  }
  await sql`create virtual table if not exists editions_fts using fts5(search_text, content='editions', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`.execute(db);
  await sql`create trigger if not exists editions_fts_ai after insert on editions begin
    insert into editions_fts(rowid, search_text) values (new.id, new.search_text); end`.execute(db);
  await sql`create trigger if not exists editions_fts_ad after delete on editions begin
    insert into editions_fts(editions_fts, rowid, search_text) values ('delete', old.id, old.search_text); end`.execute(db);
  await sql`create trigger if not exists editions_fts_au after update of search_text on editions begin
    insert into editions_fts(editions_fts, rowid, search_text) values ('delete', old.id, old.search_text);
    insert into editions_fts(rowid, search_text) values (new.id, new.search_text); end`.execute(db);
  await sql`insert into editions_fts(editions_fts) values ('rebuild')`.execute(db);
}
