/**
 * Issue 11: language-aware search. Editions get two analyzed columns (src/search/analyze.ts):
 * `search_head` (headline, section, tags, authors, dateline place) and `search_body` (lead, body),
 * space-separated stems the app computes. SQLite indexes them with an external-content FTS5 table
 * kept by triggers; PostgreSQL with a generated tsvector ('simple': the tokens are final) and GIN.
 * The old index over `search_text` (migration 0004) is dropped; `search_text` itself stays for the
 * newsroom's related-story picker (a LIKE on headlines).
 *
 * Existing editions are filled here, in id batches with today's analyzer (the columns are filled
 * before the index exists, so the index is built once instead of row by row). Re-runnable: each
 * step skips what exists. The FTS5 tokenizer is 'ascii': every non-ASCII character is a token
 * character and ASCII non-alphanumerics separate, so our tokens (letters and digits only, joined
 * by spaces) are split exactly as PostgreSQL's parser splits them.
 */
import { sql, type Kysely } from 'kysely';
import { reindexAll } from '../../search/search-index.js';
import { hasColumn } from '../introspect.js';

export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  let fill = false;
  for (const col of ['search_head', 'search_body']) {
    if (!(await hasColumn(db, dialect, 'editions', col))) {
      await db.schema.alterTable('editions').addColumn(col, 'text', (c) => c.notNull().defaultTo('')).execute();
      fill = true;
    }
  }
  if (dialect === 'postgres') {
    await sql`drop index if exists editions_search_tsv_idx`.execute(db);
    await sql`alter table editions drop column if exists search_tsv`.execute(db);
    if (fill) await reindexAll(db, { batch: 500 });
    await sql`alter table editions add column if not exists search_vec tsvector generated always as (to_tsvector('simple', search_head || ' ' || search_body)) stored`.execute(db);
    await sql`create index if not exists editions_search_vec_idx on editions using gin (search_vec)`.execute(db);
    return;
  }
  for (const t of ['editions_fts_ai', 'editions_fts_ad', 'editions_fts_au']) await sql`drop trigger if exists ${sql.id(t)}`.execute(db);
  await sql`drop table if exists editions_fts`.execute(db);
  if (fill) await reindexAll(db, { batch: 500 });
  const existed = (await sql<{ n: number }>`select count(*) as n from sqlite_master where name = 'editions_search'`.execute(db)).rows[0]?.n;
  await sql`create virtual table if not exists editions_search using fts5(search_head, search_body, content='editions', content_rowid='id', tokenize='ascii')`.execute(db);
  await sql`create trigger if not exists editions_search_ai after insert on editions begin
    insert into editions_search(rowid, search_head, search_body) values (new.id, new.search_head, new.search_body); end`.execute(db);
  await sql`create trigger if not exists editions_search_ad after delete on editions begin
    insert into editions_search(editions_search, rowid, search_head, search_body) values ('delete', old.id, old.search_head, old.search_body); end`.execute(db);
  await sql`create trigger if not exists editions_search_au after update of search_head, search_body on editions begin
    insert into editions_search(editions_search, rowid, search_head, search_body) values ('delete', old.id, old.search_head, old.search_body);
    insert into editions_search(rowid, search_head, search_body) values (new.id, new.search_head, new.search_body); end`.execute(db);
  if (!existed) await sql`insert into editions_search(editions_search) values ('rebuild')`.execute(db);
  // Search candidates are checked for visibility by this index alone: reading those columns from
  // the table would walk each row's overflow pages (the body is stored before them).
  await sql`create index if not exists editions_search_cover on editions (id, locale, status, published_at, embargo_until, story_id)`.execute(db);
}
