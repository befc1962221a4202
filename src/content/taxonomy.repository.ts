/** SQL for sections, tags and authors with their per-locale names. */
import { sql, type Kysely } from 'kysely';
import { QueryTemplates } from '../db/query-template.js';
import type { Database } from '../db/schema.js';
import { nameIn, twinLocale } from './derived-names.js';
import { localSlugFor } from './taxonomy-slugs.js';

export interface SectionView {
  id: number;
  /** Its address in the locale (taxonomy-slugs.ts). */
  slug: string;
  /** The shared slug: the Russian address, and the stable identifier feeds, the API and the wire name it by. */
  sharedSlug?: string;
  color: string;
  name: string;
  description: string;
}
export interface TagView {
  id: number;
  /** Its address in the locale (taxonomy-slugs.ts). */
  slug: string;
  /** The shared slug (the stable identifier; see SectionView). */
  sharedSlug?: string;
  name: string;
}
export interface AuthorView {
  id: number;
  slug: string;
  name: string;
  bio: string;
  photo_media_id?: number | null;
}

export type Names = Record<string, string>;

/**
 * A section's or tag's address in the joined locale (`n`) — its own slug, else the other Uzbek
 * script's (`o`; a name shown transliterated), else the shared one (Russian): taxonomy-slugs.ts.
 */
const localSlug = (base: 's' | 't') => sql<string | null>`coalesce(n.slug, o.slug, ${sql.ref(`${base}.slug`)})`;

function sectionView(locale: string, r: { id: number; slug: string; local_slug: string | null; color: string; name: string | null; description: string | null; twin_name: string | null; twin_description: string | null }): SectionView {
  return { id: r.id, slug: r.local_slug ?? r.slug, sharedSlug: r.slug, color: r.color, name: nameIn(locale, r.name, r.twin_name), description: r.name ? r.description ?? '' : nameIn(locale, r.description, r.twin_description) };
}

export class TaxonomyRepository {
  /** The article page's tag and author queries, compiled once per locale and count (db/query-template.ts). */
  private readonly templates: QueryTemplates;

  constructor(private readonly db: Kysely<Database>) {
    this.templates = new QueryTemplates(db);
  }

  /**
   * Sections that have a name in the locale — or, on the Uzbek sites, in the other script (shown
   * transliterated, derived-names.ts) — in menu order.
   */
  async sections(locale: string): Promise<SectionView[]> {
    const rows = await this.sectionQuery(locale).orderBy('s.position').orderBy('s.id').execute();
    return rows.map((r) => sectionView(locale, r));
  }

  /**
   * The section whose address in `locale` is `slug` — or was: the shared slug (every language's
   * address before 0030) and the other Uzbek script's slug find it too, and the caller compares
   * the returned `slug` (its address now) with the one asked for and redirects. Each step is one
   * probe of a unique index.
   */
  async sectionBySlug(locale: string, slug: string): Promise<SectionView | undefined> {
    const id = await this.idBySlug('section_names', 'section_id', 'sections', locale, slug);
    if (id === undefined) return undefined;
    const [r] = await this.templates.run(`sectionById:${locale}`, { id }, (v) => this.sectionQuery(locale).where('s.id', '=', v.id));
    return r && sectionView(locale, r);
  }

  private async idBySlug(table: 'section_names' | 'tag_names', key: 'section_id' | 'tag_id', base: 'sections' | 'tags', locale: string, slug: string): Promise<number | undefined> {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one shape for either names table
    const db = this.db as Kysely<any>;
    for (const l of [...new Set([locale, twinLocale(locale)])]) {
      const [own] = await this.templates.run(`idBySlug:${table}`, { l, slug }, (v) => db.selectFrom(table).select(key).where('locale', '=', v.l).where('slug', '=', v.slug));
      if (own) return own[key] as number;
    }
    const [shared] = await this.templates.run(`idBySlug:${base}`, { slug }, (v) => db.selectFrom(base).select('id').where('slug', '=', v.slug));
    return shared?.id as number | undefined;
  }

