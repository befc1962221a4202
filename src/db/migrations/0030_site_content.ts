/**
 * Issue 14 (the public site's content):
 * - `editions.main_until`: when an editor's main-story flag stops leading the home page (epoch
 *   ms; null: the site's age limit decides, docs/home-page.md);
 * - per-locale slugs of sections and tags (`section_names.slug`, `tag_names.slug`, added by the
 *   taxonomy step below) so `/en/tag/agriculture` and `/uz/tag/qishloq-xojaligi` replace the
 *   Russian transliteration every language shared; the shared slug stays the Russian one and old
 *   addresses answer 301.
 * Re-runnable: columns are added only when missing, slugs filled only where empty.
 */
import type { Kysely } from 'kysely';
import { hasColumn } from '../introspect.js';
import { fillLocalSlugs } from '../../content/taxonomy-slugs.js';

export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (!(await hasColumn(db, dialect, 'editions', 'main_until'))) {
    await db.schema.alterTable('editions').addColumn('main_until', 'bigint').execute();
  }
  for (const table of ['section_names', 'tag_names'] as const) {
    if (!(await hasColumn(db, dialect, table, 'slug'))) {
      await db.schema.alterTable(table).addColumn('slug', 'text').execute();
    }
  }
  await fillLocalSlugs(db);
  // A page is found by (locale, slug); two names of one locale never share a slug.
  await db.schema.createIndex('section_names_locale_slug_idx').ifNotExists().unique().on('section_names').columns(['locale', 'slug']).execute();
  await db.schema.createIndex('tag_names_locale_slug_idx').ifNotExists().unique().on('tag_names').columns(['locale', 'slug']).execute();
}
