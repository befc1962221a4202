/** Rules for managing sections, tags and authors from the newsroom. */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { AuditRepository } from '../audit/audit.repository.js';
import { LOCALES } from '../i18n/locales.js';
import { Id } from '../http/validate.js';
import { isForeignKeyViolation } from '../db/constraint.js';
import { isValidSlug, slugify, typedSlug } from './slug.js';
import type { Names, TaxonomyAdminRepository, TaxonomyRepository } from './taxonomy.repository.js';
import { field } from '../errors.js';
import { key } from '../http/validate.js';
import { msg } from '../i18n/api-messages.js';
import { reindexStories, storiesNaming } from '../search/search-index.js';

const NamesSchema = z.record(z.enum(LOCALES), z.string().trim().max(120)).transform((n) => Object.fromEntries(Object.entries(n).filter(([, v]) => v)) as Names);

export const SectionInput = z.object({
  slug: z.string().trim().optional(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, key('field.colour')).optional(),
  position: z.number().int().min(0).max(1000).optional(),
  names: NamesSchema,
});
/**
 * The photo is a reference to a media row; the database's foreign key is the check (no separate
 * read that a concurrent delete could outrun), answered as a field error the form can show.
 */
function missingPhoto(err: unknown): never {
  if (isForeignKeyViolation(err)) throw new ValidationError(msg('form.invalid'), [field('photoMediaId', 'taxonomy.photo_gone')]);
  throw err;
}

export const AuthorInput = z.object({ slug: z.string().trim().optional(), names: NamesSchema, bio: NamesSchema.optional(), photoMediaId: Id.nullable().optional() });