  private sectionQuery(locale: string) {
    return this.db
      .selectFrom('sections as s')
      .leftJoin('section_names as n', (j) => j.onRef('n.section_id', '=', 's.id').on('n.locale', '=', locale))
      .leftJoin('section_names as o', (j) => j.onRef('o.section_id', '=', 's.id').on('o.locale', '=', twinLocale(locale)))
      .select(['s.id', 's.slug', 's.color', 'n.name', 'n.description', 'o.name as twin_name', 'o.description as twin_description', localSlug('s').as('local_slug')])
      .where((eb) => eb.or([eb('n.name', 'is not', null), eb('o.name', 'is not', null)]));
  }

  /** As sectionBySlug: found by its address in the locale, or an older one (compare `slug`). */
  async tagBySlug(locale: string, slug: string): Promise<TagView | undefined> {
    const id = await this.idBySlug('tag_names', 'tag_id', 'tags', locale, slug);
    if (id === undefined) return undefined;
    const [r] = await this.templates.run(`tagById:${locale}`, { id }, (v) =>
      this.db
        .selectFrom('tags as t')
        .leftJoin('tag_names as n', (j) => j.onRef('n.tag_id', '=', 't.id').on('n.locale', '=', locale))
        .leftJoin('tag_names as o', (j) => j.onRef('o.tag_id', '=', 't.id').on('o.locale', '=', twinLocale(locale)))
        .select(['t.id', 't.slug', 'n.name', 'o.name as twin_name', localSlug('t').as('local_slug')])
        .where((eb) => eb.or([eb('n.name', 'is not', null), eb('o.name', 'is not', null)]))
        .where('t.id', '=', v.id),
    );
    return r && { id: r.id, slug: r.local_slug ?? r.slug, sharedSlug: r.slug, name: nameIn(locale, r.name, r.twin_name) };
  }

  /**
   * The address of a section or tag in each locale that has a page for it (hreflang, the
   * language switcher); authors have one slug everywhere.
   */
  async localSlugs(kind: 'section' | 'tag' | 'author', id: number): Promise<Map<string, string>> {
    const named = await this.namedLocales(kind, id);
    const [base] = await this.templates.run(`baseSlug:${kind}`, { id }, (v) => this.db.selectFrom(kind === 'section' ? 'sections' : kind === 'tag' ? 'tags' : 'authors').select('slug').where('id', '=', v.id));
    if (!base) return new Map();
    const shared = base.slug;
    if (kind === 'author') return new Map(named.map((l) => [l, shared]));
    const rows = kind === 'section'
      ? await this.templates.run('sectionSlugs', { id }, (v) => this.db.selectFrom('section_names').select(['locale', 'slug']).where('section_id', '=', v.id))
      : await this.templates.run('tagSlugs', { id }, (v) => this.db.selectFrom('tag_names').select(['locale', 'slug']).where('tag_id', '=', v.id));
    const own = new Map(rows.map((r) => [r.locale, r.slug]));
    const slugIn = (l: string) => (own.has(l) ? own.get(l) : own.get(twinLocale(l))) ?? shared;
    return new Map(named.map((l) => [l, slugIn(l)]));
  }

  /** The shared slug of the section a former section address now leads to. */
  async sectionRedirect(slug: string): Promise<string | undefined> {
    const r = await this.db.selectFrom('section_redirects as r').innerJoin('sections as s', 's.id', 'r.section_id').select('s.slug').where('r.slug', '=', slug).executeTakeFirst();
    return r?.slug;
  }

  /** The slug of the tag a merged (or renamed) tag's old address now leads to. */
  async tagRedirect(slug: string): Promise<string | undefined> {
    const r = await this.db.selectFrom('tag_redirects as r').innerJoin('tags as t', 't.id', 'r.tag_id').select('t.slug').where('r.slug', '=', slug).executeTakeFirst();
    return r?.slug;
  }

