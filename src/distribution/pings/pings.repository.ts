/** The SQL the pings need beyond the public story reader. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** Old addresses a job names at most (a slug changed that often in one window is a typing spree). */
const MAX_MOVED = 20;

export class PingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Slugs the edition moved away from since `since` (they now redirect to its current address). */
  async slugsLeftSince(editionId: number, since: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('edition_redirects')
      .select('slug')
      .where('edition_id', '=', editionId)
      .where('created_at', '>=', since)
      .orderBy('created_at')
      .orderBy('slug')
      .limit(MAX_MOVED)
      .execute();
    return rows.map((r) => r.slug);
  }
}