export class TaxonomyAdmin {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly repo: TaxonomyAdminRepository,
    private readonly writer: TaxonomyRepository,
  ) {}

  sections() {
    return this.repo.sections();
  }
  tagsByIds(ids: number[]) {
    return this.repo.tags(ids);
  }
  searchTags(q: string) {
    return this.repo.tags(undefined, q.trim().slice(0, 100));
  }
  authorsByIds(ids: number[]) {
    return this.repo.authors(ids);
  }
  authors() {
    return this.repo.authors();
  }

  private async slugFor(table: 'sections' | 'tags' | 'authors', wanted: string | undefined, names: Names, exceptId?: number): Promise<string> {
    // A typed slug in Cyrillic is converted, not refused (issue 8).
    const slug = wanted ? typedSlug(wanted) : slugify(names.en ?? names.uz ?? names.ru ?? Object.values(names)[0] ?? '');
    if (!isValidSlug(slug)) throw new ValidationError(msg('form.invalid'), [field('slug', 'field.slug')]);
    if (await this.repo.slugTaken(table, slug, exceptId)) throw new ValidationError(msg('form.invalid'), [field('slug', 'taxonomy.slug_taken')]);
    return slug;
  }

  private needName(names: Names): void {
    if (Object.keys(names).length === 0) throw new ValidationError(msg('form.invalid'), [field('names', 'taxonomy.name_required')]);
  }

  async createSection(input: z.infer<typeof SectionInput>) {
    this.needName(input.names);
    const slug = await this.slugFor('sections', input.slug, input.names);
    const id = await this.db.transaction().execute((trx) => this.writer.upsertSection(trx, slug, input.position ?? 100, input.color ?? '#0b5cad', input.names));
    return (await this.repo.sections()).find((s) => s.id === id)!;
  }

  async updateSection(id: number, input: z.infer<typeof SectionInput>) {
    const current = (await this.repo.sections()).find((s) => s.id === id);
    if (!current) throw new NotFoundError(msg('taxonomy.section_not_found'));
    this.needName(input.names);
    const slug = input.slug && input.slug !== current.slug ? await this.slugFor('sections', input.slug, input.names, id) : current.slug;
    await this.db.transaction().execute(async (trx) => {
      await this.repo.updateSection(trx, id, { slug, position: input.position, color: input.color });
      await this.writer.upsertSection(trx, slug, input.position ?? current.position, input.color ?? current.color, input.names);
      await reindexStories(trx, await storiesNaming(trx, 'section', id)); // its name is searchable in every story under it
    });
    return (await this.repo.sections()).find((s) => s.id === id)!;
  }

  /** Returns the tag with this name if one exists, else creates it. */
  async createTag(name: string, locale: string) {
    const clean = (name ?? '').trim().replace(/\s+/g, ' ');
    if (!clean || clean.length > 80) throw new ValidationError(msg('form.invalid'), [field('name', 'taxonomy.tag_invalid', { max: 80 })]);
    if (!(LOCALES as readonly string[]).includes(locale)) throw new ValidationError(msg('form.invalid'), [field('locale', 'field.locale')]);
    const existing = await this.repo.tagByName(clean);
    if (existing) return (await this.repo.tags([existing]))[0]!;
    let slug = slugify(clean) || 'tag';
    for (let n = 2; await this.repo.slugTaken('tags', slug); n++) slug = `${slugify(clean) || 'tag'}-${n}`;
    const id = await this.db.transaction().execute((trx) => this.writer.upsertTag(trx, slug, { [locale]: clean }));
    return (await this.repo.tags([id]))[0]!;
  }

  async updateTag(id: number, names: Names, wantedSlug?: string) {
    const [current] = await this.repo.tags([id]);
    if (!current) throw new NotFoundError(msg('taxonomy.tag_not_found'));
    this.needName(names);
    const slug = wantedSlug && wantedSlug !== current.slug ? await this.slugFor('tags', wantedSlug, names, id) : current.slug;
    await this.db.transaction().execute(async (trx) => {
      if (slug !== current.slug) {
        await this.repo.updateTagSlug(trx, id, slug);
        await this.repo.addTagRedirect(trx, current.slug, id, Date.now()); // links readers kept still work
      }
      await this.writer.upsertTag(trx, slug, names);
      await reindexStories(trx, await storiesNaming(trx, 'tag', id));
    });
    return (await this.repo.tags([id]))[0]!;
  }

  /**
   * Deletes a tag. A tag that stories carry is deleted only when `confirm` is set (the 409 says
   * how many stories would lose it); the removal and its audit entry commit together.
   */
  async deleteTag(id: number, o: { confirm: boolean; userId: number; audit: AuditRepository }): Promise<void> {
    const [current] = await this.repo.tags([id]);
    if (!current) throw new NotFoundError(msg('taxonomy.tag_not_found'));
    await this.db.transaction().execute(async (trx) => {
      const stories = await this.repo.tagStoryCount(trx, id);
      if (stories > 0 && !o.confirm) throw new ConflictError(stories === 1 ? msg('taxonomy.tag_in_use_one') : msg('taxonomy.tag_in_use', { count: stories }), { stories });
      const carrying = await storiesNaming(trx, 'tag', id);
      if (!(await this.repo.deleteTag(trx, id))) throw new NotFoundError(msg('taxonomy.tag_not_found'));
      await reindexStories(trx, carrying);
      await o.audit.record(trx, { userId: o.userId, action: 'tag.delete', entity: 'tag', entityId: id, details: { slug: current.slug, names: current.names, stories } });
    });
  }

  /**
   * Merges tag `id` into tag `into`: its stories move to `into`, its public address becomes a
   * 301 to `into`'s, and it is deleted — all in one transaction with the audit entry. A
   * concurrent merge or delete of the same tag makes the later one a 404 with nothing written.
   */
  async mergeTag(id: number, into: number, o: { userId: number; audit: AuditRepository }) {
    if (id === into) throw new ValidationError(msg('form.invalid'), [field('into', 'taxonomy.merge_same')]);
    // tags() returns rows in slug order, not in the order asked.
    const rows = await this.repo.tags([id, into]);
    const from = rows.find((r) => r.id === id);
    const target = rows.find((r) => r.id === into);
    if (!from) throw new NotFoundError(msg('taxonomy.tag_not_found'));
    if (!target) throw new ValidationError(msg('form.invalid'), [field('into', 'taxonomy.merge_target_gone')]);
    await this.db.transaction().execute(async (trx) => {
      const alive = await this.repo.lockTags(trx, [id, into]);
      if (!alive.has(id)) throw new NotFoundError(msg('taxonomy.tag_not_found'));
      if (!alive.has(into)) throw new ValidationError(msg('form.invalid'), [field('into', 'taxonomy.merge_target_gone')]);
      const moved = await this.repo.mergeTag(trx, { id: from.id, slug: from.slug }, target.id, Date.now());
      if (moved === null) throw new NotFoundError(msg('taxonomy.tag_not_found'));
      await reindexStories(trx, await storiesNaming(trx, 'tag', into));
      await o.audit.record(trx, { userId: o.userId, action: 'tag.merge', entity: 'tag', entityId: id, details: { slug: from.slug, names: from.names, into: target.id, intoSlug: target.slug, stories: moved } });
    });
    return (await this.repo.tags([into]))[0]!;
  }

  async createAuthor(input: z.infer<typeof AuthorInput>) {
    this.needName(input.names);
    const slug = await this.slugFor('authors', input.slug, input.names);
    const id = await this.db
      .transaction()
      .execute(async (trx) => {
        const id = await this.writer.upsertAuthor(trx, slug, input.names, input.bio ?? {});
        if (input.photoMediaId !== undefined) await this.repo.setAuthorPhoto(trx, id, input.photoMediaId);
        return id;
      })
      .catch(missingPhoto);
    return (await this.repo.authors([id]))[0]!;
  }

  async updateAuthor(id: number, input: z.infer<typeof AuthorInput>) {
    const [current] = await this.repo.authors([id]);
    if (!current) throw new NotFoundError(msg('taxonomy.author_not_found'));
    this.needName(input.names);
    const slug = input.slug && input.slug !== current.slug ? await this.slugFor('authors', input.slug, input.names, id) : current.slug;
    await this.db
      .transaction()
      .execute(async (trx) => {
        if (slug !== current.slug) await this.repo.updateAuthorSlug(trx, id, slug);
        await this.writer.upsertAuthor(trx, slug, input.names, input.bio ?? current.bio);
        await reindexStories(trx, await storiesNaming(trx, 'author', id));
        if (input.photoMediaId !== undefined) await this.repo.setAuthorPhoto(trx, id, input.photoMediaId);
      })
      .catch(missingPhoto);
    return (await this.repo.authors([id]))[0]!;
  }
}
