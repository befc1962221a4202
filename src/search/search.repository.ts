/** SQL of search that is not the engine's match (that is in db/dialect.ts): texts for snippets. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export class SearchRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Lead and body document of a page of editions (at most a page, so O(page)). */
  async texts(ids: number[]): Promise<{ id: number; lead: string; body_json: string }[]> {
    if (ids.length === 0) return [];
    return this.db.selectFrom('editions').select(['id', 'lead', 'body_json']).where('id', 'in', ids).execute();
  }
}
