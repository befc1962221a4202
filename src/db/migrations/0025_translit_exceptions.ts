/**
 * The newsroom's transliteration exceptions (issue 13): word → spelling pairs that win over the
 * transliterator's rules and word lists in both directions. Seeded with the starting list of
 * src/i18n/translit.data/exceptions.default.tsv as it was when this migration was released (copied
 * here, so the migration stays frozen). Runs on SQLite and PostgreSQL, and skips what already exists.
 */
import type { Kysely } from 'kysely';

const START: ReadonlyArray<readonly [string, string]> = [
  ['nikol', 'никол'], ['emmanuel', 'эммануэль'], ['finlandiya', 'финляндия'], ['myanma', 'мьянма'],
];

export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  await db.schema.createTable('translit_exceptions').ifNotExists()
    .addColumn('id', idType, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('latin', 'text', (c) => c.notNull().unique())
    .addColumn('cyrillic', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .execute();
  const have = await db.selectFrom('translit_exceptions').select('id').limit(1).execute();
  if (have.length === 0) {
    await db.insertInto('translit_exceptions').values(START.map(([latin, cyrillic]) => ({ latin, cyrillic, updated_at: 0, updated_by: null }))).execute();
  }
}