  async authorBySlug(locale: string, slug: string): Promise<AuthorView | undefined> {
    const r = await this.db
      .selectFrom('authors as a')
      .leftJoin('author_names as n', (j) => j.onRef('n.author_id', '=', 'a.id').on('n.locale', '=', locale))
      .leftJoin('author_names as o', (j) => j.onRef('o.author_id', '=', 'a.id').on('o.locale', '=', twinLocale(locale)))
      .select(['a.id', 'a.slug', 'n.name', 'n.bio', 'o.name as twin_name', 'o.bio as twin_bio', 'a.photo_media_id'])
      .where((eb) => eb.or([eb('n.name', 'is not', null), eb('o.name', 'is not', null)]))
      .where('a.slug', '=', slug)
      .executeTakeFirst();
    return r && { id: r.id, slug: r.slug, name: nameIn(locale, r.name, r.twin_name), bio: r.name ? r.bio ?? '' : nameIn(locale, r.bio, r.twin_bio), photo_media_id: r.photo_media_id };
  }

  /** Locales in which a section, tag or author has a name (and so a page). */
  async namedLocales(kind: 'section' | 'tag' | 'author', id: number): Promise<string[]> {
    const rows =
      kind === 'section'
        ? await this.templates.run('sectionLocales', { id }, (v) => this.db.selectFrom('section_names').select('locale').where('section_id', '=', v.id).orderBy('locale'))
        : kind === 'tag'
          ? await this.templates.run('tagLocales', { id }, (v) => this.db.selectFrom('tag_names').select('locale').where('tag_id', '=', v.id).orderBy('locale'))
          : await this.templates.run('authorLocales', { id }, (v) => this.db.selectFrom('author_names').select('locale').where('author_id', '=', v.id).orderBy('locale'));
    const named = new Set(rows.map((r) => r.locale));
    // An Uzbek name in one script gives a page in the other too (shown transliterated).
    for (const l of [...named]) named.add(twinLocale(l));
    return [...named].sort();
  }

  async tagsOfStories(locale: string, storyIds: number[]): Promise<(TagView & { story_id: number })[]> {
    if (storyIds.length === 0) return [];
    // The locale shapes the query (its twin is chosen in JS, localSlug reads it): part of the shape.
    const rows = await this.templates.run(`tagsOfStories:${locale}`, { storyIds }, (v) =>
      this.db
        .selectFrom('story_tags as st')
        .innerJoin('tags as t', 't.id', 'st.tag_id')
        .leftJoin('tag_names as n', (j) => j.onRef('n.tag_id', '=', 't.id').on('n.locale', '=', locale))
        .leftJoin('tag_names as o', (j) => j.onRef('o.tag_id', '=', 't.id').on('o.locale', '=', twinLocale(locale)))
        .select(['st.story_id', 't.id', 't.slug', 'n.name', 'o.name as twin_name', localSlug('t').as('local_slug')])
        .where((eb) => eb.or([eb('n.name', 'is not', null), eb('o.name', 'is not', null)]))
        .where('st.story_id', 'in', v.storyIds)
        .orderBy('st.story_id')
        .orderBy('st.position')
        .orderBy('t.id'),
    );
    return rows.map((r) => ({ story_id: r.story_id, id: r.id, slug: r.local_slug ?? r.slug, sharedSlug: r.slug, name: nameIn(locale, r.name, r.twin_name) }));
  }

