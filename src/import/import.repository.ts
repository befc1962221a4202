/**
 * The import's own records, SQL only: which source item became which row (import_items: the key
 * of idempotence and resumption) and the old site's addresses (old_url_redirects). Callers pass
 * their transaction where a write must commit with the rows it describes.
 */
import { type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { visibleAt } from '../content/visibility.js';

export class ImportRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async target(source: string, kind: string, sourceId: string, trx: Kysely<Database> = this.db): Promise<number | null | undefined> {
    const r = await trx.selectFrom('import_items').select('target_id').where('source', '=', source).where('kind', '=', kind).where('source_id', '=', sourceId).executeTakeFirst();
    return r ? r.target_id : undefined;
  }

  async record(trx: Kysely<Database>, source: string, kind: string, sourceId: string, targetId: number | null, now: number): Promise<void> {
    await trx.insertInto('import_items').values({ source, kind, source_id: sourceId, target_id: targetId, created_at: now }).execute();
  }

  /** Adds an old address; false when the address already leads somewhere (the first one wins). */
  async addRedirect(trx: Kysely<Database>, path: string, to: { editionId?: number; pageId?: number; target?: string }, now: number): Promise<boolean> {
    const r = await trx
      .insertInto('old_url_redirects')
      .values({ path, edition_id: to.editionId ?? null, page_id: to.pageId ?? null, target: to.target ?? '', created_at: now })
      .onConflict((oc) => oc.column('path').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /**
   * Where an old address leads now: the edition's or page's current locale and slug (so a later
   * rename is followed), or a fixed path. Only what readers may see: a draft's address stays a 404.
   */
  async resolve(path: string, now: number): Promise<{ edition?: { locale: string; slug: string }; page?: { locale: string; slug: string }; target?: string } | null> {
    const r = await this.db.selectFrom('old_url_redirects').select(['edition_id', 'page_id', 'target']).where('path', '=', path).executeTakeFirst();
    if (!r) return null;
    if (r.edition_id !== null) {
      const e = await this.db.selectFrom('editions as e').select(['e.locale', 'e.slug']).where('e.id', '=', r.edition_id).where(visibleAt(now)).executeTakeFirst();
      return e ? { edition: e } : null;
    }
    if (r.page_id !== null) {
      const p = await this.db.selectFrom('pages').select(['locale', 'slug']).where('id', '=', r.page_id).where('status', '=', 'published').executeTakeFirst();
      return p ? { page: p } : null;
    }
    return r.target ? { target: r.target } : null;
  }
}
