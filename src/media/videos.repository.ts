/** SQL for uploaded videos (one row per distinct file). */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, VideosTable } from '../db/schema.js';

export class VideosRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Inserts the row unless one with the same key (the same bytes) exists, and returns whichever
   * holds the key: two uploads of one file at once end with one row (on conflict do nothing).
   */
  async insertOnce(row: Insertable<VideosTable>): Promise<Selectable<VideosTable>> {
    await this.db.insertInto('videos').values(row).onConflict((oc) => oc.column('storage_key').doNothing()).execute();
    return this.db.selectFrom('videos').selectAll().where('storage_key', '=', row.storage_key).executeTakeFirstOrThrow();
  }
}
