/** SQL for sections, tags and authors with their per-locale names. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface SectionView {
  id: number;
  slug: string;
  color: string;
  name: string;
  description: string;
}
export interface TagView {
  id: number;
  slug: string;
  name: string;
}
export interface AuthorView {
  id: number;
  slug: string;
  name: string;
  bio: string;
}

export type Names = Record<string, string>;

export class TaxonomyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Sections that have a name in the locale, in menu order. */
  async sections(locale: string): Promise<SectionView[]> {
    return this.db
      .selectFrom('sections as s')
      .innerJoin('section_names as n', (j) => j.onRef('n.section_id', '=', 's.id').on('n.locale', '=', locale))
      .select(['s.id', 's.slug', 's.color', 'n.name', 'n.description'])
      .orderBy('s.position')
      .orderBy('s.id')
      .execute();
  }

  async sectionBySlug(locale: string, slug: string): Promise<SectionView | undefined> {
    return this.db
      .selectFrom('sections as s')
      .innerJoin('section_names as n', (j) => j.onRef('n.section_id', '=', 's.id').on('n.locale', '=', locale))
      .select(['s.id', 's.slug', 's.color', 'n.name', 'n.description'])
      .where('s.slug', '=', slug)
      .executeTakeFirst();
  }

  async tagBySlug(locale: string, slug: string): Promise<TagView | undefined> {
    return this.db
      .selectFrom('tags as t')
      .innerJoin('tag_names as n', (j) => j.onRef('n.tag_id', '=', 't.id').on('n.locale', '=', locale))
      .select(['t.id', 't.slug', 'n.name'])
      .where('t.slug', '=', slug)
      .executeTakeFirst();
  }

  async authorBySlug(locale: string, slug: string): Promise<AuthorView | undefined> {
    return this.db
      .selectFrom('authors as a')
      .innerJoin('author_names as n', (j) => j.onRef('n.author_id', '=', 'a.id').on('n.locale', '=', locale))
      .select(['a.id', 'a.slug', 'n.name', 'n.bio'])
      .where('a.slug', '=', slug)
      .executeTakeFirst();
  }

  async tagsOfStories(locale: string, storyIds: number[]): Promise<(TagView & { story_id: number })[]> {
    if (storyIds.length === 0) return [];
    return this.db
      .selectFrom('story_tags as st')
      .innerJoin('tags as t', 't.id', 'st.tag_id')
      .innerJoin('tag_names as n', (j) => j.onRef('n.tag_id', '=', 't.id').on('n.locale', '=', locale))
      .select(['st.story_id', 't.id', 't.slug', 'n.name'])
      .where('st.story_id', 'in', storyIds)
      .orderBy('st.story_id')
      .orderBy('st.position')
      .orderBy('t.id')
      .execute();
  }

  async authorsOfStories(locale: string, storyIds: number[]): Promise<(AuthorView & { story_id: number })[]> {
    if (storyIds.length === 0) return [];
    return this.db
      .selectFrom('story_authors as sa')
      .innerJoin('authors as a', 'a.id', 'sa.author_id')
      .innerJoin('author_names as n', (j) => j.onRef('n.author_id', '=', 'a.id').on('n.locale', '=', locale))
      .select(['sa.story_id', 'a.id', 'a.slug', 'n.name', 'n.bio'])
      .where('sa.story_id', 'in', storyIds)
      .orderBy('sa.story_id')
      .orderBy('sa.position')
      .orderBy('a.id')
      .execute();
  }

  async upsertSection(trx: Kysely<Database>, slug: string, position: number, color: string, names: Names): Promise<number> {
    const existing = await trx.selectFrom('sections').select('id').where('slug', '=', slug).executeTakeFirst();
    const id = existing?.id ?? (await trx.insertInto('sections').values({ slug, position, color }).returning('id').executeTakeFirstOrThrow()).id;
    await replaceNames(trx, 'section_names', 'section_id', id, Object.entries(names).map(([locale, name]) => ({ locale, name, description: '' })));
    return id;
  }

  async upsertTag(trx: Kysely<Database>, slug: string, names: Names): Promise<number> {
    const existing = await trx.selectFrom('tags').select('id').where('slug', '=', slug).executeTakeFirst();
    const id = existing?.id ?? (await trx.insertInto('tags').values({ slug }).returning('id').executeTakeFirstOrThrow()).id;
    await replaceNames(trx, 'tag_names', 'tag_id', id, Object.entries(names).map(([locale, name]) => ({ locale, name })));
    return id;
  }

  async upsertAuthor(trx: Kysely<Database>, slug: string, names: Names, bios: Names): Promise<number> {
    const existing = await trx.selectFrom('authors').select('id').where('slug', '=', slug).executeTakeFirst();
    const id =
      existing?.id ??
      (await trx.insertInto('authors').values({ slug, photo_media_id: null, created_at: Date.now() }).returning('id').executeTakeFirstOrThrow()).id;
    await replaceNames(trx, 'author_names', 'author_id', id, Object.entries(names).map(([locale, name]) => ({ locale, name, bio: bios[locale] ?? '' })));
    return id;
  }
}

async function replaceNames(
  trx: Kysely<Database>,
  table: 'section_names' | 'tag_names' | 'author_names',
  key: 'section_id' | 'tag_id' | 'author_id',
  id: number,
  rows: Record<string, string>[],
): Promise<void> {
  await trx.deleteFrom(table).where(key as never, '=', id as never).execute();
  if (rows.length) await trx.insertInto(table).values(rows.map((r) => ({ ...r, [key]: id })) as never).execute();
}
