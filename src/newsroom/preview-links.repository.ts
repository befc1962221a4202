/** SQL for shareable preview links (migration 0016). Only token hashes are stored. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface PreviewLinkRow {
  id: number;
  edition_id: number;
  created_at: number;
  expires_at: number;
  created_by: number | null;
  created_by_name: string | null;
}

export class PreviewLinksRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Takes the edition's row lock (PostgreSQL; SQLite runs one writer at a time), so two creations
   * for one edition count its active links one after the other. False when the edition is gone.
   */
  async lockEdition(trx: Kysely<Database>, editionId: number): Promise<boolean> {
    const r = await trx.updateTable('editions').set((eb) => ({ urgency: eb.ref('urgency') })).where('id', '=', editionId).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async countActive(trx: Kysely<Database>, editionId: number, now: number): Promise<number> {
    const row = await trx.selectFrom('preview_links').select((eb) => eb.fn.countAll<number>().as('n')).where('edition_id', '=', editionId).where('revoked_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async insert(trx: Kysely<Database>, row: { edition_id: number; token_hash: string; created_by: number; created_at: number; expires_at: number }): Promise<number> {
    const { id } = await trx.insertInto('preview_links').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  }

  /** Active links of an edition, newest first; `limit` bounds the answer. */
  active(editionId: number, now: number, limit: number): Promise<PreviewLinkRow[]> {
    return this.db
      .selectFrom('preview_links as p')
      .leftJoin('users as u', 'u.id', 'p.created_by')
      .select(['p.id', 'p.edition_id', 'p.created_at', 'p.expires_at', 'p.created_by', 'u.name as created_by_name'])
      .where('p.edition_id', '=', editionId)
      .where('p.revoked_at', 'is', null)
      .where('p.expires_at', '>', now)
      .orderBy('p.created_at', 'desc')
      .orderBy('p.id', 'desc')
      .limit(limit)
      .execute();
  }

  /** Revokes one active link of the edition; false when there is none (unknown, expired, already revoked). */
  async revoke(trx: Kysely<Database>, editionId: number, linkId: number, now: number): Promise<boolean> {
    const r = await trx
      .updateTable('preview_links')
      .set({ revoked_at: now })
      .where('id', '=', linkId)
      .where('edition_id', '=', editionId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** The edition a live token opens, or null (unknown, expired and revoked look the same). */
  async editionFor(tokenHash: string, now: number): Promise<number | null> {
    const row = await this.db
      .selectFrom('preview_links')
      .select('edition_id')
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row?.edition_id ?? null;
  }
}
