/**
 * `section_redirects`: a section's former addresses — its shared slug before an editor changed it,
 * and a per-locale slug before the section was renamed in that language — answer 301 to where the
 * section is now, as a renamed or merged tag's do (`tag_redirects`, 0013). Expand only.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('section_redirects').ifNotExists()
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('section_id', 'integer', (c) => c.notNull().references('sections.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('section_redirects_section_idx').ifNotExists().on('section_redirects').column('section_id').execute();
}
