/** SQL for hand-picked related stories and the edition's urgency (migration 0016). */
import { sql, type Kysely } from 'kysely';
import type { Database, EditionStatus } from '../db/schema.js';

export interface RelatedPick {
  storyId: number;
  editionId: number;
  locale: string;
  headline: string;
  status: EditionStatus;
}

/** `%` and `_` typed by an editor are letters, not wildcards. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export class RelatedRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The picked story ids of a story, in the editor's order. */
  async pickedIds(storyId: number, trx: Kysely<Database> = this.db): Promise<number[]> {
    const rows = await trx.selectFrom('story_related').select('related_story_id').where('story_id', '=', storyId).orderBy('position').orderBy('related_story_id').execute();
    return rows.map((r) => r.related_story_id);
  }

  /** Every edition of the given stories (a handful: at most a few per story). */
  editionsOf(storyIds: number[]) {
    if (!storyIds.length) return Promise.resolve([]);
    return this.db.selectFrom('editions').select(['id', 'story_id', 'locale', 'headline', 'status']).where('story_id', 'in', storyIds).orderBy('id').execute();
  }

  async existingStories(ids: number[]): Promise<Set<number>> {
    if (!ids.length) return new Set();
    const rows = await this.db.selectFrom('stories').select('id').where('id', 'in', ids).execute();
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Replaces the picks. The story row is locked first (PostgreSQL; SQLite has one writer), so two
   * editors saving picks at once replace the list one after the other instead of interleaving.
   */
  async replace(trx: Kysely<Database>, storyId: number, relatedIds: number[], now: number): Promise<boolean> {
    const locked = await trx.updateTable('stories').set({ updated_at: now }).where('id', '=', storyId).executeTakeFirst();
    if (Number(locked.numUpdatedRows) !== 1) return false;
    await trx.deleteFrom('story_related').where('story_id', '=', storyId).execute();
    if (relatedIds.length) await trx.insertInto('story_related').values(relatedIds.map((related_story_id, position) => ({ story_id: storyId, related_story_id, position }))).execute();
    return true;
  }

  /**
   * Candidates for the picker: published or scheduled editions of other stories whose folded text
   * contains `folded`, newest first, at most `scan` rows (the caller keeps headline matches).
   */
  candidates(storyId: number, folded: string, scan: number) {
    let q = this.db
      .selectFrom('editions as e')
      .select(['e.id', 'e.story_id', 'e.locale', 'e.headline', 'e.status', 'e.published_at'])
      .where('e.story_id', '!=', storyId)
      .where('e.status', 'in', ['published', 'scheduled']);
    if (folded) q = q.where(sql<boolean>`e.search_text like ${`%${likeEscape(folded)}%`} escape '\\'`);
    return q.orderBy('e.published_at', 'desc').orderBy('e.id', 'desc').limit(scan).execute();
  }

  /** Derived editions that follow `sourceId` (sync = synced): they take its urgency too. */
  syncedFollowers(trx: Kysely<Database>, sourceId: number) {
    return trx.selectFrom('editions').select(['id', 'locale', 'status']).where('derived_from', '=', sourceId).where('sync', '=', 'synced').orderBy('id').execute();
  }

  async setUrgency(trx: Kysely<Database>, editionIds: number[], urgency: number): Promise<void> {
    if (editionIds.length) await trx.updateTable('editions').set({ urgency }).where('id', 'in', editionIds).execute();
  }
}
