/**
 * Derived editions: an Uzbek edition in the other script made by transliteration. `derived_from`
 * names the source edition, `sync` is 'synced' (follows the source on every save) or 'diverged'
 * (edited by hand), and `source_version` is the source's version the text was last taken from —
 * also used for translations, to show which editions are older than their source.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('editions').addColumn('derived_from', 'integer', (c) => c.references('editions.id').onDelete('set null')).execute();
  await db.schema.alterTable('editions').addColumn('sync', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('editions').addColumn('source_version', 'integer').execute();
}