  async authorsOfStories(locale: string, storyIds: number[]): Promise<(AuthorView & { story_id: number })[]> {
    if (storyIds.length === 0) return [];
    const rows = await this.templates.run(`authorsOfStories:${locale}`, { storyIds }, (v) =>
      this.db
        .selectFrom('story_authors as sa')
        .innerJoin('authors as a', 'a.id', 'sa.author_id')
        .leftJoin('author_names as n', (j) => j.onRef('n.author_id', '=', 'a.id').on('n.locale', '=', locale))
        .leftJoin('author_names as o', (j) => j.onRef('o.author_id', '=', 'a.id').on('o.locale', '=', twinLocale(locale)))
        .select(['sa.story_id', 'a.id', 'a.slug', 'n.name', 'n.bio', 'o.name as twin_name', 'o.bio as twin_bio'])
        .where((eb) => eb.or([eb('n.name', 'is not', null), eb('o.name', 'is not', null)]))
        .where('sa.story_id', 'in', v.storyIds)
        .orderBy('sa.story_id')
        .orderBy('sa.position')
        .orderBy('a.id'),
    );
    return rows.map((r) => ({ story_id: r.story_id, id: r.id, slug: r.slug, name: nameIn(locale, r.name, r.twin_name), bio: r.name ? r.bio ?? '' : nameIn(locale, r.bio, r.twin_bio) }));
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

export interface NamedRow {
  id: number;
  slug: string;
  names: Names;
}

/** Groups (id, locale, name) rows into per-entity name maps. */
function groupNames(rows: { id: number; locale: string; name: string }[]): Map<number, Names> {
  const m = new Map<number, Names>();
  for (const r of rows) m.set(r.id, { ...(m.get(r.id) ?? {}), [r.locale]: r.name });
  return m;
}

/** Newsroom-side SQL: all names of every locale, for management screens. */
export class TaxonomyAdminRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async sections(): Promise<(NamedRow & { position: number; color: string })[]> {
    const [rows, names] = await Promise.all([
      this.db.selectFrom('sections').selectAll().orderBy('position').orderBy('id').execute(),
      this.db.selectFrom('section_names').select(['section_id as id', 'locale', 'name']).orderBy('section_id').orderBy('locale').execute(),
    ]);
    const g = groupNames(names);
    return rows.map((r) => ({ id: r.id, slug: r.slug, position: r.position, color: r.color, names: g.get(r.id) ?? {} }));
  }

  async tags(ids?: number[], q?: string, limit = 20): Promise<NamedRow[]> {
    if (ids && ids.length === 0) return [];
    let base = this.db.selectFrom('tags as t').select(['t.id', 't.slug']);
    if (ids) base = base.where('t.id', 'in', ids);
    if (q) {
      const like = `%${q.toLocaleLowerCase('ru').replace(/[%_\\]/g, '')}%`;
      base = base.where((eb) => eb.or([eb('t.slug', 'like', like), eb('t.id', 'in', eb.selectFrom('tag_names').select('tag_id').where(sql`lower(name)`, 'like', like))]));
    }
    const rows = await base.orderBy('t.slug').orderBy('t.id').limit(ids ? 1000 : limit).execute();
    const names = rows.length ? await this.db.selectFrom('tag_names').select(['tag_id as id', 'locale', 'name']).where('tag_id', 'in', rows.map((r) => r.id)).orderBy('tag_id').orderBy('locale').execute() : [];
    const g = groupNames(names);
    const out = rows.map((r) => ({ ...r, names: g.get(r.id) ?? {} }));
    return ids ? ids.map((id) => out.find((t) => t.id === id)).filter((t): t is NamedRow => !!t) : out;
  }

  async tagByName(name: string): Promise<number | undefined> {
    const r = await this.db.selectFrom('tag_names').select('tag_id').where('name', '=', name).orderBy('tag_id').executeTakeFirst();
    return r?.tag_id;
  }

  async authors(ids?: number[]): Promise<(NamedRow & { bio: Names; photoMediaId: number | null })[]> {
    if (ids && ids.length === 0) return [];
    let base = this.db.selectFrom('authors').select(['id', 'slug', 'photo_media_id as photoMediaId']);
    if (ids) base = base.where('id', 'in', ids);
    const rows = await base.orderBy('slug').orderBy('id').execute();
    const names = rows.length ? await this.db.selectFrom('author_names').select(['author_id as id', 'locale', 'name', 'bio']).where('author_id', 'in', rows.map((r) => r.id)).orderBy('author_id').orderBy('locale').execute() : [];
    const g = groupNames(names);
    const bios = groupNames(names.map((n) => ({ id: n.id, locale: n.locale, name: n.bio })));
    const out = rows.map((r) => ({ ...r, names: g.get(r.id) ?? {}, bio: bios.get(r.id) ?? {} }));
    return ids ? ids.map((id) => out.find((a) => a.id === id)).filter((a): a is NamedRow & { bio: Names; photoMediaId: number | null } => !!a) : out;
  }

  /**
   * Whether `slug` cannot be the shared slug of a new (or the `exceptId`) section, tag or author:
   * another's shared slug — or, for sections and tags, another's local slug in any locale, since
   * a locale's own slugs are looked up before the shared one and would open that other page
   * (taxonomy-slugs.ts).
   */
  async slugTaken(table: 'sections' | 'tags' | 'authors', slug: string, exceptId?: number): Promise<boolean> {
    let q = this.db.selectFrom(table).select('id').where('slug', '=', slug);
    if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
    if (await q.executeTakeFirst()) return true;
    if (table === 'authors') return false;
    const [names, key] = table === 'sections' ? (['section_names', 'section_id'] as const) : (['tag_names', 'tag_id'] as const);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one shape for either names table
    let local = (this.db as Kysely<any>).selectFrom(names).select(key).where('slug', '=', slug);
    if (exceptId !== undefined) local = local.where(key, '!=', exceptId);
    return !!(await local.executeTakeFirst());
  }

  async updateSection(trx: Kysely<Database>, id: number, patch: { slug?: string; position?: number; color?: string }): Promise<void> {
    if (!Object.keys(patch).length) return;
    const before = patch.slug ? await trx.selectFrom('sections').select('slug').where('id', '=', id).executeTakeFirst() : undefined;
    await trx.updateTable('sections').set(patch).where('id', '=', id).execute();
    // The old shared address (every language's before per-locale slugs, and Russian's) leads here.
    if (before && before.slug !== patch.slug) await rememberSectionAddress(trx, before.slug, id);
  }

  async updateTagSlug(trx: Kysely<Database>, id: number, slug: string): Promise<void> {
    await trx.updateTable('tags').set({ slug }).where('id', '=', id).execute();
  }

  /** Stories carrying the tag. */
  async tagStoryCount(trx: Kysely<Database>, id: number): Promise<number> {
    const r = await trx.selectFrom('story_tags').select((eb) => eb.fn.countAll<number>().as('n')).where('tag_id', '=', id).executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  /** Deletes a tag, its story links (and by cascade its names and redirects); false when already gone. */
  async deleteTag(trx: Kysely<Database>, id: number): Promise<boolean> {
    await trx.deleteFrom('story_tags').where('tag_id', '=', id).execute();
    const gone = await trx.deleteFrom('tags').where('id', '=', id).executeTakeFirst();
    return Number(gone.numDeletedRows) > 0;
  }

  /**
   * Moves every story of tag `from` to tag `into` (a story that has both keeps one link, at the
   * earlier position), points `from`'s addresses (shared and per locale) and its old redirects
   * at `into`, then deletes `from`. Returns how many stories carried `from`, or null when `from`
   * was gone already (a concurrent merge or delete won).
   */
  async mergeTag(trx: Kysely<Database>, from: { id: number; slug: string }, into: number, now: number): Promise<number | null> {
    // Set-based, so a tag on 100,000 stories costs three statements, not one per story (and no
    // list of ids that could pass PostgreSQL's 65,535-parameter limit). A story that had both tags
    // keeps the earlier of the two positions.
    await sql`update story_tags set position = (select f.position from story_tags f where f.tag_id = ${from.id} and f.story_id = story_tags.story_id)
      where tag_id = ${into} and exists (select 1 from story_tags f where f.tag_id = ${from.id} and f.story_id = story_tags.story_id and f.position < story_tags.position)`.execute(trx);
    await sql`insert into story_tags (story_id, tag_id, position)
      select f.story_id, ${into}, f.position from story_tags f
      where f.tag_id = ${from.id} and not exists (select 1 from story_tags t where t.tag_id = ${into} and t.story_id = f.story_id)`.execute(trx);
    const moved = Number((await trx.deleteFrom('story_tags').where('tag_id', '=', from.id).executeTakeFirst()).numDeletedRows);
    await trx.updateTable('tag_redirects').set({ tag_id: into }).where('tag_id', '=', from.id).execute();
    // Its shared address and its own address in every locale (deleted with its names below) lead
    // to `into`; the site answers an old local slug with `into`'s address in the asked locale.
    const local = await trx.selectFrom('tag_names').select('slug').where('tag_id', '=', from.id).where('slug', 'is not', null).execute();
    for (const slug of new Set([from.slug, ...local.map((r) => r.slug!)])) {
      await trx.insertInto('tag_redirects').values({ slug, tag_id: into, created_at: now }).onConflict((oc) => oc.column('slug').doUpdateSet({ tag_id: into, created_at: now })).execute();
    }
    const gone = await trx.deleteFrom('tags').where('id', '=', from.id).executeTakeFirst();
    return Number(gone.numDeletedRows) > 0 ? moved : null;
  }

  /**
   * Locks tag rows for the rest of the transaction, one at a time in id order (so two merges of
   * the same pair in opposite directions queue instead of deadlocking). Returns the ids that
   * still exist once locked — a merge or delete that committed meanwhile has removed its tag.
   */
  async lockTags(trx: Kysely<Database>, ids: number[]): Promise<Set<number>> {
    const alive = new Set<number>();
    for (const id of [...new Set(ids)].sort((a, b) => a - b)) {
      const r = await trx.updateTable('tags').set((eb) => ({ slug: eb.ref('slug') })).where('id', '=', id).executeTakeFirst();
      if (Number(r.numUpdatedRows) > 0) alive.add(id);
    }
    return alive;
  }

  /** Keeps a renamed tag's old address working (301 to the new one). */
  async addTagRedirect(trx: Kysely<Database>, slug: string, tagId: number, now: number): Promise<void> {
    await trx.insertInto('tag_redirects').values({ slug, tag_id: tagId, created_at: now }).onConflict((oc) => oc.column('slug').doUpdateSet({ tag_id: tagId, created_at: now })).execute();
  }

  async setAuthorPhoto(trx: Kysely<Database>, id: number, mediaId: number | null): Promise<void> {
    await trx.updateTable('authors').set({ photo_media_id: mediaId }).where('id', '=', id).execute();
  }

  async updateAuthorSlug(trx: Kysely<Database>, id: number, slug: string): Promise<void> {
    await trx.updateTable('authors').set({ slug }).where('id', '=', id).execute();
  }
}

/** A section's former slug leads to it from now on (unless an older redirect holds the slug). */
async function rememberSectionAddress(trx: Kysely<Database>, slug: string, sectionId: number): Promise<void> {
  await trx.insertInto('section_redirects').values({ slug, section_id: sectionId, created_at: Date.now() }).onConflict((oc) => oc.column('slug').doNothing()).execute();
}

async function replaceNames(
  trx: Kysely<Database>,
  table: 'section_names' | 'tag_names' | 'author_names',
  key: 'section_id' | 'tag_id' | 'author_id',
  id: number,
  rows: Record<string, string>[],
): Promise<void> {
  // Sections and tags keep their local address while the name stays, and get a new one from a
  // new name (taxonomy-slugs.ts); a renamed section's or tag's old local address becomes a redirect.
  const before = table === 'author_names' ? [] : await trx.selectFrom(table).select(['locale', 'name', 'slug']).where(key as never, '=', id as never).execute();
  await trx.deleteFrom(table).where(key as never, '=', id as never).execute();
  if (!rows.length) return;
  let values: Record<string, unknown>[] = rows;
  if (table !== 'author_names') {
    const shared = (await trx.selectFrom(table === 'section_names' ? 'sections' : 'tags').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;
    values = [];
    for (const r of rows) {
      const old = before.find((b) => b.locale === r.locale);
      const slug = old?.slug && old.name === r.name ? old.slug : await localSlugFor(trx, table, r.locale!, r.name!, id, shared);
      if (old?.slug && slug !== old.slug) {
        // An older redirect under this slug (a merged tag's) keeps its target.
        if (table === 'tag_names') await trx.insertInto('tag_redirects').values({ slug: old.slug, tag_id: id, created_at: Date.now() }).onConflict((oc) => oc.column('slug').doNothing()).execute();
        else await rememberSectionAddress(trx, old.slug, id);
      }
      values.push({ ...r, slug });
    }
  }
  await trx.insertInto(table).values(values.map((r) => ({ ...r, [key]: id })) as never).execute();
}
