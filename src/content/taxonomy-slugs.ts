/**
 * Per-locale addresses of sections and tags (issue 14, item 6). A section or tag has one shared
 * slug (`sections.slug`, `tags.slug`) — its Russian address and the one every language used
 * before — and, in every other locale it has a name in, a slug of its own derived from that name:
 * Uzbek Latin and English as written, Uzbek Cyrillic through the Latin alphabet (slug.ts), so
 * `/en/tag/agriculture`, `/uz/tag/qishloq-xojaligi`. Old addresses keep working as 301s
 * (site.routes.tsx). A local slug is unique in its locale and the other Uzbek script (whose
 * addresses fall back to it) and never another entity's shared slug — nor a shared slug another
 * entity's local one (TaxonomyAdminRepository.slugTaken) — so an old address can never be taken
 * over by a different page.
 */
import type { Kysely } from 'kysely';
import type { Locale } from '../i18n/locales.js';
import { twinLocale } from './derived-names.js';
import { isValidSlug, slugify } from './slug.js';

type NamesTable = 'section_names' | 'tag_names';
const OWNER = { section_names: { key: 'section_id', base: 'sections' }, tag_names: { key: 'tag_id', base: 'tags' } } as const;

/** Locales whose address is the shared slug. */
export const SHARED_SLUG_LOCALES: readonly string[] = ['ru'];

/**
 * A free slug for `name` in `locale` for entity `id` of `table`: derived from the name (the
 * shared slug when the name gives nothing usable), with -2, -3 … when taken. Null for the
 * locales that use the shared slug.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- also run by migration 0030 on an untyped handle
export async function localSlugFor(db: Kysely<any>, table: NamesTable, locale: string, name: string, id: number, shared: string): Promise<string | null> {
  if (SHARED_SLUG_LOCALES.includes(locale)) return null;
  const { key, base } = OWNER[table];
  const derived = slugify(name, 80, locale as Locale);
  const stem = isValidSlug(derived) ? derived : shared;
  // An Uzbek address falls back to the other script's slug (a name shown transliterated), so a
  // slug taken there is taken here too.
  const twins = [...new Set([locale, twinLocale(locale)])];
  for (let n = 1; ; n++) {
    const slug = n === 1 ? stem : `${stem}-${n}`;
    const [local, other] = await Promise.all([
      db.selectFrom(table).select(key).where('locale', 'in', twins).where('slug', '=', slug).where(key, '!=', id).executeTakeFirst(),
      db.selectFrom(base).select('id').where('slug', '=', slug).where('id', '!=', id).executeTakeFirst(),
    ]);
    if (!local && !other) return slug;
  }
}

/** Gives every name row without a local slug one (migration 0030; names written before it). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function fillLocalSlugs(db: Kysely<any>): Promise<void> {
  for (const table of ['section_names', 'tag_names'] as const) {
    const { key, base } = OWNER[table];
    const rows: { id: number; locale: string; name: string; shared: string }[] = await db
      .selectFrom(`${table} as n`)
      .innerJoin(`${base} as b`, 'b.id', `n.${key}`)
      .select([`n.${key} as id`, 'n.locale', 'n.name', 'b.slug as shared'])
      .where('n.slug', 'is', null)
      .where('n.locale', 'not in', SHARED_SLUG_LOCALES)
      .orderBy(`n.${key}`)
      .orderBy('n.locale')
      .execute();
    for (const r of rows) {
      const slug = await localSlugFor(db, table, r.locale, r.name, r.id, r.shared);
      await db.updateTable(table).set({ slug }).where(key, '=', r.id).where('locale', '=', r.locale).execute();
    }
  }
}
