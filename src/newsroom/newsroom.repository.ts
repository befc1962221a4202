/** SQL for the newsroom (the story list itself is stories-list.repository.ts): editions by id, revisions, history, notes, presence. */
import { type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database, EditionRow, EditionStatus, EditionsTable } from '../db/schema.js';
import { isUniqueViolation, violatedConstraint } from '../db/constraint.js';

export interface NewsroomFilter {
  status?: EditionStatus;
  sectionId?: number;
  authorId?: number;
  locale?: string;
  /** Inclusive day bounds on the last update, epoch ms. */
  from?: number;
  to?: number;
  q?: string;
  ownerId?: number;
}
export type NewsroomSort = 'updated' | 'published' | 'headline';

export type EditionWithStory = EditionRow & { section_id: number | null; hero_media_id: number | null; owner_id: number | null };
export type SyncState = '' | 'synced' | 'pending' | 'diverged';

/**
 * Which uniqueness of `editions` a violation hit: the address (locale, slug) or the one edition
 * per language of a story (story_id, locale). PostgreSQL names the constraint; SQLite names the
 * columns in its message ("UNIQUE constraint failed: editions.locale, editions.slug").
 */
export function editionClash(err: unknown): 'slug' | 'locale' | null {
  if (!isUniqueViolation(err)) return null;
  const c = violatedConstraint(err) ?? '';
  const m = err instanceof Error ? err.message : '';
  if (c === 'editions_locale_slug_uq' || m.includes('editions.locale, editions.slug')) return 'slug';
  if (c === 'editions_story_locale_uq' || m.includes('editions.story_id, editions.locale')) return 'locale';
  return null;
}

export class NewsroomRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async edition(id: number, trx: Kysely<Database> = this.db): Promise<EditionWithStory | undefined> {
    return (await trx
      .selectFrom('editions as e')
      .innerJoin('stories as s', 's.id', 'e.story_id')
      .selectAll('e')
      .select(['s.section_id', 's.hero_media_id', 's.created_by as owner_id'])
      .where('e.id', '=', id)
      .executeTakeFirst()) as EditionWithStory | undefined;
  }

  siblings(storyId: number, trx: Kysely<Database> = this.db) {
    return trx.selectFrom('editions').select(['id', 'locale', 'status', 'updated_at', 'version', 'derived_from', 'sync', 'source_version']).where('story_id', '=', storyId).orderBy('id').execute();
  }

  /** All editions of the given stories, for the story list's editions column. */
  editionsOfStories(storyIds: number[]) {
    if (!storyIds.length) return Promise.resolve([]);
    return this.db.selectFrom('editions').select(['id', 'story_id', 'locale', 'status', 'sync']).where('story_id', 'in', storyIds).orderBy('story_id').orderBy('id').execute();
  }

  storyTagIds(storyId: number, trx: Kysely<Database> = this.db) {
    return trx.selectFrom('story_tags').select('tag_id').where('story_id', '=', storyId).orderBy('position').orderBy('tag_id').execute().then((r) => r.map((x) => x.tag_id));
  }

  storyAuthorIds(storyId: number, trx: Kysely<Database> = this.db) {
    return trx.selectFrom('story_authors').select('author_id').where('story_id', '=', storyId).orderBy('position').orderBy('author_id').execute().then((r) => r.map((x) => x.author_id));
  }

  /** People (story authors) per story, named in the given locale or any other. */
  async authorsByStory(storyIds: number[]): Promise<Map<number, { id: number; name: string; locale: string }[]>> {
    const out = new Map<number, { id: number; name: string; locale: string }[]>();
    if (!storyIds.length) return out;
    const rows = await this.db
      .selectFrom('story_authors as sa')
      .innerJoin('author_names as n', 'n.author_id', 'sa.author_id')
      .select(['sa.story_id', 'sa.author_id', 'n.locale', 'n.name'])
      .where('sa.story_id', 'in', storyIds)
      .orderBy('sa.story_id')
      .orderBy('sa.position')
      .orderBy('sa.author_id')
      .orderBy('n.locale')
      .execute();
    for (const r of rows) {
      const list = out.get(r.story_id) ?? [];
      list.push({ id: r.author_id, name: r.name, locale: r.locale });
      out.set(r.story_id, list);
    }
    return out;
  }

  async replaceStoryTags(trx: Kysely<Database>, storyId: number, tagIds: number[]): Promise<void> {
    await trx.deleteFrom('story_tags').where('story_id', '=', storyId).execute();
    if (tagIds.length) await trx.insertInto('story_tags').values(tagIds.map((tag_id, position) => ({ story_id: storyId, tag_id, position }))).execute();
  }

  async replaceStoryAuthors(trx: Kysely<Database>, storyId: number, authorIds: number[]): Promise<void> {
    await trx.deleteFrom('story_authors').where('story_id', '=', storyId).execute();
    if (authorIds.length) await trx.insertInto('story_authors').values(authorIds.map((author_id, position) => ({ story_id: storyId, author_id, position }))).execute();
  }

  async existingIds(table: 'tags' | 'authors' | 'sections' | 'media', ids: number[]): Promise<Set<number>> {
    if (!ids.length) return new Set();
    const rows = await this.db.selectFrom(table).select('id').where('id', 'in', ids).execute();
    return new Set(rows.map((r) => r.id));
  }

  revisions(editionId: number) {
    return this.db
      .selectFrom('revisions as r')
      .leftJoin('users as u', 'u.id', 'r.saved_by')
      .select(['r.id', 'r.version', 'r.saved_at', 'r.headline', 'u.id as user_id', 'u.name as user_name'])
      .where('r.edition_id', '=', editionId)
      .orderBy('r.version', 'desc')
      .orderBy('r.id', 'desc')
      .execute();
  }

  revision(id: number) {
    return this.db
      .selectFrom('revisions as r')
      .leftJoin('users as u', 'u.id', 'r.saved_by')
      .selectAll('r')
      .select(['u.name as user_name'])
      .where('r.id', '=', id)
      .executeTakeFirst();
  }

  transitions(editionId: number) {
    return this.db
      .selectFrom('edition_transitions as t')
      .leftJoin('users as u', 'u.id', 't.user_id')
      .select(['t.id', 't.at', 't.from_status', 't.to_status', 't.note', 'u.id as user_id', 'u.name as user_name'])
      .where('t.edition_id', '=', editionId)
      .orderBy('t.at')
      .orderBy('t.id')
      .execute();
  }

  notes(editionId: number) {
    return this.db
      .selectFrom('edition_notes as n')
      .leftJoin('users as u', 'u.id', 'n.user_id')
      .select(['n.id', 'n.kind', 'n.text', 'n.at', 'u.id as user_id', 'u.name as user_name'])
      .where('n.edition_id', '=', editionId)
      .orderBy('n.at')
      .orderBy('n.id')
      .execute();
  }

  async touchPresence(editionId: number, userId: number, now: number): Promise<void> {
    await this.db
      .insertInto('presence')
      .values({ edition_id: editionId, user_id: userId, seen_at: now })
      .onConflict((oc) => oc.columns(['edition_id', 'user_id']).doUpdateSet({ seen_at: now }))
      .execute();
  }

  async dropPresence(editionId: number, userId: number): Promise<void> {
    await this.db.deleteFrom('presence').where('edition_id', '=', editionId).where('user_id', '=', userId).execute();
  }

  async presence(editionIds: number[], since: number): Promise<Map<number, { id: number; name: string }[]>> {
    const out = new Map<number, { id: number; name: string }[]>();
    if (!editionIds.length) return out;
    const rows = await this.db
      .selectFrom('presence as p')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .select(['p.edition_id', 'u.id', 'u.name'])
      .where('p.edition_id', 'in', editionIds)
      .where('p.seen_at', '>=', since)
      .orderBy('p.edition_id')
      .orderBy('u.name')
      .orderBy('u.id')
      .execute();
    for (const r of rows) out.set(r.edition_id, [...(out.get(r.edition_id) ?? []), { id: r.id, name: r.name }]);
    return out;
  }

  // ---- Writes, always inside the caller's transaction ----

  async insertStory(trx: Kysely<Database>, createdBy: number, now: number): Promise<number> {
    const r = await trx.insertInto('stories').values({ section_id: null, hero_media_id: null, created_at: now, updated_at: now, created_by: createdBy }).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  async insertEdition(trx: Kysely<Database>, values: Insertable<EditionsTable>): Promise<number> {
    const r = await trx.insertInto('editions').values(values).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  /** Whether an edition (other than `exceptEdition`) or a redirect holds this address. */
  async slugTaken(trx: Kysely<Database>, locale: string, slug: string, exceptEdition?: number): Promise<boolean> {
    let q = trx.selectFrom('editions').select('id').where('locale', '=', locale).where('slug', '=', slug);
    if (exceptEdition !== undefined) q = q.where('id', '!=', exceptEdition);
    if (await q.executeTakeFirst()) return true;
    let r = trx.selectFrom('edition_redirects').select('edition_id').where('locale', '=', locale).where('slug', '=', slug);
    if (exceptEdition !== undefined) r = r.where('edition_id', '!=', exceptEdition);
    return !!(await r.executeTakeFirst());
  }

  /** `base`, or `base-2`, `base-3`… — the first address no edition or redirect holds. */
  async freeSlug(trx: Kysely<Database>, locale: string, base: string, exceptEdition?: number): Promise<string> {
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      if (!(await this.slugTaken(trx, locale, candidate, exceptEdition))) return candidate;
    }
  }

  /** Keeps `oldSlug` as a redirect to the edition and frees `newSlug` from any redirect. */
  async moveAddress(trx: Kysely<Database>, e: { id: number; locale: string }, oldSlug: string | null, newSlug: string, now: number): Promise<void> {
    if (oldSlug !== null) {
      await trx.insertInto('edition_redirects').values({ locale: e.locale, slug: oldSlug, edition_id: e.id, created_at: now }).onConflict((oc) => oc.columns(['locale', 'slug']).doNothing()).execute();
    }
    await trx.deleteFrom('edition_redirects').where('locale', '=', e.locale).where('slug', '=', newSlug).execute();
  }

  /**
   * Writes an edition only if it is still at `version` and `status` — the optimistic lock of a
   * save: a concurrent save or transition makes it change nothing and answer false.
   */
  async updateEditionIf(trx: Kysely<Database>, id: number, expect: { version: number; status: EditionStatus }, patch: Updateable<EditionsTable>): Promise<boolean> {
    const r = await trx.updateTable('editions').set(patch).where('id', '=', id).where('version', '=', expect.version).where('status', '=', expect.status).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** A workflow move, conditional on the status it starts from: the loser of a race changes nothing. */
  async moveStatus(trx: Kysely<Database>, id: number, from: EditionStatus, patch: Updateable<EditionsTable>): Promise<boolean> {
    const r = await trx.updateTable('editions').set(patch).where('id', '=', id).where('status', '=', from).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** The scheduled-publishing flip: only a story still scheduled for exactly `at`. */
  async publishIfScheduled(trx: Kysely<Database>, id: number, at: number, now: number): Promise<boolean> {
    const r = await trx.updateTable('editions').set({ status: 'published', scheduled_at: null, updated_at: now }).where('id', '=', id).where('status', '=', 'scheduled').where('scheduled_at', '=', at).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** The expiry flip: only an edition still published and still set to expire at exactly `at`. */
  async unpublishIfExpiring(trx: Kysely<Database>, id: number, at: number, now: number): Promise<boolean> {
    const r = await trx.updateTable('editions').set({ status: 'unpublished', scheduled_at: null, unpublish_at: null, updated_at: now }).where('id', '=', id).where('status', '=', 'published').where('unpublish_at', '=', at).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async updateEdition(trx: Kysely<Database>, id: number, patch: Updateable<EditionsTable>): Promise<void> {
    await trx.updateTable('editions').set(patch).where('id', '=', id).execute();
  }

  async updateStoryFields(trx: Kysely<Database>, storyId: number, f: { section_id: number | null; hero_media_id: number | null; updated_at: number }): Promise<void> {
    await trx.updateTable('stories').set(f).where('id', '=', storyId).execute();
  }

  /** Editions derived from `sourceId` that still follow it (in sync, or waiting for an update to be accepted). */
  followers(trx: Kysely<Database>, sourceId: number) {
    return trx.selectFrom('editions').select(['id', 'status', 'sync']).where('derived_from', '=', sourceId).where('sync', 'in', ['synced', 'pending']).orderBy('id').execute();
  }

  /** Deletes an edition, and its story when it was the last one. */
  async deleteEdition(trx: Kysely<Database>, id: number, storyId: number): Promise<void> {
    await trx.deleteFrom('editions').where('id', '=', id).execute();
    const left = await trx.selectFrom('editions').select('id').where('story_id', '=', storyId).executeTakeFirst();
    if (!left) await trx.deleteFrom('stories').where('id', '=', storyId).execute();
  }

  async insertNote(trx: Kysely<Database>, n: { edition_id: number; kind: 'correction' | 'update'; text: string; at: number; user_id: number }): Promise<void> {
    await trx.insertInto('edition_notes').values(n).execute();
    await trx.updateTable('editions').set({ updated_at: n.at }).where('id', '=', n.edition_id).execute();
  }

  userName(id: number): Promise<string | undefined> {
    return this.db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst().then((r) => r?.name);
  }
}
